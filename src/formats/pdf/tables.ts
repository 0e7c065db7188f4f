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

/** Column borders at the same places (within 3 points). */
function sameColumns(a: Grid, b: Grid): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]) <= 3);
}

/** No line but furniture between two heights of a page. */
function onlyFurniture(page: GridPage, from: number, to: number): boolean {
  return page.lines.every((line) => line.y <= from + 1 || line.y >= to - 1 || page.furniture.has(line.index) || line.text.trim() === '');
}

interface Column {
  /** Grid columns [from, to] the logical column covers. */
  from: number;
  to: number;
  name: string;
}

function tableOf(chain: Fragment[], pages: readonly GridPage[]): RenditionTable | null {
  const first = chain[0].grid;
  // The header: the rows the first row's cells reach down to.
  let headerRows = 1;
  for (const index of first.slots[0]) headerRows = Math.max(headerRows, first.cells[index].rowEnd + 1);
  if (headerRows >= first.ys.length - 1) return null;
  const columns = logicalColumns(first, headerRows);
  if (columns.length < 2) return null;
  const headerKey = headerTexts(first, headerRows, columns).join('|');
  const rows: { cells: string[]; start: number; end: number }[] = [];
  let open = false;
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
      const cells = columns.map((column) => cellText(grid, r, column));
      const [start, end] = rangeOf(grid.ys[r], grid.ys[r + 1]);
      if (tableStart < 0 && start >= 0) tableStart = start;
      if (end > tableEnd) tableEnd = end;
      if (cells.every((cell) => cell === '')) continue;
      const previous = rows[rows.length - 1];
      if (open && r === bodyFrom && previous) {
        // The rest of a row the page break cut.
        previous.cells = previous.cells.map((cell, i) => joinCut(cell, cells[i]));
        if (end > previous.end) previous.end = end;
      } else if (start >= 0) rows.push({ cells, start, end });
    }
    open = grid.openBottom;
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
    if (last && keyOf(last.from) === key) last.to = c;
    else columns.push({ from: c, to: c, name: key });
  }
  return columns;
}

/** Each column's header: its header cells top to bottom, joined with `/`. */
function headerTexts(grid: Grid, headerRows: number, columns: readonly Column[]): string[] {
  return columns.map((column) => {
    const parts: string[] = [];
    let previous = -1;
    for (let r = 0; r < headerRows && r < grid.slots.length; r++) {
      const index = grid.slots[r][column.from];
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

/** The text of a logical column in one slot row: the cells starting there, an ordinal joined to its text. */
function cellText(grid: Grid, row: number, column: Column): string {
  const cells: GridCell[] = [];
  for (let c = column.from; c <= column.to; c++) {
    const cell = grid.cells[grid.slots[row][c]];
    if (!cells.includes(cell)) cells.push(cell);
  }
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

/** A cell cut by a page break: the second part continues the last paragraph unless it starts a numbered one. */
function joinCut(a: string, b: string): string {
  if (!b || a === b) return a;
  if (!a) return b;
  return parseMarker(b) ? `${a}\n${b}` : a + b;
}
