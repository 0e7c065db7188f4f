/**
 * Cells of a flattened (PDF text) table.  The PDF extractor writes a table
 * as lines of text: cells on the same baseline share a line separated by a
 * space, a wrapped cell goes on over several lines, and the line where a
 * cell's text ends carries a trailing space:
 *
 *   > | 提高大眾運
 *   > | 輸使用率 提昇市區公車搭乘率␠
 *           ^ cell boundary        ^ end of cell
 *
 * This module turns lines into a stream of items: strategy ordinals (`一`),
 * indicator ordinals (`1`), and cells (text or value), each knowing whether
 * it was closed or left open when an ordinal interrupted it.
 */
import { isSpaceCode, normalizeText } from '../normalize/text.js';
import type { Line } from '../types.js';

export type Item =
  | { kind: 'strategy-ordinal'; value: number; text: string; line: number }
  /** `weak`: a lone number the line stage took for a page number; dropped unless it continues the indicator sequence. */
  | { kind: 'indicator-ordinal'; value: number; text: string; line: number; weak?: boolean }
  | { kind: 'cell'; text: string; value: boolean; lines: number[]; open: boolean; widths: number[] };

const CJK_NUMERAL = /^[一二三四五六七八九十]{1,3}$/u;
const ARABIC_ORDINAL = /^[0-9]{1,2}$/;
const HAN = /\p{Script=Han}/u;
const CJK_PUNCT = /[\p{Script=Han}，、。；：「」『』（）]/u;
const UNITS =
  'MW|KW|kW|m2|公噸|萬筆|臺|場次|人次|梯次|小時|分鐘|公尺|公里|公頃|萬元|億元|千元|元|場|次|件|人|處|項|家|戶|案|個|所|班|隊|則|本|篇|座|條|台|輛|棟|期|筆|間|區|校|團|份|張|天|日|週|月|年|支|組|位|輪|株|棵|噸|套|部|門|種|類|冊|面|隻|床|名|對|群|村|里|堂';
// One target value as the PDF prints it:
//
//   > | 500   98%   10件   ≧1200   3,800   7/31   --   2件以上   <10分鐘
//       ^^^   ^^^   ^^^^   ^^^^^   ^^^^^   ^^^^   ^^   ^^^^^^^   ^^^^^^^
const VALUE = new RegExp(
  `^(?:[≧≦≥≤<>＜＞]?[0-9][0-9,]*(?:\\.[0-9]+)?(?:萬[0-9,]*)?(?:%|％|﹪|${UNITS})?(?:以上|以下|以內)?|(?:1[0-2]|0?[1-9])\\/(?:3[01]|[12][0-9]|0?[1-9])|[-–—－]{1,2})$`,
  'u',
);

export function isValueToken(token: string): boolean {
  return VALUE.test(token);
}

export interface Token {
  text: string;
  /** Spaces before the token on its line. */
  gap: number;
}

/** A comparison sign printed apart from its value (`≧ 2,000萬筆`, `‹ 10分鐘`). */
export const OPERATOR = /^[≧≦≥≤<>＜＞‹›]$/u;

/** The words of a line, each with the spaces before it; a comparison sign joins the value after it. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  // A char-code scan, not a `/(\s*)(\S+)/g` exec loop: no match arrays, and
  // this runs on every line of every flattened table.  `isSpaceCode` is `\s`.
  const length = text.length;
  let i = 0;
  while (i < length) {
    const gapStart = i;
    while (i < length && isSpaceCode(text.charCodeAt(i))) i++;
    if (i === length) break;
    const wordStart = i;
    while (i < length && !isSpaceCode(text.charCodeAt(i))) i++;
    const word = text.slice(wordStart, i);
    const previous = out.length > 0 ? out[out.length - 1] : undefined;
    // `< 10分鐘`, `≧ 2,000萬筆`: a comparison sign belongs to the value after it.
    if (previous && OPERATOR.test(previous.text)) previous.text += word;
    else out.push({ text: word, gap: wordStart - gapStart });
  }
  return out;
}

function singleHan(token: string): boolean {
  return [...token].length === 1 && HAN.test(token);
}

/**
 * Split one line into segments (cells or cell parts).  A space is a cell
 * boundary between two words of CJK text, or before the run of values that
 * ends the line; a space next to a single character is PDF justification:
 *
 *   > | 文創品開發 0 0 10件 0       色 宗 教 節 慶 活       每年至少 3項活
 *            ^ boundary              (one segment)          (one segment: 3項活 is no value)
 */
