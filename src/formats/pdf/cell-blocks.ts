/**
 * Rows of a table without rules, from where its text stands.  Each column's
 * lines group into cell blocks by line spacing (inside a cell lines follow at
 * the font's line pitch; between two cells stands the cells' padding too);
 * the blocks of one row overlap vertically whether the producer centres its
 * cells (LibreOffice) or sets them at the top (Word), and blocks of different
 * rows do not, so the rows are the vertical bands where blocks overlap.  A
 * merged cell (a strategy over two indicators) is a block lying beside two
 * blocks of another column: it takes no part in the bands, and goes to the
 * first row of the rows it is centred on (or starts in, when top-aligned).
 *
 *   > |                    區域排水、雨水          ← block of 指標, row 1
 *   > |                  1                 100% 100% 100% 100%
 *   > |   區域排水、雨水下水道 下水道疏濬清淤
 *   > | 一                                      ← merged: beside rows 1 and 2
 *   > |   及水環境改善計畫    雨水下水道興建 …
 *   > |                  2                 300   300  300   300
 *         ^ centred on rows 1–2: given to row 1
 */
import type { Piece } from './grid.js';
import { baselineGroups } from './layout.js';

/** Pieces of one column on one baseline. */
export interface CellLine {
  y: number;
  size: number;
  pieces: Piece[];
}

/** Consecutive lines of one column that make one cell. */
export interface Block {
  column: number;
  lines: CellLine[];
  /** Vertical extent of its glyphs (top-down, points). */
  top: number;
  bottom: number;
  /** Beside two or more blocks of another column: a merged cell. */
  spanning: boolean;
  /** Row the block belongs to (-1 until placed). */
  row: number;
  /** A merged cell whose middle stands well off the middle of the rows it was given: it may start a row off. */
  misfit?: boolean;
}

/** A row's vertical band (top-down, points). */
export interface Band {
  top: number;
  bottom: number;
  /** Where the row's first text stands (the top of its highest block). */
  textTop: number;
}

/** Glyphs rise about 0.8 em above the baseline and descend about 0.2 em. */
const ASCENT = 0.8;
const DESCENT = 0.2;
/**
 * Lines further apart than the pitch plus this share of an em start another
 * cell.  LibreOffice's cells of 12 pt text stand 17.3 pt apart inside a cell
 * and 20 pt or more across cells:
 *
 *   > | 1. 本所遇有職務出缺 … 依程序辦理相關任用作業。   ← y 274.6
 *   > | 2. 土木工程職系技佐 1 缺 …                        ← y 294.7: 20.1 pt, a new cell
 */
const CELL_GAP = 0.15;
/** A merged cell's middle this many ems off the middle of its rows is flagged (row bands end halfway between rows). */
const MISFIT = 0.75;
/** Past this many rows on a page a merged cell simply starts at the row of its first line (keeps the search bounded). */
const MAX_SPAN_SEARCH = 40;

/** A column's pieces as lines, top to bottom (baselines within a third of an em share a line). */
export function cellLines(pieces: readonly Piece[]): CellLine[] {
  return baselineGroups(pieces).map(({ y, size, items }) => ({ y, size, pieces: items }));
}

/**
 * The distance between consecutive baselines inside a cell of one column:
 * the smallest gap (to half a point) met at least twice between its lines
 * one to two ems apart, else its smallest such gap under 1.6 ems, else
 * `fallback` (a column of one-line cells).  Gaps across cells are wider, and
 * there may be more of them (one-line cells in evenly spaced rows), so not
 * the most frequent; and each column has its own, since a line of digits is
 * set tighter than one of ideographs.
 *
 *   > | 環市自行車道建置或      5   ← y 279.5
 *   > | 優化里程增加數              ← y 289.0 … 17.3 pt: the pitch
 *   > | 1 人行環境鋪面改善      0   ← y 312.4 … 29.4 pt: another cell
 *
 *   > | 依限完成率  100   ← y 459.6
 *   > |             %     ← y 473.4 … 13.8 pt: the pitch of the target columns
 */
