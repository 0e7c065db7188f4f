/**
 * Tables without drawn rules (layout `pdf-aligned`), read from the exact
 * positions of their glyphs.  The header is found by meaning (the column
 * titles of KPI, work-plan and report tables, `../../tables/aligned-header.ts`);
 * its titles' centres tell how many columns there are, and the geometry
 * engine (`../../tables/geometry/columns.ts`, here in points) puts each
 * column boundary in the gutter the body's words leave between them; the
 * rows come from the cells' blocks of lines (`cell-blocks.ts`).  A table
 * continued after a page break, its header printed again, is one table: a
 * row or a merged cell cut by the break is joined up.
 *
 *   > |                                              年度目標值
 *   > |      關鍵策略目標      關鍵績效指標   衡量標準
 *   > |                                          108年 109年 110年 111年
 *              ^ centre 125 pt      ^ 250 pt   ^ 357 pt ^ 427 pt …
 */
import { parseMarker } from '../../markers.js';
import { columnRole } from '../../records/columns.js';
import { reportColumns } from '../../records/report-items.js';
import { workColumns } from '../../records/work-items.js';
import { type HeaderColumn, headerColumns, headerKey, isHeaderBlock, titleWord } from '../../tables/aligned-header.js';
import { isIdeograph } from '../../tables/aligned-spans.js';
import { columnBoundaries, columnOf, type Run } from '../../tables/geometry/columns.js';
import type { RenditionTable } from '../../types.js';
import { type Block, cellBlocks, type CellLine, cellLines, cutAtRowStarts, isCentred, linePitch, placeSpanning, rowBands, tablePitch } from './cell-blocks.js';
import type { PlacedLine } from './furniture.js';
import { paragraphsOf, type Piece } from './grid.js';
import type { PrintedLine } from './layout.js';
import { touchingJoined, type Word, wordsOf } from './words.js';

export interface BorderlessPage {
  /** The page's lines in the rendition, one per printed line, in the same order as `printed`. */
  lines: PlacedLine[];
  printed: PrintedLine[];
  /** Rendition indexes of furniture lines. */
  furniture: Set<number>;
  /** Vertical extents of the page's ruled grids (read by `tables.ts`). */
  grids: [number, number][];
}

const MAX_HEADER_LINES = 8;
/** More printed lines than a page holds: numbers the next page's lines after this one's. */
const PAGE_LINES = 100_000;
/** Lines of one header stand closer than this many ems. */
const HEADER_GAP = 4;
/** A gap of this many ems between two lines ends a table's body (a tall top-aligned row may leave three ems empty across all its columns). */
const BODY_GAP = 6;

interface Head {
  /** Printed-line indexes of the header. */
  lines: number[];
  columns: HeaderColumn[];
  key: string;
  /** Its title words (for a header the page break cut, completed on the next page). */
  runs: Run[];
}

interface Segment {
  page: number;
  head: Head;
  body: number[];
}

/** The tables without rules of all pages, in reading order. */
export function borderlessTables(pages: readonly BorderlessPage[]): RenditionTable[] {
  const tables: RenditionTable[] = [];
  let chain: Segment[] = [];
  let open = false;
  const flush = (): void => {
    const table = chain.length ? tableOf(chain, pages) : null;
    if (table) tables.push(table);
    chain = [];
    open = false;
  };
  pages.forEach((page, p) => {
    const content = contentLines(page);
    let first = true;
    let k = 0;
    while (k < content.length) {
      const head = headerAt(page, content, k);
      if (!head) {
        // A table going on without its header printed again.
        const last = chain[chain.length - 1];
        if (open && first && last && last.body.length === 0) {
          const completed = headerRest(page, content, k, last.head);
          if (completed) {
            last.head = completed.head;
            k = completed.next;
            if (k >= content.length) continue;
          }
        }
        const rest = open && first && last ? bodyAfter(page, content, k, last.head, false) : null;
        if (rest && rest.body.length > 0) {
          chain.push({ page: p, head: last.head, body: rest.body });
          open = rest.next >= content.length;
          if (!open) flush();
          first = false;
          k = Math.max(rest.next, k + 1);
          continue;
        }
        if (open) flush();
        first = false;
        k++;
        continue;
      }
      const { body, next } = bodyAfter(page, content, k + head.lines.length, head, true);
      // The same header first on the next page: the table goes on.
      const continues = open && first && chain.length > 0 && chain[chain.length - 1].head.key === head.key;
      if (!continues) flush();
      // A header alone at the page's foot: its body is on the next page.
      const kept = body.length > 0 || next >= content.length;
      if (kept) chain.push({ page: p, head, body });
      open = kept && next >= content.length;
      if (!open) flush();
      first = false;
      k = Math.max(next, k + 1);
    }
  });
  flush();
  return tables;
}

