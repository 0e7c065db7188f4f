/**
 * Column starts a single space hides: LibreOffice's rows through
 * `pdftotext -layout` leave one space between a narrow column's text and the
 * next column's, but the narrow column's lines all end at its right edge.
 * A word one space after a text that starts where the column's other lines
 * start, and standing past where all of those end, starts the next column.
 *
 *   > |                          依規 劃
 *   > |                          結果 逐
 *   > | 三 嘉義市停車問題改善整體規劃           年增 設 新增格位數           80   80    90    90
 *                                                   ^ past `劃`, `逐`, `格`: 衡量標準 starts here
 *   > |                          停車 格
 */
import type { Run } from './geometry/columns.js';

interface Chunk {
  words: Run[];
}

/** Extra column starts in one row block (`lines`: each line's runs, left to right). */
export function edgeStarts(lines: readonly Run[][], unit: number): number[] {
  const chunks: Chunk[] = [];
  for (const runs of lines) {
    let current: Chunk | null = null;
    for (let k = 0; k < runs.length; k++) {
      if (!current || runs[k].x0 - runs[k - 1].x1 >= 2 * unit) chunks.push((current = { words: [runs[k]] }));
      else current.words.push(runs[k]);
    }
  }
  // Chunks' right ends by where they start (a column's lines start at one
  // place, give or take a column), sorted: each chunk looks up in log time.
  const ends = new Map<number, { end: number }[]>();
  for (const chunk of chunks) {
    const x = chunk.words[0].x0;
    const list = ends.get(x) ?? [];
    list.push({ end: chunk.words[chunk.words.length - 1].x1 });
    ends.set(x, list);
  }
  for (const list of ends.values()) list.sort((a, b) => a.end - b.end);
  const starts: number[] = [];
  for (const chunk of chunks) {
    if (chunk.words.length < 2) continue;
    const x0 = chunk.words[0].x0;
    const x1 = chunk.words[chunk.words.length - 1].x1;
    // The widest of the other lines' text that ends before this one.
    let edge = -Infinity;
    let others = 0;
    for (let x = x0 - unit; x <= x0 + unit; x++) {
      const list = ends.get(x);
      if (!list) continue;
      // (Those are on other lines: a line's other chunks start past this one's end.)
      const count = below(list, x1);
      if (count > 0) edge = Math.max(edge, list[count - 1].end);
      others += count;
    }
    if (others < 2) continue;
    for (let k = 1; k < chunk.words.length; k++) {
      if (chunk.words[k - 1].x1 <= edge && chunk.words[k].x0 > edge) {
        starts.push(chunk.words[k].x0);
        break;
      }
    }
  }
  return starts;
}

/** How many entries end before `x` (binary search). */
function below(list: readonly { end: number }[], x: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle].end < x) low = middle + 1;
    else high = middle;
  }
  return low;
}
