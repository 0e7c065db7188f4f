/**
 * The rows of a table whose cells are paragraphs (LibreOffice's HTML export:
 * every cell a `<p>`) in Firefox's selection text.  Firefox writes a TAB
 * alone on the line after each cell but a row's last, then a blank line; a
 * cell's paragraphs and a row's end are a blank line apart alike.  So the
 * paragraphs after a row's last TAB are its last cell and the next row's
 * first, told apart by how these tables are written: a row under a merged
 * category is one cell narrower than the header, a row that starts with a
 * numbered category (`四、`, `(二)`) is as wide as the header, and the last
 * column holds a short value (a budget) or nothing:
 *
 *   > | 道路坑洞於通報後4小時內填補
 *   > | \t
 *   > |
 *   > | 140
 *       ^ after the row's last TAB, a value: its last cell
 *   > |
 *   > | 針對西區所有道路附屬設施依…
 *       ^ the next row's first cell
 *
 * The header (a row of one-paragraph labels) gives the width; the table
 * ends at the first paragraphs not followed by a TAB, after the last row's
 * value.
 */
import type { Line } from '../types.js';
import { HEADING_ORDINAL, valueLike } from './web-copy-clipboard.js';
import type { CopiedRow } from './web-copy-rows.js';

/** A cell of more paragraphs than this, with no TAB after them, is the text after the table. */
const MAX_SEGMENT_PARAGRAPHS = 64;
/** The header has at most this many cells (plan tables have a dozen columns at most). */
const MAX_HEADER_CELLS = 16;

interface Paragraph {
  text: string;
  lines: number[];
}

/** The paragraphs between two TAB lines, and the TAB line closing them (-1: none, the table's end). */
interface Segment {
  paragraphs: Paragraph[];
  tab: number;
}

function tabAlone(text: string): boolean {
  return text.includes('\t') && text.trim() === '';
}

/** The start of such a table: text, a TAB alone, a blank line, text (no blank line before the TAB: that is innerText's layout). */
export function startsTabParagraphTable(lines: readonly Line[], start: number, limit: number): boolean {
  if (start + 3 >= limit) return false;
  const [first, tab, gap, next] = [lines[start], lines[start + 1], lines[start + 2], lines[start + 3]];
  return first.role === 'content' && !first.text.includes('\t') && tabAlone(tab.text) && gap.text.trim() === '' && !gap.text.includes('\t') && next.role === 'content' && !next.text.includes('\t');
}

/** The segments from `start`: the last one is the first not closed by a TAB. */
function segments(lines: readonly Line[], start: number, limit: number): Segment[] {
  const out: Segment[] = [];
  let paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let i = start; i < limit; i++) {
    const text = lines[i].text;
    if (tabAlone(text)) {
      out.push({ paragraphs, tab: i });
      paragraphs = [];
      current = null;
      continue;
    }
    if (text.includes('\t')) break;
    if (text.trim() === '') {
      current = null;
      continue;
    }
    if (current) {
      current.text += `\n${text.trim()}`;
      current.lines.push(i);
      continue;
    }
    if (paragraphs.length >= MAX_SEGMENT_PARAGRAPHS) break;
    current = { text: text.trim(), lines: [i] };
    paragraphs.push(current);
  }
  out.push({ paragraphs, tab: -1 });
  return out;
}

//   > | 13,799
//       ^ a row's last cell: a short value (`449(健保局補助)`, `市府統籌款`), not a numbered category
function closingValue(text: string): boolean {
  return valueLike(text);
}

function cellOf(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((paragraph) => paragraph.text).join('\n');
}

function linesOf(paragraphs: readonly Paragraph[]): number[] {
  const out: number[] = [];
  for (const paragraph of paragraphs) for (const line of paragraph.lines) out.push(line);
  return out;
}

/** The rows from `start` (the header first), and the line after the table; null when the header shows no such table. */
export function tabParagraphRows(lines: readonly Line[], start: number, limit: number): { rows: CopiedRow[]; end: number } | null {
  const all = segments(lines, start, limit);
  // The header: one-paragraph labels up to the segment holding the last
  // label and the first body row's numbered category.
  let width = 0;
  for (let k = 0; k < all.length && k < MAX_HEADER_CELLS; k++) {
    const { paragraphs } = all[k];
    if (paragraphs.length === 1 && !HEADING_ORDINAL.test(paragraphs[0].text)) continue;
    if (k >= 2 && paragraphs.length >= 2 && !HEADING_ORDINAL.test(paragraphs[0].text) && HEADING_ORDINAL.test(paragraphs[1].text)) width = k + 1;
    break;
  }
  if (width === 0) return null;
  const headerLines: number[] = [];
  const header: string[] = [];
  for (let k = 0; k < width; k++) {
    const taken = k < width - 1 ? all[k].paragraphs : all[k].paragraphs.slice(0, 1);
    header.push(cellOf(taken));
    for (const line of linesOf(taken)) headerLines.push(line);
    if (k < width - 1) headerLines.push(all[k].tab);
  }
  const rows: CopiedRow[] = [{ cells: header, lines: headerLines, guessed: false }];
  let cells: string[] = [];
  let rowLines: number[] = [];
  let expected = width;
  let end = headerLines[headerLines.length - 1] + 1;
  const startRow = (paragraphs: readonly Paragraph[]) => {
    expected = paragraphs.length && HEADING_ORDINAL.test(paragraphs[0].text) ? width : width - 1;
    cells = [cellOf(paragraphs)];
    rowLines = linesOf(paragraphs);
  };
  const closeRow = (last: readonly Paragraph[]) => {
    cells.push(cellOf(last));
    for (const line of linesOf(last)) rowLines.push(line);
    rows.push({ cells, lines: rowLines, guessed: false });
    end = rowLines[rowLines.length - 1] + 1;
  };
  startRow(all[width - 1].paragraphs.slice(1));
  let tab = all[width - 1].tab;
  for (let k = width; k < all.length && tab !== -1; k++) {
    rowLines.push(tab);
    const { paragraphs } = all[k];
    if (cells.length < expected - 1) {
      cells.push(cellOf(paragraphs));
      for (const line of linesOf(paragraphs)) rowLines.push(line);
    } else {
      // After the row's last TAB: its value, then the next row's first cell.
      const valued = paragraphs.length > 0 && closingValue(paragraphs[0].text) && (paragraphs.length > 1 || all[k].tab === -1);
      const rest = valued ? paragraphs.slice(1) : paragraphs;
      closeRow(valued ? paragraphs.slice(0, 1) : []);
      if (all[k].tab === -1 || rest.length === 0) {
        if (!valued) end = tab + 1;
        break;
      }
      startRow(rest);
    }
    tab = all[k].tab;
  }
  return rows.length >= 3 ? { rows, end } : null;
}
