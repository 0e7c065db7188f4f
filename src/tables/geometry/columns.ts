/**
 * Geometry engine for tables whose columns are only told by where their text
 * stands: space-aligned PDF text today (`pdftotext -layout`, MuPDF, pdfminer),
 * a PDF's glyph coordinates later.  It knows nothing of characters: its input
 * is positioned text runs
 *
 *     { line, x0, x1, text }      line: 0-based row of text (one baseline)
 *                                 x0, x1: left and right edge, any unit
 *                                 (display columns for text, points for PDF)
 *
 * and it answers three questions:
 *
 * - `columnBoundaries(centres, runs)`: where each column starts, given the
 *   header cells' centres (how many columns, in which order) — at the gutter
 *   between two header centres that the fewest runs cross and the most runs
 *   start right after;
 * - `columnOf(x0, boundaries)`: the column a run belongs to (the one its left
 *   edge stands in: text flows right from its column start, numbers are
 *   centred or right-aligned inside it);
 * - `centredRows(…)` / `topAlignedRows(…)`: which consecutive lines make one
 *   table row.  Rows occupy disjoint vertical bands, so a row is always a
 *   contiguous range of lines; with vertically centred cells each row's cells
 *   stand as far above its anchor line (an ordinal, a target value) as below
 *   it, with top-aligned cells a row starts where its cells start.
 *
 * A text adapter (`../aligned-text.ts`) turns a line of space-aligned text
 * into runs; the table reader (`../aligned.ts`) decides what the columns mean.
 */

export interface Run {
  /** Index of the line (text baseline) in the caller's sequence of lines. */
  line: number;
  /** Left edge. */
  x0: number;
  /** Right edge (exclusive). */
  x1: number;
  text: string;
}

/**
 * Column starts between consecutive header centres: `boundaries[k]` is the
 * x where column k + 1 begins.  Between two centres the boundary goes where
 * the fewest runs straddle it, and of those at the leftmost place: a column's
 * text starts at its left edge, and an ordinal sub-column (`1`, `2` before
 * the indicator text) belongs to the column on its right:
 *
 *   > |     關鍵策略目標        關鍵績效指標
 *               (centre 7)          (centre 21)
 *   > | 一   落實美感教育  1   國小四、五年級學生
 *                     ^ boundary: nothing crosses x = 12, 13, 14 …; 12 is the leftmost
 */
export function columnBoundaries(centres: readonly number[], runs: readonly Run[]): number[] {
  let width = 0;
  for (const run of runs) if (run.x1 > width) width = run.x1;
  for (const centre of centres) if (centre + 1 > width) width = Math.ceil(centre) + 1;
  const size = Math.ceil(width) + 2;
  // crossing[x]: runs with x0 < x < x1.
  const delta = new Float64Array(size + 1);
  for (const run of runs) {
    const a = Math.max(0, Math.floor(run.x0));
    const b = Math.min(size, Math.ceil(run.x1));
    if (b > a + 1) {
      delta[a + 1]++;
      delta[b]--;
    }
  }
  const crossing = new Float64Array(size);
  let running = 0;
  for (let x = 0; x < size; x++) {
    running += delta[x];
    crossing[x] = running;
  }
  const boundaries: number[] = [];
  for (let k = 0; k + 1 < centres.length; k++) {
    const from = Math.floor(centres[k]) + 1;
    const to = Math.max(from, Math.ceil(centres[k + 1]));
    let best = from;
    for (let x = from; x <= to && x < size; x++) if (crossing[x] < crossing[best]) best = x;
    boundaries.push(best);
  }
  return boundaries;
}

/**
 * Columns `first` … `last` hold short values (the yearly targets): their
 * header titles may be set tighter or wider than the values under them, so
 * the values themselves decide.  The runs standing in those columns form
 * bands of x where some run stands, separated by x where none does; when
 * there are at least as many bands as columns, the narrowest gaps are closed
 * until one band per column is left, and each column starts at its band.
 *
 *   > |                                           108年 109年 110年 111年
 *   > |                                           10     10     10     10
 *                                                 ^^     ^^     ^^     ^^  four bands
 */
export function refineByBands(boundaries: number[], first: number, last: number, runs: readonly Run[], tolerance = 1): number[] {
  const count = last - first + 1;
  if (count < 2) return boundaries;
  const left = first > 0 ? boundaries[first - 1] : -Infinity;
  const right = last < boundaries.length ? boundaries[last] : Infinity;
  const inside = runs.filter((run) => run.x0 >= left && run.x0 < right).sort((a, b) => a.x0 - b.x0);
  const bands: { x0: number; x1: number }[] = [];
  for (const run of inside) {
    const band = bands[bands.length - 1];
    if (band && run.x0 < band.x1) band.x1 = Math.max(band.x1, run.x1);
    else bands.push({ x0: run.x0, x1: run.x1 });
  }
  if (bands.length < count) return refineByStarts(boundaries, first, count, inside, tolerance);
  while (bands.length > count) {
    let narrowest = 1;
    for (let k = 2; k < bands.length; k++) if (bands[k].x0 - bands[k - 1].x1 < bands[narrowest].x0 - bands[narrowest - 1].x1) narrowest = k;
    bands[narrowest - 1].x1 = Math.max(bands[narrowest - 1].x1, bands[narrowest].x1);
    bands.splice(narrowest, 1);
  }
  // One unit of slack to the left: a short piece of a wrapped value is
  // rounded to either side of its column's start.
  const refined = [...boundaries];
  for (let k = 1; k < count; k++) refined[first + k - 1] = Math.max(bands[k - 1].x1, bands[k].x0 - tolerance);
  return refined;
}

