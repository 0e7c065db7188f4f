/**
 * Reader for space-aligned tables (layout `aligned`): PDF text extracted
 * with its layout (`pdftotext -layout`, MuPDF, pdfminer), one text line per
 * printed line, columns aligned with spaces, a wrapped cell spread over
 * several lines and interleaved with its neighbours' lines:
 *
 *   > |                                                     年度目標值
 *   > |     關鍵策略目標        關鍵績效指標           衡量標準
 *   > |                                               108年 109年 110年 111年
 *   > |               發展校本美感課程及空     推動美感教育課程及計畫
 *   > | 一   落實美感教育                                      10   18    27    27
 *       ^ strategy ordinal, centred on its row
 *   > |               間改造            之校數
 *
 * The header is found by meaning (`aligned-header.ts`); the column spans come
 * from the header titles' positions, confirmed by the gutters through the
 * body (`geometry/columns.ts`); each line's words go to the column they start
 * in; rows are rebuilt from the ordinals and the target values (KPI tables,
 * cells vertically centred) or from where a key cell starts (work-plan and
 * report tables, cells top-aligned); a merged strategy or category cell is
 * given to the first row it spans.  Page furniture and headers repeated after
 * a page break are dropped, and a row cut by a page break is one row.
 */
import { moveRunInBudgets, returnRunOnText } from './aligned-budgets.js';
import { matchTitle } from '../documents.js';
import { linesPosition } from '../lines.js';
import { parseMarker } from '../markers.js';
import { hasCellGap } from '../normalize/index.js';
import { stripSpaces } from '../normalize/text.js';
import { columnRole } from '../records/columns.js';
import { reportColumns } from '../records/report-items.js';
import { workColumns } from '../records/work-items.js';
import type { Diagnostic, Line, Position, RawRow, RawTable, TableReader } from '../types.js';
import { type HeaderColumn, headerColumns, headerKey, isHeaderBlock, isTitleLine } from './aligned-header.js';
import { isIdeograph, nestSpanningLabels, spanningLabels } from './aligned-spans.js';
import { chooseCjkWidth, isSpacedOut, joinSpacedOut, lineRuns } from './aligned-text.js';
import { cutOverfull } from './aligned-capacity.js';
import { edgeStarts } from './aligned-edges.js';
import { moveOffEdge } from './aligned-left-edge.js';
import { keepRowsOnPage, pageBreakStarts } from './aligned-page-rows.js';
import { pullIndicatorOrdinals } from './aligned-ordinals.js';
import { stackTargets, strayNumbers, VALUE_PIECE, withTrailingValues } from './aligned-targets.js';
import { joinValueUnits } from './aligned-units.js';
import { settleStacked, settleStraddlers, settleUnderNext } from './aligned-straddle.js';
import { longLineStart, pageShifts } from './aligned-page-shift.js';
import { cutChainsAtNext, splitJustifiedLabels } from './aligned-justified.js';
import { centredRows, columnBoundaries, columnOf, type LineShape, localBoundaries, refineByBands, type Run, topAlignedRows } from './geometry/columns.js';
import { holdsNestedLabels, labelBesideNext } from './aligned-cell-levels.js';

const MAX_HEADER_LINES = 8;
/** Every header's first line holds a character of a column title (a year's `年`, or a digit). */
const TITLE_HINT = /[目標指項計辦完預實備類年值序編評權經衡單0-9]/u;

export const alignedReader: TableReader = {
  layout: 'aligned',
  read(lines, start, limit, source) {
    // A PDF's text rendition is laid out like `pdftotext -layout`: tables
    // without drawn rules (the ruled ones came exactly from the front end) are read here.
    const laidOut = source.format === 'pdf-layout-text' || source.format === 'pdf';
    if (!laidOut && source.format !== 'pdf-text' && source.format !== 'text') return null;
    const first = lines[start];
    // Quick test first: this runs on every line of a document.
    if (!isTextLine(first) || !TITLE_HINT.test(first.text) || first.text.includes('\t')) return null;
    // Outside layout text a header line must hold a cell gap (`laidOutTable`):
    // without one in reach, the header block is not worth splitting into words.
    if (!laidOut && !gapWithinHeaderReach(lines, start, limit)) return null;
    const head = headerBlockAt(lines, start, limit);
    if (!head) return null;
    // In a file mostly of prose the format test may not see the layout: the
    // table itself tells (its header and its lines set in cells).
    if (!laidOut && !laidOutTable(lines, head, limit)) return null;
    const body = collectBody(lines, head.end, limit, head.key);
    const end = body.end;
    const position = linesPosition(lines, start, end);
    const width = chooseCjkWidth(body.lines.length ? body.lines.map((b) => b.line) : head.lines);
    const headerWords = head.lines.flatMap((line, k) => lineRuns(line.text, k, width));
    const columns = headerColumns(headerWords);
    const labels = columns.map((column) => column.label);
    const diagnostics: Diagnostic[] = [];
    const layout = source.format === 'pdf' ? 'pdf-aligned' : 'aligned';
    const table = (rows: RawRow[]): RawTable => ({ layout, header: labels, rows, start, end, position, diagnostics });
    if (body.lines.length === 0) {
      diagnostics.push(unread(position, 'no body lines under it'));
      return table([]);
    }
    const grid = layoutGrid(body, columns, width);
    const reportCols = reportColumns(labels);
    const workCols = reportCols ? null : workColumns(labels);
    let rows: RawRow[];
    if (reportCols) rows = reportRows(grid, lines, reportCols, diagnostics);
    else if (workCols) rows = workRows(grid, lines, workCols, diagnostics);
    else rows = kpiRows(grid, lines, labels, diagnostics);
    if (rows.length === 0) diagnostics.push(unread(position, 'no rows could be read from its body'));
    return table(rows);
  },
};

function unread(position: Position, why: string): Diagnostic {
  return { severity: 'warning', code: 'aligned-table-unread', message: `table header recognised but ${why}`, position };
}

// ---------------------------------------------------------------------------
// Header and body extent

interface HeaderBlock {
  lines: Line[];
  end: number;
  key: string;
}

/** A block of title lines starting at `start` that names a table's columns. */
function headerBlockAt(lines: readonly Line[], start: number, limit: number): HeaderBlock | null {
  const block: Line[] = [];
  let end = start;
  for (let i = start; i < limit && block.length < MAX_HEADER_LINES; i++) {
    const line = lines[i];
    if (!isTextLine(line)) break;
    if (!isTitleLine(lineRuns(line.text, 0, 1))) break;
    block.push(line);
    end = i + 1;
  }
  if (block.length === 0) return null;
  const words = block.flatMap((line, k) => lineRuns(line.text, k, 1));
  if (!isHeaderBlock(words)) return null;
  return { lines: block, end, key: headerKey(words) };
}

/**
 * Whether a line `headerBlockAt` could take into the header (the text lines
 * from `start`, at most MAX_HEADER_LINES) has a cell gap: a cheap test,
 * before the header is split into words, that `laidOutTable` would fail.
 *
 *   > | 關鍵策略目標 關鍵績效指標 衡量標準      (flattened PDF text: no gap)
 *   > | 關鍵策略目標   關鍵績效指標   衡量標準  (a gap: read on)
 *                   ^^^
 */
function gapWithinHeaderReach(lines: readonly Line[], start: number, limit: number): boolean {
  for (let i = start; i < limit && i < start + MAX_HEADER_LINES && isTextLine(lines[i]); i++) if (hasCellGap(lines[i].text)) return true;
  return false;
}

/** The header's titles and most of the lines under it are set apart by runs of spaces. */
function laidOutTable(lines: readonly Line[], head: HeaderBlock, limit: number): boolean {
  if (!head.lines.some((line) => hasCellGap(line.text))) return false;
  let seen = 0;
  let gapped = 0;
  for (let i = head.end; i < limit && seen < 12; i++) {
    if (lines[i].role !== 'content') continue;
    seen++;
    if (hasCellGap(lines[i].text) || /^ {4,}\S/u.test(lines[i].text)) gapped++;
  }
  return seen >= 3 && gapped * 2 >= seen;
}

/** Content, or a header line the line stage took for a running header (it is printed on every page). */
function isTextLine(line: Line): boolean {
  return line.role === 'content' || line.role === 'running-header';
}

interface BodyLine {
  line: Line;
  page: number;
  blankBefore: boolean;
}

interface Body {
  lines: BodyLine[];
  end: number;
  /** The header printed again at the top of a page, by page (its columns may stand a little shifted). */
  pageHeaders: Map<number, Line[]>;
}

/**
 * The body lines up to the table's end, without furniture: page numbers,
 * running lines, form feeds and the header printed again on the next page.
 * The table ends at a document title, a section heading standing alone on its
 * line, a note (`註：`), or another table's header.
 */
