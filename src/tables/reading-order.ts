/**
 * Reader for reading-order PDF text (`pdftotext` without `-layout`): the
 * table comes out as text blocks, one cell (or a few neighbouring cells) per
 * paragraph, often column block by column block inside a group of rows, and
 * the header's cells come out as short lines of their own, again after every
 * page break:
 *
 *   > | 關鍵策略目標
 *       ^^^^^^^^^^^^ a header cell alone on its line
 *   > |
 *   > | 一
 *   > |
 *   > | 二
 *   > |
 *   > | 關鍵績效指標
 *
 * The table is found by its header cells (the same header words as the
 * flattened reader's, plus the work-plan and work-report headers); rows are
 * rebuilt from the sequence of blocks by the kind of table
 * (`reading-order-rows.ts`).
 */
import { lineTableOf } from '../line-table.js';
import { append } from '../arrays.js';
import { matchTitle } from '../documents.js';
import { linesPosition } from '../lines.js';
import { parseMarker } from '../markers.js';
import { stripSpaces } from '../normalize/text.js';
import { columnRole, isKpiHeader } from '../records/columns.js';
import { reportColumns } from '../records/report-items.js';
import { workColumns } from '../records/work-items.js';
import type { Diagnostic, Line, RawTable, TableReader } from '../types.js';
import { readItems } from './flattened-cells.js';
import { readRawReport } from './raw-report.js';
import { buildRows } from './flattened-rows.js';
import { isHeaderLine } from './flattened.js';
import { lineParts, paragraphs, type Paragraph, pieceOf } from './reading-order-cells.js';
import { joinStrategyTails, splitBaselineCells } from './baseline-cells.js';
import { buildKpiRows, buildReportRows, buildWideKpiRows, buildWorkRows } from './reading-order-rows.js';
import { isStacked, stackedLines } from './reading-order-stacked.js';
import { buildStreamWorkRows, type StreamLine, unjustify } from './stream-work.js';
import { joinWrappedValues } from './wrapped-values.js';
import { joinWrappedTitles, wrappedTitleAt } from './wrapped-titles.js';

//   > | 機關工作項目   預算金額   (單位：千元)   計畫名稱   類   辦理情形   完成程度   百分比
//       ^^^^^^^^^^^^   ^^^^^^^^   ^^^^^^^^^^^^   ^^^^^^^^   ^^
const ITEM_HEADER_WORD =
  /^(?:機關工作項目|重要工作(?:計畫)?項目|工作計畫項目|實施內容|執行內容|預算金額|經費|[(（]單位[:：]?(?:千元|元|萬元)[)）]|計畫名稱|類|項|目|辦理情形|執行情形|完成程度|完成程|完成程度百分比|百分比|備註)$/u;
/** How far the header's cells may spread (blocks of ordinals and strategy texts may stand between them). */
const HEADER_REACH = 400;

export type TableShape = 'kpi' | 'work' | 'report';

/**
 * A line that may hold a header cell.  A table header repeated after every
 * page's number (MuPDF writes the number at the page's top, just before the
 * header) is taken for a running header by the line stage: it is still the
 * table's header.
 *
 *   > | 3
 *   > |
 *   > | 機關工作項目
 *       ^^^^^^^^^^^^ running header, and the table's first cell
 */
function isCellLine(line: Line): boolean {
  return line.role === 'content' || line.role === 'running-header';
}

/** One header cell of a reading-order table: its text is a header word or a line of years. */
export function isHeaderCell(text: string): boolean {
  const compact = stripSpaces(text);
  if (compact === '' || compact.length > 16) return false;
  return ITEM_HEADER_WORD.test(compact) || isHeaderLine(text);
}

//   > | 序號   關鍵策略目標   衡量標準   年度目標值   機關工作項目   計畫名稱
//       ^^^^ a column title a table can start with (not `單位`, `類`, `108年`)
const LEADING_CELL = /^(?:機關工作項目|重要工作(?:計畫)?項目|計畫名稱|辦理情形)$/u;

/** Every leading cell holds one of these (a cheap test before the real one). */
const LEADING_HINT = /[標目稱情準式]/u;

