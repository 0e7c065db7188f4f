/**
 * Table grids from ruling lines: where horizontal and vertical rules meet,
 * the rules' positions cut the table's box into slots, and a slot boundary
 * without a drawn border joins two slots into one merged cell (rowspan /
 * colspan).  Text goes to the cell that holds its glyphs; a run crossing a
 * border is cut there.
 *
 *   +--------+-------------+----+----+
 *   | 一     | 落實美感教育 | 10 | 18 |      one slot per rule interval;
 *   |        +-------------+----+----+      the 一 cell has no border
 *   |        | 發展校本…    |  3 |  3 |      below it: rowspan 2
 *   +--------+-------------+----+----+
 */
import { parseMarker } from '../../markers.js';
import type { Rule } from './graphics.js';
import { displayWidth } from '../../width.js';
import type { TextRun } from './page.js';
import { unruledRowCuts } from './unruled-rows.js';

export interface GridCell {
  /** First and last slot row / column the cell covers (inclusive). */
  row: number;
  rowEnd: number;
  col: number;
  colEnd: number;
  /** The cell's text: one entry per paragraph (a wrapped line continues its paragraph). */
  paragraphs: string[];
  /** Its last line runs to the right edge: the text may go on (a cell cut by a page break). */
  full: boolean;
}

export interface Grid {
  /** Slot boundaries: column edges left to right, row edges top to bottom (page points). */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** slots[row][col] → index in `cells`. */
  slots: number[][];
  /** The table's box was cut by the page edge: no rule closes it at the top / bottom. */
  openTop: boolean;
  openBottom: boolean;
}

/** Rules closer than this (points) are one rule (LibreOffice doubles its borders 0.5 pt apart). */
const SAME_RULE = 1.6;
/** Gaps up to this (points) inside one rule are joins of its pieces. */
const RULE_GAP = 2.5;
/** A rule ending this close (points) to another still meets it. */
const MEET = 2.5;
/** Past this many rules on a page, grid finding (quadratic in the worst case) is skipped. */
const MAX_RULES = 4000;

interface Line {
  at: number;
  from: number;
  to: number;
}

/** The grids a page's rules form (at least two columns and two rows each), top to bottom. */
export function findGrids(rules: readonly Rule[], runs: readonly TextRun[]): Grid[] {
  if (rules.length > MAX_RULES) return [];
  const horizontal = mergeRules(rules.filter((r) => r.horizontal));
  const vertical = mergeRules(rules.filter((r) => !r.horizontal));
  if (horizontal.length < 1 || vertical.length < 2) return [];
  // Rules that meet belong to one table.
  const parent = new Int32Array(horizontal.length + vertical.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let h = 0; h < horizontal.length; h++) {
    const hl = horizontal[h];
    for (let v = 0; v < vertical.length; v++) {
      const vl = vertical[v];
      if (vl.at >= hl.from - MEET && vl.at <= hl.to + MEET && hl.at >= vl.from - MEET && hl.at <= vl.to + MEET) {
        parent[find(h)] = find(horizontal.length + v);
      }
    }
  }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  horizontal.forEach((line, i) => group(find(i)).h.push(line));
  vertical.forEach((line, i) => group(find(horizontal.length + i)).v.push(line));
  function group(root: number): { h: Line[]; v: Line[] } {
    let found = groups.get(root);
    if (!found) groups.set(root, (found = { h: [], v: [] }));
    return found;
  }
  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    const grid = gridOf(h, v);
    if (grid) grids.push(withOverflowBelow(withUnruledRows(grid, h, v, runs), h, runs));
  }
  grids.sort((a, b) => a.ys[0] - b.ys[0]);
  for (const grid of grids) fillText(grid, runs);
  return grids;
}

