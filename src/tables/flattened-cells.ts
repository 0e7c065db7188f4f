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
import { normalizeText } from '../normalize/text.js';
import type { Line } from '../types.js';

export type Item =
  | { kind: 'strategy-ordinal'; value: number; text: string; line: number }
  | { kind: 'indicator-ordinal'; value: number; text: string; line: number }
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

interface Token {
  text: string;
  /** Spaces before the token on its line. */
  gap: number;
}

const OPERATOR = /^[≧≦≥≤<>＜＞]$/u;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /(\s*)(\S+)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const previous = out[out.length - 1];
    // `< 10分鐘`, `≧ 2,000萬筆`: a comparison sign belongs to the value after it.
    if (previous && OPERATOR.test(previous.text)) previous.text += m[2];
    else out.push({ text: m[2], gap: m[1].length });
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
export function splitSegments(text: string, closed = true): string[] {
  const list = tokens(text);
  if (list.length === 0) return [];
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

/** Turn the table's body lines into items (ordinals and cells). */
export function readItems(lines: readonly Line[]): Item[] {
  const items: Item[] = [];
  let open: Extract<Item, { kind: 'cell' }> | null = null;
  let interrupted = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const closesAtEnd = /\s$/u.test(line.text);
    //   > | 一␠          1␠          1 辦理市民集團結婚 參加對數 20 20 30 30␠
    //       ^ strategy   ^ indicator ^ indicator ordinal starting the line
    if (CJK_NUMERAL.test(text)) {
      items.push({ kind: 'strategy-ordinal', value: cjkValue(text), text, line: line.index });
      if (open) interrupted = true;
      continue;
    }
    if (ARABIC_ORDINAL.test(text)) {
      items.push({ kind: 'indicator-ordinal', value: Number(text), text, line: line.index });
      if (open) interrupted = true;
      continue;
    }
    let rest = text;
    const lead = /^([0-9]{1,2})\s+(?=\p{Script=Han}{2})/u.exec(text);
    if (lead) {
      items.push({ kind: 'indicator-ordinal', value: Number(lead[1]), text: lead[1], line: line.index });
      if (open) interrupted = true;
      rest = text.slice(lead[0].length);
    }
    const segments = splitSegments(rest, closesAtEnd);
    segments.forEach((segment, k) => {
      let cell: Extract<Item, { kind: 'cell' }>;
      if (open && !interrupted && k === 0) {
        // The open cell goes on on this line.
        cell = open;
        cell.text += `\n${segment}`;
        cell.lines.push(line.index);
        cell.widths.push(width(segment));
        cell.value = isValueToken(cell.text.replace(/\s+/gu, ''));
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

const UNIT_ONLY = new RegExp(`^(?:${UNITS}|[(（][^()（）]{1,8}[)）])$`, 'u');

/** Display width of a segment in characters, spaces left out. */
function width(segment: string): number {
  return [...segment.replace(/\s+/gu, '')].length;
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