function collectBody(lines: readonly Line[], from: number, limit: number, key: string): Body {
  const body: BodyLine[] = [];
  const pageHeaders = new Map<number, Line[]>();
  let repeated: Line[] | null = null;
  let end = from;
  let page = 0;
  let pendingBreak = false;
  let blank = false;
  for (let i = from; i < limit; i++) {
    const line = lines[i];
    if (line.role === 'blank') {
      blank = true;
      continue;
    }
    if (!isTextLine(line)) {
      if (line.role === 'page-number') pendingBreak = true;
      continue;
    }
    if (line.text.includes('\f')) pendingBreak = true;
    const runs = lineRuns(line.text, 0, 1);
    if (isTitleLine(runs)) {
      const repeat = headerBlockAt(lines, i, limit);
      if (repeat) {
        if (repeat.key !== key) break;
        pendingBreak = true;
        repeated = repeat.lines;
        i = repeat.end - 1;
        end = repeat.end;
        continue;
      }
    }
    if (line.role === 'running-header' || (blank && LONE_NUMBER.test(line.text) && nextIsBreak(lines, i + 1, limit))) {
      // A page number the line stage left (no blank line after it).
      pendingBreak = true;
      continue;
    }
    if (endsTable(line.text, runs) && !(body.length > 0 && (startsRowCell(lines, i, limit) || labelBesideNext(runs, nextContent(lines, i, limit))))) break;
    if (pendingBreak && body.length > 0) page++;
    if (pendingBreak && repeated) pageHeaders.set(page, repeated);
    repeated = null;
    pendingBreak = false;
    body.push({ line, page, blankBefore: blank });
    blank = false;
    end = i + 1;
  }
  return { lines: body, end, pageHeaders };
}

//   > | ␠␠␠␠␠␠␠␠␠␠␠␠␠␠␠␠3        (after blank lines, before the next page)
//                       ^
const LONE_NUMBER = /^\s*[0-9]{1,3}\s*$/u;

function nextIsBreak(lines: readonly Line[], from: number, limit: number): boolean {
  for (let k = from; k < limit; k++) {
    if (lines[k].role === 'blank') continue;
    // The next page: a form feed, furniture, or the header printed again.
    return lines[k].text.includes('\f') || lines[k].role !== 'content' || isTitleLine(lineRuns(lines[k].text, 0, 1));
  }
  return true;
}

//   > | 肆、附錄        註：…        嘉義市政府建設處中程(108至111年度)施政計畫
//       ^^              ^^^
function endsTable(text: string, runs: readonly Run[]): boolean {
  const trimmed = text.trim();
  if (/^(?:註|備註|附註|資料來源)\s*[:：]/u.test(trimmed)) return true;
  if (/計[畫劃]|報告/u.test(trimmed) && matchTitle(trimmed)) return true;
  // A heading alone on its line, at the left margin: one word (a category
  // cell has its neighbours on the same line, a single space apart).
  const marker = parseMarker(trimmed);
  if (!marker || runs[0].x0 > 2 || stripSpaces(trimmed).length < 6) return false;
  if (holdsNestedLabels(runs)) return false;
  if (marker.style === 'cjk-formal') return cellCount(text) === 1 && runs.length <= 6;
  return marker.style === 'cjk' && runs.length === 1 && /^[一二三四五六七八九十]+、/u.test(trimmed);
}

/**
 * A numbered line alone at the left margin that is the first line of a row's
 * first cell, not a heading: the cell starts above its neighbours (they are
 * centred in the row), and the row's next line fills the other columns.
 *
 *   > | 二、結合宗教團體
 *       ^^^^^^^^^^^^^^^^ a strategy cell, not the heading 二、
 *   > | 舉辦特色宗教節慶   1.辦理「嘉義市千盞燈、 每年持續辦理，延 每年   每年
 *
 * A heading is followed by prose, a blank line or a new table's header.
 */
function startsRowCell(lines: readonly Line[], i: number, limit: number): boolean {
  const next = i + 1 < limit ? lines[i + 1] : undefined;
  if (!next || next.role !== 'content' || next.text.includes('\f')) return false;
  const runs = lineRuns(next.text, 0, 1);
  return runs.length > 0 && runs[0].x0 <= 2 && !isTitleLine(runs) && cellCount(next.text) >= 3;
}

/** The text of line i + 1 when it goes on the table's page (no blank line, no form feed), else null. */
function nextContent(lines: readonly Line[], i: number, limit: number): string | null {
  const next = i + 1 < limit ? lines[i + 1] : undefined;
  if (!next || next.role !== 'content' || next.text.includes('\f') || isTitleLine(lineRuns(next.text, 0, 1))) return null;
  return next.text;
}

/** Cells of a line: text separated by two or more spaces. */
function cellCount(text: string): number {
  return text.trim().split(/ {2,}|\u3000+/u).length;
}

// ---------------------------------------------------------------------------
// Grid: each body line's words by column

export interface Fragment {
  /** The column's text on this line, words joined with a space. */
  text: string;
  /** The column's words on this line. */
  words: Run[];
}

interface Grid {
  /** Each row has its own column starts (`relayoutRegions`). */
  drifted: boolean;
  /** Display columns of one space between words (the CJK width: an extractor on a half-em grid writes two). */
  unit: number;
  body: BodyLine[];
  /** cells[i][c]: column c of body line i (null when empty). */
  cells: (Fragment | null)[][];
  columns: HeaderColumn[];
}

/**
 * Words to columns, page by page: the column spans come from the header's
 * titles on that page (a repeated header may stand a column or two off) and
 * the gutters of that page's lines.
 */
function layoutGrid(body: Body, columns: HeaderColumn[], width: number): Grid {
  const years = columns.flatMap((column, c) => (columnRole(column.label).role === 'year' ? [c] : []));
  const yearRange: number[] | null = years.length >= 2 && years[years.length - 1] - years[0] === years.length - 1 ? [years[0], years[years.length - 1]] : null;
  // Target values keep their units (the other tables' numbers stand in sentences);
  // values stand right of the measure's title.
  const valuesFrom = yearRange && yearRange[0] > 0 ? columns[yearRange[0] - 1].centre : Infinity;
  const runs = body.lines.map((entry, i) => {
    const words = joinSpacedOut(lineRuns(entry.line.text, i, width), !yearRange);
    return yearRange ? joinValueUnits(words, valuesFrom) : words;
  });
  const cells: (Fragment | null)[][] = new Array(runs.length);
  // Work-plan and report tables: each line's words before glyph chains were joined.
  const plain = yearRange ? [] : body.lines.map((entry, i) => lineRuns(entry.line.text, i, width));
  // The long text's column (辦理情形, 實施內容): numbered entries are its.
  const labels = columns.map((column) => column.label);
  const textColumn = yearRange ? -1 : reportColumns(labels)?.status ?? workColumns(labels)?.content ?? -1;
  // Work-plan and report tables: a page laid out shifted (its left columns empty).
  const shifts = yearRange ? null : pageShifts(pageRanges(body.lines).map(([a, b]) => longLineStart(runs.slice(a, b))));
  let from = 0;
  while (from < runs.length) {
    const page = body.lines[from].page;
    let to = from;
    while (to < runs.length && body.lines[to].page === page) to++;
    const repeat = body.pageHeaders.get(page);
    const pageColumns = repeat ? headerColumns(repeat.flatMap((line, k) => lineRuns(line.text, k, width))) : null;
    const shift = shifts && !repeat ? shifts[page] ?? 0 : 0;
    const centres = (pageColumns && pageColumns.length === columns.length ? pageColumns : columns).map((column) => column.centre + shift);
    // (The gutters as the glyph chains alone tell them: a chain joined through
    // a bracket or a number is read as one word, but does not move a gutter.)
    const pageRuns: Run[] = [];
    for (let i = from; i < to; i++) for (const run of yearRange ? runs[i] : joinSpacedOut(plain[i])) pageRuns.push(run);
    let boundaries = columnBoundaries(centres, pageRuns);
    if (yearRange) boundaries = refineByBands(boundaries, yearRange[0], yearRange[1], isolatedRuns(runs, from, to, width), width);
    for (let i = from; i < to; i++) cells[i] = assignLine(runs[i], boundaries, columns.length, yearRange, width, i > from ? cells[i - 1] : null, null, textColumn);
    if (!yearRange) {
      settleStraddlers(cells, from, to);
      settleStacked(cells, from, to, width);
      if (textColumn > 0) settleUnderNext(cells, from, to, textColumn, width);
      if (textColumn > 0) splitJustifiedLabels(cells, from, to, textColumn, width);
      if (textColumn > 0) cutChainsAtNext(cells, plain, from, to, textColumn, width);
    }
    from = to;
  }
  const drifted = yearRange !== null && relayoutRegions(body.lines, runs, cells, columns, yearRange, width);
  // KPI text columns: a line wider than its column holds runs into the next one.
  if (yearRange) {
    const text = new Set(['strategy', 'indicator', 'measure']);
    for (let c = 0; c + 1 < yearRange[0]; c++) {
      if (!text.has(columnRole(labels[c]).role) || !text.has(columnRole(labels[c + 1]).role)) continue;
      if (columnRole(labels[c]).role === 'strategy') for (const [a, b] of pageRanges(body.lines)) moveOffEdge(cells, c, a, b, width);
      cutOverfull(cells, c, width);
    }
  }
  return { drifted, unit: width, body: body.lines, cells, columns };
}

/** Body line ranges [from, to) of each page, by page number (a page without body lines has an empty range). */
function pageRanges(body: readonly BodyLine[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < body.length; i++) {
    const page = body[i].page;
    while (ranges.length <= page) ranges.push([i, i]);
    ranges[page][1] = i + 1;
  }
  return ranges;
}

/**
 * Words standing apart from their neighbours on the line (two spaces or
 * more): a run of values one space apart (`1570 1586 1602 1602`) was set
 * tighter than its columns and does not tell where they are.
 */
function isolatedRuns(runs: readonly Run[][], from: number, to: number, unit: number): Run[] {
  const out: Run[] = [];
  for (let i = from; i < to; i++) {
    const list = runs[i];
    for (let k = 0; k < list.length; k++) {
      const apartBefore = k === 0 || list[k].x0 - list[k - 1].x1 >= 2 * unit;
      const apartAfter = k + 1 === list.length || list[k + 1].x0 - list[k].x1 >= 2 * unit;
      if (apartBefore && apartAfter) out.push(list[k]);
    }
  }
  return out;
}

