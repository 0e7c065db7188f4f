/**
 * Numbering markers (SPEC Section table): `壹、` `一、` `(一)` `1.` `(1)` `甲、` `①`,
 * in all their width and bracket variants.  Shared by the section stage and
 * by the record readers (strategy ordinals, work-item paths).
 */
import { isSpaceCode } from './normalize/text.js';
import type { MarkerStyle } from './types.js';

export interface Marker {
  /** Canonical form: `壹、`, `一、`, `(一)`, `1.`, `(1)`, `甲、`, `①`. */
  marker: string;
  style: Exclude<MarkerStyle, 'markdown'>;
  ordinal: number;
  /** The text after the marker, trimmed. */
  rest: string;
  /** How many characters of the input the marker (and the space after it) took. */
  length: number;
}

const FORMAL_DIGITS: Record<string, number> = { 壹: 1, 貳: 2, 參: 3, 叁: 3, 叄: 3, 肆: 4, 伍: 5, 陸: 6, 柒: 7, 捌: 8, 玖: 9 };
const PLAIN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 〇: 0, 零: 0 };
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED_FIRST = 0x2460; // ①

/**
 * Value of a Chinese numeral up to 99 (`十一` → 11, `二十` → 20, `拾壹` → 11), or
 * null when the string is not one.
 */
export function cjkNumber(text: string): number | null {
  if (text.length === 0 || text.length > 3) return null;
  const digit = (ch: string) => PLAIN_DIGITS[ch] ?? FORMAL_DIGITS[ch];
  const tenAt = [...text].findIndex((ch) => ch === '十' || ch === '拾');
  if (tenAt === -1) return text.length === 1 && digit(text) !== undefined && digit(text) > 0 ? digit(text) : null;
  const chars = [...text];
  const tens = tenAt === 0 ? 1 : tenAt === 1 ? digit(chars[0]) : undefined;
  const unitsChars = chars.slice(tenAt + 1);
  if (tens === undefined || tens === 0 || unitsChars.length > 1) return null;
  const units = unitsChars.length ? digit(unitsChars[0]) : 0;
  if (units === undefined) return null;
  return tens * 10 + units;
}

const FORMAL = '壹貳參叁叄肆伍陸柒捌玖拾';
const PLAIN = '一二三四五六七八九十';

//   > | 壹、機關任務     貳 、環境     一、使命     甲、
//       ^^               ^^^           ^^           ^^
// Compound numerals split by a space (`拾 貳、`, `貳 拾 壹、`) are one numeral.
const LIST_MARK = new RegExp(`^([${FORMAL}](?:[ \\u3000]?[${FORMAL}]){0,2}|[${PLAIN}](?:[ \\u3000]?[${PLAIN}]){0,2}|[${STEMS}])[ \\u3000]*[、，,．.](?![0-9])[ \\u3000]*`, 'u');
//   > | （一)落實     (1) 辦理
//       ^^^^         ^^^^
const PAREN_MARK = new RegExp(`^[(（][ \\u3000]*([${PLAIN}]{1,3}|[0-9０-９]{1,3})[ \\u3000]*[)）][ \\u3000]*`, 'u');
//   > | 1、 機關任務    2. 召開    3．辦理    but not `1.5`, `7/31`
//       ^^^             ^^         ^^
const ARABIC_MARK = /^([0-9０-９]{1,3})[ \u3000]*(?:[、．]|\.(?![0-9]))[ \u3000]*/u;
// ① … ⑳, then ㉑ … ㉟ and ㊱ … ㊿ in their own blocks.
const CIRCLED_MARK = /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])[ \u3000]*/u;
// One character that is a whole marker of another style: ㈠ … ㈩ are (一) …
// (十), ⑴ … ⒇ are (1) … (20), ⒈ … ⒛ are 1. … 20. (typed from a font's
// symbols, or an input method's):
//
//   > | ㈠落實照顧     ⑴辦理研習     ⒈召開會議
//       ^             ^             ^
const ENCLOSED_MARK = /^([\u3220-\u3229\u2474-\u249b])[ \u3000]*/u;

function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Char codes a marker can start with (after spaces): most lines start with
 * none of them.  A table indexed by code unit: parseMarker runs on every line
 * of several stages, and this rejects them without allocating.
 */
const MARKER_START = new Uint8Array(0x10000);
for (const ch of [...FORMAL, ...PLAIN, ...STEMS, '(', '（', ...'0123456789０１２３４５６７８９']) MARKER_START[ch.charCodeAt(0)] = 1;
for (let code = 0x2460; code <= 0x2473; code++) MARKER_START[code] = 1;
for (let code = 0x3251; code <= 0x325f; code++) MARKER_START[code] = 1;
for (let code = 0x32b1; code <= 0x32bf; code++) MARKER_START[code] = 1;
for (let code = 0x3220; code <= 0x3229; code++) MARKER_START[code] = 1;
for (let code = 0x2474; code <= 0x249b; code++) MARKER_START[code] = 1;