/**
 * Printed-line indexes of a page that are neither furniture, blank, nor
 * inside a ruled grid.  A table's header printed again at the top of every
 * page repeats like a running header: its title lines stay.
 */
function contentLines(page: BorderlessPage): number[] {
  const out: number[] = [];
  page.lines.forEach((line, i) => {
    if (line.text.trim() === '') return;
    if (page.furniture.has(line.index) && !titleWords(page, i)) return;
    if (page.grids.some(([top, bottom]) => line.y >= top - 2 && line.y <= bottom + 2)) return;
    out.push(i);
  });
  return out;
}

/** Each printed line's words, cut once: the header search and the body read them again. */
const wordCache = new WeakMap<PrintedLine, Word[]>();

function lineWords(page: BorderlessPage, i: number): Word[] {
  const line = page.printed[i];
  let words = wordCache.get(line);
  if (!words) wordCache.set(line, (words = line.runs.flatMap((run) => wordsOf(run, i))));
  return words;
}

function asRuns(words: readonly Word[]): Run[] {
  return words.map((word) => ({ line: word.line, x0: word.x, x1: word.x + word.width, text: word.text }));
}

/** Every word of the line (touching words joined) is a column title or a piece of one. */
function titleWords(page: BorderlessPage, i: number): Word[] | null {
  const words = touchingJoined(lineWords(page, i));
  return words.length > 0 && words.every((word) => titleWord(word.text) !== null) ? words : null;
}

/** A header block starting at `content[k]`: title lines close together naming a table's columns. */
function headerAt(page: BorderlessPage, content: readonly number[], k: number): Head | null {
  const lines: number[] = [];
  const words: Word[] = [];
  for (let j = k; j < content.length && lines.length < MAX_HEADER_LINES; j++) {
    const i = content[j];
    const previous = lines[lines.length - 1];
    if (previous !== undefined && page.printed[i].y - page.printed[previous].y > HEADER_GAP * page.printed[i].size) break;
    const found = titleWords(page, i);
    if (!found) break;
    lines.push(i);
    for (const word of found) words.push(word);
  }
  if (lines.length === 0) return null;
  const runs = asRuns(words);
  if (!isHeaderBlock(runs)) return null;
  const columns = headerColumns(runs);
  if (columns.length < 2) return null;
  return { lines, columns, key: headerKey(runs), runs };
}

/**
 * The rest of a header the page break cut, at the top of the next page: its
 * title lines (the years under 年度目標值) complete the head left at the foot
 * of the page before.
 *
 *   > | 關鍵策略目標  關鍵績效指標  衡量標準  年度目標值     ← page foot
 *   > | ─────────────── page break ───────────────
 *   > |                                      108  109  110  111年
 *                                            ^ the rest of the header
 */
function headerRest(page: BorderlessPage, content: readonly number[], k: number, head: Head): { head: Head; next: number } | null {
  const runs: Run[] = [];
  let j = k;
  for (; j < content.length && j - k < MAX_HEADER_LINES; j++) {
    const found = titleWords(page, content[j]);
    if (!found) break;
    // Line numbers past the head's own: they stand below it.
    for (const run of asRuns(found)) runs.push({ ...run, line: run.line + PAGE_LINES });
  }
  if (runs.length === 0) return null;
  const all = [...head.runs, ...runs];
  const columns = headerColumns(all);
  if (columns.length <= head.columns.length) return null;
  return { head: { lines: head.lines, columns, key: head.key, runs: all }, next: j };
}

/**
 * The body under a header (on this page, or on the one before when `below`
 * is false): the lines down to a wide gap, a line of prose (a word reaching
 * over two column titles), a line set larger than the body (a heading) or
 * another header.
 */