/** The grid with its unruled body rows cut apart (`unruled-rows.ts`): rules added across the columns not merged over several rows. */
function withUnruledRows(grid: Grid, h: Line[], v: Line[], runs: readonly TextRun[]): Grid {
  const added: Line[] = [];
  const { xs, ys } = grid;
  for (let r = 0; r + 1 < ys.length; r++) {
    for (const at of unruledRowCuts(xs, ys[r], ys[r + 1], runs)) {
      for (let c = 0; c + 1 < xs.length; c++) {
        const cell = grid.cells[grid.slots[r][c]];
        if (cell.row === cell.rowEnd) added.push({ at, from: xs[c], to: xs[c + 1] });
      }
    }
  }
  return added.length ? (gridOf([...h, ...added], v) ?? grid) : grid;
}

/**
 * Text a merged cell printed below the grid's last rule: Chromium closes a
 * row the page break cut under its own cells only, and the cells merged over
 * the rows that go on next page (類 / 項 / 目) run their text on below the
 * borders it drew.  Lines just under the bottom, inside the columns that rule
 * leaves open and nowhere else, still belong to those cells: the grid's
 * bottom moves down to hold them.
 *
 *   > | 五、社會福  (一)加強辦理兒  1. 辦理兒童少年生活扶助計801人。  100%
 *   > | ───────────────────────────┴──────────────────────────────────────  (rule under 辦理情形… only)
 *   > | 利與救助    童及少年福利                                               ← still 項 and 目
 */
function withOverflowBelow(grid: Grid, h: readonly Line[], runs: readonly TextRun[]): Grid {
  const { xs, ys } = grid;
  const bottom = ys[ys.length - 1];
  const closed = xs.slice(0, -1).map((x, c) => covered(h, bottom, x, xs[c + 1]));
  if (closed.every(Boolean) || !closed.some(Boolean)) return grid;
  const inOpenColumn = (run: TextRun) => {
    const c = slotIndex(xs, run.x + run.width / 2);
    return run.x >= xs[0] - 1 && run.x + run.width <= xs[xs.length - 1] + 1 && !closed[c] && !closed[slotIndex(xs, run.x + 1)] && !closed[slotIndex(xs, run.x + run.width - 1)];
  };
  const below = runs.filter((run) => middleOf(run) > bottom && run.x + run.width > xs[0] && run.x < xs[xs.length - 1]).sort((a, b) => middleOf(a) - middleOf(b));
  let reach = bottom;
  for (const run of below) {
    // Only lines that go on from the bottom, one line height apart at most.
    if (middleOf(run) - reach > run.size * 1.8) break;
    if (!inOpenColumn(run)) return grid;
    reach = Math.max(reach, middleOf(run) + run.size * 0.6);
  }
  if (reach === bottom) return grid;
  return { ...grid, ys: [...ys.slice(0, -1), reach] };
}

/** Whether rules at `at` cover at least half of the span from `from` to `to` (a border is drawn there). */
function covered(lines: readonly Line[], at: number, from: number, to: number): boolean {
  let length = 0;
  for (const line of lines) {
    if (Math.abs(line.at - at) > SAME_RULE * 2) continue;
    length += Math.max(0, Math.min(line.to, to) - Math.max(line.from, from));
  }
  return length >= (to - from) * 0.5;
}

/** Rules on one line (within SAME_RULE) merged into maximal segments. */
function mergeRules(rules: readonly Rule[]): Line[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const merged: Line[] = [];
  let k = 0;
  while (k < sorted.length) {
    // A cluster of rules at (about) the same position.
    let end = k + 1;
    while (end < sorted.length && sorted[end].at - sorted[end - 1].at <= SAME_RULE) end++;
    const cluster = sorted.slice(k, end).sort((a, b) => a.from - b.from);
    const at = cluster.reduce((sum, r) => sum + r.at, 0) / cluster.length;
    let current: Line | null = null;
    for (const rule of cluster) {
      if (current && rule.from <= current.to + RULE_GAP) current.to = Math.max(current.to, rule.to);
      else merged.push((current = { at, from: rule.from, to: rule.to }));
    }
    k = end;
  }
  return merged;
}

