/**
 * Text adapter of the geometry engine: a line of space-aligned PDF text
 * becomes positioned runs in display columns.
 *
 *   > | 一   落實美感教育  1   國小四、五年級學生     20   20
 *       ^    ^             ^   ^                      ^    ^  one run per word
 *
 * Words are split at every space (a single space is a gutter when the column
 * next to it is narrow: `伍、人 一、組織編 (一)貫徹考試用`); the engine joins the
 * words of one column again.  How many columns a CJK character takes depends
 * on the extractor (`pdftotext -layout` counts every glyph as one column,
 * extractors that lay text out on a half-em grid count two), so the width is
 * chosen per table: the one under which the runs' left edges line up best.
 */
import type { Line } from '../types.js';
import { isWideCode } from '../width.js';
import type { Run } from './geometry/columns.js';

/** A form feed (page break) or other control character takes no column. */
function columnsOf(code: number, cjkWidth: number): number {
  if (code < 32) return 0;
  if (code >= 0xdc00 && code <= 0xdfff) return 0; // low surrogate: counted with its pair
  return isWideCode(code) ? cjkWidth : 1;
}

function isGap(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 9 || code === 0xa0;
}

/** The words of one line as runs (`line` is the caller's index for the line). */
export function lineRuns(text: string, line: number, cjkWidth: number): Run[] {
  const runs: Run[] = [];
  let x = 0;
  let start = -1;
  let x0 = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isGap(code)) {
      if (start >= 0) runs.push({ line, x0, x1: x, text: text.slice(start, i) });
      start = -1;
      // An ideographic space is as wide as an ideograph.
      x += code === 0x3000 ? cjkWidth : 1;
      continue;
    }
    const width = columnsOf(code, cjkWidth);
    if (width === 0 && start < 0) continue;
    if (start < 0) {
      start = i;
      x0 = x;
    }
    x += width;
  }
  if (start >= 0) runs.push({ line, x0, x1: x, text: text.slice(start) });
  return runs;
}

/** A run of one wide character (an ideograph or CJK punctuation, maybe a surrogate pair). */
function isLoneWide(run: Run): boolean {
  const code = run.text.charCodeAt(0);
  if (!isWideCode(code)) return false;
  return run.text.length === 1 || (run.text.length === 2 && code >= 0xd800 && code <= 0xdbff);
}

/** Fewer lone characters in a row are ordinals or units (`萬 萬`, `一 落實`). */
const MIN_SPACED_OUT = 3;

const ORDINAL_NUMERAL = /^[一二三四五六七八九十]$/u;
const PAUSE = /^[、，]$/u;

/**
 * Justified CJK text (LibreOffice's PDFs through `pdftotext -layout`) comes out
 * spaced character by character; those characters are one word again, so that
 * the single space beside the chain (the gutter) is the only cut left.
 *
 *   > | 建 立 環 市 自 行 車 道 系 環市自行車道建置或
 *       ^^^^^^^^^^^^^^^^^^^^^^^^^ one run
 *
 * A chain of the same character (`年 年 年`, `萬 萬 萬`) is a row of units
 * under the year columns, not a word.  Two lone characters are a word only
 * when the second is a pause mark (`柒 、`, `一 、`: an ordinal spaced from
 * its mark); other pairs (`河川 水 質 監測`) may straddle a gutter.
 */
export function joinSpacedOut(runs: Run[], inner = false): Run[] {
  let out: Run[] | null = null;
  let i = 0;
  while (i < runs.length) {
    let j = i;
    let same = true;
    // The line's first word, a numeral, is the strategy's ordinal: `二 落 實 欠 稅`.
    const ordinal = i === 0 && ORDINAL_NUMERAL.test(runs[i].text) && !(runs.length > 1 && runs[1].text === '、');
    if (isLoneWide(runs[i]) && !ordinal) {
      while (j + 1 < runs.length && runs[j + 1].x0 === runs[j].x1 + 1) {
        if (isLoneWide(runs[j + 1])) {
          if (runs[j + 1].text !== runs[i].text) same = false;
          j++;
        } else if (inner && (j + 1 - i) + 1 >= MIN_SPACED_OUT && insideChain(runs, j + 1)) j++;
        else break;
      }
    }
    // Two lone characters are one word when the second is punctuation: `柒 、`.
    const pair = j === i + 1 && PAUSE.test(runs[j].text);
    out = takeRuns(runs, out, i, j, (j - i + 1 >= MIN_SPACED_OUT || pair) && !same);
    i = j + 1;
  }
  const joined = out ?? runs;
  return inner ? joinGroups(joined) : joined;
}