function cjkGutter(left: string, right: string, rightLength = 2): boolean {
  return left.length >= 2 && right.length >= rightLength && isIdeograph(left.charCodeAt(left.length - 1)) && isIdeograph(right.charCodeAt(0)) && parseMarker(right) === null;
}

/** Words of one line to the columns their left edges stand in. */
function assignLine(
  list: readonly Run[],
  boundaries: readonly number[],
  width: number,
  yearRange: number[] | null,
  unit: number,
  above: readonly (Fragment | null)[] | null = null,
  seen: readonly boolean[] | null = null,
  textColumn = -1,
): (Fragment | null)[] {
  const row: (Fragment | null)[] = new Array(width).fill(null);
  let previous = -1;
  for (let k = 0; k < list.length; k++) {
    const run = list[k];
    let c = columnOf(run.x0, boundaries);
    // A wrapped value's next line starts under its first line, whose column
    // is surer (its values stand in order) than a page-wide boundary that
    // rows set a column or two apart disagree on.
    //   > |     網，提升本市防    00人 00人 000    000
    //   > |     救災能力            人    人
    //                                     ^ under `000`: 111
    if (yearRange && above && c >= yearRange[0] && c <= yearRange[1]) {
      for (let a = yearRange[0]; a <= yearRange[1]; a++) {
        const first = above[a]?.words[0];
        if (first && above[a]!.words.length === 1 && run.x0 > first.x0 && run.x0 < first.x1) c = a;
      }
    }
    // Work-plan and report tables (`textColumn`, the long text's column):
    // columns go left to right, so a word after the line's words in a later
    // column is in that column too (or a later one).
    if (textColumn >= 0 && c < previous) c = previous;
    // A line longer than its column is wide is the long text's (or a column
    // before it): LibreOffice's rows drift, and a row laid out left of the
    // page starts its text in a narrow column's span.  A justified line is
    // spaced out to fill its cell: its glyphs count, not its width.
    //   > | 一、貫徹            配合上級農林漁牧業調查作業，並實地調查，
    //                         ^ 20 glyphs from x = 16, in 重要工作計畫項目's 14 columns: 實施內容
    const chunkStart = k === 0 || run.x0 - list[k - 1].x1 >= 2 * unit;
    if (chunkStart && c < textColumn && (!isSpacedOut(run, unit) || run.text.length * unit > spanOf(boundaries, c) + unit)) {
      // A short word goes on through a number one space apart and the words
      // after it (`年滿 65 歲且設籍本區之長者及身障者，可申辦`); two CJK words
      // one space apart may be two cells, a marker starts one, and a word
      // that fills its cell's line is a label (`員工新陳代謝 109 年`).
      let end = k;
      const short = run.x1 - run.x0 < spanOf(boundaries, c) / 2;
      while (short && end + 1 < list.length && list[end + 1].x0 - list[end].x1 <= unit && (FIGURE.test(list[end].text) || FIGURE.test(list[end + 1].text)) && parseMarker(list[end + 1].text) === null) end++;
      while (c < textColumn && list[end].x1 - run.x0 > spanOf(boundaries, c) + unit) c++;
    }
    // Values one space apart in the target columns: the extractor set them
    // closer than their columns, but in order, one per column.
    //   > |                        1570 1586 1602 1602
    //                              ^^^^ ^^^^ ^^^^ ^^^^ 108 … 111
    const before = k > 0 ? list[k - 1] : null;
    // (And a value after values on the line, however far, is in a later column.)
    const inOrder = (before !== null && run.x0 - before.x1 <= unit) || (VALUE_PIECE.test(run.text) && VALUE_PIECE.test(before?.text ?? ''));
    if (yearRange && before && inOrder && c >= yearRange[0] && c <= yearRange[1] && previous >= yearRange[0] && c <= previous) {
      c = Math.min(yearRange[1], previous + 1);
    }
    // CJK text has no spaces: one space between two CJK words of two or
    // more characters is a gutter the extractor narrowed (a spaced-out
    // justified line has one character between its spaces).
    //   > | 四、社會福利與救助 推行身心障礙者福利，加 輔導被保險人國民所得未達
    //                                            ^ 實施內容
    // Not so well left of where the row block's own cells of the next
    // column start (`seen`): there the cut is inside a justified line, which
    // LibreOffice sets apart in groups of glyphs — unless the words before
    // were spaced out glyph by glyph (then a group of two ends that line).
    //   > |             策辦優 質演 藝        11 萬 人 12 萬 人
    //   > |           1          參與觀眾人數
    //                       ^ 質演 stands left of 衡量標準's start
    const narrowed = !seen || previous >= boundaries.length || !seen[previous] || run.x0 >= boundaries[previous] - 3 * unit || (before !== null && isSpacedOut(before, unit));
    // A lone glyph there is the next column's when it stands where the
    // block's own cells of that column start (a cell's last glyph wrapped).
    //   > |   辦理青年培育與磁吸 等
    //   > |              支持青年團隊在地
    //                           ^ 等 ends 活動等 (關鍵績效指標)
    const atStart = seen !== null && previous < boundaries.length && seen[previous] && Math.abs(run.x0 - boundaries[previous]) <= unit;
    const gutter = cjkGutter(before?.text ?? '', run.text, atStart ? 1 : 2);
    if (before && previous >= 0 && c <= previous && run.x0 - before.x1 <= unit && gutter && narrowed && previous + 1 < width && !(yearRange && previous + 1 >= yearRange[0])) {
      c = previous + 1;
    }
    // A line spaced out glyph by glyph is justified: it fills its cell, and
    // a CJK word or a list marker one space after it starts the next column
    // (a number there is spaced out with the line: `歲 出 預 算 數 1 億`).
    // Not in KPI tables, whose narrow strategy and indicator columns one
    // space apart are spaced out as one chain (`技 化 … 服 統 提 供 …`).
    //   > | 社 會 救 5. 辦理低收入戶喪葬補
    //             ^ 重要工作計畫項目
    if (
      !yearRange &&
      before &&
      previous >= 0 &&
      c <= previous &&
      run.x0 - before.x1 <= unit &&
      before.text.length >= 3 &&
      isSpacedOut(before, unit) &&
      (isIdeograph(run.text.charCodeAt(0)) || LIST_MARKER.test(run.text)) &&
      previous + 1 < width &&
      !(yearRange && previous + 1 >= yearRange[0])
    ) {
      c = previous + 1;
    }
    // A numbered entry one space after CJK text starts the next column, up
    // to the long text's: a cell's own entries follow its sentences without
    // a space (`辦理。2. 電腦登打`), LibreOffice's rows narrow a gutter to one.
    //   > | 遇登記   配合中央調整待遇，加 4.遴選公務人員參加晉升官等訓練。     市府統
    //                                 ^ 實施內容
    const entry = before !== null && previous >= 0 && c <= previous && previous + 1 <= textColumn && run.x0 - before.x1 <= unit && CJK_END.test(before.text) && ENTRY_MARKER.test(run.text);
    if (entry) c = previous + 1;
    // One space is inside a cell, two or more a gutter: a word one space
    // after the previous word, with a later word past a gutter in the same
    // column, ends the previous word's cell (it only reached over the boundary).
    //   > |           針對西區所有道路附屬設 1. 本區道路路面維護及搶修。2. 維護改善    15,500
    //                                                             ^
    const next = k + 1 < list.length ? list[k + 1] : null;
    if (!entry && before && next && previous >= 0 && c > previous && run.x0 - before.x1 <= unit && next.x0 - run.x1 >= 2 * unit && columnOf(next.x0, boundaries) === c && !(yearRange && c >= yearRange[0])) {
      c = previous;
    }
    previous = c;
    addWord(row, c, run);
  }
  return row;
}

/** Put a word in column `c` of a grid row, after the column's words on the line. */
export function addWord(row: (Fragment | null)[], c: number, run: Run): void {
  const cell = row[c];
  if (cell) {
    cell.text += ` ${run.text}`;
    cell.words.push(run);
  } else row[c] = { text: run.text, words: [run] };
}

//   > | 估年度發包數 (5案 ) ×10    75   75    75    75
//                            ^^^ the measure's `×100%` wrapped (`0%` on the next line)
const FORMULA_PIECE = /^[×÷＊*／/]/u;

/**
 * A word opening the first year column with an arithmetic operator is the
 * end of the measure's formula, which ran past the measure column's edge (a
 * target never starts with `×` or `/`): it goes back to the measure, on the
 * same line.
 */
function returnFormulaPieces(cells: (Fragment | null)[][], measureCol: number, firstYear: number): void {
  for (const row of cells) {
    const cell = row[firstYear];
    if (!cell || !FORMULA_PIECE.test(cell.words[0].text)) continue;
    const [word] = cell.words.splice(0, 1);
    if (cell.words.length === 0) row[firstYear] = null;
    else cell.text = cell.words.map((run) => run.text).join(' ');
    addWord(row, measureCol, word);
  }
}

//   > | 年滿 65 歲且設籍本區之長者及身障者，可申辦
//          ^^
const FIGURE = /^[0-9][0-9,.]*$/u;

/** Width of column c between its boundaries (the first from 0). */
function spanOf(boundaries: readonly number[], c: number): number {
  return c < boundaries.length ? boundaries[c] - (c > 0 ? boundaries[c - 1] : 0) : Infinity;
}