/** A header cell that names a column of its own: where a reading-order table starts. */
function isLeadingCell(text: string): boolean {
  const compact = stripSpaces(text);
  if (compact === '' || compact.length > 16) return false;
  if (LEADING_CELL.test(compact)) return true;
  const role = columnRole(compact).role;
  return (role === 'strategy-marker' || role === 'strategy' || role === 'indicator' || role === 'measure' || (role === 'year' && /目標值/u.test(compact))) && isHeaderCell(text);
}

function isHeaderBlock(paragraph: Paragraph): boolean {
  return paragraph.header === true || paragraph.texts.every(isHeaderCell);
}

//   > | 年度績效目標值
//   > |
//   > | 107            (header cells: bare years right after the target group's title)
//       ^^^
const BARE_YEAR = /^(?:民國)?(\d{2,3})$/u;

/**
 * Bare years (`107`, `108` …, one block each) right after the target
 * group's header cell are header cells too, not target values; they are
 * marked so and given the `年` the year columns are named with.
 */
/**
 * The `年` of a year column's title wrapped under its number in a narrow
 * cell (MuPDF gives the two lines one block):
 *
 *   > | 108
 *   > | 年
 *       ^
 */
function isYearUnit(text: string): boolean {
  return /^年度?$/u.test(text.trim());
}

//   > | 110
//   > | 年
//   > | 111 年
//       ^^^^^^ two year titles in one of MuPDF's blocks, one wrapped, one not
const YEAR_PIECE = /^(?:民國)?([0-9]{2,3})(?: ?年)?$/u;

/** The year titles of a block made of years and their `年` only (each year once), or null. */
function yearRun(texts: readonly string[]): string[] | null {
  const years: string[] = [];
  for (const text of texts) {
    if (isYearUnit(text)) continue;
    const year = YEAR_PIECE.exec(text);
    if (!year || Number(year[1]) < 80 || Number(year[1]) > 200) return null;
    years.push(`${year[1]}年`);
  }
  // (Bare numbers side by side are target values: a title prints its 年.)
  return years.length > 0 && texts.some((text) => text.includes('年')) ? years : null;
}

function bareYearsAsHeader(blocks: Paragraph[]): Paragraph[] {
  let afterGroup = false;
  return blocks.map((block) => {
    const text = block.texts.length === 1 || (block.texts.length === 2 && isYearUnit(block.texts[1])) ? block.texts[0] : '';
    const year = BARE_YEAR.exec(text);
    if (afterGroup && year && Number(year[1]) >= 80 && Number(year[1]) <= 200) return { ...block, texts: [`${year[1]}年`], header: true };
    const run = afterGroup ? yearRun(block.texts) : null;
    if (run) return { ...block, texts: run, header: true };
    afterGroup = block.texts.some((line) => /目標值/u.test(line) && isHeaderCell(line));
    if (afterGroup) return block;
    return block;
  });
}

//   > | 預算金額
//   > | (單位：千
//       ^ the budget column's unit note, wrapped in its narrow header cell
//   > |
//   > | 元)
const UNIT_NOTE = /^[(（]\s*單位/u;

/**
 * A unit note wrapped under its header cell (MuPDF blocks it with the
 * cell, its last piece maybe a block of its own) belongs to the header:
 * its blocks are marked so, up to the closing parenthesis.
 */
function unitNotesAsHeader(blocks: Paragraph[]): Paragraph[] {
  let open = false;
  return blocks.map((block) => {
    const k = open ? 0 : block.texts.findIndex((text) => UNIT_NOTE.test(text));
    if (k < 0 || (!open && !block.texts.slice(0, k).some(isHeaderCell)) || (open && block.texts.length > 2)) {
      open = false;
      return block;
    }
    open = !/[)）]$/u.test(block.texts[block.texts.length - 1]);
    return { ...block, header: true };
  });
}

