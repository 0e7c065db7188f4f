/**
 * Periods (ROC years) as titles, covers and first sentences write them, also
 * when a converter lost the characters between the years or the years are
 * written in Chinese numerals.
 */
import { stripSpaces } from './normalize/text.js';
import type { Period } from './types.js';

// A range of years:
//
//   > | 中程(108 至 111 年度)施政計畫     107-110年度     100至103年度
//            ^^^^^^^^^^^^^^^              ^^^^^^^^^^
const RANGE = /(?<!\d)(\d{2,3})(?:年度?)?(?:至|~|～|-|－|—|–|到)(\d{2,3})年度?/u;
// Two years run together when the converter lost the `至` between them (or
// only a space was left, which stripping spaces runs together too):
//
//   > | 中程施政計畫(106109年度)     106 109年度
//                  ^^^^^^^^^        ^^^^^^^^^^
const RUN_TOGETHER = /(?<!\d)(\d{2,3})(\d{3})年度/u;
const SINGLE_YEAR = /(?<!\d)(\d{2,3})年度/u;
// A range in brackets without 年 (`中程施政計畫（112～115）`): only years a
// plan of these decades can have, at most ten apart.
//
//   > | 中程施政計畫（112～115）
//                  ^^^^^^^^^^^
const BRACKETED_RANGE = /[(（](\d{2,3})(?:至|~|～|-|－|—|–|到)(\d{2,3})[)）]/u;
// A year in Chinese numerals: before 年, or the first of a range whose
// second year is (`一一二至一一五年度`).
const CJK_YEAR = /[〇○零一二三四五六七八九十百]{2,5}(?=年|(?:至|~|～|-|－|—|–|到)[〇○零一二三四五六七八九十百]{2,5}年)/gu;

const CJK_DIGIT: Record<string, number> = { '〇': 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A year written in Chinese numerals, digit by digit or positionally:
 *
 *   > | 一〇六年度 → 106     九十五年度 → 95     一百零六年度 → 106
 */
export function cjkYear(text: string): number | null {
  if (!/[十百]/u.test(text)) {
    let value = 0;
    for (const ch of text) {
      const digit = CJK_DIGIT[ch];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return value;
  }
  let value = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '百') {
      value += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      value += (digit || 1) * 10;
      digit = 0;
    } else {
      const d = CJK_DIGIT[ch];
      if (d === undefined) return null;
      digit = d;
    }
  }
  return value + digit;
}

/** The text with spaces removed and Chinese-numeral years written in digits. */
function yearsInDigits(text: string): string {
  const compact = stripSpaces(text);
  return compact.replace(CJK_YEAR, (numeral) => {
    const year = cjkYear(numeral);
    return year !== null && year >= 1 && year <= 200 ? String(year) : numeral;
  });
}

/** The period a title or cover line states, or null. */
export function periodOf(text: string): Period | null {
  const compact = yearsInDigits(text);
  let m = RANGE.exec(compact);
  if (m) return makePeriod(Number(m[1]), Number(m[2]));
  m = RUN_TOGETHER.exec(compact);
  if (m) {
    const period = makePeriod(Number(m[1]), Number(m[2]));
    if (period && period.to - period.from <= 10) return period;
  }
  m = SINGLE_YEAR.exec(compact);
  if (m) return makePeriod(Number(m[1]), Number(m[1]));
  m = BRACKETED_RANGE.exec(compact);
  if (m && Number(m[1]) >= 80 && Number(m[2]) <= 200 && Number(m[2]) - Number(m[1]) <= 10) return makePeriod(Number(m[1]), Number(m[2]));
  return null;
}

export function makePeriod(from: number, to: number): Period | null {
  if (from < 1 || to < from || to - from > 20) return null;
  return { from, to, gregorian: { from: from + 1911, to: to + 1911 } };
}

// A year that names another document is not this document's period:
//
//   > | 依據行政院108年度施政綱要，訂定本部…
//       ^^^^ a reference
//   > | 配合107-110年度中程施政計畫目標體系…
//                              ^^^^^^^^ a reference
const REFERENCE_BEFORE = /依據|依照|根據|配合|參照|參考|遵循|依循|秉持|延續|承接/u;
const REFERENCE_AFTER = /^[^，。；,;]{0,12}?(?:綱要|方針|目標體系|體系)/u;
const YEAR_MENTION = /(?<!\d)\d{2,3}(?:年度?)?(?:至|~|～|-|－|—|–|到)\d{2,3}年度?|(?<!\d)\d{2,3}年度/gu;

/**
 * The period stated in a document's first sentence (when its title and cover
 * state none), skipping years that name another document:
 *
 *   > | 本署依據行政院108年度施政綱要，編定109年度施政計畫。
 *                                         ^^^^^^^
 */
export function periodInSentence(sentence: string): Period | null {
  const compact = yearsInDigits(sentence);
  YEAR_MENTION.lastIndex = 0;
  for (let m = YEAR_MENTION.exec(compact); m; m = YEAR_MENTION.exec(compact)) {
    // The clause before the year: from the last clause punctuation on.
    const head = compact.slice(Math.max(0, m.index - 40), m.index);
    const before = head.slice(lastClauseBreak(head) + 1);
    const after = compact.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(after)) continue;
    return periodOf(m[0]);
  }
  return null;
}

function lastClauseBreak(text: string): number {
  for (let k = text.length - 1; k >= 0; k--) if ('，。；,;'.includes(text[k])) return k;
  return -1;
}