//   > | 社 會 救 5. 辦理低收入戶喪葬補
//             ^^
const LIST_MARKER = /^(?:[0-9]{1,2}[.．、]|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[)）])$/u;

//   > | 加 4.遴選公務人員
//       ^ ^^
const CJK_END = /[\p{Script=Han}，、。；]$/u;
const ENTRY_MARKER = /^[0-9]{1,2}[.．](?![0-9])/u;

const ORDINAL_WORD = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[、.．]?$/u;

/**
 * Some producers lay each row out on its own (LibreOffice's PDF through
 * `pdftotext -layout`), and the columns drift from row to row: each region
 * between blank lines (row padding) has its own column starts
 * (`localBoundaries`).  They are used when most regions' starts stand away
 * from the page's columns; where the page's columns hold, they are kept.
 */
function relayoutRegions(
  body: readonly BodyLine[],
  runs: readonly Run[][],
  cells: (Fragment | null)[][],
  columns: readonly HeaderColumn[],
  yearRange: number[] | null,
  unit: number,
): boolean {
  const centres = columns.map((column) => column.centre);
  const valuesFrom = yearRange && yearRange[0] > 0 ? (centres[yearRange[0] - 1] + centres[yearRange[0]]) / 2 : -Infinity;
  const blocks = (cutRows: boolean): RowBlock[] => {
    const list: RowBlock[] = [];
    let from = 0;
    while (from < body.length) {
      let to = from + 1;
      while (to < body.length && !body[to].blankBefore && body[to].page === body[from].page) to++;
      if (!cutRows) {
        list.push(blockColumns(runs, from, to, centres, yearRange, valuesFrom, unit));
        from = to;
        continue;
      }
      // Each row's own columns; a column none of its cells starts (its
      // cells one space after their neighbours') as the whole block has it.
      const whole = blockColumns(runs, from, to, centres, yearRange, valuesFrom, unit);
      const end = to;
      while (from < end) {
        to = rowCut(runs, from, end, valuesFrom, unit);
        const row = to === end && from === whole.from ? whole : blockColumns(runs, from, to, centres, yearRange, valuesFrom, unit);
        if (row !== whole) fillUnseen(row, whole);
        list.push(row);
        from = to;
      }
    }
    return list;
  };
  // Whether the rows drifted is measured on the blocks between blank lines.
  const regions = blocks(false);
  let words = 0;
  let moved = 0;
  for (const region of regions) {
    if (!region.boundaries) continue;
    // How many words the region's own columns put elsewhere than the page's.
    for (let i = region.from; i < region.to; i++) {
      const local = assignLine(runs[i], region.boundaries, columns.length, yearRange, unit);
      local.forEach((cell, c) => {
        if (!cell) return;
        for (const word of cell.words) {
          words++;
          if (!cells[i][c]?.words.includes(word)) moved++;
        }
      });
    }
  }
  if (regions.length < 2 || moved < words * DRIFT) return false;
  for (const region of blocks(true)) {
    if (!region.boundaries) continue;
    for (let i = region.from; i < region.to; i++) cells[i] = assignLine(runs[i], region.boundaries, columns.length, yearRange, unit, null, region.seen);
  }
  return true;
}

/** Column starts `row` did not see, from `whole` where they keep the order. */
function fillUnseen(row: RowBlock, whole: RowBlock): void {
  const own = row.boundaries;
  const seen = row.seen;
  if (!own || !seen || !whole.boundaries || !whole.seen) return;
  for (let k = 0; k < own.length; k++) {
    if (seen[k] || !whole.seen[k]) continue;
    const x = whole.boundaries[k];
    if ((k === 0 || own[k - 1] < x) && (k + 1 === own.length || !seen[k + 1] || x < own[k + 1])) {
      own[k] = x;
      seen[k] = true;
    }
  }
}

interface RowBlock {
  from: number;
  to: number;
  boundaries: number[] | null;
  /** Which column starts the block's own cells show (the others are filled in from the next). */
  seen: boolean[] | null;
}

/** The column starts of body lines [from, to) from where their cells start. */
function blockColumns(runs: readonly Run[][], from: number, to: number, centres: readonly number[], yearRange: number[] | null, valuesFrom: number, unit: number): RowBlock {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    const list = runs[i];
    for (let k = 0; k < list.length; k++) {
      const chunkStart = k === 0 || list[k].x0 - list[k - 1].x1 >= 2 * unit;
      if (!chunkStart) continue;
      // An ordinal stands before its column's text: the text tells the
      // column.  (Numbers right of the text columns are target values.)
      if (ORDINAL_WORD.test(list[k].text) && (!/^[0-9]/u.test(list[k].text) || list[k].x0 < valuesFrom)) {
        if (k + 1 < list.length && list[k + 1].x0 - list[k].x1 < 2 * unit) starts.push(list[k + 1].x0);
        continue;
      }
      starts.push(list[k].x0);
    }
  }
  for (const x of edgeStarts(runs.slice(from, to), unit)) if (x < valuesFrom) starts.push(x);
  const boundaries = localBoundaries(starts, centres, unit);
  const seen = boundaries ? boundaries.map((x, k) => Number.isFinite(x) && (k + 1 === boundaries.length || x !== boundaries[k + 1])) : null;
  if (boundaries && yearRange) placeYears(boundaries, yearRange, runs, from, to, unit);
  return { from, to, boundaries, seen };
}

/**
 * Rows of one strategy follow without a blank line between them, and
 * LibreOffice lays each row out on its own: a block holding two indicator
 * numbers is cut halfway between them (the rows' cells are centred on
 * their numbers), so that each row finds its own column starts.
 *
 *   > |                 1 位決算於 2 月 20 日前送達
 *                       ^ row 1
 *   > |     屬單位決算及綜計表       地方總決算書於 4 月底前
 *   > |                    2 分送行政院主計總處及審
 *                          ^ row 2: its columns stand five further right
 *
 * Returns the end of the first row's lines in [from, to).
 */
function rowCut(runs: readonly Run[][], from: number, to: number, valuesFrom: number, unit: number): number {
  let first = -1;
  for (let i = from; i < to; i++) {
    const list = runs[i];
    const numbered = list.some(
      (run, k) => /^[0-9]{1,2}[.．、]?$/u.test(run.text) && run.x0 < valuesFrom && (k === 0 || run.x0 - list[k - 1].x1 >= 2 * unit || STRATEGY_ORDINAL.test(list[k - 1].text)),
    );
    if (!numbered) continue;
    if (first < 0) first = i;
    else return Math.max(from + 1, Math.ceil((first + i) / 2));
  }
  return to;
}

/**
 * The target columns of one row block, from its lines that end in one value
 * per year (the values of a row stand on one line, or on a few lines as
 * wrapped pieces, always right of its text):
 *
 *   > | 一 落實美感教育  推動美感教育課程及計畫之校數        10     18    27    27
 *                                                          ^^     ^^    ^^    ^^ 108 … 111 start here
 */
function placeYears(boundaries: number[], yearRange: readonly number[], runs: readonly Run[][], from: number, to: number, unit: number): void {
  const count = yearRange[1] - yearRange[0] + 1;
  const sums = new Array<number>(count).fill(0);
  let lines = 0;
  for (let i = from; i < to; i++) {
    const list = runs[i];
    let k = list.length;
    while (k > 0 && VALUE_PIECE.test(list[k - 1].text)) k--;
    if (list.length - k !== count) continue;
    for (let y = 0; y < count; y++) sums[y] += list[k + y].x0;
    lines++;
  }
  if (lines === 0) return;
  const starts = sums.map((sum) => sum / lines);
  boundaries[yearRange[0] - 1] = Math.min(boundaries[yearRange[0] - 1], starts[0] - unit);
  for (let y = 1; y < count; y++) boundaries[yearRange[0] + y - 1] = (starts[y - 1] + starts[y]) / 2 + unit;
}


/** The share of words the rows' own columns move: above it, the columns drift. */
const DRIFT = 0.2;

function shapes(grid: Grid, columns: readonly number[]): LineShape[] {
  return grid.body.map((entry, i) => ({
    filled: grid.columns.map((_, c) => columns.includes(c) && grid.cells[i][c] !== null),
    page: entry.page,
    blankBefore: entry.blankBefore,
  }));
}

/** Line range [from, to) of body lines as a position and its source line indexes. */
function rowSource(grid: Grid, source: readonly Line[], from: number, to: number): { position: Position; lines: number[] } {
  const indexes = grid.body.slice(from, to).map((entry) => entry.line.index);
  const first = indexes[0] ?? grid.body[Math.min(from, grid.body.length - 1)].line.index;
  const last = indexes[indexes.length - 1] ?? first;
  return { position: linesPosition(source, first, last + 1), lines: indexes };
}

/** Text of column `c` over body lines [from, to), joined with `separator`. */
function columnText(grid: Grid, c: number, from: number, to: number, separator: string): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const cell = grid.cells[i][c];
    if (cell && cell.text) parts.push(cell.text);
  }
  return parts.join(separator);
}

// ---------------------------------------------------------------------------
// KPI tables: vertically centred cells, rows anchored on ordinals and targets

//   > | 一   落實美感教育      五      二 化教保服務之
//       ^                    ^       ^
const STRATEGY_ORDINAL = /^([一二三四五六七八九十]{1,3})[、.．]?$/u;
//   > | 1   國小四、五年級學生
//       ^
const INDICATOR_ORDINAL = /^([0-9]{1,2})[.．、]?$/u;
const CJK_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cjkOrdinal(text: string): number {
  if (text.length === 1) return CJK_VALUE[text] ?? 0;
  const ten = text.indexOf('十');
  if (ten < 0) return 0;
  return (ten === 0 ? 1 : CJK_VALUE[text[0]] ?? 0) * 10 + (CJK_VALUE[text[ten + 1]] ?? 0);
}

