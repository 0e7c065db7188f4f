/**
 * Reader for tab-separated tables (converter exports, markdown with tabs):
 * one row per line, cells split at tabs.
 *
 *   > | 序號\t關鍵策略目標\t編號\t關鍵績效指標\t…\t年度績效目標值\t\t\t
 *   > | \t\t\t\t\t\t\t107\t108\t109\t110
 *   > | 1\t正確辦理各項戶籍登記(業務成果)\t1\t受理戶籍登記案件\t…
 *
 * The header is the first row; a following row that only holds years (or is
 * otherwise mostly empty under the header's empty columns) is a second header
 * row, joined with `/`.  A repeat of the header after a page break is dropped.
 */
import { linePosition, linesPosition } from '../lines.js';
import type { Diagnostic, Line, RawRow, RawTable, TableReader } from '../types.js';
import { htmlCellText, MAX_HTML_DEPTH } from './html-cell.js';
import { maxOf } from '../arrays.js';

const MIN_COLUMNS = 3;

export const tsvReader: TableReader = {
  layout: 'tsv',
  read(lines, start, limit) {
    if (!isTsvLine(lines[start])) return null;
    let end = start;
    const bodyLines: Line[] = [];
    // A table runs over tab lines; blank lines and furniture inside it are
    // page breaks when the next content line is again a tab line.
    for (let i = start; i < limit; i++) {
      const line = lines[i];
      if (line.role !== 'content') continue;
      if (!isTsvLine(line)) break;
      bodyLines.push(line);
      end = i + 1;
    }
    if (bodyLines.length < 2) return null;
    const diagnostics: Diagnostic[] = [];
    const split = bodyLines.map((line) => ({ line, cells: line.text.split('\t').map((cell) => htmlCellText(cell, (depth) => diagnostics.push(tooDeep(line, depth)))) }));
    const headerRows = [split[0]];
    let next = 1;
    if (split.length > 2 && isSubHeader(split[1].cells, split[0].cells)) {
      headerRows.push(split[1]);
      next = 2;
    }
    const header = joinHeader(headerRows.map((row) => row.cells));
    const headerKey = headerRows.map((row) => row.cells.map(withoutSpaces));
    const rows: RawRow[] = [];
    for (let i = next; i < split.length; i++) {
      // A markdown delimiter row (`--\t--\t---`) some converters repeat
      // between pages is furniture, not data.
      if (isDelimiterRow(split[i].cells)) continue;
      if (repeatsHeader(split[i].cells, headerKey[0])) {
        // Page-break repeat of the header (and its second row).
        if (headerKey.length > 1 && i + 1 < split.length && repeatsHeader(split[i + 1].cells, headerKey[1])) i++;
        continue;
      }
      rows.push({ cells: split[i].cells, position: linesPosition(lines, split[i].line.index, split[i].line.index + 1), lines: [split[i].line.index] });
    }
    return { layout: 'tsv', header, rows, start, end, position: linesPosition(lines, start, end), diagnostics } satisfies RawTable;
  },
};

const withoutSpaces = (cell: string) => cell.replace(/\s+/g, '');

/**
 * Whether a row's cells, spaces aside, are those of a header row (`key`, its
 * cells without spaces).  Compared cell by cell, leaving at the first that
 * differs, so a body row costs no joined copy of itself (a row of 1,000 year
 * columns was copied twice over to be compared).
 */
function repeatsHeader(cells: string[], key: string[]): boolean {
  if (cells.length !== key.length) return false;
  for (let c = 0; c < cells.length; c++) if (withoutSpaces(cells[c]) !== key[c]) return false;
  return true;
}

function tooDeep(line: Line, depth: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'html-too-deep',
    message: `HTML in a cell nests more than ${MAX_HTML_DEPTH} elements deep (${depth}): its tags are dropped and the text kept`,
    position: linePosition(line),
  };
}

//   > | --\t--\t---------------\t---\t:---:\t--
//       ^^
const DELIMITER_CELL = /^\s*:?-{2,}:?\s*$/;

/** A markdown delimiter row: every cell dashes (with optional alignment colons) or empty. */
export function isDelimiterRow(cells: readonly string[]): boolean {
  return cells.some((cell) => cell.trim() !== '') && cells.every((cell) => cell.trim() === '' || DELIMITER_CELL.test(cell));
}

function isTsvLine(line: Line): boolean {
  if (line.role !== 'content') return false;
  // At least MIN_COLUMNS - 1 tabs: stop counting there (most lines have none).
  let tabs = 0;
  for (let at = line.text.indexOf('\t'); at !== -1 && tabs < MIN_COLUMNS - 1; at = line.text.indexOf('\t', at + 1)) tabs++;
  return tabs >= MIN_COLUMNS - 1 && line.text.trim() !== '';
}

/**
 * A second header row: its filled cells sit under empty header cells, or are
 * all years / short labels.  A cell repeating the one above it is a rowspan a
 * writer copied into every row it covers, and counts as empty:
 *
 *   > | | 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 年度目標值 | 年度目標值 |
 *   > | | 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 108年      | 109年      |
 *         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ copies of the row above
 */
export function isSubHeader(cells: string[], header: string[]): boolean {
  // One pass over the row, no array per cell (this runs for every table a
  // reader finds: 32,000 small tables paid four arrays each).
  let filled = 0;
  let years = 0;
  let allShortUnderEmpty = true;
  let allLevels = true;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === undefined) continue;
    const cell = cells[i].trim();
    const above = (header[i] ?? '').trim();
    if (cell === '' || cell === above) continue;
    filled++;
    if (SUB_HEADER_YEAR.test(cell)) years++;
    if (!(cell.length <= 4 && above === '')) allShortUnderEmpty = false;
    if (!SUB_HEADER_LEVEL.test(cell)) allLevels = false;
  }
  if (filled === 0) return false;
  if (years >= 1 && years === filled) return true;
  return allShortUnderEmpty || allLevels;
}

const SUB_HEADER_YEAR = /^(?:1[0-9]{2}|20[0-9]{2})\s*(?:年度?)?$/;
const SUB_HEADER_LEVEL = /^[類項目]$/;

/** Join header rows per column with `/`; an empty top cell inherits the nearest filled one to its left. */
export function joinHeader(headerRows: string[][]): string[] {
  // One row (most tables): each title with its spaces folded, no parts to join.
  if (headerRows.length === 1) return Array.from(headerRows[0], (cell) => (cell ?? '').replace(/\s+/g, ' ').trim());
  const width = maxOf(headerRows.map((row) => row.length));
  const columns: string[] = [];
  const carried: string[] = headerRows.map(() => '');
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    headerRows.forEach((row, r) => {
      const cell = (row[c] ?? '').replace(/\s+/g, ' ').trim();
      if (cell) carried[r] = cell;
      // The top row spans right over empty cells only when a lower row fills them.
      const value = cell || (r < headerRows.length - 1 && headerRows.slice(r + 1).some((lower) => (lower[c] ?? '').trim()) ? carried[r] : '');
      // A rowspan copied into the row under it is one part, not two.
      if (value && value !== parts[parts.length - 1]) parts.push(value);
    });
    columns.push(parts.join('/'));
  }
  return columns;
}
