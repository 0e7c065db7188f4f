/**
 * A KPI row's target values by where they stand in the row itself: rows laid
 * out on their own (LibreOffice's PDFs through `pdftotext -layout`) set their
 * year columns a few columns off the header's, and each row elsewhere; but
 * inside one row the values of one year stand one above the other (a wrapped
 * value centred in its cell), apart from the next year's.
 *
 *   > |  二 生活圈道路開闢與提升 辦理嘉義市東義
 *   > |    道路品質計畫                                                 36.5
 *   > |               2 路及盧山橋改建 工程進度                  0%    1%           95%
 *   > |                                                           %
 *                                                             ^^    ^^   ^^^^     ^^^ four stacks: 108 … 111
 *
 * A line with one word per year gives them in order, whatever their places
 * (a wrapped `% % % %` may come out squeezed far left of its numbers), and
 * the other lines' words go to the year whose words' centres they stand
 * nearest.  Without such a line, the words' centres are cut at the widest
 * gaps into one stack per year; the cut holds only when every gap cut is
 * wider than any gap left inside a stack (else the row's values do not
 * tell, and the page's columns stay).
 */
import type { Run } from './geometry/columns.js';

//   > | 45件   ≧2,000   36.5   %   --   人次   以上   80場(因
//       ^^^^   ^^^^^^   ^^^^   ^   ^^   ^^^^   ^^^^   ^^^^^^^ a value, its unit, a note's start
const TARGET_PIECE = /^(?:.*[0-9].*|[-－—–]+|[%％]|[(（]?\p{Script=Han}{1,2}[)）]?)$/u;

const centre = (run: Run) => (run.x0 + run.x1) / 2;

/** The row's target words (by line) as `count` stacks, left to right, each in reading order; null when they do not tell. */
export function stackTargets(lines: readonly Run[][], count: number, unit: number): Run[][] | null {
  // Text in the year columns (a measure cut at the wrong place) does not stack.
  if (count < 2 || !lines.every((words) => words.every((word) => TARGET_PIECE.test(word.text)))) return null;
  const stacks: Run[][] = Array.from({ length: count }, () => []);
  const sums = new Array<number>(count).fill(0);
  let full = 0;
  for (const words of lines) {
    if (words.length !== count) continue;
    words.forEach((word, k) => {
      sums[k] += centre(word);
    });
    full++;
  }
  if (full === 0) return clusterLines(lines, count, unit);
  const centres = sums.map((sum) => sum / full);
  for (const words of lines) {
    if (words.length === count) words.forEach((word, k) => stacks[k].push(word));
    else {
      for (const word of words) {
        let best = 0;
        for (let k = 1; k < count; k++) if (Math.abs(centre(word) - centres[k]) < Math.abs(centre(word) - centres[best])) best = k;
        stacks[best].push(word);
      }
    }
  }
  return stacks;
}

/**
 * Stacks by the words' centres; a line with as many words (two or more) as a
 * line above it holds the rest of those words, in order, wherever it stands
 * (`1000 1250 1500` over `人次 人次 人次` squeezed to the left).
 */
function clusterLines(lines: readonly Run[][], count: number, unit: number): Run[][] | null {
  const leaders = new Map<number, Run[]>();
  const words: Run[] = [];
  for (const line of lines) if (line.length < 2 || !leaders.has(line.length)) {
    if (line.length >= 2) leaders.set(line.length, line);
    for (const word of line) words.push(word);
  }
  const stacks = clusterTargets(words, count, unit);
  if (!stacks) return null;
  const stackOf = new Map<Run, number>();
  stacks.forEach((stack, k) => stack.forEach((word) => stackOf.set(word, k)));
  for (const line of lines) {
    const leader = leaders.get(line.length);
    if (!leader || leader === line) continue;
    line.forEach((word, j) => stacks[stackOf.get(leader[j])!].push(word));
  }
  for (const stack of stacks) stack.sort((a, b) => a.line - b.line || a.x0 - b.x0);
  return stacks;
}