interface Ordinal {
  line: number;
  value: number;
  marker: string;
}

/** Take the ordinal word standing first in column `c` of each line out of its text. */
function takeOrdinals(grid: Grid, c: number, pattern: RegExp, value: (marker: string) => number): Ordinal[] {
  const found: Ordinal[] = [];
  if (c < 0) return found;
  grid.cells.forEach((row, line) => {
    const cell = row[c];
    if (!cell) return;
    const m = pattern.exec(cell.words[0].text);
    if (!m) return;
    found.push({ line, value: value(m[1]), marker: m[1] });
    cell.words.shift();
    const rest = cell.words.map((word) => word.text).join(' ');
    if (rest) cell.text = rest;
    else row[c] = null;
  });
  return found;
}

function kpiRows(grid: Grid, source: readonly Line[], labels: readonly string[], diagnostics: Diagnostic[]): RawRow[] {
  const roles = labels.map((label) => columnRole(label).role);
  const strategyCol = roles.indexOf('strategy');
  const strategyMarkerCol = roles.indexOf('strategy-marker');
  const indicatorCol = roles.indexOf('indicator');
  const indicatorMarkerCol = roles.indexOf('indicator-marker');
  const years = roles.flatMap((role, c) => (role === 'year' ? [c] : []));
  if (strategyCol >= 0 && indicatorCol === strategyCol + 1) moveIndicatorOrdinals(grid, strategyCol, indicatorCol);
  const measureIndex = roles.indexOf('measure');
  if (grid.drifted && indicatorCol >= 0 && measureIndex === indicatorCol + 1) pullIndicatorOrdinals(grid.cells, indicatorCol, measureIndex, grid.unit);
  if (measureIndex >= 0 && years[0] === measureIndex + 1) returnFormulaPieces(grid.cells, measureIndex, years[0]);
  // Ordinals: a 序號/編號 column, else the ordinal standing first in the text column.
  const strategyOrdinals =
    strategyMarkerCol >= 0
      ? takeOrdinals(grid, strategyMarkerCol, /^(\S{1,3}?)[、.．]?$/u, (m) => (/^[0-9]+$/u.test(m) ? Number(m) : cjkOrdinal(m)))
      : takeOrdinals(grid, strategyCol, STRATEGY_ORDINAL, cjkOrdinal);
  const indicatorOrdinals =
    indicatorMarkerCol >= 0 ? takeOrdinals(grid, indicatorMarkerCol, INDICATOR_ORDINAL, Number) : takeOrdinals(grid, indicatorCol, INDICATOR_ORDINAL, Number);
  const spanning = new Set([strategyCol, strategyMarkerCol].filter((c) => c >= 0));
  const perRow = labels.map((_, c) => c).filter((c) => !spanning.has(c));

  // Anchors: the indicator ordinals of each strategy, else the strategy's own ordinal.
  const anchors: { line: number; group: number }[] = [];
  const sequences = splitSequences(indicatorOrdinals);
  if (strategyOrdinals.length > 0) {
    const owner = new Map<number, Ordinal[]>();
    let from = 0;
    for (const sequence of sequences) {
      const centre = (sequence[0].line + sequence[sequence.length - 1].line) / 2;
      let best = -1;
      for (let s = from; s < strategyOrdinals.length; s++) {
        if (owner.has(s)) continue;
        if (best < 0 || Math.abs(strategyOrdinals[s].line - centre) < Math.abs(strategyOrdinals[best].line - centre)) best = s;
      }
      if (best < 0) continue;
      owner.set(best, sequence);
      from = best + 1;
    }
    strategyOrdinals.forEach((ordinal, s) => {
      const sequence = owner.get(s);
      if (sequence) for (const entry of sequence) anchors.push({ line: entry.line, group: s });
      else anchors.push({ line: ordinal.line, group: s });
    });
  } else if (indicatorOrdinals.length > 0) {
    for (const entry of indicatorOrdinals) anchors.push({ line: entry.line, group: -1 });
  } else {
    for (const line of targetBlocks(grid, years)) anchors.push({ line, group: -1 });
  }
  anchors.sort((a, b) => a.line - b.line);
  // Two anchors on one line are one row.
  const unique = anchors.filter((anchor, k) => k === 0 || anchor.line !== anchors[k - 1].line);
  if (unique.length === 0) return [];
  const count = grid.body.length;
  const measureCol = roles.indexOf('measure');
  const drifted = grid.drifted;
  const anchorLines = unique.map((anchor) => anchor.line);
  const pages = grid.body.map((entry) => entry.page);
  const topAligned = isTopAligned(grid, anchorLines, [indicatorCol, measureCol].filter((c) => c >= 0));
  const starts = topAligned
    ? topAlignedRows(count, anchorLines)
    : centredRows(
        shapes(grid, perRow),
        anchorLines,
        perRow,
        // Rows laid out on their own (LibreOffice): a row's lines after its ordinal on its page are its own.
        drifted ? pageBreakStarts(anchorLines, pages, (i) => [indicatorCol, measureCol].some((c) => c >= 0 && grid.cells[i][c] !== null)) : undefined,
      );
  if (!topAligned) keepRowsOnPage(starts, anchorLines, pages);
  const rowEnd = (r: number) => (r + 1 < starts.length ? starts[r + 1] : count);
  const groupFirstRow = new Map<number, number>();
  unique.forEach((anchor, r) => {
    if (anchor.group >= 0 && !groupFirstRow.has(anchor.group)) groupFirstRow.set(anchor.group, r);
  });
  const groupStarts = [...groupFirstRow.entries()].sort((a, b) => a[1] - b[1]);
  // Each strategy's text: top-aligned, the lines of the rows it spans;
  // centred, the lines nearest its ordinal (which stands in the middle).
  const strategyText = new Map<number, string[]>();
  if (strategyCol >= 0 && groupStarts.length > 0) {
    const groupOf = topAligned ? topAlignedGroups(grid, strategyCol, groupStarts, starts) : centredGroups(grid, strategyCol, strategyOrdinals);
    for (let i = 0; i < count; i++) {
      const cell = grid.cells[i][strategyCol];
      const group = groupOf.get(i);
      if (!cell || group === undefined) continue;
      const list = strategyText.get(group) ?? [];
      list.push(cell.text);
      strategyText.set(group, list);
    }
  }
  const strategyCell = new Map<number, string>();
  for (const [group, row] of groupStarts) {
    const text = (strategyText.get(group) ?? []).join(' ');
    const ordinal = strategyOrdinals[group];
    strategyCell.set(row, ordinal ? `${ordinal.marker}、${text}` : text);
  }
  const indicatorMarks = new Map(indicatorOrdinals.map((ordinal) => [ordinal.line, ordinal.marker]));

  const rows: RawRow[] = [];
  for (let r = 0; r < starts.length; r++) {
    const from = starts[r];
    const to = rowEnd(r);
    const cells = labels.map((_, c) => {
      if (c === strategyCol) return strategyCell.get(r) ?? (groupStarts.length === 0 ? columnText(grid, c, from, to, ' ') : '');
      if (c === strategyMarkerCol) return '';
      if (years.includes(c)) return joinValue(grid, c, from, to);
      const text = columnText(grid, c, from, to, ' ');
      if (c === indicatorCol) {
        let mark = '';
        for (let i = from; i < to && !mark; i++) mark = indicatorMarks.get(i) ?? '';
        return mark ? `${mark}.${text}` : text;
      }
      return text;
    });
    if (drifted) {
      const { lines: valueLines, taken, given } = targetWords(grid, measureCol, years, from, to);
      const stacks = stackTargets(valueLines, years.length, grid.unit);
      if (stacks) {
        // A number the measure's line ended with goes back to the measure.
        const stray = strayNumbers(stacks);
        for (const word of stray) {
          if (taken.has(word)) taken.delete(word);
          else given.add(word);
        }
        years.forEach((c, k) => (cells[c] = joinPieces(stacks[k].filter((word) => !stray.has(word)).map((word) => word.text))));
        if (taken.size > 0 || given.size > 0) cells[measureCol] = measureWords(grid, measureCol, years, from, to, taken, given);
      } else balanceTargets(cells, measureCol, years);
    }
    const { position, lines } = rowSource(grid, source, from, to);
    rows.push({ cells, position, lines });
    const filledYears = years.filter((c) => cells[c].trim() !== '').length;
    const keyText = indicatorCol >= 0 ? cells[indicatorCol].replace(/^[0-9]+\./u, '').trim() : '';
    // Two values in one target cell: a neighbour's value ran into it.
    const crowded = years.some((c) => cells[c].split(' ').filter((token) => VALUE_TOKEN.test(token)).length > 1);
    const reason = !keyText
      ? 'KPI row without an indicator: its lines may belong to the row next to it'
      : years.length > 0 && filledYears < years.length
        ? `KPI row with ${filledYears} targets for ${years.length} years`
        : crowded
          ? 'KPI row with two values in one target cell: a value may have run into the wrong year'
          : measureCol >= 0 && !cells[measureCol].trim()
            ? 'KPI row without a measure (衡量標準): its text may have run into the indicator'
          : drifted && !years.every((c) => VALUE_TOKEN.test(cells[c]))
            ? 'KPI row laid out apart from the header (columns drift row by row): its cells may be cut at the wrong places'
            : '';
    if (reason) diagnostics.push({ severity: 'warning', code: 'kpi-row-uncertain', message: reason, position });
  }
  return rows;
}

