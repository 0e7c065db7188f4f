/**
 * The rows of a copied table whose cells are paragraphs (`<td><p>…</p></td>`,
 * as LibreOffice and Word write HTML).  A browser sets a paragraph off by a
 * blank line on each side, so the TAB between two cells is a line of its own
 * between blank lines, a cell's paragraphs are a blank line apart and a row
 * ends with two or more blank lines:
 *
 *   > | 一
 *   > |
 *   > | \t
 *       ^ a TAB alone between blank lines: the next cell
 *   > |
 *   > | 區域排水、雨水下水道及水環境改善計畫
 *   > |
 *   > |
 *   > |
 *   > | 2
 *       ^ after two blank lines or more: the next row
 *
 * Text right after a TAB line (no blank line) is past the table: the browser
 * writes the text after a table one line break after it.
 */
import type { Line } from '../types.js';
import type { CopiedRow } from './web-copy-rows.js';

/** A row this wide is no plan table (they have a dozen columns at most): the reader stops looking, so a declined start costs a bounded look. */
const MAX_CELLS = 64;

/** A line of TABs (and spaces) only: a cell break.  A scan, not a regex (two overlapping `*` runs backtrack). */
function tabAlone(text: string): boolean {
  return text.includes('\t') && text.trim() === '';
}

/** The start of a paragraph-cell table: text, blank, a TAB alone, blank, text. */
export function startsParagraphTable(lines: readonly Line[], start: number, limit: number): boolean {
  if (start + 4 >= limit) return false;
  const [first, gap, tab, gap2, next] = [lines[start], lines[start + 1], lines[start + 2], lines[start + 3], lines[start + 4]];
  return first.role === 'content' && !first.text.includes('\t') && empty(gap) && tabAlone(tab.text) && empty(gap2) && next.role === 'content' && !next.text.includes('\t');
}

function empty(line: Line): boolean {
  return line.text.trim() === '' && !line.text.includes('\t');
}

/** The rows from `start`, and the line after the table. */
export function paragraphRows(lines: readonly Line[], start: number, limit: number): { rows: CopiedRow[]; end: number } | null {
  const rows: CopiedRow[] = [];
  let cells: string[][] = [[]];
  let rowLines: number[] = [];
  let blanks = 0;
  let afterTab = false;
  let end = start;
  const closeRow = () => {
    if (rowLines.length) rows.push({ cells: cells.map((cell) => cell.join('\n')), lines: rowLines, guessed: false });
    cells = [[]];
    rowLines = [];
  };
  for (let i = start; i < limit; i++) {
    const line = lines[i];
    if (tabAlone(line.text)) {
      if (rowLines.length === 0) break;
      let tabs = 0;
      for (let at = line.text.indexOf('\t'); at !== -1; at = line.text.indexOf('\t', at + 1)) tabs++;
      for (let k = 0; k < tabs; k++) cells.push([]);
      if (cells.length > MAX_CELLS) return null;
      rowLines.push(i);
      afterTab = true;
      blanks = 0;
      continue;
    }
    // A cell of a lone number looks like a page number to the line stage; a copied page has none.
    if (empty(line)) {
      blanks++;
      continue;
    }
    if (line.text.includes('\t')) break;
    // Text right after a TAB line is past the table; after a row's end, a new row.
    if (afterTab && blanks === 0) break;
    if (rowLines.length && (blanks >= 3 || (afterTab && blanks >= 2))) {
      end = rowLines[rowLines.length - 1] + 1;
      closeRow();
    }
    cells[cells.length - 1].push(line.text.trim());
    rowLines.push(i);
    afterTab = false;
    blanks = 0;
  }
  // The last row counts only with a TAB in it (else it is the text after the table).
  if (rowLines.length && cells.length > 1) {
    end = rowLines[rowLines.length - 1] + 1;
    closeRow();
  }
  return rows.length ? { rows, end } : null;
}
