/**
 * Target values wrapped in a narrow column (reading-order text, `pdftotext
 * -raw`): the extractor writes each printed line of a cell on a line of its
 * own and puts pieces that share a baseline on one line with a space, so a
 * row's run of targets comes out as more pieces than there are years:
 *
 *   > | 1 人行環境鋪面改善 改善面積(m2) 0 2,00
 *                                       ^ ^^^^ 108, and 109's first line
 *   > | 0
 *   > | 1,00
 *   > | 0
 *   > | 100
 *
 * The run is cut back to one value per year by joining a piece to the one
 * printed on the line before it: first where the join is certain (the first
 * piece is no whole value, `36.` / `2,00`; the second no value at all,
 * `萬` / `人次`), then, while the run still has more pieces than years left,
 * wherever the two pieces make one value (`10` / `0%`).  Shared by the
 * reading-order and the flattened readers; a table whose lines mark cell
 * ends with a trailing space (the flattened seeds' converter) is left alone.
 */
import type { Line } from '../types.js';
import { isValueToken } from './flattened-cells.js';

interface Piece {
  text: string;
  /** Index in the body of the line the piece starts on. */
  line: number;
  /** The piece starts its line (a newline, not a space, stands before it). */
  lineStart: boolean;
}

//   > | 2,00      36.      45,0
//       ^^^^      ^^^      ^^^^ a number cut inside a thousands group or after its point
const CUT_NUMBER = /(?:,[0-9]{0,2}|\.)$/u;

/** Can `second`, printed on the line after `first`, go on with it in one value? */
function joinable(first: string, second: string): boolean {
  if (first.length + second.length > 24) return false;
  if (!isTarget(first + second) && !openNote(first + second)) return false;
  // A unit or percent ends a number: `150萬` / `153` are two values.
  // (`1萬` / `6千` is one: `1萬6千件`.)
  if (/[0-9]$/u.test(second.slice(0, 1)) && /[^0-9,.≧≦≥≤<>＜＞]$/u.test(first) && !(/萬$/u.test(first) && /^[0-9,]+千/u.test(second))) return false;
  // Thousands groups stay whole: `2,000` / `1,00` are two values.
  const joined = first + second;
  return !joined.includes(',') || WHOLE_GROUPS.test(joined);
}