export const readingOrderReader: TableReader = {
  layout: 'reading-order',
  read(lines, start, limit) {
    const first = lines[start];
    // Quick test first: this runs on every content line.
    if (!isCellLine(first) || first.text.length > 24 || first.text.includes('\t') || !LEADING_HINT.test(first.text)) return null;
    const firstText = first.text.replace(/\f/gu, '').trim();
    const wordHeader = isHeaderWords(firstText);
    if (!isLeadingCell(wordHeader ? firstText.split(/\s+/u)[0] : firstText)) return null;
    const blockHeader = !wordHeader && startsHeaderBlock(lines, start, limit);
    if (!blockHeader && !wordHeader && !startsHeaderLines(lines, start, limit)) return null;
    const head = readHeader(lines, start, limit, wordHeader);
    if (!head) return null;
    const end = tableEnd(lines, start, limit, head.shape);
    if (wordHeader) return head.shape === 'work' ? readRunningWork(lines, start, end, head) : null;
    if (!blockHeader) return head.shape === 'kpi' ? readLineCells(lines, start, end, head) : head.shape === 'report' ? readRawReport(lines, start, end, head.header, isRunningFurniture) : null;
    const blocks = unitNotesAsHeader(bareYearsAsHeader(dropPageNumbers(joinWrappedTitles(paragraphs(lines, start, end), isHeaderCell), lines)));
    const body = markPageTops(blocks).filter((paragraph) => !isHeaderBlock(paragraph));
    // MuPDF's stacked blocks: a cell per line, each block's end a known cell end.
    const headerStacked = blocks.some((block) => block.texts.filter(isHeaderCell).length >= 2);
    if (head.shape === 'kpi' && isStacked(body, headerStacked)) return readLineCells(lines, start, end, head, stackedLines(body, lines, Math.max(1, head.years.length)));
    const diagnostics: Diagnostic[] = [];
    const position = linesPosition(lines, start, end);
    if (head.shape === 'kpi' && head.years.length === 0) {
      // The first page's header printed no years: a repeated header may.
      const later = yearsOf(blocks.filter(isHeaderBlock).flatMap((block) => block.texts));
      if (later.length > 0) head.header.splice(head.header.length - 1, 1, ...later.map((year) => `${head.header[head.header.length - 1]}/${year}`));
      append(head.years, later);
    }
    const years = head.years.length > 0 ? head.years.length : valueRunLength(body);
    const built =
      head.shape === 'kpi'
        ? head.header.some((cell) => ['strategy-marker', 'indicator-marker', 'assessment-system', 'assessment-method'].includes(columnRole(cell).role))
          ? buildWideKpiRows(body, head.header.slice(0, head.header.length - Math.max(1, head.years.length)), years, lines)
          : buildKpiRows(joinStrategyTails(body.flatMap(splitBaselineCells), years), years, lines)
        : head.shape === 'work'
          ? buildWorkRows(body.map(unjustified), head.header.length, lines)
          : buildReportRows(blocks.map(unjustified), isHeaderBlock, lines);
    append(diagnostics, built.diagnostics);
    if (built.rows.length === 0) {
      // A header we know with a body we cannot read: say so rather than return nothing.
      diagnostics.push({ severity: 'warning', code: 'table-body-unread', message: `table header 「${head.header.join(' / ')}」 found but no row could be read from the text after it`, position });
    }
    return { layout: 'reading-order', header: head.header, rows: built.rows, start, end, position, diagnostics } satisfies RawTable;
  },
};

//   > | 肆、 會計
//          ^ Writer's justification after a label's marker: no gap between cells
const MARKER_SPACE = /^([一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]{1,3}、) (?=\p{Script=Han})/u;

/**
 * A block with Writer's justified lines closed up (`農 林 漁 牧 調 查 統 計 陳`,
 * `肆、 會計`): work and report rows are rebuilt from the lines' widths and
 * parts, and a justified line would read as cells side by side.
 */
function unjustified(block: Paragraph): Paragraph {
  const texts = block.texts.map((text) => unjustify(text).replace(MARKER_SPACE, '$1'));
  return texts.every((text, k) => text === block.texts[k]) ? block : { ...block, texts };
}

/** Mark the first body block after each page break (and its repeated header). */
function markPageTops(blocks: readonly Paragraph[]): Paragraph[] {
  let top = false;
  return blocks.map((block) => {
    if (block.pageStart) top = true;
    if (!top || isHeaderBlock(block)) return block;
    top = false;
    return { ...block, pageTop: true };
  });
}