/**
 * When a few long values bridge the gaps between bands: the columns start
 * where most values start (left edges within `tolerance` of each other count
 * together), the `count` most used places.
 */
function refineByStarts(boundaries: number[], first: number, count: number, inside: readonly Run[], tolerance: number): number[] {
  const clusters: { x0: number; last: number; weight: number }[] = [];
  for (const run of inside) {
    const cluster = clusters[clusters.length - 1];
    if (cluster && run.x0 - cluster.last <= tolerance) {
      cluster.last = run.x0;
      cluster.weight++;
    } else clusters.push({ x0: run.x0, last: run.x0, weight: 1 });
  }
  if (clusters.length < count) return boundaries;
  const chosen = [...clusters]
    .sort((a, b) => b.weight - a.weight || a.x0 - b.x0)
    .slice(0, count)
    .sort((a, b) => a.x0 - b.x0);
  if (chosen.some((cluster) => cluster.weight < 2)) return boundaries;
  const refined = [...boundaries];
  for (let k = 1; k < count; k++) refined[first + k - 1] = Math.max(chosen[k - 1].last + tolerance, chosen[k].x0 - tolerance);
  return refined;
}

/**
 * Column starts for a few lines whose columns stand elsewhere than the
 * header's (a producer that lays out each row on its own): the left edges
 * where cells start, clustered (edges within `tolerance` count together), are
 * matched in order, one to a column, to the header centres they are nearest
 * as a whole.  A column no cluster starts gets an empty span.
 *
 *   > |   提升本市公共
 *   > |          增加公立幼兒園 實 際 增 班 數 / 國 教 署 核 定 增 班 數
 *   > | 二 化教保服務之                               80% 80% 80% 80%
 *   > |          班級數     ×100%
 *              ^  ^      ^                            ^  starts: 2, 9, 17, 45 → strategy, indicator, measure, 108
 */
export function localBoundaries(starts: readonly number[], centres: readonly number[], tolerance = 1): number[] | null {
  const n = centres.length;
  const sorted = [...starts].sort((a, b) => a - b);
  const clusters: { x0: number; last: number }[] = [];
  for (const x of sorted) {
    const cluster = clusters[clusters.length - 1];
    if (cluster && x - cluster.last <= tolerance) cluster.last = x;
    else clusters.push({ x0: x, last: x });
  }
  while (clusters.length > n) {
    let closest = 1;
    for (let k = 2; k < clusters.length; k++) if (clusters[k].x0 - clusters[k - 1].last < clusters[closest].x0 - clusters[closest - 1].last) closest = k;
    clusters[closest - 1].last = clusters[closest].last;
    clusters.splice(closest, 1);
  }
  const p = clusters.length;
  if (p < 2) return null;
  // cost[i][j]: clusters 0..i-1 matched in order into columns 0..j-1.
  const cost: number[][] = [];
  for (let i = 0; i <= p; i++) cost.push(new Array<number>(n + 1).fill(Infinity));
  for (let j = 0; j <= n; j++) cost[0][j] = 0;
  for (let i = 1; i <= p; i++) {
    for (let j = i; j <= n; j++) {
      const skip = cost[i][j - 1];
      const take = cost[i - 1][j - 1] + Math.abs(clusters[i - 1].x0 - centres[j - 1]);
      cost[i][j] = Math.min(skip, take);
    }
  }
  const column = new Array<number>(p);
  let j = n;
  for (let i = p; i >= 1; i--) {
    while (j > i && cost[i][j] === cost[i][j - 1]) j--;
    column[i - 1] = j - 1;
    j--;
  }
  const boundaries = new Array<number>(n - 1).fill(Infinity);
  for (let i = 0; i < p; i++) if (column[i] > 0) boundaries[column[i] - 1] = clusters[i].x0;
  for (let k = n - 2; k >= 0; k--) if (boundaries[k] === Infinity && k + 1 < n - 1) boundaries[k] = boundaries[k + 1];
  return boundaries;
}

/** The column whose span holds `x0` (0 before the first boundary). */
export function columnOf(x0: number, boundaries: readonly number[]): number {
  let column = 0;
  while (column < boundaries.length && x0 >= boundaries[column]) column++;
  return column;
}

/** What the row builders need to know about each line: which columns hold text there. */
export interface LineShape {
  /** Per column: the line has text there. */
  filled: boolean[];
  /** Page the line is printed on (cells are centred within one page). */
  page: number;
  /** A blank line (row padding) stands before this line. */
  blankBefore: boolean;
}