//   > | 2,000     36,000.5      (not `2,0001,00`)
const WHOLE_GROUPS = /^[^0-9]*[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?[^0-9,]*$/u;

/** A join no reading of the two pieces as two values allows. */
function certainJoin(first: string, second: string): boolean {
  return !isTarget(first) || CUT_NUMBER.test(first) || !isTarget(second);
}

//   > | 45,000人次(因疫情影響)     5MW(累積)
//       ^^^^^^^^^^ ^^^^^^^^^^^^     a value and a note on it
const NOTED = /^([^(（]{1,16})[(（][^()（）]{1,12}[)）]$/u;
//   > | 5MW(累                     (the note goes on on the next line)
const OPEN_NOTE = /^([^(（]{1,16})[(（][^()（）]{0,12}$/u;
//   > | 12M                        (a number whose unit goes on: `W(累積)`)
//       ^^^
const VALUE_START = /^[≧≦≥≤<>＜＞]?[0-9][0-9,.]*[^\s0-9,.]{0,2}$/u;

/** A target value, with a note after it or not. */
export function isTarget(text: string): boolean {
  if (isValueToken(text)) return true;
  const noted = NOTED.exec(text);
  return noted !== null && isValueToken(noted[1]);
}

function openNote(text: string): boolean {
  const open = OPEN_NOTE.exec(text);
  return open !== null && isValueToken(open[1]);
}

/** Words of a line (split at spaces). */
function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/u);
}

//   > | 監測數據 19 日 8 日 15 日 10 日      (Writer sets a number apart from its unit)
//                 ^
const BARE_NUMBER = /^[≧≦≥≤<>＜＞]?[0-9][0-9,.]*$/u;
const UNIT_WORD = /^\p{Script=Han}{1,2}$/u;

/** A line's words, a unit set apart from its number joined to it (`19 日` → `19日`, `881 公` at the end → `881公`). */
function valueWords(text: string): { words: string[]; merged: boolean } {
  const list = words(text);
  const out: string[] = [];
  let merged = false;
  for (let w = 0; w < list.length; w++) {
    const next = list[w + 1];
    if (next !== undefined && BARE_NUMBER.test(list[w]) && UNIT_WORD.test(next)) {
      const joined = list[w] + next;
      if (isValueToken(joined) || (w + 2 === list.length && VALUE_START.test(joined))) {
        out.push(joined);
        merged = true;
        w++;
        continue;
      }
    }
    out.push(list[w]);
  }
  return { words: out, merged };
}

//   > | 2
//   > | 雨水下水道興建工程     (a lone number before a text line: the next row's ordinal)
//       ^
const LONE_ORDINAL = /^[1-9][0-9]?$/u;

export function joinWrappedValues(body: Line[], years: number): Line[] {
  if (years < 1) return body;
  const out: Line[] = [];
  for (let k = 0; k < body.length; ) {
    const run = valueRun(body, k, years);
    if (!run) {
      out.push(body[k]);
      k++;
      continue;
    }
    // The run's first piece ends the text line before it.
    if (run.carry) out[out.length - 1] = { ...out[out.length - 1], text: `${out[out.length - 1].text.trimEnd()}${run.carry}` };
    for (const line of run.lines) out.push(line);
    k = run.end;
  }
  return out;
}

/**
 * The run of target pieces starting at line `k` (its trailing values, then
 * lines of value pieces only), rewritten with its wrapped values joined;
 * null when line `k` ends in no value.
 */
function valueRun(body: readonly Line[], k: number, years: number): { lines: Line[]; end: number; carry?: string } | null {
  const head = valueWords(body[k].text);
  const first = head.words;
  let merged = head.merged;
  let tail = first.length;
  while (tail > 0 && (isTarget(first[tail - 1]) || (tail === first.length && VALUE_START.test(first[tail - 1])))) tail--;
  if (tail === first.length) return null;
  const pieces: Piece[] = [];
  for (let w = tail; w < first.length; w++) pieces.push({ text: first[w], line: k, lineStart: w === 0 });
  let end = k + 1;
  /** The last value as far as it is read (its pieces joined). */
  let chain = pieces[pieces.length - 1].text;
  // Lines of value pieces (a piece that is no value must go on from the one before: `萬`).
  while (end < body.length && end - k <= 4 * years) {
    const line = valueWords(body[end].text);
    const parts = line.words;
    if (parts.length === 0) break;
    let previous = chain;
    let ok = true;
    for (let w = 0; w < parts.length && ok; w++) {
      const goesOn = w === 0 && joinable(previous, parts[w]);
      ok = goesOn || isTarget(parts[w]) || VALUE_START.test(parts[w]) || LONE_SIGN.test(parts[w]);
      previous = goesOn ? previous + parts[w] : parts[w];
    }
    if (!ok) break;
    for (let w = 0; w < parts.length; w++) pieces.push({ text: parts[w], line: end, lineStart: w === 0 });
    chain = previous;
    merged ||= line.merged;
    end++;
  }
  // A lone number before a text line is the next row's ordinal, not a piece.
  const last = pieces[pieces.length - 1];
  if (end < body.length && end - 1 > k && LONE_ORDINAL.test(last.text) && last.lineStart && pieces.length - 1 >= years && words(body[end - 1].text).length === 1) {
    pieces.pop();
    end--;
  }
  const unchanged = { lines: body.slice(k, end), end };
  // A unit joined back only in a run of targets (a text cell's `1 場次` stays).
  if (pieces.length < 2) merged = false;
  const signed = placeSigns(pieces);
  if (pieces.length <= years && !signed && !merged) return unchanged;
  let { values, used: i } = groupValues(pieces, years);
  let carry = '';
  /** Lines kept as they are before the row's targets (a value that ends the text cell). */
  let kept = k;
  //   > | 申請展覽次數/12×10
  //   > | 0%                 (the measure's last piece: `×100%`)
  //       ^^
  //   > | 10
  //   > | 0%  …              (then the four targets, `100%` each)
  //   > | （當年所得扣繳件數 /預估當年所得扣繳件數）×
  //   > | 10
  //   > | 0%                 (`100%` wrapped in the measure's column: its end)
  // Pieces left over, but none without the first value, and that value goes
  // on from the text line before (a number cut there, or one wrapped after `×`): it ends that text.
  const before = k > 0 ? body[k - 1].text.trim() : '';
  //   > | 平均每月電話進線數≧12
  //   > | 00                 (no value starts `00`: the measure's `≧1200`)
  //       ^^
  const zeroLed = /^0[0-9]/u.test(pieces[0].text) && /[0-9]$/u.test(before);
  const own = zeroLed ? 1 : values[0].length;
  if ((i < pieces.length || zeroLed) && tail === 0 && /\p{Script=Han}/u.test(before) && /[0-9,.×xX÷*/]$/u.test(before)) {
    const shifted = groupValues(pieces.slice(own), years);
    // After a sign, only in a run that wraps (else the text's own reader joins a whole value).
    const wraps = /[0-9,.]$/u.test(before) || own > 1 || shifted.values.some((value) => value.length > 1);
    if (wraps && shifted.used === pieces.length - own && shifted.values.length === years) {
      carry = values[0].slice(0, own).map((piece) => piece.text).join('');
      values = shifted.values;
      i = pieces.length;
    }
  }
  //   > | 關資源達 1,000
  //   > | 人次               (the measure's end: `…達1,000人次`)
  //       ^^
  //   > | 100% 100% 100% 100%
  // Pieces left over, but none without the first value: it ends the text cell.
  if (i < pieces.length && carry === '' && tail > 0 && (own === pieces.length || pieces[own].lineStart)) {
    const shifted = groupValues(pieces.slice(own), years);
    if (shifted.used === pieces.length - own && shifted.values.length === years) {
      kept = pieces[own - 1].line + 1;
      values = shifted.values;
      i = pieces.length;
    }
  }
  if (!signed && !merged && carry === '' && kept === k && values.every((value) => value.length === 1)) return unchanged;
  // The cell readers take a value without a note only: a run with a noted value is left as printed.
  if (values.some((value) => !isValueToken(value.map((piece) => piece.text).join('')))) return unchanged;
  // Rewrite: the row's targets on one line (after the first line's text, as
  // a row that wraps nothing prints them); pieces after them stay on their lines.
  const lines: Line[] = body.slice(k, kept);
  lines.push({ ...body[values[0][0].line], text: [...(kept === k ? first.slice(0, tail) : []), ...values.map((value) => value.map((piece) => piece.text).join(''))].join(' ') });
  const rest = new Map<number, string[]>();
  for (let r = i; r < pieces.length; r++) {
    const line = pieces[r].line;
    if (!rest.has(line)) rest.set(line, []);
    rest.get(line)!.push(pieces[r].text);
  }
  for (const [line, texts] of rest) lines.push({ ...body[line], text: texts.join(' ') });
  return { lines, end, carry };
}

//   > | 參與總人次 - - 1000
//   > | ≧ 1000
//   > | ≧            (Writer sets `≧` on a baseline of its own: printed after the numbers)
//       ^
const LONE_SIGN = /^[≧≦≥≤<>＜＞]$/u;

/**
 * Comparison signs printed apart, after the numbers they stand before: as
 * many signs as numbers without one go to them in order (else the run is
 * left as it is).  Returns whether it placed any.
 */
function placeSigns(pieces: Piece[]): boolean {
  let signs = 0;
  let numbers = 0;
  for (const piece of pieces) {
    if (LONE_SIGN.test(piece.text)) signs++;
    else if (/^[0-9]/u.test(piece.text)) numbers++;
  }
  if (signs === 0 || signs !== numbers) return false;
  // The sign goes after the number already when it stands right before it (`≧` / `1000`).
  for (let p = 0; p + 1 < pieces.length; p++) if (LONE_SIGN.test(pieces[p].text) && /^[0-9]/u.test(pieces[p + 1].text) && pieces[p + 1].lineStart) return false;
  const order = pieces.filter((piece) => LONE_SIGN.test(piece.text)).map((piece) => piece.text);
  let n = 0;
  for (const piece of pieces) if (/^[0-9]/u.test(piece.text)) piece.text = order[n++] + piece.text;
  for (let p = pieces.length - 1; p >= 0; p--) if (LONE_SIGN.test(pieces[p].text)) pieces.splice(p, 1);
  return true;
}

/**
 * Pieces to `years` values, left to right: a piece printed on the next line
 * joins the value before it when the join is certain, or while more pieces
 * are left than values to fill.
 */
function groupValues(pieces: readonly Piece[], years: number): { values: Piece[][]; used: number } {
  const values: Piece[][] = [];
  let i = 0;
  while (i < pieces.length && values.length < years) {
    const value = [pieces[i++]];
    while (i < pieces.length && pieces[i].lineStart) {
      const text = value.map((piece) => piece.text).join('');
      if (!joinable(text, pieces[i].text)) break;
      const slotsLeft = years - values.length - 1;
      if (!certainJoin(text, pieces[i].text) && pieces.length - i <= slotsLeft) break;
      value.push(pieces[i++]);
    }
    values.push(value);
  }
  return { values, used: i };
}