/** Positions within SAME_RULE of each other as one. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) {
    if (out.length && value - out[out.length - 1] <= SAME_RULE * 2) continue;
    out.push(value);
  }
  return out;
}

function gridOf(h: Line[], v: Line[]): Grid | null {
  const xs = clusterPositions(v.map((line) => line.at));
  const ys = clusterPositions(h.map((line) => line.at));
  if (xs.length < 3 || ys.length < 1) return null;
  // Vertical rules running past the last (first) horizontal one: a table cut
  // by the page break, its last row left without a bottom border (Chromium).
  let top = Infinity;
  let bottom = -Infinity;
  for (const line of v) {
    if (line.from < top) top = line.from;
    if (line.to > bottom) bottom = line.to;
  }
  let openTop = false;
  let openBottom = false;
  if (top < ys[0] - 3) {
    ys.unshift(top);
    openTop = true;
  }
  if (bottom > ys[ys.length - 1] + 3) {
    ys.push(bottom);
    openBottom = true;
  }
  // One row is enough: the rest of a row a page break cut (`tables.ts` joins it, and drops a one-row grid that continues nothing).
  if (ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Slots joined where no border separates them.
  const parent = new Int32Array(rows * cols).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1])) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1])) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const cells: GridCell[] = [];
  const byRoot = new Map<number, number>();
  const slots: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      let index = byRoot.get(root);
      if (index === undefined) {
        index = cells.length;
        byRoot.set(root, index);
        cells.push({ row: r, rowEnd: r, col: c, colEnd: c, paragraphs: [], full: false });
      }
      const cell = cells[index];
      cell.rowEnd = Math.max(cell.rowEnd, r);
      cell.col = Math.min(cell.col, c);
      cell.colEnd = Math.max(cell.colEnd, c);
      row.push(index);
    }
    slots.push(row);
  }
  return { xs, ys, cells, slots, openTop, openBottom };
}

/** A piece of a run inside one cell. */
export interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The visual middle of a run's glyphs, from its baseline (top-down coordinates). */
export function middleOf(run: { y: number; size: number }): number {
  return run.y - run.size * 0.35;
}

/** Give each run (cut at the column borders it crosses) to the cell that holds it. */
function fillText(grid: Grid, runs: readonly TextRun[]): void {
  const { xs, ys } = grid;
  const left = xs[0];
  const right = xs[xs.length - 1];
  const pieces: Piece[][] = grid.cells.map(() => []);
  for (const run of runs) {
    const middle = middleOf(run);
    if (middle < ys[0] || middle > ys[ys.length - 1] || run.x + run.width < left || run.x > right) continue;
    const row = slotIndex(ys, middle);
    for (const piece of cutAtBorders(run, xs)) {
      const col = slotIndex(xs, piece.x + piece.width / 2);
      if (col < 0 || col >= xs.length - 1) continue;
      pieces[grid.slots[row][col]].push(piece);
    }
  }
  grid.cells.forEach((cell, i) => {
    const { paragraphs, end, size } = paragraphsOf(pieces[i]);
    cell.paragraphs = paragraphs;
    cell.full = paragraphs.length > 0 && end >= xs[cell.colEnd + 1] - size * 1.5;
  });
}

/** The slot (column or row) of `edges` that holds `at`; the first or last when it lies outside. */
export function slotIndex(edges: readonly number[], at: number): number {
  let i = 0;
  while (i < edges.length - 2 && at > edges[i + 1]) i++;
  return i;
}