export function splitSegments(text: string, closed = true, nextStart = ''): string[] {
  const list = tokens(text);
  if (list.length === 0) return [];
  // An open line may end in the first part of a wrapped value (`10案以` / `上`).
  let valueStart = list.length;
  if (!closed && list.length > 1 && nextStart !== '' && isWrappedValueStart(list[list.length - 1].text, nextStart)) valueStart = list.length - 1;
  // Where the trailing run of values starts (a line whose last cell goes on
  // on the next line ends in text, not values: `每年辦理 1場次` / `特色馬拉松`).
  let valuesFrom = list.length;
  while (closed && valuesFrom > 0 && isValueToken(list[valuesFrom - 1].text)) valuesFrom--;
  const segments: string[] = [];
  let current = list[0].text;
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1].text;
    const b = list[i].text;
    const boundary =
      i >= valuesFrom ||
      i === valueStart ||
      (CJK_PUNCT.test(a[a.length - 1]) && HAN.test(b[0]) && !singleHan(a) && !singleHan(b));
    if (boundary) {
      segments.push(current);
      // Extra spaces between values stand for empty cells: `則數   20 20`.
      if (i >= valuesFrom && list[i].gap >= 3) for (let k = 1; k < list[i].gap; k++) segments.push('');
      current = b;
    } else current += ` ${b}`;
  }
  segments.push(current);
  return segments;
}

/**
 * The last word of a line left open starts a value that wraps onto the next
 * line: not a value itself, but one when the next line's first word is added.
 *
 *   > | 輔導民間團體 10案以
 *                    ^^^^^ + `上` = `10案以上`
 *   > | 每年辦理 1場次         (already a whole value: text that goes on)
 */
function isWrappedValueStart(last: string, nextStart: string): boolean {
  return /^[≧≦≥≤<>＜＞]?[0-9]/u.test(last) && !isValueToken(last) && isValueToken(last + nextStart);
}

/** First word of the next non-empty line after `k`. */
function nextFirstWord(lines: readonly Line[], k: number): string {
  for (let n = k + 1; n < lines.length && n <= k + 4; n++) {
    const m = /\S+/u.exec(lines[n].text);
    if (m) return m[0];
  }
  return '';
}

//   > | 一 加強各稅稅籍      (the strategy ordinal on the line of its text)
//       ^
const LEAD_STRATEGY = /^([一二三四五六七八九十]{1,3})\s+(?=\S)/u;