export function linePitch(lines: readonly CellLine[], fallback: number): number {
  const counts = new Map<number, number>();
  let smallest = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i].y - lines[i - 1].y;
    const em = Math.max(lines[i].size, lines[i - 1].size);
    if (gap < em * 0.9 || gap > em * 2) continue;
    const key = Math.round(gap * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (gap <= em * 1.6 && key < smallest) smallest = key;
  }
  let best = Infinity;
  for (const [gap, count] of counts) {
    // Neighbouring half points count together (17.0 and 17.5 are one pitch).
    const near = count + (counts.get(gap - 0.5) ?? 0) + (counts.get(gap + 0.5) ?? 0);
    if (near >= 2 && gap < best) best = gap;
  }
  if (best === Infinity) best = smallest;
  return best === Infinity ? fallback : best + 0.5;
}

/** The pitch for columns whose own lines do not tell it: the largest the other columns have (ideographs). */
export function tablePitch(columns: readonly CellLine[][]): number {
  let size = 0;
  let pitch = 0;
  for (const lines of columns) {
    for (const line of lines) if (line.size > size) size = line.size;
    const own = linePitch(lines, 0);
    if (own > pitch) pitch = own;
  }
  return pitch || (size || 12) * 1.3;
}

/** A column's lines grouped into cell blocks by their spacing. */
export function cellBlocks(lines: readonly CellLine[], pitch: number, column: number): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  for (const line of lines) {
    const last = block?.lines[block.lines.length - 1];
    if (block && last && line.y - last.y <= pitch + CELL_GAP * Math.max(line.size, last.size)) {
      block.lines.push(line);
      block.bottom = Math.max(block.bottom, line.y + DESCENT * line.size);
    } else {
      block = { column, lines: [line], top: line.y - ASCENT * line.size, bottom: line.y + DESCENT * line.size, spanning: false, row: -1 };
      blocks.push(block);
    }
  }
  return blocks;
}

function overlap(a: { top: number; bottom: number }, b: { top: number; bottom: number }): number {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
}

/**
 * Row bands, and which blocks are merged cells.  The key column (the
 * indicator, the work item, the report's status: one cell per row) lays down
 * the bands first, then the other columns, those with more blocks first: a
 * block beside one band widens it, a block beside none starts a band of its
 * own (a row whose key cell is empty), and a block beside two or more is a
 * merged cell, left out of the bands.  Each band ends halfway to the next,
 * and every block not merged gets its band's index.
 *
 *   > |             (一)貫徹考試  3. 本年度共辦理外補 4 人 …   ← beside the
 *   > |                用        2. … 增列任用計畫。            bands of 2. and 3.
 *                    ^ merged
 */