function clusterTargets(words: readonly Run[], count: number, unit: number): Run[][] | null {
  if (words.length < count) return null;
  const sorted = [...words].sort((a, b) => centre(a) - centre(b));
  const gaps = sorted.slice(1).map((run, k) => ({ at: k + 1, width: centre(run) - centre(sorted[k]) }));
  const widest = [...gaps].sort((a, b) => b.width - a.width);
  const cuts = widest.slice(0, count - 1);
  const narrowestCut = cuts.length ? cuts[cuts.length - 1].width : 0;
  const widestInside = widest.length >= count ? widest[count - 1].width : 0;
  if (narrowestCut < 2 * unit || narrowestCut <= widestInside) return null;
  const at = cuts.map((cut) => cut.at).sort((a, b) => a - b);
  const stacks: Run[][] = [];
  let from = 0;
  for (const cut of [...at, sorted.length]) {
    stacks.push(sorted.slice(from, cut).sort((a, b) => a.line - b.line || a.x0 - b.x0));
    from = cut;
  }
  return stacks;
}

//   > | 100    %    45件    -    2,00    0    ≧95
export const VALUE_PIECE = /^(?:[≧≦＞＜>=<]?[0-9][0-9,.]*(?:[%％]|\p{Script=Han}{1,2})?|[%％]|[-－—–]+|[≧≦])$/u;

//   > | 年度建物公安實際申報件數/年度建物公安應申報總件數     (no digit, no bracket, four characters or more)
const MEASURE_TEXT = /^[^0-9０-９()（）]{4,}$/u;

/**
 * A drifted row's target words by line: the words in the year columns, and
 * the values ending the measure's line, which its drifted column start took
 * in (no more than one per year on the line); text opening a line's year
 * columns is the measure's, which the year columns took in.  `measure[i]`
 * and `values[i]` are line i's words in the measure and in the year columns;
 * `taken` holds the measure words moved to the targets, `given` the year
 * columns' words moved to the measure.
 *
 *   > |     市 有 非 公 用 土 地 管 財產管理及處分收入達 100 100 150
 *   > |                                           1,000 萬元以上 %   % %
 *                                                               ^ in 衡量標準 by the row's columns: 108
 */
export function withTrailingValues(measure: readonly Run[][], values: readonly Run[][], count: number): { lines: Run[][]; taken: Set<Run>; given: Set<Run> } {
  const lines: Run[][] = [];
  const taken = new Set<Run>();
  const given = new Set<Run>();
  measure.forEach((words, i) => {
    let first = 0;
    while (first < values[i].length && MEASURE_TEXT.test(values[i][first].text)) given.add(values[i][first++]);
    // Words before one value per year are the measure's (`業` of `依限完成發函作業`).
    while (values[i].length - first > count && !/[0-9%％]/u.test(values[i][first].text)) given.add(values[i][first++]);
    let line = values[i].slice(first);
    let k = words.length;
    while (k > 0 && VALUE_PIECE.test(words[k - 1].text)) k--;
    if (k < words.length && words.length - k + line.length <= count) {
      const tail = words.slice(k);
      for (const word of tail) taken.add(word);
      line = tail.concat(line);
    }
    if (line.length) lines.push(line);
  });
  return { lines, taken, given };
}

//   > |                 理火災案件時，於 60
//                                     ^^ the measure's (於60秒內), not the first piece of 100%
//   > | 四 指揮派遣及資         署所訂之應詢問事項 100%                    100%     100%     100%
const BARE_NUMBER = /^[0-9][0-9,.]*$/u;

/**
 * Numbers standing first in a stack that are not a value's first piece: a
 * value wraps only where its line is full, so a wrapped value's first piece
 * is never narrower than the piece below it (`2,00` / `0`, `10` / `0%`).  A
 * bare number narrower than a value starting with a digit below it is a
 * number of the text beside it (the measure's line ended there), and is
 * taken out of its stack.
 */
export function strayNumbers(stacks: readonly Run[][]): Set<Run> {
  const stray = new Set<Run>();
  for (const stack of stacks) {
    if (stack.length < 2) continue;
    const [first, next] = stack;
    if (next.line <= first.line || !BARE_NUMBER.test(first.text) || !/^[0-9]/u.test(next.text)) continue;
    if (first.x1 - first.x0 < next.x1 - next.x0) stray.add(first);
  }
  return stray;
}
