/**
 * Ruled tables (layout `pdf-grid`) from the grids of each page: the header
 * rows give one `/`-joined name per column, the body rows their cells, and a
 * table continued on the next page is one table (its repeated header rows
 * dropped, a row cut by the page break joined).
 */
import { parseMarker } from '../../markers.js';
import type { RenditionTable } from '../../types.js';
import type { Grid, GridCell } from './grid.js';
import type { PlacedLine } from './furniture.js';

export interface GridPage {
  lines: PlacedLine[];
  grids: Grid[];
  /** Rendition indexes of the page's furniture lines. */
  furniture: Set<number>;
}

interface Fragment {
  page: number;
  grid: Grid;
}

/** Tables from the grids of all pages, in reading order. */
export function gridTables(pages: readonly GridPage[]): RenditionTable[] {
  const tables: RenditionTable[] = [];
  let chain: Fragment[] = [];
  const flush = (): void => {
    const table = chain.length ? tableOf(chain, pages) : null;
    if (table) tables.push(table);
    chain = [];
  };
  pages.forEach((page, p) => {
    page.grids.forEach((grid, g) => {
      const last = chain[chain.length - 1];
      const continues =
        last !== undefined &&
        g === 0 &&
        last.page === p - 1 &&
        last.grid === pages[p - 1].grids[pages[p - 1].grids.length - 1] &&
        sameColumns(last.grid, grid) &&
        onlyFurniture(pages[p - 1], last.grid.ys[last.grid.ys.length - 1], Infinity) &&
        onlyFurniture(page, -Infinity, grid.ys[0]);
      if (!continues) flush();
      chain.push({ page: p, grid });
    });
  });
  flush();
  return tables;
}

/**
 * The same table's columns: the same outer edges, and every column border of
 * one at a border of the other (a part without numbered sub-rows lacks the
 * border of the narrow number column).
 */
function sameColumns(a: Grid, b: Grid): boolean {
  const near = (x: number, xs: number[]) => xs.some((y) => Math.abs(x - y) <= 3);
  const [fewer, more] = a.xs.length <= b.xs.length ? [a.xs, b.xs] : [b.xs, a.xs];
  return Math.abs(a.xs[0] - b.xs[0]) <= 3 && Math.abs(a.xs[a.xs.length - 1] - b.xs[b.xs.length - 1]) <= 3 && fewer.every((x) => near(x, more));
}

/** No line but furniture between two heights of a page. */
function onlyFurniture(page: GridPage, from: number, to: number): boolean {
  return page.lines.every((line) => line.y <= from + 1 || line.y >= to - 1 || page.furniture.has(line.index) || line.text.trim() === '');
}

interface Column {
  /** Grid columns [from, to] of the first part the logical column covers, and its x extent. */
  from: number;
  to: number;
  left: number;
  right: number;
}