function bodyAfter(page: BorderlessPage, content: readonly number[], from: number, head: Head, below: boolean): { body: number[]; next: number } {
  const body: number[] = [];
  let previous: PrintedLine | null = below ? page.printed[head.lines[head.lines.length - 1]] : null;
  const centres = head.columns.map((column) => column.centre);
  const sizes = new Map<number, number>();
  let bodySize = 0;
  let j = from;
  for (; j < content.length; j++) {
    const i = content[j];
    const line = page.printed[i];
    if (previous && line.y - previous.y > BODY_GAP * Math.max(line.size, previous.size)) break;
    if (bodySize > 0 && line.size > bodySize * 1.1) break;
    const words = lineWords(page, i);
    if (words.some((word) => centres.filter((centre) => centre > word.x && centre < word.x + word.width).length >= 2)) break;
    if (titleWords(page, i) && headerAt(page, content, j)) break;
    body.push(i);
    previous = line;
    // The body's size: the most common one of its lines.
    const seen = (sizes.get(line.size) ?? 0) + 1;
    sizes.set(line.size, seen);
    if (seen > (sizes.get(bodySize) ?? 0)) bodySize = line.size;
  }
  return { body, next: j };
}

/**
 * Words of a line closer than a justified gap joined: LibreOffice spreads a
 * cell's line over its width, leaving gaps up to about a seventh of an em
 * between glyph runs of one cell, which no other line need cover; two cells
 * without padding stand a quarter of an em apart.
 *
 *   > | 化 、 生 態 及 健 康 旅 0
 *                         ^ 0.13 em: one cell  ^ 0.25 em: the next
 */
function justifiedJoined(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const word of [...words].sort((a, b) => a.line - b.line || a.x - b.x)) {
    const last = out[out.length - 1];
    const gap = autospaced(last?.text, word.text) ? AUTOSPACE_GAP : JUSTIFIED_GAP;
    if (last && last.line === word.line && word.x - (last.x + last.width) < gap * Math.min(last.size, word.size)) {
      out[out.length - 1] = { ...last, text: last.text + word.text, width: Math.max(last.width, word.x + word.width - last.x) };
    } else out.push(word);
  }
  return out;
}

const JUSTIFIED_GAP = 0.18;
/**
 * Writer sets Western text (digits, Latin letters) about a fifth of an em
 * apart from the ideographs beside it (Asian/Western autospacing); two cells
 * without padding stand a quarter of an em apart.
 *
 *   > | 每年至少3項
 *             ^ 0.2 em before and after the 3
 */
const AUTOSPACE_GAP = 0.22;

function autospaced(before: string | undefined, after: string): boolean {
  if (!before) return false;
  const a = before.charCodeAt(before.length - 1);
  const b = after.charCodeAt(0);
  return (isIdeograph(a) && isAsciiAlnum(b)) || (isAsciiAlnum(a) && isIdeograph(b));
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

//   > | 一     區域排水、雨水下水道      ← `一` alone, left of its column's text
//       ^
const ORDINAL_ONLY = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})$/u;
//   > | 二 落 實 欠 稅 案 件 之 移
//       ^ a numeral run into its text
const LEADING_NUMERAL = /^([一二三四五六七八九十]{1,3})(?![、．.)）])\S/u;
const TERMINATED = /[。；;！!？?]$/u;

interface Cell {
  text: string;
  /** The text runs to its column's right edge and ends without a full stop: a page break may have cut it. */
  open: boolean;
  /** The cell is (or ends with) a merged cell. */
  spanning: boolean;
  /** Starts with its own ordinal or a numbering marker. */
  marked: boolean;
  /** A merged cell that may start a row off. */
  misfit: boolean;
}

interface Row {
  cells: string[];
  start: number;
  end: number;
}

interface SegmentRows {
  rows: { cells: Cell[]; start: number; end: number }[];
}