/**
 * Runs `i`…`j` appended to `out` as one word (`merge`) or as they are.  `out`
 * stays null until a first merge (the caller then returns `runs` itself).
 */
function takeRuns(runs: Run[], out: Run[] | null, i: number, j: number, merge: boolean): Run[] | null {
  if (merge) {
    out ??= runs.slice(0, i);
    let text = '';
    for (let k = i; k <= j; k++) text += runs[k].text;
    out.push({ line: runs[i].line, x0: runs[i].x0, x1: runs[j].x1, text });
  } else if (out) for (let k = i; k <= j; k++) out.push(runs[k]);
  return out;
}

/** Groups of glyphs a justified line needs before its spaces are read as justification. */
const MIN_GROUPS = 4;

function isShortWide(run: Run): boolean {
  if (run.text.length > 2) return false;
  for (let i = 0; i < run.text.length; i++) if (!isWideCode(run.text.charCodeAt(i))) return false;
  return true;
}

/**
 * A justified line LibreOffice spaces out in groups of one or two glyphs,
 * one space apart, is one word too (with `inner`: text columns of work-plan
 * and report tables, whose cells hold sentences):
 *
 *   > | 政策              經實 地會 勘審 查後 ，符 合者 依規 定發 給證 明
 *                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ one run
 */
function joinGroups(runs: Run[]): Run[] {
  let out: Run[] | null = null;
  let i = 0;
  while (i < runs.length) {
    let j = i;
    let pairs = runs[i].text.length === 2 ? 1 : 0;
    if (isShortWide(runs[i])) {
      while (j + 1 < runs.length && isShortWide(runs[j + 1]) && runs[j + 1].x0 === runs[j].x1 + 1) {
        j++;
        if (runs[j].text.length === 2) pairs++;
      }
    }
    out = takeRuns(runs, out, i, j, j - i + 1 >= MIN_GROUPS && pairs >= 2);
    i = j + 1;
  }
  return out ?? runs;
}

//   > | 證 明 書 核 ( 換 補 ) 申請補發      辦 理 112 年 度 後 辦理登錄更正。
//               ^       ^                ^^^
const BRACKET = /^[()]$/u;
const NUMBER = /^[0-9]{1,4}$/u;

/**
 * With `inner` (text columns of work-plan and report tables), a justified
 * line's chain of glyphs goes on through a half-width bracket and through a
 * short number between two glyphs, each set one space apart like the glyphs
 * (LibreOffice spaces out the whole line).
 */
function insideChain(runs: readonly Run[], k: number): boolean {
  const text = runs[k].text;
  // `出 納 ( 一 ) 各 種`: a marker `(一)` starts the next column's label.
  if (text === '(') return !(ORDINAL_NUMERAL.test(runs[k + 1]?.text ?? '') && runs[k + 2]?.text === ')');
  if (BRACKET.test(text)) return true;
  const next = runs[k + 1];
  // (A number ends the line with the chain: `訴 願 案 件 5`.)
  return NUMBER.test(text) && (next === undefined || (next.x0 === runs[k].x1 + 1 && isLoneWide(next)));
}

/** A word `joinSpacedOut` made of CJK glyphs set one space apart: it is wider than its characters. */
export function isSpacedOut(run: Run, unit: number): boolean {
  if (run.x1 - run.x0 <= run.text.length * unit) return false;
  for (let i = 0; i < run.text.length; i++) if (!isWideCode(run.text.charCodeAt(i)) && !/[0-9()]/u.test(run.text[i])) return false;
  return isWideCode(run.text.charCodeAt(0));
}

/**
 * The CJK width (1 or 2 columns) under which the left edges of the lines'
 * cells (text after two or more spaces) line up best: the share of cells that
 * start where other cells start, squared per position.
 */
export function chooseCjkWidth(lines: readonly Line[]): number {
  let best = 1;
  let bestScore = -1;
  for (const width of [1, 2]) {
    const starts = new Map<number, number>();
    let total = 0;
    for (const line of lines) {
      let x = 0;
      let spaces = 0;
      for (let i = 0; i < line.text.length; i++) {
        const code = line.text.charCodeAt(i);
        if (isGap(code)) {
          spaces++;
          x += code === 0x3000 ? width : 1;
          continue;
        }
        // A cell after text (two or more spaces): only these tell the widths apart.
        if (spaces >= 2 && x > spaces) {
          starts.set(x, (starts.get(x) ?? 0) + 1);
          total++;
        }
        spaces = 0;
        x += columnsOf(code, width);
      }
    }
    if (total === 0) continue;
    let score = 0;
    for (const n of starts.values()) score += n * n;
    score /= total;
    if (score > bestScore) {
      bestScore = score;
      best = width;
    }
  }
  return best;
}