export function rowBands(columns: readonly Block[][], key: number): Band[] {
  const order = columns.map((_, c) => c).sort((a, b) => (a === key ? -1 : b === key ? 1 : columns[b].length - columns[a].length || a - b));
  const bands: { top: number; bottom: number; members: Block[] }[] = [];
  for (const c of order) {
    for (const block of columns[c]) {
      block.spanning = false;
      block.row = -1;
      let first = -1;
      let count = 0;
      for (let r = 0; r < bands.length; r++) {
        if (bands[r].top >= block.bottom) break;
        if (overlap(bands[r], block) > 0) {
          if (first < 0) first = r;
          count++;
        }
      }
      if (count >= 2) block.spanning = true;
      else if (count === 1) {
        const band = bands[first];
        band.top = Math.min(band.top, block.top);
        band.bottom = Math.max(band.bottom, block.bottom);
        band.members.push(block);
      } else {
        let at = 0;
        while (at < bands.length && bands[at].top < block.top) at++;
        bands.splice(at, 0, { top: block.top, bottom: block.bottom, members: [block] });
      }
    }
  }
  // A column holding merged cells holds merged cells only (categories,
  // strategies): a merged cell centred on an odd number of rows stands
  // beside one band, the middle one, and still starts at the first.
  // (Bands left without members stay: another column's cells stand there.)
  // So does a column left of the key one with fewer cells than there are
  // rows: the headings the rows are grouped under (類 / 項 / 目, strategies).
  for (const c of order) {
    if (c === key) continue;
    const grouping = key >= 0 && c < key && columns[c].length < bands.length;
    if (!grouping && !columns[c].some((block) => block.spanning)) continue;
    for (const block of columns[c]) {
      if (block.spanning) continue;
      block.spanning = true;
      for (const band of bands) {
        const at = band.members.indexOf(block);
        if (at >= 0) band.members.splice(at, 1);
      }
    }
  }
  // A widened band may now reach into the next: such bands are one row.
  const merged: typeof bands = [];
  for (const band of bands) {
    const last = merged[merged.length - 1];
    if (last && band.top < last.bottom) {
      last.bottom = Math.max(last.bottom, band.bottom);
      for (const member of band.members) last.members.push(member);
    } else merged.push(band);
  }
  const out: Band[] = merged.map((band, r) => {
    for (const member of band.members) member.row = r;
    let textTop = Infinity;
    for (const member of band.members) if (member.top < textTop) textTop = member.top;
    return { top: band.top, bottom: band.bottom, textTop: textTop === Infinity ? band.top : textTop };
  });
  for (let r = 1; r < out.length; r++) {
    const middle = (out[r - 1].bottom + out[r].top) / 2;
    out[r - 1].bottom = middle;
    out[r].top = middle;
  }
  return out;
}

/** A line and a block start level when their baselines are this many ems apart at most (Latin digits sit lower than ideographs). */
const LEVEL = 0.25;

/**
 * In a table whose cells are set at the top, every cell starts level with its
 * row's first line; without padding between rows (Word's cells have none) the
 * key column's cells follow one another at the line pitch and form one
 * block.  Another column's block starting level with a line inside a key
 * block (not a continuation of its own column's block) starts a row there:
 * the key block is cut at that line.  Only for top-aligned tables: a centred
 * cell may start level with any line of a taller one.
 *
 *   > | 利用各項會議讓同仁瞭解市政脈動，檢討業務   100
 *   > | 執行情形，彙集意見解決問題。               %
 *   > | 1. 依政府採購法、市府暨所屬機關學校 …      100   ← cut here
 *       ^
 * Returns whether a block was cut.
 */
export function cutAtRowStarts(columns: Block[][], key: number): boolean {
  if (key < 0 || key >= columns.length) return false;
  const starts: number[] = [];
  columns.forEach((blocks, c) => {
    if (c !== key) for (const block of blocks) starts.push(block.lines[0].y);
  });
  if (starts.length === 0) return false;
  starts.sort((a, b) => a - b);
  const levelWithStart = (line: CellLine): boolean => {
    const tolerance = LEVEL * line.size;
    // Binary search for the first start at or above line.y - tolerance.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle] < line.y - tolerance) low = middle + 1;
      else high = middle;
    }
    return low < starts.length && starts[low] <= line.y + tolerance;
  };
  const out: Block[] = [];
  let cut = false;
  for (const block of columns[key]) {
    let current: Block | null = null;
    for (const [i, line] of block.lines.entries()) {
      if (current === null || (i > 0 && levelWithStart(line))) {
        if (current !== null) cut = true;
        current = { column: block.column, lines: [], top: line.y - ASCENT * line.size, bottom: line.y + DESCENT * line.size, spanning: false, row: -1 };
        out.push(current);
      }
      current.lines.push(line);
      current.bottom = Math.max(current.bottom, line.y + DESCENT * line.size);
    }
  }
  if (cut) columns[key] = out;
  return cut;
}

