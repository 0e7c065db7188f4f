/**
 * Cell capacity: LibreOffice wraps a CJK cell where its line is full, so no
 * line of a text column holds more glyphs than the column is wide.  Its
 * `pdftotext -layout` text often sets the next cell one space after a full
 * line (the same space as inside a cell), and the two cells' words land in
 * one column.  A column's line wider than the column can hold is cut: what
 * is past the cut is the next column's.
 *
 *   > |              各項工作坊、課程
 *   > |            1 講座、營隊、活動 參與總人次            -     -
 *                                    ^ 講座、營隊、活動 fills 關鍵績效指標
 *                                      (its lines hold 8–9 glyphs): 衡量標準
 */
import type { Fragment } from './aligned.js';
import type { Run } from './geometry/columns.js';

/** Display width in ems: ideographs and full-width forms one, the rest half. */
export function emWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === ' ') continue;
    width += code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef) ? 1 : 0.5;
  }
  return width;
}

/**
 * Widest a column's lines run: a width that at least two of its lines reach
 * (a wrapped cell's full lines; a line that ran into the next cell is wider
 * than the rest, each by its own amount).  A justified line comes out in
 * groups of glyphs (`太陽 光電 發電`): its width is all of them.
 */
export function columnCapacity(cells: readonly (Fragment | null)[][], c: number): number {
  const counts = new Map<number, number>();
  for (const row of cells) {
    const cell = row[c];
    if (!cell) continue;
    const width = emWidth(cell.text) - (ORDINAL.test(cell.words[0].text) ? emWidth(cell.words[0].text) : 0);
    if (width >= 3) counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let capacity = 0;
  for (const [width, count] of counts) if (count >= 2 && width > capacity) capacity = width;
  return capacity;
}

//   > | 三 義市流域及水
//       ^
const ORDINAL = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[、.．]?$/u;

/** How far (in lines) a neighbour's start of the next column is looked for. */
const REACH = 3;

/**
 * Cut the lines of text column `c` wider than its capacity: the words past
 * the cut go to the front of column `c + 1`.  The cut goes where the next
 * column starts on the nearby lines (`12 月 x100%` under `年 度 清 查`), else
 * after the longest run of words that fits.
 *
 *   > |             按月清查各項重大計 年 度 清 查 次 數 /
 *   > |             畫及工程執行進度 12 月 x100%
 *                                    ^ under 年: 衡量標準
 */
export function cutOverfull(cells: (Fragment | null)[][], c: number, unit: number): void {
  const capacity = columnCapacity(cells, c);
  if (capacity === 0) return;
  const limit = capacity + 0.5;
  // (An ordinal standing first is the row's mark, not the cell's text.)
  const lead = (cell: Fragment) => (ORDINAL.test(cell.words[0].text) ? 1 : 0);
  const over = (cell: Fragment | null) => cell !== null && cell.words.length > lead(cell) + 1 && emWidth(cell.text) - (lead(cell) ? emWidth(cell.words[0].text) : 0) > limit;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i][c];
    if (!cell || !over(cell)) continue;
    const words = cell.words;
    // Where column c + 1 starts on the nearby lines that fit.
    let start = -1;
    for (let d = 1; d <= REACH && start < 0; d++) {
      for (const j of [i - d, i + d]) {
        const next = j >= 0 && j < cells.length ? cells[j][c + 1] : null;
        if (next && !over(cells[j][c]) && start < 0) start = next.words[0].x0;
      }
    }
    const first = lead(cell);
    let cut = 0;
    let width = 0;
    for (let k = first; k < words.length - 1; k++) {
      width += emWidth(words[k].text);
      if (width > limit) break;
      cut = k + 1;
    }
    // An ordinal before the cut marks the next column's row (`體消防戰力 2 充實救災裝備`).
    if (cut > first + 1 && ORDINAL.test(words[cut - 1].text)) cut--;
    if (cut <= first) continue;
    if (start >= 0) {
      let best = cut;
      for (let k = first + 1; k <= cut; k++) if (Math.abs(words[k].x0 - start) < Math.abs(words[best].x0 - start)) best = k;
      if (Math.abs(words[best].x0 - start) <= 2 * unit) cut = best;
    }
    const kept = words.slice(0, cut);
    const moved = words.slice(cut);
    cells[i][c] = fragmentOf(kept);
    const target = cells[i][c + 1];
    cells[i][c + 1] = fragmentOf(target ? [...moved, ...target.words] : moved);
  }
}

function fragmentOf(words: Run[]): Fragment {
  return { text: words.map((word) => word.text).join(' '), words };
}