function isYear(word: string): boolean {
  const role = columnRole(word);
  return role.role === 'year' && role.year !== null;
}

/** The year cells of header lines (`108年 109年 110年 111年`), each once, in order. */
function yearsOf(texts: readonly string[]): string[] {
  const years: string[] = [];
  // (`111 年`: Writer sets a year apart from its 年.)
  for (const text of texts) for (const word of text.replace(/([0-9]{2,3}) 年/gu, '$1年').split(/\s+/u)) if (isYear(word) && !years.includes(word)) years.push(word);
  return years;
}

/**
 * Without year cells in any header, the number of target columns is the
 * usual length of a run of value blocks.
 */
function valueRunLength(blocks: readonly Paragraph[]): number {
  const counts = new Map<number, number>();
  let run = 0;
  for (const block of blocks) {
    const piece = pieceOf(block);
    if (piece.kind === 'values' || piece.kind === 'number') run += piece.kind === 'values' ? piece.values.length : 1;
    else {
      if (run > 0) counts.set(run, (counts.get(run) ?? 0) + 1);
      run = 0;
    }
  }
  if (run > 0) counts.set(run, (counts.get(run) ?? 0) + 1);
  let best = 1;
  let bestCount = 0;
  for (const [length, count] of counts) if (count > bestCount || (count === bestCount && length > best)) [best, bestCount] = [length, count];
  return best;
}

/**
 * Reading-order text writes each header cell as a block of its own: the
 * block the table starts with holds header cells only and a blank line
 * ends it (a converter that writes a header cell per line without blank
 * lines is the flattened reader's).
 *
 *   > | 關鍵策略目標
 *   > |                 (blank: the cell's block ends)
 *   > | 一
 */
function startsHeaderBlock(lines: readonly Line[], start: number, limit: number): boolean {
  let reach = start + 4;
  for (let i = start; i < limit && i < reach; i++) {
    const line = lines[i];
    if (line.role === 'blank') return i > start;
    if (!isCellLine(line) || (i > start && line.text.includes('\f'))) return false;
    if (!isHeaderCell(line.text.replace(/\f/gu, ''))) {
      // A title wrapped over blocks after the first cell (`關鍵績效指` / `標`): a cell, however many lines it took.
      const wrapped = i > start ? wrappedTitleAt(lines, i, limit, isHeaderCell) : null;
      if (!wrapped) return false;
      reach += wrapped.end - 1 - i;
      i = wrapped.end - 1;
    }
  }
  return false;
}

/**
 * The header's cells on lines of their own without blank lines between
 * (an extractor that writes a cell per line and no paragraph breaks):
 * three header cells in a row.
 *
 *   > | 關鍵策略目標
 *   > | 關鍵績效指標
 *   > | 衡量標準
 */
function startsHeaderLines(lines: readonly Line[], start: number, limit: number): boolean {
  let cells = 0;
  for (let i = start; i < limit && i < start + 3; i++) {
    const line = lines[i];
    if (!isCellLine(line) || !isHeaderCell(line.text.replace(/\f/gu, ''))) return false;
    cells++;
  }
  return cells === 3;
}

//   > | 機關工作項目 重要工作計畫項目 實施內容
//       ^^^^^^^^^^^^ ^^^^^^^^^^^^^^^^ ^^^^^^^^ header cells on one line (`pdftotext -raw`)
function isHeaderWords(text: string): boolean {
  const words = text.split(/\s+/u);
  return words.length >= 2 && words.every(isHeaderCell);
}

/**
 * A work-plan table in content-stream order (`pdftotext -raw`): no blank
 * lines, the header's cells on one line, each cell's lines one after the
 * other.  Its repeated headers and page numbers (a lone number before the
 * header or the page break) are left out, and the rows are rebuilt from the
 * order of the cells (`buildStreamWorkRows`).
 *
 *   > | 收件初審後轉陳市政府核辦，俾利民眾申
 *   > | 3
 *       ^ page number
 *   > | 機關工作項目 重要工作計畫項目 實施內容
 */
