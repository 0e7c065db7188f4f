/**
 * An indicator number the row's drifted columns put in the measure column.
 */
import { isIdeograph } from './aligned-spans.js';
import type { Run } from './geometry/columns.js';

/** One column's words on one line (the aligned reader's grid cell). */
export interface LineCell {
  text: string;
  words: Run[];
}

//   > | 1   2.   12
//       ^   ^^   ^^
const INDICATOR_NUMBER = /^[0-9]{1,2}[.．、]?$/u;

/**
 * An indicator number opening the measure column of a line whose indicator
 * column is empty (a row laid out right of the page's columns): it and the
 * words one space after it are the indicator's; words past a gutter stay.
 *
 *   > |                   1 新聞發布       則數              250 250      250   250
 *                         ^^^^^^^^^^ → 關鍵績效指標
 */
export function pullIndicatorOrdinals(cells: (LineCell | null)[][], indicatorCol: number, measureCol: number, unit: number): void {
  for (const row of cells) {
    const cell = row[measureCol];
    if (!cell || row[indicatorCol] || cell.words.length < 2 || !INDICATOR_NUMBER.test(cell.words[0].text)) continue;
    if (!isIdeograph(cell.words[1].text.charCodeAt(0))) continue;
    let k = 1;
    while (k < cell.words.length && cell.words[k].x0 - cell.words[k - 1].x1 <= unit) k++;
    const moved = cell.words.splice(0, k);
    cell.text = cell.words.map((word) => word.text).join(' ');
    if (!cell.words.length) row[measureCol] = null;
    row[indicatorCol] = { text: moved.map((word) => word.text).join(' '), words: moved };
  }
}