/**
 * Cells top-aligned in their rows: on most anchor lines every key column
 * already holds text (centred cells of several lines start above it).
 */
function isTopAligned(grid: Grid, anchors: readonly number[], keys: readonly number[]): boolean {
  if (anchors.length === 0 || keys.length === 0) return false;
  const full = anchors.filter((line) => keys.every((c) => grid.cells[line][c] !== null)).length;
  return full / anchors.length >= 0.7;
}

/** Top-aligned: a merged cell's lines belong to the group whose rows they stand in. */
function topAlignedGroups(grid: Grid, c: number, groupStarts: readonly [number, number][], starts: readonly number[]): Map<number, number> {
  const groups = new Map<number, number>();
  let k = 0;
  for (let i = 0; i < grid.cells.length; i++) {
    while (k + 1 < groupStarts.length && starts[groupStarts[k + 1][1]] <= i) k++;
    if (grid.cells[i][c]) groups.set(i, groupStarts[k][0]);
  }
  return groups;
}

/**
 * Centred: a merged cell's lines belong to the nearest ordinal (which stands
 * in the cell's middle); a line as far from two ordinals goes where it keeps
 * its cell best centred on the ordinal.
 *
 *   > |    建立本府依法行
 *   > | 五
 *   > |    政體系
 *   > |    協助消保官處理      ← two lines from 五 and from 六: 六 (its cell is then 3 lines around it)
 *   > | 六 消費者爭議調解
 *   > |    事件
 */
function centredGroups(grid: Grid, c: number, ordinals: readonly Ordinal[]): Map<number, number> {
  const groups = new Map<number, number>();
  const ties: [number, number][] = [];
  const extent = ordinals.map((ordinal) => ({ min: ordinal.line, max: ordinal.line }));
  const take = (line: number, group: number) => {
    groups.set(line, group);
    extent[group].min = Math.min(extent[group].min, line);
    extent[group].max = Math.max(extent[group].max, line);
  };
  // blanks[k]: row borders (blank lines inside a page; a page's foot is not one) up to body line k.
  const blanks: number[] = [];
  for (let k = 0, count = 0; k < grid.body.length; k++) {
    const border = grid.body[k].blankBefore && k > 0 && grid.body[k - 1].page === grid.body[k].page;
    blanks.push((count += border ? 1 : 0));
  }
  const blankBetween = (from: number, to: number) => blanks[to] - blanks[from] > 0;
  let next = 0;
  for (let i = 0; i < grid.cells.length; i++) {
    if (!grid.cells[i][c]) continue;
    while (next < ordinals.length && ordinals[next].line < i) next++;
    if (next === 0) take(i, 0);
    else if (next === ordinals.length) take(i, ordinals.length - 1);
    else {
      const before = i - ordinals[next - 1].line;
      const after = ordinals[next].line - i;
      // A blank line on one side only is the rows' border (a ruled table's
      // padding prints one): the line stays on the other side.
      //   > |    環境設置。          ← 二's last line, though 三 stands nearer
      //   > |
      //   > |    動植物疾病防    1   豬瘟及口蹄疫發生率
      //   > | 三   治，確保農產品
      const blankBefore = blankBetween(ordinals[next - 1].line, i);
      const blankAfter = blankBetween(i, ordinals[next].line);
      if (blankBefore !== blankAfter) take(i, blankAfter ? next - 1 : next);
      else if (before === after) ties.push([i, next]);
      else take(i, before < after ? next - 1 : next);
    }
  }
  for (const [line, next] of ties) {
    const offset = (group: number) => Math.abs((Math.min(extent[group].min, line) + Math.max(extent[group].max, line)) / 2 - ordinals[group].line);
    take(line, offset(next - 1) <= offset(next) ? next - 1 : next);
  }
  // Between two ordinals on one page with no border between them, the lines
  // are cut where the upper cell stands best centred on its ordinal (the
  // nearest ordinal misleads when one cell is tall and the next short):
  //   > |    推動地籍圖重測
  //   > | 六   作業，健全地籍
  //   > |    圖資              ← 六's (two lines above 六, two below), though 七 is nearer
  //   > | 七   調整土地公告現
  for (let g = 0; g + 1 < ordinals.length; g++) {
    const a = ordinals[g].line;
    const b = ordinals[g + 1].line;
    if (grid.body[a].page !== grid.body[b].page || blankBetween(a, b)) continue;
    const between: number[] = [];
    let current = 0;
    for (let i = a + 1; i < b; i++) {
      if (!grid.cells[i][c]) continue;
      between.push(i);
      if (groups.get(i) === g) current++;
    }
    if (between.length === 0) continue;
    // The upper cell's top is settled (its lines above its ordinal): it decides;
    // the lower cell's centring only breaks ties (its own bottom is not settled yet).
    const upper = (k: number) => Math.abs((extent[g].min + (k > 0 ? between[k - 1] : a)) / 2 - a);
    const lower = (k: number) => Math.abs(((k < between.length ? between[k] : b) + extent[g + 1].max) / 2 - b);
    let cut = current;
    for (let k = 0; k <= between.length; k++) if (upper(k) < upper(cut) || (upper(k) === upper(cut) && lower(k) < lower(cut))) cut = k;
    between.forEach((line, k) => groups.set(line, k < cut ? g : g + 1));
    extent[g].max = cut > 0 ? between[cut - 1] : a;
    extent[g + 1].min = Math.min(extent[g + 1].min, cut < between.length ? between[cut] : b);
  }
  return groups;
}

/**
 * An indicator number standing apart at the end of the strategy column
 * (the row's own columns drifted left of the page's) is the indicator's:
 *
 *   > |    區域排水、雨水      1   清疏工程辦理進度
 *                            ^ → 關鍵績效指標
 *   > |  提升市民閱讀風 1 充實館藏計畫
 *                       ^ one space after an ideograph (LibreOffice's rows)
 */
function moveIndicatorOrdinals(grid: Grid, strategyCol: number, indicatorCol: number): void {
  splitAtIndicatorOrdinals(grid, strategyCol, indicatorCol);
  for (const row of grid.cells) {
    const cell = row[strategyCol];
    if (!cell) continue;
    const last = cell.words[cell.words.length - 1];
    const before = cell.words[cell.words.length - 2];
    // One space apart is enough after an ideograph: CJK text has no spaces.
    if (!INDICATOR_ORDINAL.test(last.text) || (before && last.x0 - before.x1 < 2 * grid.unit && !isIdeograph(before.text.charCodeAt(before.text.length - 1)))) continue;
    cell.words.pop();
    cell.text = cell.words.map((word) => word.text).join(' ');
    if (!cell.words.length) row[strategyCol] = null;
    const target = row[indicatorCol];
    if (target) {
      target.words.unshift(last);
      target.text = `${last.text} ${target.text}`;
    } else row[indicatorCol] = { text: last.text, words: [last] };
  }
}

/** Lines either side of a line whose strategy text tells the column's right edge. */
const EDGE_REACH = 3;

/**
 * An indicator number one space after the strategy text, followed by text
 * reaching past where the strategy column's text ends on the lines around:
 * the row drifted left of the block's columns, and the number and the text
 * after it are the indicator's (a number inside the strategy's own text
 * stays within its edge).
 *
 *   > |   加強災害應變 1 充實消防車輛 規劃購置消防車輛
 *   > | 二 能力，提升整
 *   > |   體消防戰力 2 充實救災裝備 規劃購置救災裝備器
 *                  ^ → 關鍵績效指標
 */
function splitAtIndicatorOrdinals(grid: Grid, strategyCol: number, indicatorCol: number): void {
  const cells = grid.cells;
  // Where each line's strategy text ends (lines with no number inside).
  const ends = cells.map((row) => {
    const cell = row[strategyCol];
    if (!cell || cell.words.some((word) => INDICATOR_ORDINAL.test(word.text))) return -1;
    return cell.words[cell.words.length - 1].x1;
  });
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i][strategyCol];
    if (!cell || cell.words.length < 3) continue;
    let k = 1;
    while (k < cell.words.length - 1 && !INDICATOR_ORDINAL.test(cell.words[k].text)) k++;
    if (k >= cell.words.length - 1) continue;
    const before = cell.words[k - 1];
    const after = cell.words[k + 1];
    if (!isIdeograph(before.text.charCodeAt(before.text.length - 1)) || !isIdeograph(after.text.charCodeAt(0))) continue;
    let edge = -1;
    for (let j = Math.max(0, i - EDGE_REACH); j <= Math.min(cells.length - 1, i + EDGE_REACH); j++) edge = Math.max(edge, ends[j]);
    if (edge < 0 || cell.words[cell.words.length - 1].x1 <= edge) continue;
    const moved = cell.words.splice(k);
    cell.text = cell.words.map((word) => word.text).join(' ');
    // The indicator's text is the word after the number; a CJK word one
    // space after that is past a narrowed gutter (`cjkGutter`): the measure's.
    const existing = cells[i][indicatorCol]?.words ?? [];
    const words = [...moved, ...existing];
    cells[i][indicatorCol] = null;
    let cut = words.length;
    if (indicatorCol + 1 < cells[i].length && words.length > 2 && words[2].x0 - words[1].x1 <= grid.unit && cjkGutter(words[1].text, words[2].text)) cut = 2;
    prependWords(cells[i], indicatorCol, words.slice(0, cut));
    if (cut < words.length) prependWords(cells[i], indicatorCol + 1, words.slice(cut));
  }
}