/**
 * Cells centred in their rows rather than set at the top: in rows whose
 * blocks differ in height, their middles agree better than their tops.
 */
export function isCentred(columns: readonly Block[][], bands: readonly Band[]): boolean {
  const byRow: Block[][] = bands.map(() => []);
  for (const blocks of columns) for (const block of blocks) if (!block.spanning && block.row >= 0) byRow[block.row].push(block);
  let centred = 0;
  let top = 0;
  for (const blocks of byRow) {
    if (blocks.length < 2) continue;
    const heights = blocks.map((block) => block.lines.length);
    const spread = (values: number[]) => values.reduce((most, v) => Math.max(most, v), -Infinity) - values.reduce((least, v) => Math.min(least, v), Infinity);
    if (spread(heights) === 0) continue;
    const tops = spread(blocks.map((block) => block.top));
    const middles = spread(blocks.map((block) => (block.top + block.bottom) / 2));
    if (middles < tops) centred++;
    else if (tops < middles) top++;
  }
  return centred >= top;
}

/**
 * The distance from its row's top edge at which every merged cell of a
 * column starts, when they all start at the same one (to a twelfth of an
 * em): cells set at the top of their rows beside cells centred in theirs,
 * whose text starts lower (LibreOffice's import of an HTML table):
 *
 *   > |  二、結合宗教                              ← 11 pt below the row's top edge
 *   > |  團體舉辦特色   1.辦理「嘉義市千盞燈、     ← the row's first text
 *   > |  宗教節慶活動   照亮眾學生」助學計畫
 *
 * Null when they do not, or when fewer than two stand below the first row.
 */
function edgeOffset(merged: readonly Block[], bands: readonly Band[], rowAt: (y: number) => number, em: number): number | null {
  // The first row's top edge is not known (its band starts at its text).
  const offsets = merged.filter((block) => rowAt(block.top) > 0).map((block) => block.top - bands[rowAt(block.top)].top);
  if (offsets.length < 2) return null;
  const first = offsets[0];
  if (first <= 0 || first > em * 2) return null;
  return offsets.every((offset) => Math.abs(offset - first) < em / 12) ? first : null;
}

/**
 * The rows of `n` cells that follow one another down `count` rows, each
 * ending where the next begins, at the least total cost (`cost(i, s, e)`:
 * cell i on rows s…e); rows left before the first or after the last cost
 * `slack` each.
 */
function placeInOrder(n: number, count: number, cost: (i: number, s: number, e: number) => number, slack: number): { cost: number; starts: number[]; ends: number[] } {
  // best[i][s]: cost of cells i.. with cell i starting at row s.
  const best: Float64Array[] = [];
  const endOf: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    best.push(new Float64Array(count).fill(Infinity));
    endOf.push(new Int32Array(count));
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let s = 0; s < count; s++) {
      for (let e = s; e < count; e++) {
        const rest = i === n - 1 ? (count - 1 - e) * slack : e + 1 < count ? best[i + 1][e + 1] : Infinity;
        const total = cost(i, s, e) + rest;
        if (total < best[i][s]) {
          best[i][s] = total;
          endOf[i][s] = e;
        }
      }
    }
  }
  let start = 0;
  let lowest = Infinity;
  for (let s = 0; s < count; s++) {
    const total = best[0][s] + s * slack;
    if (total < lowest) {
      lowest = total;
      start = s;
    }
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    starts.push(start);
    ends.push(start < count ? endOf[i][start] : count - 1);
    start = start < count ? endOf[i][start] + 1 : count;
  }
  return { cost: lowest, starts, ends };
}