function tableOf(chain: Fragment[], pages: readonly GridPage[]): RenditionTable | null {
  const first = chain[0].grid;
  // The header: the rows the first row's cells reach down to.
  let headerRows = 1;
  for (const index of first.slots[0]) headerRows = Math.max(headerRows, first.cells[index].rowEnd + 1);
  // A header alone at a page's foot (its body on the next page) still heads the table.
  if (headerRows > first.ys.length - 1 || (headerRows === first.ys.length - 1 && chain.length === 1)) return null;
  const columns = logicalColumns(first, headerRows);
  if (columns.length < 2) return null;
  const headerKey = headerTexts(first, headerRows, columns).join('|');
  const rows: { cells: string[]; start: number; end: number }[] = [];
  let open = false;
  let lastOpen: boolean[] = [];
  /** Per column: it holds merged cells; the row of its latest text; the row whose cell the page's foot cut. */
  const mergedColumn = columns.map(() => false);
  const latest = columns.map(() => -1);
  let cutCell: (number | null)[] = columns.map(() => null);
  let tableStart = -1;
  let tableEnd = -1;
  for (let f = 0; f < chain.length; f++) {
    const { page, grid } = chain[f];
    const lines = pages[page].lines;
    let bodyFrom = 0;
    if (f === 0) bodyFrom = headerRows;
    else if (headerTexts(grid, headerRows, columns).join('|') === headerKey) bodyFrom = headerRows;
    const rangeOf = (top: number, bottom: number): [number, number] => {
      let start = -1;
      let end = -1;
      for (const line of lines) {
        if (line.y < top || line.y > bottom) continue;
        if (start < 0) start = line.index;
        end = line.index + 1;
      }
      return [start, end];
    };
    const [headStart] = rangeOf(grid.ys[0], grid.ys[headerRows] ?? grid.ys[0]);
    if (f === 0) tableStart = headStart;
    for (let r = bodyFrom; r < grid.ys.length - 1; r++) {
      const texts = columns.map((column) => cellText(grid, r, column));
      const cells = texts.map((cell) => cell.text);
      const [start, end] = rangeOf(grid.ys[r], grid.ys[r + 1]);
      if (tableStart < 0 && start >= 0) tableStart = start;
      if (end > tableEnd) tableEnd = end;
      if (cells.every((cell) => cell === '')) continue;
      const previous = rows[rows.length - 1];
      const first = f > 0 && r === bodyFrom && previous !== undefined;
      // The rest of a row the page break cut: Chromium leaves the cut row
      // without a bottom border; others close it, and then every cell of
      // the rest continues a cell whose text ran to its edge, or (a word
      // too wide for the line's end) one left without its full stop, in a
      // row holding less than half the cells of the one before:
      //
      //   > | 二、民 (一) 里鄰長  辦理里、鄰長健保轉入、 100%
      //   > |                    鄰長健保總人數計369          ← page break
      //   > |                    人。
      //                          ^ the rest of the row
      if (first && (open || cells.every((cell, i) => cell === '' || (lastOpen[i] && !parseMarker(cell))) || restOfCut(cells, previous.cells))) {
        previous.cells = previous.cells.map((cell, i) => joinCut(cell, cells[i]));
        if (end > previous.end) previous.end = end;
      } else if (start >= 0) {
        // A new row under a merged cell the page break cut: the text at the
        // next page's top in a column of merged cells, without a marker of
        // its own, is the rest of the cell above the break, not a new label.
        //   > | 三 | 端正禮俗，改善社會風氣，保存 | 1 | 辦理市民集團結婚 …   (page foot)
        //   > |    | 優良傳統文化                 | 2 | 辦理成年禮 …        (next page)
        if (first) {
          cells.forEach((cell, i) => {
            const above = cutCell[i];
            if (!cell || !above || parseMarker(cell)) return;
            rows[above].cells[i] = joinCut(rows[above].cells[i], cell);
            cells[i] = '';
          });
        }
        rows.push({ cells, start, end });
      }
      texts.forEach((cell, i) => {
        if (cell.merged) mergedColumn[i] = true;
        if (cell.text !== '') latest[i] = rows.length - 1;
      });
      lastOpen = texts.map((cell) => cell.open);
    }
    open = grid.openBottom;
    // Merged cells the page's foot cut: unfinished, reaching the last row, in a column of merged cells.
    cutCell = columns.map((column, i) => {
      if (!mergedColumn[i] || latest[i] < 0) return null;
      const bottom = cellText(grid, cellRowOf(grid, grid.ys.length - 2, column), column);
      return bottom.open && bottom.toBottom ? latest[i] : null;
    });
  }
  if (rows.length === 0 || tableStart < 0 || tableEnd <= tableStart) return null;
  return {
    layout: 'pdf-grid',
    header: headerTexts(first, headerRows, columns),
    rows,
    start: Math.min(tableStart, rows[0].start),
    end: tableEnd,
  };
}

/**
 * Grid columns under one header cell are one column (the ordinal and text
 * halves of 關鍵策略目標, the number and text of 關鍵績效指標).
 */
function logicalColumns(grid: Grid, headerRows: number): Column[] {
  const keyOf = (c: number): string => {
    const ids: number[] = [];
    for (let r = 0; r < headerRows; r++) if (ids[ids.length - 1] !== grid.slots[r][c]) ids.push(grid.slots[r][c]);
    return ids.join(',');
  };
  const columns: Column[] = [];
  const count = grid.xs.length - 1;
  for (let c = 0; c < count; c++) {
    const key = keyOf(c);
    const last = columns[columns.length - 1];
    if (last && keyOf(last.from) === key) {
      last.to = c;
      last.right = grid.xs[c + 1];
    } else columns.push({ from: c, to: c, left: grid.xs[c], right: grid.xs[c + 1] });
  }
  return columns;
}

