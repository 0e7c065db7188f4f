/**
 * What the DOCX and ODT readers collect, in document order, and how it
 * becomes a text rendition: a paragraph is a line (its automatic marker in
 * front), a table row is a line of tab-separated cells, and every table is
 * handed on cell by cell as a `RenditionTable`.
 *
 * Merged cells are written once, in the row and column they start in, as
 * Word's and Writer's text exports write them: the record stages carry a
 * strategy over its indicators and queue a work-plan category for the
 * items under it (a category repeated on every row it spans would be
 * queued again for each).  Grid columns that one header cell spans are one
 * column (a converter splits 關鍵策略目標 into an ordinal and a text
 * column), their cells joined as `一、落實美感教育`.
 */
import { parseMarker } from '../markers.js';
import { foldOrdinal, ordinalOnly } from '../records/kpi.js';
import { isSubHeader } from '../tables/tsv.js';
import type { Rendition, RenditionTable, TableLayout } from '../types.js';

export interface ParagraphBlock {
  kind: 'paragraph';
  /** The paragraph's text; `\n` where it has a line break. */
  text: string;
  /** The automatic numbering marker as displayed (`壹、`, `(一)`), or ''. */
  marker: string;
  /** 1-based outline level of a heading, else null. */
  heading: number | null;
}

export interface CellBlock {
  blocks: Block[];
  /** Grid columns the cell spans. */
  columns: number;
  /** Rows the cell spans (ODT `number-rows-spanned`; DOCX uses `merge`). */
  rows: number;
  /** DOCX `w:vMerge`: `continue` cells take the text of the cell above. */
  merge: 'restart' | 'continue' | null;
  /** ODT `table:covered-table-cell`: a place covered by a spanning cell. */
  covered: boolean;
  /** DOCX `w:hMerge` (continue): the cell is part of the cell before it in the row. */
  joinsLeft?: boolean;
}

export interface RowBlock {
  /** A header row (`w:tblHeader`, inside `table:table-header-rows`). */
  header: boolean;
  /** Grid columns left empty before the first cell (DOCX `w:gridBefore`). */
  skip: number;
  cells: CellBlock[];
  /** DOCX: the row is a tracked deletion (`w:trPr/w:del`). */
  deleted?: boolean;
}

export interface TableBlock {
  kind: 'table';
  rows: RowBlock[];
  /** ODT: every grid place is written, covered ones as covered cells, so a cell advances one column (and skips places spans cover when the writer left their covered cells out). */
  coveredCells: boolean;
}

export type Block = ParagraphBlock | TableBlock;

/** At most this many grid columns are read (ODT may repeat a column 1024 times). */
export const MAX_COLUMNS = 256;

/** Tables nested deeper than this inside cells are read as the paragraphs of their cell (every reader stops there). */
export const MAX_TABLE_DEPTH = 8;

/** The rendition of a document's blocks. */
export function renderBlocks(blocks: readonly Block[], format: 'docx' | 'odt' | 'html'): Rendition {
  const out: Output = { lines: [], tables: [], layout: format };
  renderAll(blocks, out);
  return { text: out.lines.join('\n'), format, tables: out.tables, furniture: [], pageStarts: null, diagnostics: [], fatal: false };
}

interface Output {
  lines: string[];
  tables: RenditionTable[];
  layout: TableLayout;
}

function renderAll(blocks: readonly Block[], out: Output): void {
  // An index loop and an explicit stack of nested frames: no recursion depth tied to the input.
  const pending: { blocks: readonly Block[]; at: number }[] = [{ blocks, at: 0 }];
  while (pending.length) {
    const top = pending[pending.length - 1];
    if (top.at >= top.blocks.length) {
      pending.pop();
      continue;
    }
    const block = top.blocks[top.at++];
    if (block.kind === 'paragraph') {
      for (const line of paragraphLines(block)) out.lines.push(line);
      continue;
    }
    const grid = buildGrid(block);
    if (grid.width <= 1 || (out.layout === 'html' && holdsTable(grid))) {
      // A one-column table frames text (a box around the page): its paragraphs
      // are the document's.  So does a web page's layout table (a menu column
      // beside the content, the content holding the data tables).
      const inner: Block[] = [];
      for (const origin of grid.origins) for (const child of origin.cell.blocks) inner.push(child);
      pending.push({ blocks: inner, at: 0 });
      continue;
    }
    renderTable(grid, out);
  }
}