/** The rows of one page's part of a table. */
function segmentRows(segment: Segment, page: BorderlessPage): SegmentRows {
  const columns = segment.head.columns;
  const words = segment.body.flatMap((i) => lineWords(page, i));
  const boundaries = columnBoundaries(
    columns.map((column) => column.centre),
    asRuns(justifiedJoined(words)),
  );
  const byColumn: Word[][] = columns.map(() => []);
  for (const word of words) byColumn[Math.min(columns.length - 1, columnOf(word.x, boundaries))].push(word);
  // An ordinal standing alone left of its column's text (its own sub-column):
  // first on its line in the column, the line's text (if any) a gap after it.
  const ordinals = new Set<Piece>();
  const rights: number[] = [];
  const labels = columns.map((column) => column.label);
  const valueColumns = new Set(labels.flatMap((label, c) => (columnRole(label).role === 'year' ? [c] : [])));
  const work = workColumns(labels);
  const report = reportColumns(labels);
  if (work && work.budget >= 0) valueColumns.add(work.budget);
  if (report && report.completion >= 0) valueColumns.add(report.completion);
  byColumn.forEach((list, c) => {
    let right = -Infinity;
    for (const word of list) if (word.x + word.width > right) right = word.x + word.width;
    rights.push(right);
    // A target or budget set apart from its unit (`2  萬`) is no ordinal.
    if (valueColumns.has(c)) return;
    const byLine = new Map<number, Word[]>();
    for (const word of list) {
      const found = byLine.get(word.line);
      if (found) found.push(word);
      else byLine.set(word.line, [word]);
    }
    for (const words of byLine.values()) {
      words.sort((a, b) => a.x - b.x);
      const [first, second] = words;
      if (ORDINAL_ONLY.test(first.text.trim()) && (!second || second.x - (first.x + first.width) >= first.size / 4)) ordinals.add(first);
    }
  });
  // Blocks from the text alone: an ordinal centred beside a cell's lines
  // would bridge the gap to the next cell; it joins the block beside it.
  const lines = byColumn.map((list) => cellLines(list.filter((word) => !ordinals.has(word))));
  const pitch = tablePitch(lines);
  const key = keyColumn(labels);
  // The key column's cells run over several lines: its pitch is the surest,
  // and no column's lines stand further apart inside a cell (a column of
  // one-line values in evenly spaced rows would take the rows' spacing).
  const keyPitch = key >= 0 ? linePitch(lines[key], pitch) : Infinity;
  const blocks = lines.map((list, c) => cellBlocks(list, Math.min(linePitch(list, pitch), keyPitch), c));
  byColumn.forEach((list, c) => {
    for (const word of list) if (ordinals.has(word) && !attachOrdinal(blocks[c], word, c)) ordinals.delete(word);
  });
  let bands = rowBands(blocks, key);
  let centred = isCentred(blocks, bands);
  if (!centred && cutAtRowStarts(blocks, key)) {
    bands = rowBands(blocks, key);
    centred = isCentred(blocks, bands);
  }
  placeSpanning(blocks, bands, centred, key);
  const rows: SegmentRows['rows'] = bands.map(() => ({ cells: columns.map(() => ({ text: '', open: false, spanning: false, marked: false, misfit: false })), start: Infinity, end: -Infinity }));
  const spanStart = bands.map(() => Infinity);
  const spanEnd = bands.map(() => -Infinity);
  blocks.forEach((list, c) => {
    const inRow = new Map<number, Block[]>();
    for (const block of list) {
      if (block.row < 0 || block.row >= rows.length) continue;
      const found = inRow.get(block.row);
      if (found) found.push(block);
      else inRow.set(block.row, [block]);
      const indexes = block.lines.flatMap((line) => line.pieces.map((piece) => page.lines[(piece as Word).line].index));
      for (const index of indexes) {
        if (block.spanning) {
          spanStart[block.row] = Math.min(spanStart[block.row], index);
          spanEnd[block.row] = Math.max(spanEnd[block.row], index + 1);
        } else {
          rows[block.row].start = Math.min(rows[block.row].start, index);
          rows[block.row].end = Math.max(rows[block.row].end, index + 1);
        }
      }
    }
    for (const [r, list2] of inRow) rows[r].cells[c] = cellOf(list2, ordinals, rights[c]);
  });
  rows.forEach((row, r) => {
    if (row.start === Infinity) {
      row.start = spanStart[r];
      row.end = spanEnd[r];
    }
  });
  return { rows: rows.filter((row) => row.start !== Infinity) };
}

/**
 * An ordinal goes to the block of its column nearest to it (a block of its
 * own when there is none).  False when the block's text starts under it: a
 * number in the text, not an ordinal beside it.
 */
