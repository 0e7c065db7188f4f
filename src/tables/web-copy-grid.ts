/**
 * The grid of a table copied from a web page, from its rows of cells.
 *
 * Columns: the body's widest row.  A header cell spanning columns is one
 * cell, so the header is narrower: a second header row of years fills the
 * columns under the cell that names them (`年度目標值`), one of short labels
 * (`類 項 目`) those under the first cell; when the body is still wider,
 * the difference is ordinal columns (`一`, `1`) that one header cell spans
 * with the text after them, folded into it as its marker (`一、區域排水…`),
 * as the DOCX reader does.
 *
 * Rows: a rowspan leaves its cell out of the rows under it, and the columns
 * it covers are the leading ones, so a short row's cells sit at the right
 * end, unless it starts with an ordinal: that one goes in the ordinal column
 * of its style (`2` under the indicator ordinals, `二` under the strategy
 * ordinals), the text after it beside it, the rest at the right end (a
 * colspan left out a column between them).
 */
import { foldOrdinal, ordinalOnly } from '../records/kpi.js';

export interface CopiedHeader {
  /** One label per column of the table handed on (after folding). */
  labels: string[];
  /** The grid columns [from, to) of each column handed on. */
  groups: [number, number][];
  /** Grid columns holding ordinals, with the style of their ordinals. */
  ordinals: Map<number, OrdinalStyle>;
}

type OrdinalStyle = 'digit' | 'cjk';

//   > | 一\t區域排水、雨水下水道及水環境改善計畫\t1\t區域排水、雨水下水道疏濬清淤
//       ^ cjk                                   ^ digit
function ordinalStyle(cell: string): OrdinalStyle | null {
  const ordinal = ordinalOnly(cell);
  if (ordinal === null) return null;
  return /[0-9]/u.test(ordinal) ? 'digit' : 'cjk';
}

//   > | 關鍵策略目標\t關鍵績效指標\t衡量標準\t年度目標值
//                                          ^^^^^^^^^^ spans the years under it
const YEAR_HEADING = /目標|年度|年別/u;
const YEAR = /^(?:1[0-9]{2}|20[0-9]{2})\s*(?:年度?)?$/u;

/** The header labels and the grid columns under each. */
export function spreadHeader(headerRows: readonly string[][], body: readonly string[][], width: number): CopiedHeader {
  const ordinals = ordinalColumns(body, width);
  const top = headerRows[0].map(label);
  let labels = top;
  if (headerRows.length > 1) {
    const sub = headerRows[1].map(label);
    let spanning = 0;
    if (sub.every((cell) => YEAR.test(cell.replace(/\s+/g, '')))) {
      spanning = top.length - 1;
      for (let c = top.length - 1; c >= 0; c--)
        if (YEAR_HEADING.test(top[c])) {
          spanning = c;
          break;
        }
    }
    labels = [...top.slice(0, spanning), ...sub.map((cell) => (top[spanning] ? `${top[spanning]}/${cell}` : cell)), ...top.slice(spanning + 1)];
  }
  // Fold as many ordinal columns (from the left) as the body is wider than the header.
  const folded = new Set<number>();
  let excess = width - labels.length;
  for (const column of [...ordinals.keys()].sort((a, b) => a - b)) {
    if (excess <= 0) break;
    folded.add(column);
    excess--;
  }
  const groups: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    if (folded.has(c)) {
      groups.push([c, c + 2]);
      c++;
    } else groups.push([c, c + 1]);
  }
  const fitted = groups.map((_, i) => labels[i] ?? '');
  return { labels: fitted, groups, ordinals };
}

function label(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

/**
 * Grid columns whose filled cells in the full rows are mostly ordinals of
 * one style, with a text column after them.
 */
function ordinalColumns(body: readonly string[][], width: number): Map<number, OrdinalStyle> {
  const columns = new Map<number, OrdinalStyle>();
  for (let c = 0; c < width - 1; c++) {
    let filled = 0;
    const styles = { digit: 0, cjk: 0 };
    for (const row of body) {
      if (row.length !== width || row[c] === '') continue;
      filled++;
      const style = ordinalStyle(row[c]);
      if (style) styles[style]++;
    }
    const best: OrdinalStyle = styles.digit >= styles.cjk ? 'digit' : 'cjk';
    if (filled > 0 && styles[best] * 10 >= filled * 8 && !columns.has(c - 1)) columns.set(c, best);
  }
  return columns;
}

/** Each body row on the grid, folded to the header's columns. */
export function placeRows(body: readonly string[][], width: number, header: CopiedHeader): string[][] {
  return body.map((cells) => {
    const grid = placeCells(cells, width, header.ordinals);
    return header.groups.map(([from, to]) => {
      if (to - from === 1) return grid[from];
      const ordinal = grid[from];
      const text = grid[from + 1];
      if (ordinal !== '' && text !== '' && ordinalOnly(ordinal) !== null) return foldOrdinal(ordinal, text);
      return ordinal !== '' && text !== '' ? `${ordinal}\n${text}` : ordinal || text;
    });
  });
}

/**
 * A row's cells on the grid:
 *
 *   > | 2\t雨水下水道興建工程\t雨水下水道興建長度(公尺)\t300\t300\t300\t300
 *       ^ a digit ordinal: the indicator-ordinal column, the rest at the right end
 */
function placeCells(cells: readonly string[], width: number, ordinals: ReadonlyMap<number, OrdinalStyle>): string[] {
  const grid: string[] = Array.from({ length: width }, () => '');
  if (cells.length >= width) {
    for (let c = 0; c < width; c++) grid[c] = cells[c];
    return grid;
  }
  const style = ordinalStyle(cells[0]);
  if (style) {
    for (const [column, columnStyle] of ordinals) {
      if (columnStyle !== style) continue;
      const rest = cells.length - 2;
      if (column + 2 + rest > width) break;
      grid[column] = cells[0];
      if (cells.length > 1) grid[column + 1] = cells[1];
      for (let k = 0; k < rest; k++) grid[width - rest + k] = cells[2 + k];
      return grid;
    }
  }
  const shift = width - cells.length;
  for (let k = 0; k < cells.length; k++) grid[shift + k] = cells[k];
  return grid;
}