/**
 * The lines of a paragraph: its marker in front; a numbered heading written
 * the markdown way (`## 肆、會計部門`), which the sections stage reads as a
 * heading even where its number does not start a list.  An unnumbered
 * heading stays a plain line: a cover line or `目錄` styled as a heading
 * would otherwise open a section that the numbered headings nest under.
 */
export function paragraphLines(block: ParagraphBlock): string[] {
  if (block.text.trim() === '') return [];
  const text = `${block.marker}${block.text}`;
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return [];
  if (block.heading !== null && parseMarker(lines[0])) lines[0] = `${'#'.repeat(Math.min(6, Math.max(1, block.heading)))} ${lines[0]}`;
  return lines;
}

/** A cell of the grid holds a table of its own. */
function holdsTable(grid: Grid): boolean {
  return grid.origins.some((origin) => origin.cell.blocks.some((child) => child.kind === 'table'));
}

interface Origin {
  cell: CellBlock;
  text: string;
  row: number;
  column: number;
}

interface Grid {
  cells: (Origin | null)[][];
  width: number;
  /** Every origin, in reading order. */
  origins: Origin[];
  /** Leading rows that are one cell across the table: a caption (`表一 關鍵績效指標`), not a header. */
  captionRows: number;
  /** Rows [captionRows, headerEnd) are the header. */
  headerEnd: number;
}

function buildGrid(table: TableBlock): Grid {
  const cells: (Origin | null)[][] = table.rows.map(() => []);
  const origins: Origin[] = [];
  let width = 0;
  const full = fullRows(table);
  table.rows.forEach((row, r) => {
    let column = Math.min(row.skip, MAX_COLUMNS);
    for (const cell of row.cells) {
      if (column >= MAX_COLUMNS) break;
      if (cell.covered) {
        // ODT writes a covered cell at every place a spanning cell covers.
        column++;
        continue;
      }
      // A place a spanning cell already covers is not this cell's: DOCX writes
      // no cell there, and some ODT writers (pandoc) no covered cell either,
      // unless the row's own cells fill every column (a span into it was wrong).
      while (cells[r][column] && (!full?.[r] || cells[r][column]!.row === r) && column < MAX_COLUMNS) column++;
      const left = column > 0 ? cells[r][column - 1] : undefined;
      if (cell.joinsLeft && left && left.row === r) {
        // Part of the cell before it (DOCX w:hMerge): that cell widens.
        for (let k = 0; k < Math.max(1, Math.min(cell.columns, MAX_COLUMNS - column)); k++) cells[r][column++] = left;
        continue;
      }
      const span = Math.max(1, Math.min(cell.columns, MAX_COLUMNS - column));
      let origin: Origin | null = null;
      if (cell.merge === 'continue') origin = r > 0 ? (cells[r - 1][column] ?? null) : null;
      if (!origin) {
        origin = { cell, text: cellText(cell), row: r, column };
        origins.push(origin);
      }
      const down = Math.max(1, Math.min(cell.rows, table.rows.length - r));
      for (let dr = 0; dr < down; dr++) for (let k = 0; k < span; k++) cells[r + dr][column + k] = origin;
      column += table.coveredCells ? 1 : span;
    }
  });
  for (const row of cells) if (row.length > width) width = row.length;
  const rows = table.rows.length;
  let captionRows = 0;
  while (captionRows < rows - 2 && width > 1 && spansRow(cells[captionRows], captionRows, width)) captionRows++;
  let headerEnd = captionRows;
  while (headerEnd < rows && table.rows[headerEnd].header) headerEnd++;
  const texts = (r: number) => Array.from({ length: width }, (_, c) => (cells[r][c]?.row === r ? cells[r][c]!.text : ''));
  if (headerEnd === captionRows && rows > captionRows + 1) headerEnd++;
  if (headerEnd > captionRows && headerEnd < rows - 1 && isSubHeader(texts(headerEnd), texts(headerEnd - 1))) headerEnd++;
  return { cells, width, origins, captionRows, headerEnd };
}