function attachOrdinal(blocks: Block[], word: Word, column: number): boolean {
  const middle = word.y - word.size * 0.3;
  let best: Block | null = null;
  let distance = Infinity;
  for (const block of blocks) {
    const d = middle < block.top ? block.top - middle : middle > block.bottom ? middle - block.bottom : 0;
    if (d < distance) {
      distance = d;
      best = block;
    }
  }
  if (best && distance < word.size) {
    const under = best.lines.some((line) => line.pieces.some((piece) => piece.x < word.x + word.width));
    best.lines.push({ y: word.y, size: word.size, pieces: [word] });
    best.lines.sort((a, b) => a.y - b.y);
    return !under;
  } else {
    const block: Block = { column, lines: [{ y: word.y, size: word.size, pieces: [word] }], top: word.y - 0.8 * word.size, bottom: word.y + 0.2 * word.size, spanning: false, row: -1 };
    const at = blocks.findIndex((other) => other.top > block.top);
    blocks.splice(at < 0 ? blocks.length : at, 0, block);
  }
  return true;
}

/** The text of a cell's blocks: paragraphs joined with `\n`, an ordinal joined to its text as `一、…` / `1.…`. */
function cellOf(blocks: readonly Block[], ordinals: ReadonlySet<Piece>, right: number): Cell {
  const texts: string[] = [];
  let ordinal = '';
  let open = false;
  for (const block of blocks) {
    const pieces: Piece[] = [];
    for (const line of block.lines) {
      for (const piece of line.pieces) {
        if (ordinals.has(piece) && !ordinal) ordinal = piece.text.trim();
        else pieces.push({ ...piece });
      }
    }
    if (pieces.length === 0) continue;
    const { paragraphs, end, size } = paragraphsOf(pieces);
    const text = paragraphs.join('\n');
    if (text) texts.push(text);
    open = end >= right - size * 1.5;
  }
  let text = texts.join('\n');
  if (!ordinal) {
    // An ordinal in one run with its spaced-out text (`二 落 實 欠 稅`): the
    // block's first line starts left of its others, where ordinals stand.
    const lines = blocks.flatMap((block) => block.lines);
    const lead = LEADING_NUMERAL.exec(text);
    if (lead && lines.length > 1) {
      const left = (line: CellLine) => line.pieces.reduce((least, piece) => Math.min(least, piece.x), Infinity);
      const first = left(lines[0]);
      if (lines.slice(1).every((line) => left(line) >= first + lines[0].size / 2)) {
        ordinal = lead[1];
        text = text.slice(lead[1].length);
      }
    }
  }
  if (ordinal) text = text ? `${ordinal}${/[0-9]/u.test(ordinal) ? '.' : '、'}${text}` : ordinal;
  return {
    text,
    open: open && text !== '' && !TERMINATED.test(text),
    spanning: blocks.some((block) => block.spanning),
    misfit: blocks.some((block) => block.misfit === true),
    marked: ordinal !== '' || parseMarker(text) !== null,
  };
}

function tableOf(chain: readonly Segment[], pages: readonly BorderlessPage[]): RenditionTable | null {
  const first = chain[0];
  const header = first.head.columns.map((column) => column.label);
  const rows: Row[] = [];
  const misfits = new Set<Row>();
  /** Per column: the output row holding its last merged cell, and whether that cell ran on to the page's end. */
  let lastSpan: (Row | null)[] = header.map(() => null);
  let lastOpen: boolean[] = header.map(() => false);
  let tableEnd = -1;
  for (let f = 0; f < chain.length; f++) {
    const segment = chain[f];
    if (segment.body.length === 0) continue; // a header alone at a page's foot
    const page = pages[segment.page];
    const lastBody = segment.body[segment.body.length - 1];
    tableEnd = Math.max(tableEnd, page.lines[lastBody].index + 1);
    // Same columns as the first part: its header, printed again, names them.
    if (segment.head.columns.length !== header.length) return null;
    const { rows: parts } = segmentRows(segment, page);
    parts.forEach((part, r) => {
      let cells = part.cells;
      if (f > 0 && r === 0) {
        // The rest of a merged cell the page break cut.
        cells = cells.map((cell, c) => {
          const held = lastSpan[c];
          if (!cell.spanning || cell.marked || !held) return cell;
          held.cells[c] = joinCut(held.cells[c], cell.text);
          return { ...cell, text: '' };
        });
        const previous = rows[rows.length - 1];
        // The rest of a row the page break cut: every cell continues one that ran to its edge.
        if (previous && cells.some((cell) => cell.text) && cells.every((cell, c) => cell.text === '' || (lastOpen[c] && !cell.marked))) {
          previous.cells = previous.cells.map((text, c) => joinCut(text, cells[c].text));
          previous.end = Math.max(previous.end, part.end);
          return;
        }
        if (cells.every((cell) => cell.text === '')) return;
      }
      const row: Row = { cells: cells.map((cell) => cell.text), start: part.start, end: part.end };
      if (cells.some((cell) => cell.misfit && cell.text)) {
        // It may start a row earlier, or later: both rows are in doubt.
        misfits.add(row);
        const before = rows[rows.length - 1];
        if (before) misfits.add(before);
      }
      rows.push(row);
      lastSpan = lastSpan.map((held, c) => (cells[c].text ? (cells[c].spanning ? row : null) : held));
      lastOpen = cells.map((cell) => cell.open);
    });
  }
  if (rows.length === 0) return null;
  const start = pages[first.page].lines[first.head.lines[0]].index;
  const checked = flagUncertain(header, rows, misfits);
  return {
    layout: 'pdf-aligned',
    header,
    rows: rows.map((row) => ({ ...row, ...(checked.get(row) ? { warning: checked.get(row) } : {}) })),
    start: Math.min(start, rows[0].start),
    end: Math.max(tableEnd, rows[rows.length - 1].end),
  };
}