/** Each column's header: its header cells top to bottom, joined with `/`. */
function headerTexts(grid: Grid, headerRows: number, columns: readonly Column[]): string[] {
  return columns.map((column) => {
    const parts: string[] = [];
    let previous = -1;
    const from = gridColumns(grid, column)[0] ?? 0;
    for (let r = 0; r < headerRows && r < grid.slots.length; r++) {
      const index = grid.slots[r][from];
      if (index === previous) continue;
      previous = index;
      const text = grid.cells[index].paragraphs.join('');
      if (text) parts.push(text);
    }
    return parts.join('/');
  });
}

//   > | 一 | 落實美感教育        → 一、落實美感教育
//       ^ an ordinal alone in the narrow half of a split column
const ORDINAL_ONLY = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})$/u;

/** The grid columns (of any part of the table) inside a logical column. */
function gridColumns(grid: Grid, column: Column): number[] {
  const inside: number[] = [];
  for (let c = 0; c < grid.xs.length - 1; c++) {
    const middle = (grid.xs[c] + grid.xs[c + 1]) / 2;
    if (middle > column.left && middle < column.right) inside.push(c);
  }
  return inside;
}

interface CellText {
  text: string;
  /** The text runs to the cell's right edge and ends without a full stop: a page break may have cut it. */
  open: boolean;
  /** The cell spans several slot rows (a merged cell). */
  merged: boolean;
  /** The cell reaches the grid's last row (the page's foot may cut it). */
  toBottom: boolean;
}

const TERMINATED = /[。；;！!？?]$/u;

/** The first slot row of the cell a logical column has at slot row `row` (its text stands there). */
function cellRowOf(grid: Grid, row: number, column: Column): number {
  const columnsOf = gridColumns(grid, column);
  return grid.cells[grid.slots[row][columnsOf[columnsOf.length - 1]]].row;
}

/** The text of a logical column in one slot row: the cells starting there, an ordinal joined to its text. */
function cellText(grid: Grid, row: number, column: Column): CellText {
  const cells: GridCell[] = [];
  for (const c of gridColumns(grid, column)) {
    const cell = grid.cells[grid.slots[row][c]];
    if (!cells.includes(cell)) cells.push(cell);
  }
  const text = joinedText(cells, row);
  const last = cells[cells.length - 1];
  return {
    text,
    open: text !== '' && last !== undefined && last.full && !TERMINATED.test(text),
    merged: last !== undefined && last.rowEnd > last.row,
    toBottom: last !== undefined && last.rowEnd === grid.ys.length - 2,
  };
}

function joinedText(cells: readonly GridCell[], row: number): string {
  // A merged cell's text stands on the first row it spans, as text exports
  // write it: the record interpreters carry a category or strategy forward,
  // and read a label repeated on every row as a new one.
  const texts = cells.filter((cell) => cell.row === row).map((cell) => cell.paragraphs.join('\n')).filter((text) => text !== '');
  if (texts.length > 1 && ORDINAL_ONLY.test(texts[0])) {
    const [ordinal, ...rest] = texts;
    return `${ordinal}${/[0-9]/u.test(ordinal) ? '.' : '、'}${rest.join('\n')}`;
  }
  return texts.join('\n');
}

/** A few cells, each going on from an unfinished one of the row before, none starting a numbered paragraph. */
function restOfCut(cells: readonly string[], previous: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell !== '').length;
  const before = previous.filter((cell) => cell !== '').length;
  return filled * 2 < before && cells.every((cell, i) => cell === '' || (previous[i] !== '' && !TERMINATED.test(previous[i]) && !parseMarker(cell)));
}

/** A cell cut by a page break: the second part continues the last paragraph unless it starts a numbered one. */
function joinCut(a: string, b: string): string {
  if (!b || a === b) return a;
  if (!a) return b;
  return parseMarker(b) ? `${a}\n${b}` : a + b;
}
