/**
 * A wrapped cell's last glyphs alone on their line, set left of the column
 * boundary: `pdftotext -layout` places a line holding one short word by its
 * own x, and LibreOffice's rows drift, so the word lands in the column before
 * its own.  A wrapped cell's lines start at its left edge: the word belongs
 * to the next column when it stands where that column's text starts on a
 * line just above, cut mid-sentence, and its own column has ended a sentence.
 *
 *   > | 社 會 救 5. 辦理低收入戶喪葬補
 *   > | 助。
 *   > |       助。
 *             ^ under `5.` (重要工作計畫項目), after 機關工作項目's `助。`
 */
import type { Run } from './geometry/columns.js';

interface Fragment {
  text: string;
  words: Run[];
}

// A cell's text ending a sentence or an item (`。`, `；`, `：` is not one: a list follows).
//   > | 助。
//        ^
const CLOSED = /[。；;！？!?]$/u;

/**
 * Moves, on lines [from, to) of `cells`, a column's only word to the next
 * column when that column is empty on the line, the word stands where the
 * next column's text starts on a line just above it (a wrapped cell's lines
 * start at its left edge), that text is cut mid-sentence, and the word's own
 * column ended a sentence above it.
 */
export function settleStraddlers(cells: (Fragment | null)[][], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const row = cells[i];
    for (let c = 0; c + 1 < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.words.length !== 1 || row[c + 1]) continue;
      const word = cell.words[0];
      const own = lastText(cells, i, c, from);
      if (own === null || !CLOSED.test(own) || !startsAbove(cells, i, c + 1, from, word.x0)) continue;
      row[c + 1] = cell;
      row[c] = null;
    }
  }
}

/** Whether column c's text starts at x on one of the few lines above i and does not end a sentence there. */
function startsAbove(cells: readonly (Fragment | null)[][], i: number, c: number, from: number, x: number): boolean {
  for (let k = i - 1; k >= from && k >= i - 3; k--) {
    const cell = cells[k][c];
    if (cell && cell.words[0].x0 === x) return !CLOSED.test(cell.text);
  }
  return false;
}

/** The text of column c on the nearest line above i (from `from` on) that has one. */
function lastText(cells: readonly (Fragment | null)[][], i: number, c: number, from: number): string | null {
  // Bounded: a cell's lines stand together; past a few lines it is another cell.
  for (let k = i - 1; k >= from && k >= i - 4; k--) {
    const cell = cells[k][c];
    if (cell) return cell.text;
  }
  return null;
}

/**
 * A short value ending its line past a gutter, stacked over (or under) the
 * next column's text on the line beside it: a row laid out left of the
 * page's columns (LibreOffice's rows drift) still keeps its own cells' lines
 * one over the other, so the word is the next column's first line.
 *
 *   > | 遇登記   配合中央調整待遇，加 4.遴選公務人員參加晉升官等訓練。     市府統
 *                                                                         ^ over 籌款 (預算金額)
 *   > |       強辦理各項福利保險。 5.加強現職人員英語能力之培訓，提升公務人 籌款
 */
export function settleStacked(cells: (Fragment | null)[][], from: number, to: number, unit: number): void {
  for (let i = from; i < to; i++) {
    const row = cells[i];
    for (let c = 0; c + 1 < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.words.length < 2 || row[c + 1]) continue;
      let later = false;
      for (let k = c + 1; k < row.length; k++) if (row[k]) later = true;
      if (later) continue;
      const word = cell.words[cell.words.length - 1];
      const before = cell.words[cell.words.length - 2];
      if (word.x0 - before.x1 < 2 * unit || word.text.length > SHORT) continue;
      const stacked = [i - 1, i + 1].some((k) => k >= from && k < to && cells[k][c + 1]?.words[0].x0 === word.x0);
      if (!stacked) continue;
      cell.words.pop();
      cell.text = cell.words.map((w) => w.text).join(' ');
      row[c + 1] = { text: word.text, words: [word] };
    }
  }
}

/** Glyphs of a value cell's line (`市府統`, `449(健保局`). */
const SHORT = 8;

/** Lines either side that tell where a row's next column starts. */
const REACH = 2;

/**
 * A cell's line that starts where the next column's text starts on the
 * lines beside it, and nowhere near where its own column's text does, is the
 * next column's: a row laid out left of the page keeps its cells' left edges
 * one under the other, so its text column's lines (`作坊」。`, a sentence's
 * last glyphs) stand under that column's first words, inside the span the
 * page gives the column before.
 *
 *   > |     六 、 辦理地方創生業 1. 5 月 28 日派員參與市府舉辦「地方創生推動工 100%
 *   > |     地 方務        作坊」。
 *                         ^ under `1.` (辦理情形), not under 辦理地方創生業 (目)
 *   > |     創生          2. 6 月 30 日至 7 月 1 日參加於嘉義市政府文化局
 */
export function settleUnderNext(cells: (Fragment | null)[][], from: number, to: number, last: number, unit: number): void {
  const near = (k: number, column: number, x: number) => {
    const other = cells[k][column];
    return other !== null && Math.abs(other.words[0].x0 - x) <= unit;
  };
  // The word a cell's line may be cut at: its first, or the first past a gutter in it.
  const cutOf = (cell: Fragment) => {
    for (let k = 1; k < cell.words.length; k++) if (cell.words[k].x0 - cell.words[k - 1].x1 >= 2 * unit) return k;
    return 0;
  };
  // under[i][c]: the cut of column c's line i starts where column c + 1 starts beside it.
  const under: boolean[][] = [];
  for (let i = from; i < to; i++) {
    const flags: boolean[] = [];
    for (let c = 0; c < last; c++) {
      const cell = cells[i][c];
      let next = false;
      if (cell) {
        const x = cell.words[cutOf(cell)].x0;
        for (let k = Math.max(from, i - REACH); k <= Math.min(to - 1, i + REACH) && !next; k++) next = k !== i && near(k, c + 1, x);
      }
      flags.push(next);
    }
    under.push(flags);
  }
  for (let i = from; i < to; i++) {
    const row = cells[i];
    for (let c = 0; c < last; c++) {
      const cell = row[c];
      if (!cell || !under[i - from][c]) continue;
      const cut = cutOf(cell);
      const x = cell.words[cut].x0;
      // Not when its own column's other lines (those not under the next column) start there too.
      let own = false;
      for (let k = Math.max(from, i - REACH); k <= Math.min(to - 1, i + REACH) && !own; k++) own = k !== i && !under[k - from][c] && near(k, c, x);
      if (own) continue;
      const moved = cell.words.splice(cut);
      const text = moved.map((word) => word.text).join(' ');
      const target = row[c + 1];
      if (target) {
        target.words = moved.concat(target.words);
        target.text = `${text} ${target.text}`;
      } else row[c + 1] = { text, words: moved };
      if (cell.words.length > 0) cell.text = cell.words.map((word) => word.text).join(' ');
      else row[c] = null;
    }
  }
}