/** The column with one cell per row: the indicator, the work item, the report's status (-1: none known). */
function keyColumn(header: readonly string[]): number {
  const indicator = header.findIndex((label) => columnRole(label).role === 'indicator');
  if (indicator >= 0) return indicator;
  const report = reportColumns(header);
  if (report) return report.status;
  return workColumns(header)?.item ?? -1;
}

/** A cell cut by a page break: the second part continues the first unless it starts a numbered paragraph. */
function joinCut(a: string, b: string): string {
  if (!b) return a;
  if (!a) return b;
  return parseMarker(b) ? `${a}\n${b}` : a + b;
}

//   > | 100%   ≧12,000人   0.1%   45件   -
//       ^^^^   ^^^^^^^^^   ^^^^   ^^^^   ^ one value each
const VALUE_TOKEN = /^(?:[≧≦≥≤<>＞＜約]?[0-9][0-9,.]*(?:%|％)?[^\s0-9]{0,4}|[-－—–])$/u;

/** Rows whose cells may be cut or gathered wrongly, each with the reason. */
function flagUncertain(header: readonly string[], rows: readonly Row[], misfits: ReadonlySet<Row>): Map<Row, { code: string; message: string }> {
  const warnings = new Map<Row, { code: string; message: string }>();
  const roles = header.map((label) => columnRole(label).role);
  const years = roles.flatMap((role, c) => (role === 'year' ? [c] : []));
  const indicator = roles.indexOf('indicator');
  const report = reportColumns(header);
  const work = report ? null : workColumns(header);
  for (const row of rows) {
    const text = (c: number) => (c >= 0 ? row.cells[c].trim() : '');
    let reason = '';
    let code = 'kpi-row-uncertain';
    if (indicator >= 0) {
      const filled = years.filter((c) => text(c) !== '').length;
      const crowded = years.some((c) => text(c).split(/\s+/u).filter((token) => VALUE_TOKEN.test(token)).length > 1);
      if (!text(indicator).replace(/^[0-9]+\./u, '')) reason = 'KPI row without an indicator: its lines may belong to the row next to it';
      else if (filled < years.length) reason = `KPI row with ${filled} targets for ${years.length} years`;
      else if (crowded) reason = 'KPI row with two values in one target cell: a value may have run into the wrong year';
    } else if (work) {
      code = 'work-item-uncertain';
      if (!text(work.item)) reason = 'work-plan row without an item: its lines may belong to the row next to it';
    } else if (report) {
      code = 'report-item-uncertain';
      if (!text(report.status)) reason = 'report row without a status: its lines may belong to the row next to it';
      else if (report.completion >= 0 && !text(report.completion)) reason = 'report row without a completion';
      // Rows joined (top-aligned cells without padding follow at the line pitch):
      //   > | 2. 推動辦公室做環保各項相關工作。   100% 100%
      //                                          ^ two completions
      else if (report.completion >= 0 && text(report.completion).split(/\s+/u).filter((token) => VALUE_TOKEN.test(token)).length > 1) reason = 'report row with two completions in one cell: rows may have been joined';
    }
    if (!reason && misfits.has(row)) reason = 'a merged cell (a strategy or category spanning rows) stands off the middle of its rows: it may start a row off';
    if (reason) warnings.set(row, { code, message: reason });
  }
  return warnings;
}