function readRunningWork(lines: Line[], start: number, end: number, head: Header): RawTable {
  const body: StreamLine[] = [];
  for (const block of paragraphs(lines, start, end)) {
    let pageStart = block.pageStart;
    let inHeader = false;
    for (let k = 0; k < block.texts.length; k++) {
      const text = block.texts[k];
      const next = block.texts[k + 1];
      if (isHeaderCell(text) || isHeaderWords(text)) {
        inHeader = true;
        continue;
      }
      // A header cell wrapped over lines: inside the header, or where a repeated header starts (`機關工作項` / `目`).
      let wrapped = wrappedHeaderCell(block.texts, k);
      if (!inHeader && wrapped > 0 && !(wrapped >= 2 && k + wrapped < block.texts.length && (isHeaderCell(block.texts[k + wrapped]) || isHeaderWords(block.texts[k + wrapped])))) wrapped = 0;
      if (wrapped > 0) {
        k += wrapped - 1;
        inHeader = true;
        continue;
      }
      inHeader = false;
      if (LONE_NUMBER.test(text) && (next === undefined || isHeaderCell(next) || isHeaderWords(next))) continue;
      body.push({ line: block.lines[k], text, pageStart });
      pageStart = false;
    }
  }
  const rows = buildStreamWorkRows(body, lines);
  const position = linesPosition(lines, start, end);
  const diagnostics: Diagnostic[] = [];
  if (rows.length === 0) diagnostics.push({ severity: 'warning', code: 'table-body-unread', message: `table header 「${head.header.join(' / ')}」 found but no row could be read from the text after it`, position });
  return { layout: 'reading-order', header: head.header, rows, start, end, position, diagnostics };
}

/** Lines a header cell wraps over at most in its narrow column (`預算金` / `額`, `(單` / `位：千` / `元)`). */
const HEADER_CELL_LINES = 4;

/**
 * How many lines from `k` make one header cell wrapped in its column (0: none).
 *
 *   > | 機關工作項目 重要工作計畫項目 實施內容
 *   > | 預算金
 *   > | 額
 *       ^ 預算金額, a header cell
 */
function wrappedHeaderCell(texts: readonly string[], k: number): number {
  let joined = '';
  for (let j = k; j < texts.length && j < k + HEADER_CELL_LINES; j++) {
    if (stripSpaces(texts[j]).length > 6) return 0;
    joined += stripSpaces(texts[j]);
    if (isHeaderCell(joined) || isHeaderWords(joined)) return j - k + 1;
  }
  return 0;
}

/** The header cell wrapped over the lines from `i` (content lines of one page), with the line after it. */
function wrappedHeaderAt(lines: readonly Line[], i: number, limit: number): { text: string; end: number } | null {
  const texts: string[] = [];
  for (let j = i; j < limit && texts.length < HEADER_CELL_LINES; j++) {
    if (j > i && lines[j].text.includes('\f')) break;
    if (!isCellLine(lines[j])) break;
    texts.push(lines[j].text.replace(/\f/gu, '').trim());
  }
  const count = wrappedHeaderCell(texts, 0);
  return count >= 2 ? { text: texts.slice(0, count).map(stripSpaces).join(''), end: i + count } : null;
}

/**
 * A KPI table whose cells are lines with no blank line between them: the
 * flattened reader's shape (wrapped cells, no cell-end marks), read with its
 * item and row builders once the header lines and repeated headers are out.
 */
function readLineCells(lines: Line[], start: number, end: number, head: Header, stacked?: { body: Line[]; ends: Set<number> }): RawTable | null {
  const body: Line[] = stacked?.body ?? [];
  for (let i = stacked ? end : start; i < end; i++) {
    const line = lines[i];
    const text = line.text.replace(/\f/gu, '').trim();
    if (line.role !== 'content' || text === '' || isHeaderCell(text) || PAGE_LABEL.test(text)) continue;
    body.push(text === line.text ? line : { ...line, text });
  }
  const shape = { textColumns: head.header.length - Math.max(1, head.years.length) - 1, years: Math.max(1, head.years.length) };
  const position = linesPosition(lines, start, end);
  const items = stacked ? readItems(body, shape, lines, stacked.ends) : readItems(joinWrappedValues(body, shape.years), shape, lines);
  const { rows, diagnostics } = buildRows(items, shape, lines);
  if (rows.length === 0) diagnostics.push({ severity: 'warning', code: 'table-body-unread', message: `table header 「${head.header.join(' / ')}」 found but no row could be read from the text after it`, position });
  return { layout: 'reading-order', header: head.header, rows, start, end, position, diagnostics };
}