/** Turn the table's body lines into items (ordinals and cells). */
export function readItems(lines: readonly Line[]): Item[] {
  const items: Item[] = [];
  let open: Extract<Item, { kind: 'cell' }> | null = null;
  let interrupted = false;
  let lastStrategy = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const text = line.text.trim();
    if (text === '') continue;
    if (line.role === 'page-number') {
      // `1␠` between blank lines: the line stage called it a page number, but
      // inside a table it is usually an indicator ordinal (decided later).
      if (ARABIC_ORDINAL.test(text)) items.push({ kind: 'indicator-ordinal', value: Number(text), text, line: line.index, weak: true });
      continue;
    }
    const closesAtEnd = /\s$/u.test(line.text);
    //   > | 一␠          1␠          1 辦理市民集團結婚 參加對數 20 20 30 30␠
    //       ^ strategy   ^ indicator ^ indicator ordinal starting the line
    if (CJK_NUMERAL.test(text)) {
      items.push({ kind: 'strategy-ordinal', value: cjkValue(text), text, line: line.index });
      lastStrategy = Math.max(lastStrategy, cjkValue(text));
      if (open) interrupted = true;
      continue;
    }
    if (ARABIC_ORDINAL.test(text)) {
      items.push({ kind: 'indicator-ordinal', value: Number(text), text, line: line.index });
      if (open) interrupted = true;
      continue;
    }
    let rest = text;
    const leadStrategy = LEAD_STRATEGY.exec(text);
    if (leadStrategy && cjkValue(leadStrategy[1]) === lastStrategy + 1 && countHan(text.slice(leadStrategy[0].length)) >= 2) {
      // Only the next strategy number: `三 提 升 財 務 效` is `三` + a justified cell.
      lastStrategy++;
      items.push({ kind: 'strategy-ordinal', value: lastStrategy, text: leadStrategy[1], line: line.index });
      if (open) interrupted = true;
      rest = text.slice(leadStrategy[0].length);
    }
    const lead = /^([0-9]{1,2})\s+(?=\p{Script=Han}{2})/u.exec(rest);
    if (lead) {
      items.push({ kind: 'indicator-ordinal', value: Number(lead[1]), text: lead[1], line: line.index });
      if (open) interrupted = true;
      rest = rest.slice(lead[0].length);
    }
    const segments = splitSegments(rest, closesAtEnd, closesAtEnd ? '' : nextFirstWord(lines, index));
    if (open && !interrupted && segments.length >= 2 && fitsOpenCell(open, segments[0], segments[1])) {
      segments.splice(0, 2, `${segments[0]} ${segments[1]}`);
    }
    segments.forEach((segment, k) => {
      let cell: Extract<Item, { kind: 'cell' }>;
      if (open && !interrupted && k === 0) {
        // The open cell goes on on this line.
        cell = open;
        cell.text += `\n${segment}`;
        cell.lines.push(line.index);
        cell.widths.push(width(segment));
        // A value is short: a long cell is text (and is not rescanned per line).
        cell.value = cell.text.length <= MAX_VALUE_LENGTH && isValueToken(cell.text.replace(/\s+/gu, ''));
      } else {
        // An open cell an ordinal interrupted stays open (`open: true`): its
        // tail may come after the row's targets.
        cell = { kind: 'cell', text: segment, value: segment === '' || isValueToken(segment), lines: [line.index], open: true, widths: [width(segment)] };
        const previous = items[items.length - 1];
        if (previous && previous.kind === 'cell' && previous.value && previous.text !== '' && UNIT_ONLY.test(segment) && !/\p{Script=Han}|%/u.test(previous.text.slice(-1))) {
          // `1586 ` / `公里 `: a unit (or note) printed apart from its number.
          previous.text += segment;
          previous.lines.push(line.index);
          cell = previous;
        } else if (previous && previous.kind === 'cell' && OPERATOR.test(previous.text) && isValueToken(segment)) {
          // `< ` / `10分鐘 `: a comparison sign printed on a line of its own.
          previous.text += segment;
          previous.value = true;
          previous.lines.push(line.index);
          previous.widths.push(width(segment));
          cell = previous;
        } else items.push(cell);
        interrupted = false;
      }
      if (k < segments.length - 1 || closesAtEnd) {
        cell.open = false;
        open = null;
      } else open = cell;
    });
  }
  return items;
}

/**
 * A line that ends an open cell and then holds a second word that still fits
 * in the cell's width is one cell written with a space (after a full-width
 * bracket), not two cells:
 *
 *   > | 綜合協調、災害防
 *   > | 救」 三合一會報␠       (2 + 5 characters ≤ the cell's 8)
 *       ^^^^^^^^^^^^^^^
 *   > | 劃及推動 嘉義市旅館住宿人數␠   (4 + 9 > 5: two cells)
 */
function fitsOpenCell(open: Extract<Item, { kind: 'cell' }>, first: string, second: string): boolean {
  if (open.widths.length < 2 || open.value || second === '' || isValueToken(second.replace(/\s+/gu, ''))) return false;
  return width(first) + width(second) + 1 <= Math.max(...open.widths);
}

function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

const MAX_VALUE_LENGTH = 24;

const UNIT_ONLY = new RegExp(`^(?:${UNITS}|[(（][^()（）]{1,8}[)）])$`, 'u');

/** Display width of a segment in full-width characters, spaces left out (ASCII counts half: `(地方型SBIR)` is 6). */
function width(segment: string): number {
  // Char codes, not a regex per character: this runs on every segment of every table line.
  let w = 0;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (isSpaceCode(code)) continue;
    // A surrogate pair is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < segment.length) {
      const low = segment.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    w += code < 0x80 ? 0.5 : 1;
  }
  return w;
}

function cjkValue(text: string): number {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const chars = [...text];
  const ten = chars.indexOf('十');
  if (ten === -1) return digits[chars[0]] ?? 0;
  return (ten === 0 ? 1 : digits[chars[0]]) * 10 + (chars[ten + 1] ? digits[chars[ten + 1]] : 0);
}

/** A cell's text joined over its lines and normalized. */
export function cellText(text: string): string {
  return normalizeText(text);
}
