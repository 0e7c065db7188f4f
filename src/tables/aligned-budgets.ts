/**
 * A budget run into the text before it.  `pdftotext -layout` lays each line
 * of a LibreOffice PDF out on its own, so a work item's budget can stand one
 * space after the content's line, far left of its column's title:
 *
 *   > |               申請補發、汙損換發等，隨到隨辦。2. 受理國民兵請領或補 279
 *                                                                       ^^^ 預算金額
 *
 * A bare amount ends the line, after CJK text; a number inside a sentence
 * goes on with its unit (`共 279` / `件`), so an amount whose next line in the
 * column starts with a unit or counter stays in the text.
 */
import type { Run } from './geometry/columns.js';

interface Fragment {
  text: string;
  words: Run[];
}

const AMOUNT = /^[0-9]{1,3}(?:,[0-9]{3})*$/u;
/** The word before ends in an ideograph or CJK punctuation (`補`, `，`, `。`). */
const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/u;
/** A number's unit or counter starting the next line: the number is in a sentence. */
const UNIT_START = /^[件人次元萬千億年月日時分條項場個處戶名份筆座棟輛台臺組班家所案篇冊本％%]/u;

/** Moves such amounts from column `from` to the empty column `to`, line by line. */
export function moveRunInBudgets(cells: (Fragment | null)[][], from: number, to: number): void {
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i];
    const cell = row[from];
    if (!cell || row[to] || cell.words.length < 2) continue;
    // Nothing after the content on this line but the amount.
    let later = false;
    for (let c = from + 1; c < row.length; c++) if (row[c]) later = true;
    if (later) continue;
    const last = cell.words[cell.words.length - 1];
    const before = cell.words[cell.words.length - 2];
    if (!AMOUNT.test(last.text) || !CJK_END.test(before.text)) continue;
    const next = i + 1 < cells.length ? cells[i + 1][from] : null;
    if (next && UNIT_START.test(next.text)) continue;
    cell.words.pop();
    cell.text = cell.words.map((word) => word.text).join(' ');
    row[to] = { text: last.text, words: [last] };
  }
}

/**
 * The other way: glyphs without a figure one space after the content's
 * line, past the budget column's start, are the end of that line when it
 * stops mid-sentence or at an entry's number (a row laid out right of the
 * page's columns; a budget or its note stands apart, holds a figure, or
 * follows a closed sentence).
 *
 *   > |                        1. 列管異動登記、移轉隨時辦理。2. 電腦登打、傳輸。3. 每
 *                                                                                ^ 每 / 月執行…
 */
/** A line cut mid-sentence (`市府統` after `檢查。` is a note of its own). */
const GOES_ON = /[\u3400-\u9fff，、]$/u;
/** An entry's number, its text to follow (`傳輸。3. 每`). */
const ENTRY = /(?:^|[^0-9.])[0-9]{1,2}[.．]$/u;

export function returnRunOnText(cells: (Fragment | null)[][], content: number, budget: number, unit: number): void {
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i];
    const cell = row[budget];
    const text = row[content];
    if (!cell || !text || /[0-9]/u.test(cell.text)) continue;
    // A budget's note wraps over lines of its own column (`市府統` / `籌款`).
    if ((i > 0 && cells[i - 1][budget]) || (i + 1 < cells.length && cells[i + 1][budget])) continue;
    const last = text.words[text.words.length - 1];
    if (cell.words[0].x0 - last.x1 > unit || !(GOES_ON.test(last.text) || ENTRY.test(last.text))) continue;
    for (const word of cell.words) text.words.push(word);
    text.text = `${text.text} ${cell.text}`;
    row[budget] = null;
  }
}