function prependWords(row: (Fragment | null)[], c: number, words: Run[]): void {
  const text = words.map((word) => word.text).join(' ');
  const target = row[c];
  if (target) {
    target.words = words.concat(target.words);
    target.text = `${text} ${target.text}`;
  } else row[c] = { text, words };
}

//   > | 80%   ≧2,000   -   2.3%   15件
//       ^^^   ^^^^^^   ^
const VALUE_TOKEN = /^(?:[≧≦＞＜>=<]?[0-9][0-9,.]*(?:[%％]|\p{Script=Han}{1,2})?|[-－—–]+)$/u;

/**
 * Drifted rows put a value in the wrong target column or two in one: when
 * the row's values (with those trailing its measure) are exactly one per
 * year, they go one per column, in order.
 *
 *   > | 計畫道路取得條數/3 33% 33%      (measure … 108 109)  + 33% 33% (110 111)
 */
function balanceTargets(cells: string[], measureCol: number, years: readonly number[]): void {
  const tokens = years.map((c) => cells[c].split(' ').filter(Boolean));
  const all = tokens.flat();
  if (all.length === 0 || !all.every((token) => VALUE_TOKEN.test(token))) return;
  if (tokens.every((list) => list.length === 1)) return;
  let tail: string[] = [];
  if (all.length < years.length && measureCol >= 0) {
    const words = cells[measureCol].split(' ');
    let k = words.length;
    while (k > 1 && VALUE_TOKEN.test(words[k - 1]) && /[%％]|^[0-9,]{3,}$/u.test(words[k - 1])) k--;
    tail = words.slice(k);
    if (all.length + tail.length !== years.length) return;
    cells[measureCol] = words.slice(0, k).join(' ');
  } else if (all.length !== years.length) return;
  const values = [...tail, ...all];
  years.forEach((c, k) => (cells[c] = values[k]));
}

/** Runs of indicator ordinals numbered 1, 2, 3 … (each strategy restarts at 1). */
function splitSequences(ordinals: readonly Ordinal[]): Ordinal[][] {
  const sequences: Ordinal[][] = [];
  for (const ordinal of ordinals) {
    const current = sequences[sequences.length - 1];
    if (current && ordinal.value > current[current.length - 1].value) current.push(ordinal);
    else sequences.push([ordinal]);
  }
  return sequences;
}

/**
 * Lines that start a row's target values, when no ordinal tells the rows: a
 * line of values, unless it completes the values of the line before (a
 * narrow column wraps `10` / `0%`, `2,00` / `0`, `≧` / `95` / `%`).
 */
function targetBlocks(grid: Grid, years: readonly number[]): number[] {
  const blocks: number[] = [];
  let last = -1;
  grid.cells.forEach((row, i) => {
    const values = years.map((c) => row[c]?.text ?? '');
    if (values.every((value) => value === '')) return;
    if (last >= 0 && i - last <= 2 && values.every((value) => value === '' || CONTINUES_VALUE.test(value))) {
      last = i;
      return;
    }
    blocks.push(i);
    last = i;
  });
  return blocks;
}

//   > | 2,00        ≧        10
//   > | 0           95       0%      ← the rest of the values above
//       ^           ^        ^
const CONTINUES_VALUE = /^(?:[0-9,.]{1,3}\s*[%％]?|[%％]|[\p{Script=Han}]{1,2})$/u;

/** A target cell's lines joined without a space: `2,00` + `0` → `2,000`. */
function joinValue(grid: Grid, c: number, from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const cell = grid.cells[i][c];
    if (cell) parts.push(cell.text.trim());
  }
  return joinPieces(parts);
}

function joinPieces(parts: readonly string[]): string {
  let out = '';
  for (const text of parts) out += out && /[A-Za-z]$/u.test(out) && /^[A-Za-z]/u.test(text) ? ` ${text}` : text;
  return out;
}

/** A drifted row's words in the measure column and in the year columns, line by line. */
function targetWords(grid: Grid, measureCol: number, years: readonly number[], from: number, to: number): ReturnType<typeof withTrailingValues> {
  const measure: Run[][] = [];
  const values: Run[][] = [];
  for (let i = from; i < to; i++) {
    measure.push(measureCol >= 0 ? grid.cells[i][measureCol]?.words ?? [] : []);
    const words: Run[] = [];
    for (const c of years) for (const word of grid.cells[i][c]?.words ?? []) words.push(word);
    values.push(words);
  }
  return withTrailingValues(measure, values, years.length);
}