interface Header {
  shape: TableShape;
  header: string[];
  years: string[];
}

/**
 * The header's cells: every header block before the first page break (the
 * header repeats after each break), in order.  A cell may stand after the
 * first body blocks (`預算金額` printed after the first rows), so the words
 * are collected up to the page break, not only at the top.
 */
function readHeader(lines: readonly Line[], start: number, limit: number, joinWrapped = false): Header | null {
  const words: string[] = [];
  const years: string[] = [];
  let seenContent = 0;
  let afterGroup = false;
  let yearRun = 0;
  /** The line before was a header cell. */
  let afterCell = false;
  for (let i = start; i < limit && seenContent < HEADER_REACH; i++) {
    const line = lines[i];
    if (i > start && line.text.includes('\f')) break;
    if (!isCellLine(line)) continue;
    seenContent++;
    const text = line.text.replace(/\f/gu, '').trim();
    const bare = BARE_YEAR.exec(text);
    if (bare && (afterGroup || yearRun > 0) && Number(bare[1]) >= 80 && Number(bare[1]) <= 200) {
      // `年度績效目標值` then `107`, `108` … each a block of its own.
      const year = `${bare[1]}年`;
      if (!years.includes(year)) years.push(year);
      yearRun++;
      continue;
    }
    if (yearRun > 0 && isYearUnit(text)) continue;
    yearRun = 0;
    const unwrapped = !isHeaderCell(text) && !isHeaderWords(text);
    // Beside a header cell, a title may wrap over blocks (`關鍵績效指` / `標`).
    const wrapped = unwrapped ? (joinWrapped ? wrappedHeaderAt(lines, i, limit) : afterCell ? wrappedTitleAt(lines, i, limit, isHeaderCell) : null) : null;
    afterCell = !unwrapped;
    if (wrapped) {
      // A header cell wrapped in its narrow column (`預算金` / `額`, `(單` / `位：千` / `元)`).
      if (!words.includes(wrapped.text)) words.push(wrapped.text);
      afterCell = true;
      i = wrapped.end - 1;
      continue;
    }
    if (!isHeaderCell(text) && !isHeaderWords(text)) {
      afterGroup = false;
      continue;
    }
    afterGroup = /目標值/u.test(text);
    for (const word of text.split(/\s+/u)) if (!isYear(word) && !words.includes(word)) words.push(word);
    append(years, yearsOf([text]).filter((year) => !years.includes(year)));
  }
  // The first line alone is no table (a wrapped cell that happens to read `目標值`).
  if (words.length < 3 || words.includes('修正理由')) return null;
  const compact = words.map((word) => stripSpaces(word));
  const kpiHeader = kpiColumns(compact, years);
  if (isKpiHeader(kpiHeader)) return { shape: 'kpi', header: kpiHeader, years };
  const work = workHeader(compact);
  if (work) return { shape: 'work', header: work, years: [] };
  const report = reportHeader(compact);
  if (report) return { shape: 'report', header: report, years: [] };
  return null;
}

/** The KPI columns in the order the records expect: strategy, indicator, measure, years. */
/**
 * Columns of the 序號 / 評估體制 / 評估方式 form, in the order its rows print
 * them.  (A 權重 column is not read: its percentages cannot be told from
 * target values in a stream of blocks.)
 */
const WIDE_ROLES = ['strategy-marker', 'strategy', 'indicator-marker', 'indicator', 'assessment-system', 'assessment-method', 'measure'];