/** At most this many cut positions are tried between two anchors (keeps the search linear). */
const MAX_CANDIDATES = 48;

/**
 * Rows of a table with vertically centred cells.  Each row has one anchor
 * line (its ordinal, its target values); between two anchors the cut goes
 * where the cells of both rows are best centred on their anchors — as many
 * lines of each column above the anchor as below, counted on the anchor's
 * page only (a cell split by a page break is centred on each page anew).
 * `earliest[r]`, when given, is the first line row r may start at (the line
 * after the previous row's key cell).  Returns the first line of each row
 * (the first row starts at 0).
 *
 *   > |        發展校本美感課程及空     推動美感教育課程及計畫
 *   > | 一   落實美感教育                      10   18    27    27    ← anchor
 *   > |        間改造            之校數
 *   > |    提升本市公共化                  實際增班數/國教署核定        ← cut: the next row
 *   > | 二             增加公立幼兒園班級數       80%   80%   80%   80%  ← anchor
 */
export function centredRows(shapes: readonly LineShape[], anchors: readonly number[], columns: readonly number[], earliest?: readonly number[]): number[] {
  const n = anchors.length;
  if (n === 0) return [];
  const count = shapes.length;
  // prefix[c][i]: lines before i with text in column columns[c].
  const prefix = columns.map((column) => {
    const sums = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) sums[i + 1] = sums[i] + (shapes[i].filled[column] ? 1 : 0);
    return sums;
  });
  const pageStart = new Int32Array(count);
  const pageEnd = new Int32Array(count);
  for (let i = 0; i < count; i++) pageStart[i] = i > 0 && shapes[i - 1].page === shapes[i].page ? pageStart[i - 1] : i;
  for (let i = count - 1; i >= 0; i--) pageEnd[i] = i + 1 < count && shapes[i + 1].page === shapes[i].page ? pageEnd[i + 1] : i + 1;
  const rowCost = (anchor: number, start: number, end: number): number => {
    const from = Math.max(start, pageStart[anchor]);
    const to = Math.min(end, pageEnd[anchor]);
    let cost = 0;
    for (const sums of prefix) {
      const above = sums[anchor] - sums[from];
      const below = sums[to] - sums[anchor + 1];
      cost += Math.abs(above - below);
    }
    return cost;
  };
  // Candidate first lines of row r (r ≥ 1): (anchors[r-1], anchors[r]].
  const candidates: number[][] = [[0]];
  for (let r = 1; r < n; r++) {
    const list: number[] = [];
    // A row starts after the previous anchor, and after the whole key cell
    // of the previous row when the caller knows where that ends.
    const high = anchors[r];
    const low = Math.min(high, Math.max(anchors[r - 1] + 1, earliest?.[r] ?? 0));
    const middle = (low + high) / 2;
    for (let s = low; s <= high; s++) list.push(s);
    if (list.length > MAX_CANDIDATES) list.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle)).splice(MAX_CANDIDATES);
    candidates.push(list.sort((a, b) => a - b));
  }
  // cost[r][k]: best cost of rows 0..r-1 with row r starting at candidates[r][k].
  let previousCost = [0];
  const choice: number[][] = [[0]];
  for (let r = 1; r < n; r++) {
    const costs: number[] = [];
    const picks: number[] = [];
    for (const start of candidates[r]) {
      let best = Infinity;
      let pick = 0;
      candidates[r - 1].forEach((previousStart, k) => {
        // A blank line (row padding) is a likely cut; else, all being equal, the middle.
        const prior = (shapes[start].blankBefore ? -0.5 : 0) + 0.01 * Math.abs(start - (anchors[r - 1] + anchors[r] + 1) / 2);
        const total = previousCost[k] + rowCost(anchors[r - 1], previousStart, start) + prior;
        if (total < best) {
          best = total;
          pick = k;
        }
      });
      costs.push(best);
      picks.push(pick);
    }
    previousCost = costs;
    choice.push(picks);
  }
  let bestK = 0;
  let best = Infinity;
  candidates[n - 1].forEach((start, k) => {
    const total = previousCost[k] + rowCost(anchors[n - 1], start, count);
    if (total < best) {
      best = total;
      bestK = k;
    }
  });
  const starts = new Array<number>(n);
  for (let r = n - 1; r >= 0; r--) {
    starts[r] = candidates[r][bestK];
    bestK = choice[r][bestK];
  }
  starts[0] = 0;
  return starts;
}

/**
 * Rows of a table with top-aligned cells: a row starts at each of the given
 * lines (where a key column begins a new cell); lines before the first start
 * belong to the first row.
 */
export function topAlignedRows(count: number, rowStarts: readonly number[]): number[] {
  const starts = [...new Set(rowStarts)].filter((line) => line >= 0 && line < count).sort((a, b) => a - b);
  if (starts.length === 0) return count > 0 ? [0] : [];
  starts[0] = 0;
  return starts;
}
