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
 * Converters that write no trailing spaces lose that cue; when no line of the
 * table ends with a space, `inferCellEnds` decides where cells end from the
 * ordinals, the value runs, sentence ends and the columns' line widths.
 *
 * This module turns lines into a stream of items: strategy ordinals (`一`),
 * indicator ordinals (`1`), and cells (text or value), each knowing whether
 * it was closed or left open when an ordinal interrupted it.
 */
import { lineTableOf } from '../line-table.js';
import { isSpaceCode, normalizeText } from '../normalize/text.js';
import type { Line } from '../types.js';
import { maxOf, minOf } from '../arrays.js';

export type Item =
  | { kind: 'strategy-ordinal'; value: number; text: string; line: number }
  /** `weak`: a lone number the line stage took for a page number; dropped unless it continues the indicator sequence. */
  | { kind: 'indicator-ordinal'; value: number; text: string; line: number; weak?: boolean }
  | { kind: 'cell'; text: string; value: boolean; lines: number[]; open: boolean; widths: number[] };

const CJK_NUMERAL = /^[一二三四五六七八九十]{1,3}$/u;
const ARABIC_ORDINAL = /^[0-9]{1,2}$/;
const HAN = /\p{Script=Han}/u;
const CJK_PUNCT = /[\p{Script=Han}，、。；：「」『』（）]/u;
//   > | 2 防縱火宣導普及率 「(本年宣導人次-去年宣
//                         ^ a cell that opens with a bracket and goes on in Han text
const OPENS_CELL = /^[「『][(（]?\p{Script=Han}/u;
const UNITS =
  'MW|KW|kW|m2|公噸|萬筆|臺|場次|人次|梯次|小時|分鐘|公尺|公里|公頃|萬元|億元|千元|元|場|次|件|人|處|項|家|戶|案|個|所|班|隊|則|本|篇|座|條|台|輛|棟|期|筆|間|區|校|團|份|張|天|日|週|月|年|支|組|位|輪|株|棵|噸|套|部|門|種|類|冊|面|隻|床|名|對|群|村|里|堂';
// One target value as the PDF prints it:
//
//   > | 500   98%   10件   ≧1200   3,800   7/31   --   2件以上   <10分鐘   1萬6千件
//       ^^^   ^^^   ^^^^   ^^^^^   ^^^^^   ^^^^   ^^   ^^^^^^^   ^^^^^^^   ^^^^^^^^
const VALUE = new RegExp(
  `^(?:[≧≦≥≤<>＜＞]?[0-9][0-9,]*(?:\\.[0-9]+)?(?:萬[0-9,]*千?)?(?:%|％|﹪|${UNITS})?(?:以上|以下|以內)?|(?:1[0-2]|0?[1-9])\\/(?:3[01]|[12][0-9]|0?[1-9])|[-–—－]{1,2})$`,
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
      (CJK_PUNCT.test(a[a.length - 1]) && (HAN.test(b[0]) || OPENS_CELL.test(b)) && !singleHan(a) && !singleHan(b));
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
export function readItems(
  lines: readonly Line[],
  shape: { textColumns: number; years: number } = { textColumns: 2, years: 4 },
  context: readonly Line[] = lines,
  knownEnds?: ReadonlySet<number>,
): Item[] {
  const items: Item[] = [];
  // Without trailing spaces in the table, where cells end is inferred.
  const inferred = marksCellEnds(lines) ? null : inferCellEnds(lines, shape.textColumns, shape.years, context, knownEnds);
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
    const closesAtEnd = inferred ? inferred[index] : /\s$/u.test(line.text);
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
  return width(first) + width(second) + 1 <= maxOf(open.widths);
}

function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

const MAX_VALUE_LENGTH = 24;

const UNIT_ONLY = new RegExp(`^(?:${UNITS}|[(（][^()（）]{1,8}[)）])$`, 'u');

/** Display width of a segment in full-width characters, spaces left out (ASCII counts half: `(地方型SBIR)` is 6). */
export function width(segment: string): number {
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

// ---------------------------------------------------------------------------
// Cell ends without the trailing-space cue

/** Some line of the table ends with a space: the converter marks cell ends (`readItems` then trusts them). */
export function marksCellEnds(lines: readonly Line[]): boolean {
  for (const line of lines) {
    if (line.role !== 'content') continue;
    const text = line.text;
    if (text.length > 0 && isSpaceCode(text.charCodeAt(text.length - 1)) && !isBlankText(text)) return true;
  }
  return false;
}

function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** What `inferCellEnds` knows about one non-empty body line. */
interface LineFacts {
  /** Index in the body. */
  k: number;
  ordinal: 'strategy' | 'indicator' | null;
  /** The line starts with an ordinal followed by its text (`1 辦理市民集團結婚 …`). */
  leadOrdinal: boolean;
  segments: string[];
  /** Value tokens at the end of the line. */
  trailingValues: number;
  allValues: boolean;
  firstIsValue: boolean;
  firstToken: string;
  lastToken: string;
  /** Width of the line's first cell (values split off). */
  firstWidth: number;
  /** Widths of the line's text cells (values split off). */
  textWidths: number[];
  /** The line starts with a strategy ordinal and its text (`二 落實欠稅案件`). */
  leadStrategy: boolean;
  /** The line's text cells (values split off). */
  texts: string[];
}

//   > | 一␠          1␠          1 辦理市民集團結婚 …          二 落實欠稅案件
//       ^            ^           ^                            ^
const LEAD_INDICATOR = /^[0-9]{1,2}\s+(?=\p{Script=Han}{2})/u;
//   > | …動，帶動觀光，      設置。      及活動。
//                                ^            ^
const SENTENCE_END = /[。！？!?]$/u;
//   > | 色 宗 教 節 慶 活      區 之 設 施 維
//       ^^^^^^^^^^^^^^^^^ a justified line: spread over the whole column width
function isJustified(segment: string): boolean {
  const parts = segment.split(' ');
  if (parts.length < 3) return false;
  let singles = 0;
  for (const part of parts) if ([...part].length === 1) singles++;
  return singles >= parts.length - 1;
}

/**
 * Where cells end when the converter writes no trailing space (no line of
 * the table ends with one).  Returns, for every body line, whether its last
 * cell ends on it.  The cues that every converter keeps:
 *
 * - an ordinal (`一`, `1`, `1 辦理…`) on the next line starts a new row;
 * - a run of values at the end of a line ends the row's targets;
 * - a sentence end (`。`) ends a cell;
 * - a justified line (`色 宗 教 節 慶 活`) fills its column: the cell goes on;
 * - a wrapped cell's lines are as wide as its column, and its last line is no
 *   wider: a next line wider than this one starts another cell, and a line
 *   much narrower than its column's usual width ends its cell:
 *
 *   > | 原住民歲時
 *   > | 祭儀及客家
 *   > | 節慶活動廣
 *   > | 為宣傳                 (3 for a column 5 wide: the cell ends)
 *          ^
 *   > | 提高市民參加原住民歲
 *
 * Columns are followed through the row (strategy, indicator, measure, …,
 * targets) and each column's width is the widest line seen in it so far.
 * `context` (the whole document's lines) tells which characters are written
 * together (`rowCost`, `pairCounts`).  `knownEnds` holds the indexes of lines
 * the extractor itself ended a cell on (the last line of a MuPDF text block).
 */
export function inferCellEnds(
  lines: readonly Line[],
  textColumns: number,
  years: number,
  context: readonly Line[] = lines,
  knownEnds?: ReadonlySet<number>,
): boolean[] {
  const ends = new Array<boolean>(lines.length).fill(true);
  const glue = pairCounts(context);
  const facts: LineFacts[] = [];
  let lastStrategy = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const text = line.text.trim();
    if (text === '') continue;
    if (line.role === 'page-number') {
      if (ARABIC_ORDINAL.test(text)) facts.push({ k, ordinal: 'indicator', leadOrdinal: false, segments: [], trailingValues: 0, allValues: false, firstIsValue: false, firstToken: '', lastToken: '', firstWidth: 0, textWidths: [], leadStrategy: false, texts: [] });
      continue;
    }
    if (line.role !== 'content') continue;
    if (CJK_NUMERAL.test(text)) {
      lastStrategy = Math.max(lastStrategy, cjkValue(text));
      facts.push({ k, ordinal: 'strategy', leadOrdinal: false, segments: [], trailingValues: 0, allValues: false, firstIsValue: false, firstToken: '', lastToken: '', firstWidth: 0, textWidths: [], leadStrategy: false, texts: [] });
      continue;
    }
    if (ARABIC_ORDINAL.test(text)) {
      facts.push({ k, ordinal: 'indicator', leadOrdinal: false, segments: [], trailingValues: 0, allValues: false, firstIsValue: false, firstToken: '', lastToken: '', firstWidth: 0, textWidths: [], leadStrategy: false, texts: [] });
      continue;
    }
    let rest = text;
    let leadOrdinal = false;
    let startsStrategy = false;
    const leadStrategy = LEAD_STRATEGY.exec(rest);
    if (leadStrategy && cjkValue(leadStrategy[1]) === lastStrategy + 1 && countHan(rest.slice(leadStrategy[0].length)) >= 2) {
      lastStrategy++;
      leadOrdinal = true;
      startsStrategy = true;
      rest = rest.slice(leadStrategy[0].length);
    }
    const lead = LEAD_INDICATOR.exec(rest);
    if (lead) {
      leadOrdinal = true;
      rest = rest.slice(lead[0].length);
    }
    const list = tokens(rest);
    let trailingValues = 0;
    while (trailingValues < list.length && isValueToken(list[list.length - 1 - trailingValues].text)) trailingValues++;
    facts.push({
      k,
      ordinal: null,
      leadOrdinal,
      segments: splitSegments(rest, false),
      trailingValues,
      allValues: trailingValues === list.length,
      firstIsValue: list.length > 0 && isValueToken(list[0].text),
      firstToken: list.length > 0 ? list[0].text : '',
      lastToken: list.length > 0 ? list[list.length - 1].text : '',
      firstWidth: width(splitSegments(rest, trailingValues > 0)[0] ?? ''),
      textWidths: textCellWidths(rest, trailingValues),
      leadStrategy: startsStrategy,
      texts: textCells(rest, trailingValues),
    });
  }
  // Widths of the lines that went on (full lines) in each column, and the
  // widest line of the cell left open.
  const full: number[][] = [];
  const targetsColumn = textColumns + 1;
  // Column a new cell starts in (0 strategy, 1… text columns, then the
  // targets), and the column of the cell left open on the line before (-1: none).
  let nextColumn = 1;
  let openColumn = -1;
  let cellMax = 0;
  let cellFirst = '';
  // The row being read since its ordinal: its text lines must hold its text cells.
  let row: RowLines | null = null;
  for (let f = 0; f < facts.length; f++) {
    const fact = facts[f];
    const next = facts[f + 1];
    if (fact.ordinal) {
      nextColumn = fact.ordinal === 'strategy' ? 0 : 1;
      openColumn = -1;
      row = { first: nextColumn, need: textColumns + 1 - nextColumn, lines: [] };
      continue;
    }
    if (fact.leadOrdinal) {
      nextColumn = fact.leadStrategy ? 0 : 1;
      openColumn = -1;
      row = { first: nextColumn, need: textColumns + 1 - nextColumn, lines: [] };
    }
    const segments = fact.segments;
    const last = segments[segments.length - 1] ?? '';
    if (next && next.ordinal === null && !next.leadOrdinal && wrapsValue(fact.lastToken, next.firstToken)) {
      // `≧100` / `臺`, `10案以` / `上`: a value wrapped onto the next line.
      ends[fact.k] = false;
      if (row && startsWrappedTargets(fact, next)) completeRow(row, ends, full, glue);
      row = null;
      openColumn = targetsColumn;
      cellMax = 0;
      continue;
    }
    if (fact.trailingValues > 0 && (fact.allValues || fact.trailingValues >= years || !next || next.ordinal !== null || next.leadOrdinal || next.firstIsValue)) {
      // Targets: the row ends with a whole run, else more targets follow.
      ends[fact.k] = true;
      if (row && fact.textWidths.length > 0) row.lines.push({ k: fact.k, widths: fact.textWidths, texts: fact.texts, fixed: true });
      if (row) completeRow(row, ends, full, glue);
      row = null;
      openColumn = -1;
      nextColumn = fact.trailingValues >= years || !fact.allValues || !next || !next.firstIsValue ? 1 : targetsColumn;
      // A row without an ordinal may follow (the indicator's next measure, or
      // the next indicator of the same number): its text lines are read as a row.
      if (nextColumn === 1 && next && next.ordinal === null && !next.leadOrdinal && !next.firstIsValue) row = { first: 1, need: textColumns, lines: [] };
      continue;
    }
    const first = openColumn >= 0 ? openColumn : nextColumn;
    const col = Math.min(targetsColumn, first + segments.length - 1);
    if (openColumn < 0 || segments.length > 1) {
      cellMax = 0;
      cellFirst = last;
    }
    const w = width(last);
    let closed: boolean;
    // Certain ends: the next row, a sentence, the row's targets next.
    const hard =
      !next ||
      (knownEnds?.has(lines[fact.k].index) ?? false) ||
      next.ordinal !== null ||
      next.leadOrdinal ||
      SENTENCE_END.test(last) ||
      (next.trailingValues >= years && (next.allValues || col < textColumns)) ||
      // `識之設備數量` / `≧30臺 ≧30臺`: a line of two or more values holds targets.
      (next.allValues && next.trailingValues >= 2 && col < targetsColumn) ||
      // `實際完成數據` / `1570公` / `里`: the row's first target, wrapped.
      (facts[f + 2] !== undefined && facts[f + 2].ordinal === null && startsWrappedTargets(next, facts[f + 2]));
    if (hard) closed = true;
    else if (col === targetsColumn && next.segments[0] === cellFirst && cellMax > 0) closed = true;
    else if (isJustified(last)) closed = false;
    else {
      const nextWidth = next.firstWidth;
      const usual = median(full[col]);
      if (nextWidth > w + 1) closed = true;
      else if (cellMax > 0) closed = w < cellMax - 1;
      else if (usual > 0) closed = w < usual - 1;
      else closed = false;
    }
    if (!closed) {
      // The column's usual width over its last full lines (a bounded window: linear time).
      const seen = (full[col] ??= []);
      seen.push(w);
      if (seen.length > WIDTH_WINDOW) seen.shift();
    }
    ends[fact.k] = closed;
    if (row) row.lines.push({ k: fact.k, widths: segments.map(width), texts: segments, fixed: hard || isJustified(last) });
    openColumn = closed ? -1 : col;
    nextColumn = closed ? Math.min(targetsColumn, col + 1) : nextColumn;
    cellMax = closed ? 0 : Math.max(cellMax, w);
  }
  if (knownEnds) for (let k = 0; k < lines.length; k++) if (knownEnds.has(lines[k].index)) ends[k] = true;
  return ends;
}

/**
 * A line that is one value's first part (`1570公` / `里`), the text before
 * it done: the row's targets start there, so the text cell before ends.
 *
 *   > | 實際完成數據
 *   > | 1570公
 *       ^^^^^^ (with `里` on the next line: `1570公里`, the first target)
 *   > | 里
 */
function startsWrappedTargets(fact: LineFacts, next: LineFacts): boolean {
  return !fact.leadOrdinal && fact.segments.length === 1 && fact.firstToken === fact.lastToken && /^[≧≦≥≤<>＜＞‹›]?[0-9]|^[≧≦≥≤<>＜＞‹›]$/u.test(fact.firstToken) && !next.leadOrdinal && wrapsValue(fact.lastToken, next.firstToken);
}

/** Full lines per column that the usual width is taken over. */
const WIDTH_WINDOW = 32;

/**
 * The last word of a line and the first word of the next make one value:
 * a value wrapped over two lines (the second part is no number of its own).
 *
 *   > | ≧100          ≧             10案以
 *   > | 臺            2,000         上
 *       ^             ^^^^^         ^
 */
function wrapsValue(last: string, next: string): boolean {
  if (last === '' || next === '') return false;
  if (OPERATOR.test(last)) return isValueToken(last + next);
  if (!/^[≧≦≥≤<>＜＞]?[0-9]/u.test(last) || /^[0-9≧≦≥≤<>＜＞\-–—－]/u.test(next)) return false;
  return isValueToken(last + next);
}

function median(values: readonly number[] | undefined): number {
  if (!values || values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Widths of a line's text cells, the trailing run of `values` value tokens left out. */
function textCellWidths(rest: string, values: number): number[] {
  return textCells(rest, values).map(width);
}

/** A line's text cells, the trailing run of `values` value tokens left out. */
function textCells(rest: string, values: number): string[] {
  if (values === 0) return splitSegments(rest, false);
  const segments = splitSegments(rest, true).filter((segment) => segment !== '');
  return segments.slice(0, Math.max(0, segments.length - values));
}

/** The text lines of one row, from its ordinal to its targets. */
interface RowLines {
  /** Column of the row's first cell (0: the strategy cell is in the row). */
  first: number;
  /** Text cells the row must have. */
  need: number;
  /** Each line's text cell widths; `fixed`: the line's end is certain (or already a cell end). */
  lines: Array<{ k: number; widths: number[]; texts: string[]; fixed: boolean }>;
}

/**
 * A row read from its ordinal to its targets has all its text cells: when
 * the widths left two cells joined (a one-line indicator as wide as its
 * column, then the measure), end cells at the open lines where the split
 * fits the columns' usual widths best.
 *
 *   > | 1
 *   > | 增加公立幼兒園班級數       (10: the indicator column's width)
 *   > | 實際增班數/國             (the measure starts: the row needs it)
 *       ^
 *   > | 教署核定增班數
 *   > | ×100% / 80% 80% 80% 80%
 */
function completeRow(row: RowLines, ends: boolean[], full: readonly number[][], glue: ReadonlyMap<string, number>): void {
  // Open line ends that may end a cell, and the cells the certain ends make.
  const free: number[] = [];
  let cells = 0;
  row.lines.forEach((line, n) => {
    cells += line.widths.length;
    if (n === row.lines.length - 1) return;
    if (!line.fixed) free.push(line.k);
    else if (!ends[line.k]) cells--;
  });
  cells -= free.length;
  const choose = row.need - cells;
  if (choose < 0 || choose > free.length || free.length > MAX_FREE_ENDS) return;
  const saved = free.map((k) => ends[k]);
  // Every way to end `choose` cells at the free ends (at most C(12, 6) = 924).
  const options: Array<{ picked: number[]; cost: number }> = [];
  const picked: number[] = [];
  const visit = (from: number) => {
    if (picked.length === choose) {
      for (const k of free) ends[k] = false;
      for (const p of picked) ends[free[p]] = true;
      options.push({ picked: [...picked], cost: rowCost(row, ends, full, glue) });
      return;
    }
    for (let p = from; p <= free.length - (choose - picked.length); p++) {
      picked.push(p);
      visit(p + 1);
      picked.pop();
    }
  };
  visit(0);
  free.forEach((k, i) => (ends[k] = saved[i]));
  if (options.length === 0) return;
  // Ties go to the earliest ends: a text cell's last line is often as
  // narrow as the next column's first, which a later end would take.
  const least = minOf(options.map((o) => o.cost));
  const best = options.find((o) => o.cost <= least + TIE)!;
  for (const k of free) ends[k] = false;
  for (const p of best.picked) ends[free[p]] = true;
}

/** Rows with more open line ends than this keep the line-by-line reading. */
const MAX_FREE_ENDS = 12;

/** Cost difference (in characters of width) within which the earlier cell ends are taken (0: exact ties only; 0.5 and 1 measured worse on seed 002 without trailing spaces). */
const TIE = 0;

const PAIRS = new WeakMap<readonly Line[], Map<string, number>>();

/**
 * What a choice of cell ends costs: lines narrower than their cell's widest
 * (a wrapped cell's lines fill its column), cells wider or narrower than
 * their column's usual width, and cells that do not read as cells: brackets
 * left open, a word split at the cell end (`pairCounts`), a formula outside
 * the measure column:
 *
 *   > | 增加公立幼兒園班級數
 *   > | 實際增班數/國          (a formula: the measure, not the indicator's end)
 *            ^
 */
function rowCost(row: RowLines, ends: readonly boolean[], full: readonly number[][], glue: ReadonlyMap<string, number>): number {
  let cost = 0;
  let column = row.first;
  let cell: number[] = [];
  let text = '';
  const close = () => {
    if (cell.length === 0) return;
    const usual = median(full[column]);
    const max = maxOf(cell);
    for (let i = 0; i < cell.length - 1; i++) cost += max - cell[i];
    if (usual > 0) cost += cell.length === 1 ? Math.max(0, max - usual) : Math.abs(max - usual);
    if (!balanced(text)) cost += UNBALANCED;
    if (column < row.first + row.need - 1 && FORMULA.test(text)) cost += FORMULA_ELSEWHERE;
    column++;
    cell = [];
    text = '';
  };
  row.lines.forEach((line, n) => {
    line.widths.forEach((w, s) => {
      if (s > 0) close();
      cell.push(w);
      text += line.texts[s] ?? '';
    });
    if (ends[line.k] && n < row.lines.length - 1) {
      const next = row.lines[n + 1].texts[0] ?? '';
      const last = line.texts[line.texts.length - 1] ?? '';
      if (last !== '' && next !== '') cost += Math.min(GLUE_MAX, glue.get(last.slice(-1) + next.slice(0, 1)) ?? 0) * GLUE;
    }
    if (ends[line.k] || n === row.lines.length - 1) close();
  });
  return cost;
}

/** Cost of a cell whose brackets do not close (`藍天日數(AQI≦` / `100)比率`). */
const UNBALANCED = 3;
/** Cost per time the two characters at a cell end are written together elsewhere (`投` / `入`: 投入), up to `GLUE_MAX` times. */
const GLUE = 1;
const GLUE_MAX = 3;
/** Cost of a formula in a text column before the last one (the measure is the last text column). */
const FORMULA_ELSEWHERE = 2;
//   > | 實際增班數/國     (預定進度)×100%     年度清查次數/12月x100%     鏡頭數*100%
//                ^                ^                    ^      ^^^^          ^^^^
const FORMULA = /[/／×]|[x*]\s*100/u;

const OPENERS = '(（［[「『﹝〔【';
const CLOSERS = ')）］]」』﹞〕】';

/** Brackets closed in the order opened: a cell split inside brackets leaves them unbalanced. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) {
      if (depth === 0) return false;
      depth--;
    }
  }
  return depth === 0;
}

/**
 * How often each pair of non-ASCII characters is written together (inside a
 * word, within a line) in the document: a cell end between two lines whose
 * characters the document writes together splits a word.
 *
 *   > | 提升本市中小企業投
 *   > | 入創新研發             (投入 is written together elsewhere: no cell end)
 *       ^
 *
 * Counted once per document (cached by its lines array): linear time.
 */
function pairCounts(lines: readonly Line[]): ReadonlyMap<string, number> {
  const cached = PAIRS.get(lines);
  if (cached) return cached;
  const counts = new Map<string, number>();
  PAIRS.set(lines, counts);
  // Through the line table: the lines array may hold only the document's objects.
  const table = lineTableOf(lines);
  for (let k = 0; k < table.length; k++) {
    const text = table.textOf(k);
    for (let i = 1; i < text.length; i++) {
      const a = text.charCodeAt(i - 1);
      const b = text.charCodeAt(i);
      if (isSpaceCode(a) || isSpaceCode(b) || a < 0x80 || b < 0x80) continue;
      const pair = text.slice(i - 1, i + 1);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}