function kpiColumns(words: readonly string[], years: readonly string[]): string[] {
  const pick = (role: string) => words.find((word) => columnRole(word).role === role);
  const header: string[] = [];
  const wide = ['strategy-marker', 'indicator-marker', 'assessment-system', 'assessment-method'].some((role) => pick(role));
  for (const role of wide ? WIDE_ROLES : ['strategy', 'indicator', 'measure']) {
    const word = pick(role);
    if (word) header.push(word);
  }
  const group = words.find((word) => /目標值/u.test(word)) ?? '年度目標值';
  if (years.length === 0) header.push(group);
  for (const year of years) header.push(`${group}/${year}`);
  return header;
}

function workHeader(words: readonly string[]): string[] | null {
  const find = (pattern: RegExp, fallback: string) => words.find((word) => pattern.test(word)) ?? fallback;
  const unit = words.find((word) => /單位/u.test(word));
  const header = [
    find(/機關工作項目|工作項目/u, '機關工作項目'),
    find(/重要工作|計畫項目/u, ''),
    find(/實施內容|執行內容/u, '實施內容'),
    `${find(/預算|經費/u, '預算金額')}${unit ? ` ${unit}` : ''}`,
  ];
  if (header[1] === '') return null;
  return workColumns(header) ? header : null;
}

function reportHeader(words: readonly string[]): string[] | null {
  if (!words.some((word) => /辦理情形|執行情形/u.test(word))) return null;
  const group = words.find((word) => /計畫名稱/u.test(word)) ?? '計畫名稱';
  const header = [`${group}/類`, `${group}/項`, `${group}/目`, words.find((word) => /辦理情形|執行情形/u.test(word)) ?? '辦理情形', '完成程度百分比', '備註'];
  return reportColumns(header) ? header : null;
}

/**
 * Where the table ends: at the next document's title, at a note, or — for
 * KPI and work-plan tables, whose cells never start with a formal marker —
 * at a `肆、` heading.  A work report's 類 cells are `壹、民政部門` …, so its
 * table runs to the end of the document.
 *
 *   > | 肆、附錄
 *       ^^
 */
function tableEnd(lines: readonly Line[], start: number, limit: number, shape: TableShape): number {
  for (let i = start + 1; i < limit; i++) {
    const line = lines[i];
    if (line.role !== 'content') continue;
    const text = line.text.replace(/\f/gu, '').trim();
    if (/^(?:註|備註|附註|資料來源)\s*[:：]/u.test(text)) return i;
    if (/計[畫劃]|報告/u.test(text) && matchTitle(text) && !isHeaderCell(text)) return i;
    if (/^[壹貳參叁叄肆伍陸柒捌玖拾]/u.test(text)) {
      const marker = parseMarker(text);
      // A work report's 類 cells are `壹、民政部門` too, but wrapped in their
      // narrow column; a department heading stands on its line before the
      // next table's header.
      if (marker && marker.style === 'cjk-formal' && (shape !== 'report' || (lineParts(text).length === 1 && headerFollows(lines, i + 1, limit)))) return i;
    }
  }
  return limit;
}

/**
 * A heading line before the next table: the next content line is a header
 * cell or a title (the caption printed under a department heading).
 *
 *   > | 伍、人事部門
 *   > | 嘉義市東區區公所109年度工作總報告
 *       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ caption
 *   > | 計畫名稱
 */
function headerFollows(lines: readonly Line[], from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) {
    if (!isCellLine(lines[i])) continue;
    const text = lines[i].text.replace(/\f/gu, '').trim();
    return isHeaderCell(text) || matchTitle(text) !== null;
  }
  return false;
}

//   > | 8.  10月7日參加地方創生發酵器提案審查會前會。
//   > | 100%
//   > | 12                 (the page number: a lone number before the form feed)
//       ^^
//   > | \f計畫名稱
/** Not a body line of a content-stream table: a repeated header cell, a page number or label, a running title. */
function isRunningFurniture(line: Line, text: string): boolean {
  return line.role !== 'content' || isHeaderCell(text) || isHeaderWords(text) || LONE_NUMBER.test(text) || PAGE_LABEL.test(text);
}