/** The measure's text once the targets took their values: its words but `taken`, and on each line the year columns' words `given`. */
function measureWords(grid: Grid, c: number, years: readonly number[], from: number, to: number, taken: Set<Run>, given: Set<Run>): string {
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    for (const word of grid.cells[i][c]?.words ?? []) if (!taken.has(word)) words.push(word.text);
    for (const y of years) for (const word of grid.cells[i][y]?.words ?? []) if (given.has(word)) words.push(word.text);
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------
// Work-plan and report tables: rows keyed on the item / 辦理情形 cells

const TERMINATED = /[。；;！!？?]$/u;

interface Block {
  /** First and last body line (inclusive). */
  start: number;
  end: number;
}

/**
 * The cells of one column as blocks of lines: a block ends after a sentence
 * end, before a numbered entry, or at two lines without text (a centred
 * cell's lines are interleaved with its neighbours', one line apart).  A
 * list inside a cell goes on after a sentence end with its next number:
 *
 *   > |   2. 檔案清理：
 *   > |   (1) 辦理 96 至 100 年屆滿保存年限 3 年之檔案清理 2,435 件。
 *   > |   (2) 辦理 97 年屆滿保存年限 5 年之檔案清理 7,817 件。
 *         ^ the same cell
 */
function cellBlocks(grid: Grid, c: number, startsCell: (text: string) => boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let previous = '';
  // The last entry of a list inside the cell (`(1)` under `2. 檔案清理：`).
  let inner: { style: string; ordinal: number } | null = null;
  for (let i = 0; i < grid.cells.length; i++) {
    const cell = grid.cells[i][c];
    if (!cell) continue;
    const marker = parseMarker(cell.text);
    const listGoesOn = current !== null && inner !== null && marker !== null && marker.style === inner.style && marker.ordinal === inner.ordinal + 1;
    const opens = startsCell(cell.text);
    if (!current || i - current.end > 2 || (TERMINATED.test(previous) && !listGoesOn) || opens) {
      blocks.push((current = { start: i, end: i }));
      inner = null;
    } else current.end = i;
    if (marker && !opens) inner = { style: marker.style, ordinal: marker.ordinal };
    previous = cell.text;
  }
  return blocks;
}

/**
 * Whether the cells stand at the top of their rows or in the middle: a value
 * (budget, completion) beside a key cell of several lines stands on its first
 * line or its middle one; else text before the first key cell tells (a centred
 * neighbour starts above it).  A value on the first of a cell's two lines with
 * a neighbour's line between them tells nothing (pdftotext rounds a centred
 * value to either line):
 *
 *   > |        依實施計畫按月分配, 均於預算實施 100%
 *                                            ^ centred between the two lines
 *   > |  (二)辦理分配預算
 *   > |        前為之。
 */
function alignment(grid: Grid, blocks: readonly Block[], values: readonly number[], perRow: readonly number[], key: number): 'top' | 'centre' {
  let top = 0;
  let centre = 0;
  for (const block of blocks) {
    if (block.end - block.start < 2) continue;
    for (let i = block.start; i <= block.end; i++) {
      if (!values.some((c) => grid.cells[i][c])) continue;
      // On the first of a cell's two lines, a centred value is rounded
      // either way: it tells nothing.
      if (i === block.start && block.end - block.start === 2 && !grid.cells[block.start + 1][key]) break;
      if (i === block.start) top++;
      else if (Math.abs(i - (block.start + block.end) / 2) <= 1) centre++;
      break;
    }
  }
  if (top + centre > 0) return top >= centre ? 'top' : 'centre';
  const first = blocks[0]?.start ?? 0;
  for (let i = 0; i < first; i++) if (perRow.some((c) => grid.cells[i][c])) return 'centre';
  return 'top';
}

function workRows(grid: Grid, source: readonly Line[], columns: NonNullable<ReturnType<typeof workColumns>>, diagnostics: Diagnostic[]): RawRow[] {
  const { category, item, content, budget } = columns;
  if (budget > content && content >= 0) moveTrailingValues(grid, content, budget, BUDGET_WORD, grid.columns[budget].x0 - 2 * grid.unit);
  if (budget > content && content >= 0) moveRunInBudgets(grid.cells, content, budget);
  if (budget === content + 1 && content >= 0) returnRunOnText(grid.cells, content, budget, grid.unit);
  const perRow = [item, content, budget].filter((c) => c >= 0);
  const blocks = cellBlocks(grid, item, (text) => parseMarker(text) !== null);
  return keyedTable(grid, source, blocks, { perRow, values: budget >= 0 ? [budget] : [], spanning: [category], tight: [budget], key: item, code: 'work-item-uncertain' }, diagnostics);
}

function reportRows(grid: Grid, source: readonly Line[], columns: NonNullable<ReturnType<typeof reportColumns>>, diagnostics: Diagnostic[]): RawRow[] {
  const levels = columns.levels.filter((c) => c >= 0);
  // A completion value ends its line (text around a percentage in a sentence goes on after it).
  if (columns.completion > columns.status) moveTrailingValues(grid, columns.status, columns.completion, COMPLETION_WORD, -Infinity);
  if (columns.completion > columns.status) moveLoneValues(grid, columns.status, columns.completion, COMPLETION_WORD);
  const perRow = [columns.status, columns.completion, columns.note].filter((c) => c >= 0);
  const blocks = cellBlocks(grid, columns.status, (text) => {
    const marker = parseMarker(text);
    return marker !== null && (marker.style === 'arabic' || marker.style === 'cjk-paren');
  });
  const values = columns.completion >= 0 ? [columns.completion] : [];
  return keyedTable(grid, source, blocks, { perRow, values, spanning: levels, tight: [], key: columns.status, code: 'report-item-uncertain' }, diagnostics);
}

//   > | 100%     95.5%          1,751     449(健保局
//       ^^^^     ^^^^^          ^^^^^     ^^^
const COMPLETION_WORD = /^[0-9]{1,3}(?:\.[0-9]+)?[%％]$/u;
const BUDGET_WORD = /^[0-9]{1,3}(?:,[0-9]{3})*(?:[(（]\S*)?$/u;

/**
 * A value set one space after the text of the column before it (the
 * extractor ran the two cells together) goes to its own column when it ends
 * the line (and, for budgets, stands under the column's title):
 *
 *   > | 9,000 元 , 歲 出 預 算 數 1 億 2,003 萬 100%
 *                                            ^^^^ 完成程度
 */
function moveTrailingValues(grid: Grid, from: number, to: number, value: RegExp, left: number): void {
  for (const row of grid.cells) {
    const cell = row[from];
    if (!cell || row[to] || cell.words.length < 2) continue;
    const last = cell.words[cell.words.length - 1];
    if (!value.test(last.text) || last.x0 < left) continue;
    cell.words.pop();
    cell.text = cell.words.map((word) => word.text).join(' ');
    row[to] = { text: last.text, words: [last] };
  }
}

/**
 * The line a centred row stands around: its value's (a completion, a
 * budget, set in the middle of the row), else the middle of its key cell's
 * lines (a neighbour's lines interleaved with them do not count).
 *
 *   > |            1. 本所訓練進修均係針對業務需要及同仁需求
 *   > |            …
 *   > |            業務講習或災情查報、通報人員訓練」、「民 100%
 *                                                      ^ the row's middle
 */
function centreOf(grid: Grid, block: Block, values: readonly number[], key: number): number {
  const lines: number[] = [];
  let valued = -1;
  let count = 0;
  for (let i = block.start; i <= block.end; i++) {
    if (!grid.cells[i][key]) continue;
    lines.push(i);
    if (values.some((c) => /^[0-9]/u.test(grid.cells[i][c]?.text ?? ''))) {
      if (valued < 0) valued = i;
      count++;
    }
  }
  if (count === 1) return valued;
  return lines.length > 0 ? lines[(lines.length - 1) >> 1] : Math.floor((block.start + block.end) / 2);
}

/**
 * A key block holding two values (two completions, two budgets) is two
 * cells: a cell's text need not end a sentence (`…7,081 元` / `依規定…`).
 * Top-aligned, the second cell starts at its value; centred, where both
 * values stand in the middle of their cells' lines (a value beside a cell
 * of two lines is rounded to the first).
 *
 *   > |                 依限完成 108 年度單位決算, 歲入決
 *   > |  (三)編製單位決算  算數 83 萬 9,966 元, 歲出決算數 1 億 100%
 *   > |                 3,007 萬 7,081 元
 *   > |                 依規定每月 10 日前編造會計報告, 每 100%
 *                       ^ the second cell starts here
 *   > |  (四)編造會計報告
 *   > |                 半年編造半年結算報告並如期報核。
 */
function splitAtValues(grid: Grid, blocks: readonly Block[], values: readonly number[], key: number, mode: 'top' | 'centre'): Block[] {
  if (values.length === 0) return [...blocks];
  const out: Block[] = [];
  for (const block of blocks) {
    const lines: number[] = [];
    const valued: number[] = [];
    for (let i = block.start; i <= block.end; i++) {
      if (grid.cells[i][key]) lines.push(i);
      // (A figure opens a value; a note's or a wrapped value's next line does not: `市府統` / `籌款`.)
      if (grid.cells[i][key] && values.some((c) => /^[0-9]/u.test(grid.cells[i][c]?.text ?? ''))) valued.push(i);
    }
    let start = block.start;
    for (let v = 1; v < valued.length; v++) {
      const p = valued[v - 1];
      const q = valued[v];
      let cut = q;
      if (mode === 'centre') {
        // The cut where each value stands on its cell's middle line (rounded
        // up); `lines` is sorted, so each side's lines are an index range.
        const next = v + 1 < valued.length ? valued[v + 1] : block.end + 1;
        const first = lowerBound(lines, start);
        const stop = lowerBound(lines, next);
        let best = Infinity;
        for (let s = p + 1; s <= q; s++) {
          const split = lowerBound(lines, s);
          if (split === first || split === stop) continue;
          const miss = Math.abs(lines[first + ((split - first - 1) >> 1)] - p) + Math.abs(lines[split + ((stop - split - 1) >> 1)] - q);
          if (miss <= best) {
            best = miss;
            cut = s;
          }
        }
      }
      out.push({ start, end: cut - 1 });
      start = cut;
    }
    out.push({ start, end: block.end });
  }
  return out;
}

/**
 * A line holding nothing but a value in the text column is the value's
 * (centred between the cell's lines, set left of its column):
 *
 *   > |           待遇加強辦理 2. 員工之各項生活津貼及公保現金給付請領案
 *   > |                                           100%
 *                                                 ^ 完成程度
 *   > |           各項福利保險 件均採隨到隨辦，以免影響同仁權益。
 */
function moveLoneValues(grid: Grid, from: number, to: number, value: RegExp): void {
  for (const row of grid.cells) {
    const cell = row[from];
    if (!cell || row[to] || cell.words.length !== 1 || !value.test(cell.text)) continue;
    row[to] = cell;
    row[from] = null;
  }
}

/** The index of the first entry of sorted `list` not below `x` (binary search). */
function lowerBound(list: readonly number[], x: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle] < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface KeyedOptions {
  /** Columns whose cells belong to one row. */
  perRow: number[];
  /** Columns of short values (budget, completion) that tell the alignment. */
  values: number[];
  /** Merged columns (category, 類/項/目). */
  spanning: number[];
  /** Columns whose wrapped lines join without a space (`449(健保局` + `補助)`). */
  tight: number[];
  key: number;
  code: string;
}

function keyedTable(grid: Grid, source: readonly Line[], keyBlocks: readonly Block[], options: KeyedOptions, diagnostics: Diagnostic[]): RawRow[] {
  const count = grid.body.length;
  if (keyBlocks.length === 0) return [];
  const mode = alignment(grid, keyBlocks, options.values, options.perRow, options.key);
  const blocks = splitAtValues(grid, keyBlocks, options.values, options.key, mode);
  const anchors = blocks.map((block) => (mode === 'top' ? block.start : centreOf(grid, block, options.values, options.key)));
  const earliest = blocks.map((block, k) => (k > 0 ? blocks[k - 1].end + 1 : 0));
  const starts = mode === 'top' ? topAlignedRows(count, anchors) : centredRows(shapes(grid, options.perRow), anchors, options.perRow, earliest);
  const pages = grid.body.map((entry) => entry.page);
  const keyOrdinals = starts.map((from, r) => {
    if (options.key < 0) return null;
    const marker = parseMarker(columnText(grid, options.key, from, r + 1 < starts.length ? starts[r + 1] : count, ' '));
    return marker ? marker.ordinal : null;
  });
  //   > |                    辦理本所資訊安全業務：             100%
  //                                                 ^ a lead sentence: the list under it is its
  const leads = starts.map((from, r) => {
    if (options.key < 0 || keyOrdinals[r] !== null) return false;
    return /[：:]$/u.test(columnText(grid, options.key, from, r + 1 < starts.length ? starts[r + 1] : count, ' ').trim());
  });
  // Innermost first: a centred label over another merged column starts
  // where that column's numbering restarts.
  const spanning = options.spanning.filter((c) => c >= 0);
  const merged = new Map<number, Map<number, string>>();
  let lower: (number | null)[] | null = null;
  for (let k = spanning.length - 1; k >= 0; k--) {
    const c = spanning[k];
    const labels = spanningLabels(grid.cells.map((row) => row[c]?.text ?? null), pages, starts, keyOrdinals, k === 0 && mode === 'centre', mode === 'centre' ? lower : null, leads);
    merged.set(c, labels);
    lower = starts.map((_, r) => {
      const label = labels.get(r);
      return label === undefined ? null : parseMarker(label)?.ordinal ?? 1;
    });
  }
  nestSpanningLabels(spanning.map((c) => merged.get(c)!));
  const rows: RawRow[] = [];
  for (let r = 0; r < starts.length; r++) {
    const from = starts[r];
    const to = r + 1 < starts.length ? starts[r + 1] : count;
    const cells = grid.columns.map((_, c) => {
      const block = merged.get(c);
      if (block) return block.get(r) ?? '';
      return columnText(grid, c, from, to, options.tight.includes(c) ? '' : ' ');
    });
    const { position, lines } = rowSource(grid, source, from, to);
    if (cells.every((cell) => cell.trim() === '')) continue;
    rows.push({ cells, position, lines });
    if (options.key >= 0 && !cells[options.key].trim()) {
      diagnostics.push({ severity: 'warning', code: options.code, message: 'table row without its key cell: it may belong to the row before', position });
    }
  }
  return rows;
}
