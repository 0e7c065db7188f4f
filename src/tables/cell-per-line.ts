/**
 * Reader for Word text exports that write one table cell per line: each cell
 * line starts with a TAB, a blank line ends a row, and a line without the
 * leading TAB continues the cell before it (Word wrapped the cell text):
 *
 *   > | \t關鍵策略目標
 *   > | \t關鍵績效指標          ← header row
 *   > |
 *   > | \t4
 *   > | \t辦理春、秋二
 *   > |
 *   > | 季祭典                  ← continues `辦理春、秋二`
 *       ^^^^^^
 *
 * Rows of a Word table have varying cell counts (merged cells are written
 * once), so rows are aligned to the header here: target cells are the last
 * ones of a row, and ordinal cells (`一`, `1`) go into the text of the cell
 * after them (`一、原住民…`).
 */
import { linesPosition } from '../lines.js';
import { normalizeText, stripSpaces } from '../normalize/text.js';
import { columnRole } from '../records/columns.js';
import type { Line, RawRow, RawTable, TableReader } from '../types.js';
import { isSubHeader, joinHeader } from './tsv.js';

interface CellRow {
  cells: string[];
  first: number;
  last: number;
  lines: number[];
}

const MIN_ROWS = 3;

export const cellPerLineReader: TableReader = {
  layout: 'cell-per-line',
  read(lines, start, limit) {
    if (!isCellLine(lines[start])) return null;
    // A table starts at a row's first cell, never after another cell line of
    // the same row: else a long run of cells that is no table would be
    // rescanned from each of its lines (quadratic).
    if (start > 0 && isCellLine(lines[start - 1])) return null;
    // Nor at a row of a single cell (checked before collecting the rows: a
    // run of such rows would otherwise be collected again from each one).
    if (collectRows(lines, start, limit, 1).rows[0].cells.length < 2) return null;
    const { rows, end } = collectRows(lines, start, limit);
    if (rows.length < MIN_ROWS || rows[0].cells.length < 2) return null;
    let bodyStart = 1;
    let header = rows[0].cells.map(clean);
    const second = rows.length > 2 ? rows[1].cells.map(clean) : null;
    if (second && isYearRow(second)) {
      header = joinSpanningHeader(header, second);
      bodyStart = 2;
    } else if (second && isSubHeader(second, header)) {
      // `類 / 項 / 目` under a spanning `計畫名稱`, as the tsv reader joins it.
      header = joinHeader([header, second]);
      bodyStart = 2;
    }
    // Rows that repeat the header (printed again after a page break) are dropped.
    const headerKeys = new Set(rows.slice(0, bodyStart).map(rowKey));
    const body = rows.slice(bodyStart).filter((row) => row.cells.some((cell) => cell.trim() !== '') && !headerKeys.has(rowKey(row)));
    const aligned = alignRows(header, body.map((row) => row.cells));
    const rawRows: RawRow[] = body.map((row, k) => ({ cells: aligned.rows[k], position: linesPosition(lines, row.first, row.last + 1), lines: row.lines }));
    return { layout: 'cell-per-line', header: aligned.header, rows: rawRows, start, end, position: linesPosition(lines, start, end), diagnostics: [] } satisfies RawTable;
  },
};

//   > | \t108年
//       ^^ one TAB, then the cell (an empty cell is a lone TAB, which the
//          line stage calls blank)
function isCellLine(line: Line | undefined): boolean {
  return line !== undefined && line.role !== 'page-number' && line.role !== 'running-header' && line.text.charCodeAt(0) === 9 && line.text.indexOf('\t', 1) === -1;
}

function clean(cell: string): string {
  return normalizeText(cell);
}

/** Group cell lines into rows; stop at the first line that is neither a cell, a blank, nor a wrapped cell tail. */
/** Untabbed lines a cell may run on for (its later paragraphs). */
const MAX_CONTINUATION = 20;

/**
 * Whether the untabbed line `lines[i]` continues the last cell: the run of
 * untabbed lines it starts is short and the table goes on after it (else it
 * is the text after the table).  A cell's later paragraphs are written
 * without the TAB, one per line:
 *
 *   > | \t1. 依照監督寺廟條例…輔導寺廟教堂，健全組織管理完善
 *   > | 財務制度。
 *   > | 2. 利用寺廟、教堂召開各種會議時…
 *         ^^ still the same cell: a TAB line follows the run
 *   > | \t100%
 */
function continuesCell(lines: readonly Line[], i: number, limit: number): boolean {
  let j = i;
  while (j < limit && j - i < MAX_CONTINUATION && lines[j].role !== 'blank' && !isCellLine(lines[j])) j++;
  if (j - i >= MAX_CONTINUATION) return false;
  if (j < limit && lines[j].role !== 'blank') return isCellLine(lines[j]);
  // Set apart by blank lines on both sides it is a paragraph of its own (a
  // heading between two tables: `民 政 部 門`), not the rest of a cell.
  if (i > 0 && lines[i - 1].role === 'blank') return false;
  return isCellLine(nextContent(lines, j, limit));
}

function collectRows(lines: readonly Line[], start: number, limit: number, maxRows = Infinity): { rows: CellRow[]; end: number } {
  const rows: CellRow[] = [];
  let current: CellRow | null = null;
  let end = start;
  for (let i = start; i < limit; i++) {
    const line = lines[i];
    if (line.role === 'page-number' || line.role === 'running-header') continue;
    if (isCellLine(line)) {
      if (!current) {
        if (rows.length === maxRows) break;
        rows.push((current = { cells: [], first: i, last: i, lines: [] }));
      }
      current.cells.push(line.text.slice(1));
      current.last = i;
      current.lines.push(i);
      end = i + 1;
      continue;
    }
    if (line.role === 'blank') {
      current = null;
      continue;
    }
    // A line without the TAB continues the last cell, but only while the
    // table goes on after it (else it is the text after the table).
    const last = rows[rows.length - 1];
    if (last && last.cells.length > 0 && continuesCell(lines, i, limit)) {
      last.cells[last.cells.length - 1] += `\n${line.text}`;
      last.last = i;
      last.lines.push(i);
      current = last;
      end = i + 1;
      continue;
    }
    break;
  }
  return { rows, end };
}