/**
 * Rows whose own cells fill every column of the table.  A span from a row
 * above cannot cover them: pandoc's ODT writer drops a second header row
 * (`108年 109年 …`) but keeps the first row's `number-rows-spanned="2"`, and
 * writes no covered cells, so the span would push the first data row aside.
 *
 *   > | 關鍵策略目標 (2 rows) | 關鍵績效指標 (2 rows) | 衡量標準 (2 rows) | 年度目標值 (4 columns)
 *   > | 一 | 落實美感教育 | 1 | 發展校本美感課程 | 校數 | 10 | 18 | 27 | 27
 *       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ fills all 9 columns
 */
function fullRows(table: TableBlock): boolean[] | null {
  // DOCX writes no row spans (vMerge cells are cells of their own).
  if (!table.coveredCells) return null;
  const widths = table.rows.map((row) => {
    let own = row.skip;
    let all = row.skip;
    for (const cell of row.cells) {
      const span = cell.covered ? 1 : Math.max(1, cell.columns);
      all += span;
      if (!cell.covered && !cell.joinsLeft) own += span;
    }
    return { own, all };
  });
  let width = 0;
  for (const { all } of widths) if (all > width) width = all;
  return widths.map(({ own }) => own >= width);
}

/**
 * Row `r` is one cell that starts there and spans every column: a caption.
 *
 *   > | 表1 重要工作計畫 (spans 4)
 *       ^^^^^^^^^^^^^^^^
 *   > | 機關工作項目 | 重要工作計畫項目 | 實施內容 | 預算金額
 */
function spansRow(row: readonly (Origin | null)[], r: number, width: number): boolean {
  const origin = row[0];
  if (!origin || origin.row !== r || origin.text === '') return false;
  for (let c = 1; c < width; c++) if (row[c] !== origin) return false;
  return true;
}

/**
 * A cell's paragraphs, one per line; a table nested in it, a line per row.
 * (The readers build tables at most `MAX_TABLE_DEPTH` deep, which bounds the
 * recursion into nested cells.)
 */
function cellText(cell: CellBlock): string {
  const lines: string[] = [];
  for (const block of cell.blocks) {
    if (block.kind === 'paragraph') {
      const text = `${block.marker}${block.text}`;
      for (const line of text.split('\n')) if (line.trim()) lines.push(line.trim());
      continue;
    }
    for (const row of block.rows) {
      const parts: string[] = [];
      for (const inner of row.cells) if (!inner.covered && inner.merge !== 'continue') {
        const text = cellText(inner).replace(/\n/g, ' ');
        if (text) parts.push(text);
      }
      if (parts.length) lines.push(parts.join(' '));
    }
  }
  return lines.join('\n');
}

/** A table laid out in logical columns: its caption lines, header, and every row after the caption. */
export interface LaidOutTable {
  captions: string[];
  header: string[];
  /** `row` indexes the table's rows; `data` is false for header rows, empty rows and repeats of the header. */
  rows: { values: string[]; row: number; data: boolean }[];
}

/** The logical columns, header and rows of a table stored cell by cell. */
export function layOutTable(table: TableBlock): LaidOutTable {
  return layOutGrid(buildGrid(table));
}