/** Whether a marker can start with this char code (the cheap test callers scanning text run before `parseMarker`). */
export function mayStartMarker(code: number): boolean {
  return MARKER_START[code] === 1;
}

/** Read the numbering marker at the start of `text` (leading spaces allowed), or null. */
export function parseMarker(input: string): Marker | null {
  // Leading whitespace as String#trimStart sees it (the `\s` characters).
  let lead = 0;
  while (lead < input.length && isSpaceCode(input.charCodeAt(lead))) lead++;
  if (lead === input.length || MARKER_START[input.charCodeAt(lead)] === 0) return null;
  const text = input.slice(lead);
  let m = LIST_MARK.exec(text);
  if (m) {
    const body = m[1].replace(/[ \u3000]/gu, '');
    if (STEMS.includes(body)) return make(`${body}、`, 'stem', STEMS.indexOf(body) + 1, m[0].length);
    const value = cjkNumber(body);
    if (value === null) return null;
    const formal = FORMAL.includes(body[0]) && !(body.length === 1 && body === '十');
    // `十` alone is plain 10; `拾` is formal.
    return formal || body.startsWith('拾')
      ? make(`${formalNumeral(value)}、`, 'cjk-formal', value, m[0].length)
      : make(`${plainNumeral(value)}、`, 'cjk', value, m[0].length);
  }
  m = PAREN_MARK.exec(text);
  if (m) {
    const body = m[1];
    if (/[0-9０-９]/.test(body[0])) {
      const value = Number(halfWidthDigits(body));
      return make(`(${value})`, 'arabic-paren', value, m[0].length);
    }
    const value = cjkNumber(body);
    return value === null ? null : make(`(${plainNumeral(value)})`, 'cjk-paren', value, m[0].length);
  }
  m = ARABIC_MARK.exec(text);
  if (m) {
    const value = Number(halfWidthDigits(m[1]));
    return make(`${value}.`, 'arabic', value, m[0].length);
  }
  m = CIRCLED_MARK.exec(text);
  if (m) return make(m[1], 'circled', circledValue(m[1].charCodeAt(0)), m[0].length);
  m = ENCLOSED_MARK.exec(text);
  if (m) {
    const code = m[1].charCodeAt(0);
    if (code >= 0x3220 && code <= 0x3229) return make(`(${plainNumeral(code - 0x3220 + 1)})`, 'cjk-paren', code - 0x3220 + 1, m[0].length);
    if (code <= 0x2487) return make(`(${code - 0x2474 + 1})`, 'arabic-paren', code - 0x2474 + 1, m[0].length);
    return make(`${code - 0x2488 + 1}.`, 'arabic', code - 0x2488 + 1, m[0].length);
  }
  return null;

  function make(marker: string, style: Marker['style'], ordinal: number, length: number): Marker {
    return { marker, style, ordinal, rest: text.slice(length).trim(), length: lead + length };
  }
}

function circledValue(code: number): number {
  if (code <= 0x2473) return code - CIRCLED_FIRST + 1;
  if (code <= 0x325f) return code - 0x3251 + 21;
  return code - 0x32b1 + 36;
}

// A formal or plain numeral whose `、` was lost in conversion, a space in its
// place, before a short heading:
//
//   > | 壹 機關任務     一 組織職掌
//       ^^              ^^
// Only a guess: the section stage takes it when the numbering confirms it.
const LOOSE_MARK = new RegExp(`^([${FORMAL}](?:[ \\u3000]?[${FORMAL}]){0,2}|[${PLAIN}]{1,3})[ \\t\\u3000]+(?=\\p{Script=Han})`, 'u');

/** A marker without its `、` (`壹 機關任務`), or null. */
export function parseLooseMarker(input: string): Marker | null {
  let lead = 0;
  while (lead < input.length && isSpaceCode(input.charCodeAt(lead))) lead++;
  if (lead === input.length || MARKER_START[input.charCodeAt(lead)] === 0) return null;
  const text = input.slice(lead);
  const m = LOOSE_MARK.exec(text);
  if (!m) return null;
  const body = m[1].replace(/[ \u3000]/gu, '');
  const value = cjkNumber(body);
  if (value === null) return null;
  const formal = FORMAL.includes(body[0]);
  const marker = formal ? `${formalNumeral(value)}、` : `${plainNumeral(value)}、`;
  return { marker, style: formal ? 'cjk-formal' : 'cjk', ordinal: value, rest: text.slice(m[0].length).trim(), length: lead + m[0].length };
}

/** `1` → `一`, `11` → `十一`, `20` → `二十`. */
export function plainNumeral(value: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (value < 10) return digits[value];
  const tens = Math.floor(value / 10);
  return `${tens === 1 ? '' : digits[tens]}十${digits[value % 10]}`;
}

/** `1` → `壹`, `3` → `參`, `11` → `拾壹`. */
export function formalNumeral(value: number): string {
  const digits = ['', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
  if (value < 10) return digits[value];
  const tens = Math.floor(value / 10);
  return `${tens === 1 ? '' : digits[tens]}拾${digits[value % 10]}`;
}
