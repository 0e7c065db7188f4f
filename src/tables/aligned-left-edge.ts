/**
 * Left edges: LibreOffice sets a KPI table's text cells flush left (only
 * vertically centred), so on a page a column's lines start at one place, give
 * or take the few columns `pdftotext -layout` lets a row drift.  A line of
 * the column that starts far right of that edge is not the column's text: it
 * is the next column's, whose cell was wider than the page's gutter let the
 * extractor show (an indicator's ordinal and first line under a repeated
 * header, set where the strategy column's span reaches).
 *
 *   > |   導入公務統計管理資                 線單位數÷當年預 -
 *       ^ the strategy column's edge
 *   > |              2 職務上應用統計分析及統
 *                    ^ far right of it: 關鍵績效指標
 */
import type { Fragment } from './aligned.js';

//   > | 四 提供統計資訊，以供
//       ^
const ORDINAL = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[、.．]?$/u;

/** Columns (in units of one space) a row's cells may drift from the page's edge. */
const DRIFT = 4;

/** Where a column's text starts on most lines of [from, to) (the leftmost of equally common places), or -1. */
export function leftEdge(cells: readonly (Fragment | null)[][], c: number, from: number, to: number): number {
  const counts = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const cell = cells[i][c];
    if (!cell) continue;
    const start = textStart(cell);
    if (start < 0) continue;
    const x = cell.words[start].x0;
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  let edge = -1;
  let best = 0;
  for (const [x, count] of counts) {
    if (count > best || (count === best && x < edge)) {
      edge = x;
      best = count;
    }
  }
  return best >= 2 ? edge : -1;
}

/** The first word of a cell's text (after an ordinal standing first), or -1. */
function textStart(cell: Fragment): number {
  const k = ORDINAL.test(cell.words[0].text) ? 1 : 0;
  return k < cell.words.length ? k : -1;
}

/**
 * Move the lines of column `c` on [from, to) that start far right of its
 * edge to the front of column `c + 1` (with the ordinal before them when it
 * stands right of the edge too).
 */
export function moveOffEdge(cells: (Fragment | null)[][], c: number, from: number, to: number, unit: number): void {
  const edge = leftEdge(cells, c, from, to);
  if (edge < 0) return;
  const limit = edge + DRIFT * unit;
  for (let i = from; i < to; i++) {
    const cell = cells[i][c];
    if (!cell) continue;
    const start = textStart(cell);
    if (start < 0 || cell.words[start].x0 <= limit) continue;
    const cut = start === 1 && cell.words[0].x0 > limit ? 0 : start;
    const moved = cell.words.slice(cut);
    const kept = cell.words.slice(0, cut);
    cells[i][c] = kept.length > 0 ? { text: kept.map((word) => word.text).join(' '), words: kept } : null;
    const next = cells[i][c + 1];
    const words = next ? [...moved, ...next.words] : moved;
    cells[i][c + 1] = { text: words.map((word) => word.text).join(' '), words };
  }
}