function layOutGrid(grid: Grid): LaidOutTable {
  const { cells, width, captionRows, headerEnd } = grid;
  const captions: string[] = [];
  for (let r = 0; r < captionRows; r++) for (const line of cells[r][0]!.text.split('\n')) if (line.trim()) captions.push(line.trim());
  // Logical columns: runs of grid columns one header cell spans in every
  // header row, when the rows under it hold one text there (or an ordinal
  // and its text); else each grid column is a column of its own under the
  // same header (`年度目標值` over four unlabeled year columns).
  const spans: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    const last = spans[spans.length - 1];
    let joined = last !== undefined && headerEnd > captionRows;
    for (let r = captionRows; r < headerEnd && joined; r++) joined = cells[r][c] !== null && cells[r][c] !== undefined && cells[r][c] === cells[r][c - 1];
    if (joined) last[1] = c + 1;
    else spans.push([c, c + 1]);
  }
  const groups: [number, number][] = [];
  for (const [from, to] of spans) {
    let foldable = true;
    for (let r = headerEnd; r < cells.length && foldable && to - from > 1; r++) foldable = foldableRow(cells[r], r, from, to);
    if (foldable) groups.push([from, to]);
    else for (let c = from; c < to; c++) groups.push([c, c + 1]);
  }
  const header = groups.map(([from]) => {
    const parts: string[] = [];
    let previous: Origin | null = null;
    for (let r = captionRows; r < headerEnd; r++) {
      const origin = cells[r][from] ?? null;
      if (origin && origin !== previous) {
        const text = origin.text.replace(/\s+/g, ' ').trim();
        if (text) parts.push(text);
      }
      previous = origin;
    }
    return parts.join('/');
  });
  const rows: LaidOutTable['rows'] = [];
  const headerKeys = new Set<string>();
  // A row can repeat the header only if its first cell is a header row's first cell (most rows are told by it alone).
  const headerFirsts = new Set<string>();
  const key = (values: string[]) => values.map((value) => value.replace(/\s+/g, '')).join('\t');
  for (let r = captionRows; r < cells.length; r++) {
    const values = groups.map(([from, to]) => groupText(cells[r], r, from, to));
    const lead = (values[0] ?? '').replace(/\s+/g, '');
    if (r < headerEnd) {
      headerKeys.add(key(values));
      headerFirsts.add(lead);
    }
    // Empty rows and repeats of the header (a page break's) hold no data.
    const data = r >= headerEnd && !values.every((value) => value === '') && !(headerFirsts.has(lead) && headerKeys.has(key(values)));
    rows.push({ values, row: r, data });
  }
  return { captions, header, rows };
}

function renderTable(grid: Grid, out: Output): void {
  const { captions, header, rows } = layOutGrid(grid);
  for (const line of captions) out.lines.push(line);
  const first = out.lines.length;
  const table: RenditionTable = { layout: out.layout, header, rows: [], start: first, end: first };
  for (const { values, data } of rows) {
    const line = out.lines.length;
    out.lines.push(values.map(oneLine).join('\t'));
    if (data) table.rows.push({ cells: values, start: line, end: line + 1 });
  }
  table.end = out.lines.length;
  out.tables.push(table);
}

/**
 * Row `r` holds at most one text in grid columns [from, to), or an ordinal
 * and its text, so the columns one header cell spans are one column:
 *
 *   > | 關鍵策略目標 (spans 2) | 關鍵績效指標 …
 *   > | 一 | 落實美感教育      | 發展校本美感課程…
 *       ^^^^^^^^^^^^^^^^^^ one column
 */
function foldableRow(row: readonly (Origin | null)[], r: number, from: number, to: number): boolean {
  const texts: string[] = [];
  let previous: Origin | null = null;
  for (let c = from; c < to; c++) {
    const origin = row[c] ?? null;
    if (!origin || origin === previous) continue;
    previous = origin;
    if (origin.row === r && origin.column >= from && origin.text) texts.push(origin.text);
  }
  return texts.length <= 1 || (texts.length === 2 && ordinalOnly(texts[0]) !== null);
}

/** A cell's lines on one line of the rendition. */
function oneLine(text: string): string {
  return text.includes('\n') ? text.split('\n').map((line) => line.trim()).join(' ') : text;
}

/**
 * Row `r`'s text in grid columns [from, to): the cells that start there, an
 * ordinal cell folded into the text after it (`一` + `落實美感教育`).
 */
function groupText(row: readonly (Origin | null)[], r: number, from: number, to: number): string {
  const texts: string[] = [];
  let previous: Origin | null = null;
  for (let c = from; c < to; c++) {
    const origin = row[c] ?? null;
    if (!origin || origin === previous) continue;
    previous = origin;
    // A cell spanning in from the left belongs to the column it starts in.
    if (origin.column < from) continue;
    if (origin.row !== r) continue;
    if (origin.text) texts.push(origin.text);
  }
  const ordinal = texts.length > 1 ? ordinalOnly(texts[0]) : null;
  if (ordinal !== null) texts.splice(0, 2, foldOrdinal(ordinal, texts[1]));
  return texts.join('\n');
}