const LONE_NUMBER = /^[1-9][0-9]{0,2}$/u;
const PAGE_LABEL = /^(?:[-－—–]\s*[0-9]{1,3}\s*[-－—–]|[0-9]{1,2}\s*[-－—–]\s*[0-9]{1,3}|第\s*[0-9]{1,3}\s*頁(?:\s*[,，/／]?\s*共\s*[0-9]{1,3}\s*頁)?)$/u;

/**
 * Nothing more on this page from block `k` on: the end or a page break,
 * with only header cells (`備註` printed last) before it.
 */
function endsPage(blocks: readonly Paragraph[], k: number): boolean {
  for (let j = k; j < blocks.length && j < k + 12; j++) {
    if (blocks[j].pageStart) return true;
    if (!isHeaderBlock(blocks[j])) return false;
  }
  return k + 12 > blocks.length;
}

/** Only a few short cells (values printed at the page's foot) between here and the page's end. */
function shortCellsToPageEnd(blocks: readonly Paragraph[], k: number): boolean {
  let j = k;
  while (j < blocks.length && j < k + 3 && !blocks[j].pageStart && !isHeaderBlock(blocks[j]) && isSingleValue(blocks[j])) j++;
  return j > k && endsPage(blocks, j);
}

/** One short cell (a value, a budget such as `449(健保局補助)` or `市府統籌款`). */
function isSingleValue(block: Paragraph): boolean {
  const piece = pieceOf(block);
  if (piece.kind === 'values') return piece.values.length === 1;
  const joined = block.texts.join('');
  return block.texts.length <= 2 && joined.length <= 12 && !/[。，；\s]/u.test(joined);
}

/**
 * Drop page numbers: a page label, or a lone number right before a page
 * break, a repeated header or the end — or before up to three short cells
 * printed after it (`8` / `100%` / page break: the bottom of a page).
 */
function dropPageNumbers(blocks: readonly Paragraph[], lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  // A page prints one page number: on a page with a label (`10-3`, `第3頁`) a lone number is a value.
  const labelled = labelledPages(blocks, lines);
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    const texts = block.texts.filter((text) => !PAGE_LABEL.test(text));
    if (texts.length === 0) continue;
    const next = blocks[k + 1];
    if (!labelled[k] && texts.length === 1 && LONE_NUMBER.test(texts[0]) && (next === undefined || endsPage(blocks, k + 1) || shortCellsToPageEnd(blocks, k + 1))) continue;
    out.push(texts.length === block.texts.length ? block : { ...block, texts, lines: block.lines.filter((_, i) => !PAGE_LABEL.test(block.texts[i])) });
  }
  return out;
}

/**
 * For each block: does its page print a page label (`10-3`, `第3頁`, the
 * line stage's page number or a block's line)?  Pages run between form feeds.
 */
function labelledPages(blocks: readonly Paragraph[], lines: readonly Line[]): boolean[] {
  const out = new Array<boolean>(blocks.length).fill(false);
  if (blocks.length === 0) return out;
  const first = blocks[0].lines[0];
  const last = blocks[blocks.length - 1].lines.at(-1)!;
  // Page starts and labels over the lines the blocks cover (and the page
  // around them, which may reach past the document: read through the line
  // table, as the lines array may hold only the document's objects).
  const table = lineTableOf(lines);
  let from = first;
  while (from > 0 && !table.textOf(from).includes('\f')) from--;
  let to = last;
  while (to + 1 < table.length && !table.textOf(to + 1).includes('\f')) to++;
  const labelOfPage: boolean[] = [];
  const pageOfLine = new Map<number, number>();
  let page = 0;
  for (let i = from; i <= to; i++) {
    const raw = table.textOf(i);
    if (i > from && raw.includes('\f')) page++;
    const text = raw.replace(/\f/gu, '').trim();
    if ((table.roleOf(i) === 'page-number' && !LONE_NUMBER.test(text) && text !== '') || PAGE_LABEL.test(text)) labelOfPage[page] = true;
    pageOfLine.set(i, page);
  }
  blocks.forEach((block, k) => {
    out[k] = labelOfPage[pageOfLine.get(block.lines[0]) ?? -1] === true;
  });
  return out;
}