/**
 * Give each merged cell the first row it spans.  The merged cells of one
 * column follow one another down the rows, each ending where the next
 * begins; the cuts between them go where each cell is best centred on its
 * rows (or, top-aligned, starts at its first row's top), every cell's lines
 * inside its rows.  Rows left before the first or after the last cost a
 * little (a column may have empty cells there).
 *
 *   > |   一、歲    (一)編製預算       ← row 0
 *   > |   計        (二)辦理分配預算   ← row 1    一、歲計: rows 0–1
 *   > |             (一)確實執行 …     ← row 2
 *   > |   二、會    …                  ← …        二、會計: rows 2–8
 *   > |   計        (六)公務統計       ← row 8
 */
export function placeSpanning(columns: readonly Block[][], bands: readonly Band[], centredTable: boolean, key = -1): void {
  const count = bands.length;
  if (count === 0) return;
  const rowAt = (y: number): number => {
    let r = 0;
    while (r + 1 < count && bands[r + 1].top <= y) r++;
    return r;
  };
  // Headings nest (類 over 項 over 目): a cell of one heading column starts
  // where a cell of the next one to its right starts, so the columns nearest
  // the key one (smaller cells, placed more surely) are placed first.
  let nested: Set<number> | null = null;
  for (let c = columns.length - 1; c >= 0; c--) {
    const blocks = columns[c];
    const merged = blocks.filter((block) => block.spanning);
    if (merged.length === 0) continue;
    const allowed = key >= 0 && c < key ? nested : null;
    if (count > MAX_SPAN_SEARCH) {
      for (const block of merged) block.row = rowAt(block.lines[0].y);
      continue;
    }
    const em = merged[0].lines[0].size;
    // Rows before the first cell or after the last are common (a merged cell
    // going on from the page before, or onto the next): only a tie-breaker.
    const slack = em * 0.02;
    // Each column is aligned its own way (a producer's default is the top;
    // a document may centre some columns): top-aligned when most of its
    // cells start level with a row's text.
    const level = merged.filter((block) => bands.some((band) => Math.abs(band.textTop - block.top) < em / 12)).length;
    const edge = edgeOffset(merged, bands, rowAt, em);
    const centred = level * 2 > merged.length || edge !== null ? false : centredTable;
    const fitOf = (block: Block, s: number, e: number): number =>
      centred
        ? Math.abs((bands[s].top + bands[e].bottom) / 2 - (block.top + block.bottom) / 2)
        : edge !== null
          ? Math.abs(bands[s].top + edge - block.top)
          : Math.abs(bands[s].textTop - block.top);
    // The rows each cell's first and last lines stand in: its rows include them.
    const firstRow = merged.map((block) => rowAt(block.lines[0].y));
    const lastRow = merged.map((block) => rowAt(block.lines[block.lines.length - 1].y));
    const costWith = (fit: typeof fitOf) => (i: number, s: number, e: number): number => {
      const inside = firstRow[i] >= s && lastRow[i] <= e ? 0 : em * 100;
      const nests = !allowed || s === 0 || allowed.has(s) ? 0 : em * 10;
      return inside + nests + fit(merged[i], s, e);
    };
    let fit = fitOf;
    let placed = placeInOrder(merged.length, count, costWith(fitOf), slack);
    if (centred) {
      // Or each cell an ordinary one, centred on the first row of its group
      // (the rows below it left blank, not merged): taken only when it fits
      // clearly better, since a merged cell centred on an odd number of rows
      // fits its middle row as well.
      const firstFit = (block: Block, s: number): number => Math.abs((bands[s].top + bands[s].bottom) / 2 - (block.top + block.bottom) / 2);
      const own = placeInOrder(merged.length, count, costWith(firstFit), slack);
      if (own.cost + em * 0.5 < placed.cost) {
        placed = own;
        fit = firstFit;
      }
    }
    for (let i = 0; i < merged.length && placed.starts[i] < count; i++) {
      merged[i].row = placed.starts[i];
      merged[i].misfit = fit(merged[i], placed.starts[i], placed.ends[i]) > em * MISFIT;
    }
    if (key >= 0 && c < key) nested = new Set(blocks.map((block) => block.row).filter((row) => row >= 0));
  }
}
