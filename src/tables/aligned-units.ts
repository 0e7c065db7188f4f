/**
 * A target value and its unit set apart by justification: LibreOffice's PDFs
 * through `pdftotext -layout` space a cell's characters out, so a value comes
 * out as a number and lone characters one space apart.  They are one word
 * again, so that the single space after the unit is the only gutter left.
 *
 *   > |                 1           45 件 45 件 35 件 40 件
 *                                   ^^^^ one run per value
 *   > |            策辦優 質演 藝        11 萬 人 12 萬 人
 *                                        ^^^^^^^^
 *   > |             2 泥 土 總 重 量 實際完成數據             890 公噸 899 公噸 900 公噸
 *                                                             ^^^^^^^^
 */
import { isWideCode } from '../width.js';
import type { Run } from './geometry/columns.js';

//   > | 45   ≧2,000   100%   36.5
//       ^^   ^^^^^^   ^^^^   ^^^^
const NUMBER = /^[≧≦＞＜>=<]?[0-9][0-9,.]*[%％]?$/u;

/** One wide character (a unit, `以` of a wrapped `以上`) or a bracket opening a note (`( 因`). */
function isUnitPiece(run: Run): boolean {
  if (run.text === '(' || run.text === ')') return true;
  return run.text.length === 1 && isWideCode(run.text.charCodeAt(0));
}

//   > |  2 市木 業文化之      1 充實館藏計畫
//        ^                   ^
const ORDINAL = /^[0-9]{1,2}$/u;

/** Two or three wide characters: a unit such as `公噸`, `人次`, `件以上`. */
function isWideWord(run: Run): boolean {
  if (run.text.length < 2 || run.text.length > 3) return false;
  for (let k = 0; k < run.text.length; k++) if (!isWideCode(run.text.charCodeAt(k))) return false;
  return true;
}

/**
 * `valuesFrom`: the display column right of which a small bare number is a
 * value (`2 件以上`) rather than an indicator's ordinal (`2 市木`).
 */
export function joinValueUnits(runs: Run[], valuesFrom = Infinity): Run[] {
  let out: Run[] | null = null;
  let i = 0;
  while (i < runs.length) {
    let j = i;
    if (NUMBER.test(runs[i].text)) {
      while (j + 1 < runs.length && isUnitPiece(runs[j + 1]) && runs[j + 1].x0 <= runs[j].x1 + 1) j++;
      // A unit of two or three characters (`890 公噸`, `15 案以上`); not after
      // a small bare number left of the values, an indicator's ordinal (`2 市木`).
      const ordinal = ORDINAL.test(runs[i].text) && runs[i].x0 < valuesFrom;
      if (j === i && j + 1 < runs.length && isWideWord(runs[j + 1]) && runs[j + 1].x0 <= runs[j].x1 + 1 && !ordinal) j++;
    }
    if (j > i) {
      out ??= runs.slice(0, i);
      let text = '';
      for (let k = i; k <= j; k++) text += runs[k].text;
      out.push({ line: runs[i].line, x0: runs[i].x0, x1: runs[j].x1, text });
    } else if (out) out.push(runs[i]);
    i = j + 1;
  }
  return out ?? runs;
}