/** A run crossing column borders, cut there (character advances taken from display widths). */
function cutAtBorders(run: TextRun, xs: readonly number[]): Piece[] {
  const inner = xs.filter((x) => x > run.x + 1 && x < run.x + run.width - 1);
  if (inner.length === 0) return [{ text: run.text, x: run.x, y: run.y, width: run.width, size: run.size }];
  const total = displayWidth(run.text) || 1;
  const pieces: Piece[] = [];
  let start = 0;
  let startX = run.x;
  let advance = 0;
  let border = 0;
  for (let i = 0; i < run.text.length; i++) {
    const charWidth = (displayWidth(run.text[i]) / total) * run.width;
    const middle = run.x + advance + charWidth / 2;
    if (border < inner.length && middle > inner[border]) {
      if (i > start) pieces.push({ text: run.text.slice(start, i), x: startX, y: run.y, width: run.x + advance - startX, size: run.size });
      start = i;
      startX = run.x + advance;
      while (border < inner.length && middle > inner[border]) border++;
    }
    advance += charWidth;
  }
  pieces.push({ text: run.text.slice(start), x: startX, y: run.y, width: run.x + run.width - startX, size: run.size });
  return pieces.filter((piece) => piece.text.trim() !== '');
}

/**
 * A cell's lines as paragraphs.  A line continues the paragraph above when
 * that one ran to the cell's right edge (it wrapped) and it does not start
 * with a numbering marker; a short line ends its paragraph:
 *
 *   > | 一、一般行政      ← short: ends the paragraph
 *   > | (一)自治行政管理  ← a marker starts another
 */
export function paragraphsOf(pieces: Piece[]): { paragraphs: string[]; end: number; size: number } {
  if (pieces.length === 0) return { paragraphs: [], end: 0, size: 0 };
  pieces.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { text: string; end: number; size: number }[] = [];
  let current: { y: number; pieces: Piece[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const sorted = current.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let size = 0;
    for (const piece of sorted) {
      // Justified CJK text comes in runs spread apart: no space between them.
      const cjk = isCjkCode(text.charCodeAt(text.length - 1)) || isCjkCode(piece.text.charCodeAt(0));
      if (text && piece.x - end > piece.size * (cjk ? 1.5 : 0.25)) text += ' ';
      text += piece.text;
      end = piece.x + piece.width;
      size = Math.max(size, piece.size);
    }
    lines.push({ text: text.trim(), end, size });
  };
  for (const piece of pieces) {
    if (current && piece.y - current.y <= piece.size / 3) current.pieces.push(piece);
    else {
      flush();
      current = { y: piece.y, pieces: [piece] };
    }
  }
  flush();
  let fullEnd = -Infinity;
  for (const line of lines) if (line.end > fullEnd) fullEnd = line.end;
  const paragraphs: string[] = [];
  // The last number of each marker style in the cell (`1.` → arabic 1).
  const numbering = new Map<string, number>();
  let previous: { end: number; size: number } | null = null;
  for (const line of lines) {
    const marker = parseMarker(line.text);
    const full = previous !== null && previous.end >= fullEnd - previous.size * 1.2;
    // After a full line, a marker starts a paragraph only when it starts or
    // continues a numbering; else the wrap just fell before a word such as `五、六類`:
    //
    //   > | 2. 提供民眾諮詢有關第
    //   > | 五、六類健保資訊。      ← no 四、 before it: the line goes on
    const numbered = marker !== null && (marker.ordinal === 1 || numbering.get(marker.style) === marker.ordinal - 1);
    const wrapped = full && (marker === null || !numbered);
    if (wrapped && paragraphs.length) paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs[paragraphs.length - 1], line.text);
    else {
      paragraphs.push(line.text);
      if (marker) numbering.set(marker.style, marker.ordinal);
    }
    previous = line;
  }
  const last = lines[lines.length - 1];
  return { paragraphs, end: last.end, size: last.size };
}

/**
 * Two halves of a wrapped line: a space only between two Latin words; a
 * number broken by a narrow column joins up again (`10` / `0%` → `100%`).
 */
function joinWrapped(a: string, b: string): string {
  return isLetter(a.charCodeAt(a.length - 1)) && isLetter(b.charCodeAt(0)) ? `${a} ${b}` : a + b;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** CJK ideographs, CJK punctuation and full-width forms. */
function isCjkCode(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xffef);
}