function nextContent(lines: readonly Line[], i: number, limit: number): Line | undefined {
  for (let k = i + 1; k < limit; k++) if (lines[k].role === 'content') return lines[k];
  return undefined;
}

/** A row's cells compared without spaces. */
function rowKey(row: { cells: readonly string[] }): string {
  return row.cells.map(stripSpaces).join('\t');
}

const YEAR_CELL = /^(?:民國)?\d{2,4}\s*年?度?$/u;

/** A header's second row: only years (under a spanning `年度目標值`), the rest empty. */
function isYearRow(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((cell) => YEAR_CELL.test(cell));
}

/**
 * Join a top header row with the row of years under its spanning cell: the
 * top cell above the first year spans all the year columns.
 *
 *   > | 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 年度目標值
 *   > |              |              |          | 108年 | 109年 | …
 *                                               ^^^^^^^^^^^^^^^^^ `年度目標值/108年` …
 */
export function joinSpanningHeader(top: readonly string[], years: readonly string[]): string[] {
  const first = years.findIndex((cell) => cell.trim() !== '');
  const yearCount = years.length - first;
  const columns: string[] = [];
  for (let c = 0; c < first; c++) columns.push(top[c] ?? '');
  for (let k = 0; k < yearCount; k++) columns.push([top[first], years[first + k]].filter(Boolean).join('/'));
  for (let c = first + 1; c < top.length; c++) columns.push(top[c]);
  return columns;
}

const ORDINAL_CELL = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,3})[、.．]?$/u;

/**
 * Align rows of varying width to the header.  Target cells are right-aligned
 * under the year columns; the cells before them fill the other columns in
 * order, where a strategy or indicator column may be preceded by an ordinal
 * cell (`一`, `1`) that the header does not name: it is placed as a marker
 * column, then folded into the cell after it (`foldMarkers`).
 *
 *   > | 一 | 原住民歲時祭儀… | 提高市民參加… | 參與人數 | 500 | …    (no indicator number)
 *   > |    |                 | 2 | 結合本市宗教團體… | 每年至少3項 | …
 */
export function alignRows(header: readonly string[], rows: readonly string[][]): { header: string[]; rows: string[][] } {
  const roles = header.map((cell) => columnRole(cell).role);
  const yearCount = roles.filter((role) => role === 'year').length;
  const firstYear = roles.indexOf('year');
  const leftHeader = firstYear === -1 ? header.length : firstYear;
  let widest = 0;
  for (const row of rows) widest = Math.max(widest, row.length - yearCount);
  let extra = Math.max(0, widest - leftHeader);
  // Marker columns go before the strategy and indicator columns, in that order.
  const expanded: Array<{ title: string; marker: boolean }> = [];
  for (let c = 0; c < header.length; c++) {
    const role = roles[c];
    if (extra > 0 && (role === 'strategy' || role === 'indicator') && roles[c - 1] !== `${role}-marker`) {
      expanded.push({ title: role === 'strategy' ? '序號' : '編號', marker: true });
      extra--;
    }
    expanded.push({ title: header[c], marker: false });
  }
  const left = expanded.length - yearCount;
  const aligned = rows.map((row) => {
    const cells = row.slice(0, Math.max(0, row.length - yearCount));
    const targets = row.slice(Math.max(0, row.length - yearCount));
    const out: string[] = [];
    let k = 0;
    for (let c = 0; c < left; c++) {
      const remainingCells = cells.length - k;
      const remainingColumns = left - c;
      if (expanded[c].marker && remainingCells < remainingColumns && !ORDINAL_CELL.test((cells[k] ?? '').trim())) {
        out.push('');
        continue;
      }
      out.push(cells[k++] ?? '');
    }
    // Extra cells (a row wider than the header) join the last text column.
    if (k < cells.length) out[left - 1] = [out[left - 1], ...cells.slice(k)].filter(Boolean).join('\n');
    while (targets.length < yearCount) targets.unshift('');
    return [...foldMarkers(expanded, out), ...targets];
  });
  return { header: [...header], rows: aligned };
}

/**
 * Put each marker cell into the strategy or indicator cell after it, in the
 * canonical marker form (`一、…`, `1.…`).  The header then lists the source
 * table's own columns only (a spreadsheet user sees 關鍵策略目標 /
 * 關鍵績效指標 / …, not columns the document never named), every row is as
 * wide as the header, and the Kpi reader splits the marker off the text.
 *
 *   > | 一 | 原住民歲時祭儀…      →  `一、原住民歲時祭儀…`
 */
function foldMarkers(columns: ReadonlyArray<{ title: string; marker: boolean }>, cells: readonly string[]): string[] {
  const out: string[] = [];
  for (let c = 0; c < cells.length; c++) {
    if (!columns[c]?.marker) {
      out.push(cells[c]);
      continue;
    }
    const marker = cells[c].trim().replace(/[、.．]$/u, '');
    const text = cells[c + 1] ?? '';
    const separator = /^[0-9]/u.test(marker) ? '.' : '、';
    out.push(marker ? `${marker}${separator}${text}` : text);
    c++;
  }
  return out;
}
