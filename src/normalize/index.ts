/**
 * Normalize stage: split the decoded text into lines, tell which export the
 * file came from, and mark page furniture (page numbers, running headers and
 * footers, tables of contents) so later stages skip it.  The text itself is
 * untouched: positions keep pointing into the decoded source.
 */
import { lineTableOf, splitLineTable, type LineTable } from '../line-table.js';
import type { Line, SourceFormat, SourceText } from '../types.js';
import { parseMarker } from '../markers.js';
import { isSpaceCode, stripSpaces } from './text.js';
import { markTableOfContents } from './toc.js';
import { markWebFurniture } from './web.js';

export { tocEntries, tocEntryText } from './toc.js';

export function normalize(text: string, options: NormalizeOptions = {}): SourceText {
  const table = splitLineTable(text);
  const lines = table.lines as Line[];
  const format = detectFormat(lines);
  // (A form feed in the text is one in a line: line breaks are not form feeds.)
  markPageNumbers(table, text.includes('\f'));
  markWebFurniture(lines);
  const diagnostics = markTableOfContents(lines);
  markRunningLines(table);
  // Every line an object, unless the caller builds them document by document.
  if (!options.linesByDocument) table.materialize(0, table.length);
  return { text, lines, format, diagnostics };
}

export interface NormalizeOptions {
  /**
   * Leave the lines array without line objects: the caller builds them over
   * each document as it parses it (`lineTableOf(lines).materialize`).
   */
  linesByDocument?: boolean;
}

/**
 * Which export the text came from:
 * - `markdown`: `#` headings, `- ` list items or HTML fragments (`<p>`, `<li>`);
 * - `word-text`: one table cell per line, written `\t<cell>`;
 * - `pdf-layout-text`: PDF text extracted with its layout (`pdftotext -layout`,
 *   MuPDF, pdfminer): cells set apart by runs of spaces, lines indented to
 *   their column;
 * - `pdf-text`: PDF text (trailing spaces from justification, page numbers);
 * - `text` otherwise.
 */
export function detectFormat(lines: readonly Line[]): SourceFormat {
  let headings = 0;
  let html = 0;
  let listItems = 0;
  let cellLines = 0;
  let trailing = 0;
  let gapped = 0;
  let indented = 0;
  let content = 0;
  const table = lineTableOf(lines);
  for (let i = 0; i < table.length; i++) {
    if (table.roleOf(i) === 'blank') continue;
    const text = table.textOf(i);
    content++;
    // Char-code tests where a regex would scan the whole line (this runs on every line).
    if (/^#{1,6}\s/.test(text)) headings++;
    if ((text.includes('<') && /<(?:p|li|ol|ul|br)\b/i.test(text)) || /^\s*(?:\|\s*)?:?-{3,}:?\s*\|/.test(text)) html++;
    if (isListItem(text)) listItems++;
    // `^\t[^\t]*$`: one leading tab and no other.
    if (text.charCodeAt(0) === 9 && text.indexOf('\t', 1) === -1) cellLines++;
    // `[ \u3000]$`
    const last = text.charCodeAt(text.length - 1);
    if (last === 32 || last === 0x3000) trailing++;
    if (hasCellGap(text)) gapped++;
    else if (text.startsWith('    ')) indented++;
  }
  if (content === 0) return 'text';
  if (headings > 0 || html > 0 || listItems >= 3) return 'markdown';
  if (cellLines >= 10 && cellLines / content > 0.2) return 'word-text';
  if (trailing / content <= 0.2 && gapped / content >= 0.05 && (gapped + indented) / content >= 0.25) return 'pdf-layout-text';
  if (trailing / content > 0.2) return 'pdf-text';
  return 'text';
}

/**
 * Text, three or more spaces, text: two cells of a space-aligned line.
 *
 *   > | 一   落實美感教育                      10   18
 *        ^^^             ^^^^^^^^^^^^^^^^^^^^^^  ^^^
 */
export function hasCellGap(text: string): boolean {
  let seenText = false;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 0x3000) {
      spaces++;
      continue;
    }
    if (code === 12) continue;
    if (seenText && spaces >= 3) return true;
    seenText = true;
    spaces = 0;
  }
  return false;
}

// A markdown list item starts with a marker or with prose, not with values
// (PDF tables put `-` for an empty target cell):
//
//   > | - 1、「戶籍資料異動跨機關通報服務」…     - 一、健全基層組織…
//       ^^                                     ^^
//   > | - - 78% 80%          (not a list item)
// (`^\s*[-*+]\s+(\S.*)$` read with char codes: as a `u` regex its `\s*`
// overflows V8's backtrack stack on a line of millions of spaces.)
function isListItem(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  const bullet = text.charCodeAt(i);
  if (bullet !== 45 && bullet !== 42 && bullet !== 43) return false;
  let start = i + 1;
  while (start < text.length && isSpaceCode(text.charCodeAt(start))) start++;
  if (start === i + 1 || start >= text.length || LINE_SEPARATOR.test(text)) return false;
  const item = text.slice(start);
  return parseMarker(item) !== null || /^[\p{Script=Han}「『(（]/u.test(item);
}

// `.` does not match these, so `(\S.*)$` fails on a line holding one.
const LINE_SEPARATOR = /[\u2028\u2029]/;

// A line that only holds a page number:
//
//   > | 2-5        - 3 -        第 3 頁       16-1
//       ^^^        ^^^^^        ^^^^^^^       ^^^^
// (No two `\s*` meet without a required character between them: a run of
// spaces is then tried once, not once per way of splitting it.)
const PAGE_NUMBER = /^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,3}\s*[-–]\s*\d{1,3}|第\s*\d{1,4}\s*頁(?:\s*(?:[，,/]\s*)?共\s*\d{1,4}\s*頁)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/u;
// A lone number is also a page number, but only when set off by blank space
// on both sides (inside flattened PDF tables lone numbers are ordinals).
const LONE_NUMBER = /^\s*\d{1,3}\s*$/;

/**
 * The text a line-level pattern is tested on: runs of whitespace collapsed to
 * one space when the line is long.  The patterns here accept any run of
 * whitespace where they accept one, so the answer is the same; but V8's
 * regex engine keeps a backtrack entry per character a `\s*` matches in a
 * `u` pattern, and a line of ten million spaces overflows its stack.
 */
export function patternText(text: string): string {
  return text.length > LONG_LINE ? text.replace(WHITESPACE_RUN, ' ') : text;
}

const LONG_LINE = 256;
const WHITESPACE_RUN = /\s+/g;

function markPageNumbers(table: LineTable, formFeeds: boolean): void {
  for (let i = 0; i < table.length; i++) {
    if (table.roleOf(i) !== 'content') continue;
    const text = patternText(table.textOf(i));
    if (PAGE_NUMBER.test(text)) {
      // `3/10` could be a date in a table; only take it alone between blanks.
      if (/\//.test(text) && !(blankAround(table, i, 1))) continue;
      table.setRole(i, 'page-number');
    } else if (LONE_NUMBER.test(text) && blankAround(table, i, 2) && (i + 1 >= table.length || table.roleOf(i + 1) === 'blank')) {
      table.setRole(i, 'page-number');
    }
  }
  markPageSequence(table, formFeeds);
}

/**
 * Lone page numbers with one blank line around them, in text without form
 * feeds (`mutool convert -F text` separates pages by a blank line only):
 * taken when they count pages — at least three numbers in a row, each one
 * more than the last and a page's worth of lines after it.  Ordinals inside
 * a table stand a few lines apart.
 *
 *   > | 依法辦理如期完成。
 *   > |
 *   > | 3
 *       ^ then `4` some fifty lines on, then `5`
 *   > |
 *   > | 伍、人事部門
 */
function markPageSequence(table: LineTable, formFeeds: boolean): void {
  if (formFeeds) return;
  const candidates: number[] = [];
  // Lone numbers glued to the text above (`pdftotext -nopgbrk` prints a
  // page's number right after its last cell): they only continue a run.
  const glued = new Set<number>();
  let firstLines: Map<string, number> | null = null;
  for (let i = 0; i < table.length; i++) {
    // (Length first: this runs on every line.)
    if (table.lengthOf(i) > 8 || table.roleOf(i) !== 'content' || !LONE_NUMBER.test(table.textOf(i))) continue;
    // Between a row's target values and the next row's text: an ordinal.
    if (afterValue(table, i) && !beforeRepeatedLine(table, i, (firstLines ??= firstOccurrences(table))) && !lastContent(table, i)) continue;
    if (blankAround(table, i, 1)) candidates.push(i);
    else if (i + 1 >= table.length || table.roleOf(i + 1) !== 'content') {
      candidates.push(i);
      glued.add(i);
    }
  }
  let run: number[] = [];
  const flush = () => {
    // Two pages are enough where both numbers stand at a page's end: before
    // the table header printed again, or at the end of the text.
    const atBreaks = () => run.every((i) => beforeRepeatedLine(table, i, (firstLines ??= firstOccurrences(table))) || lastContent(table, i));
    if (run.length >= MIN_PAGE_RUN || (run.length === 2 && atBreaks())) for (const i of run) table.setRole(i, 'page-number');
    run = [];
  };
  for (const i of candidates) {
    const last = run[run.length - 1];
    const continues = last !== undefined && Number(table.textOf(i)) === Number(table.textOf(last)) + 1 && i - last >= MIN_PAGE_LINES;
    if (glued.has(i)) {
      if (continues && beforeRepeatedLine(table, i, (firstLines ??= firstOccurrences(table)))) run.push(i);
      continue;
    }
    if (continues) run.push(i);
    else if (last !== undefined && i - last < MIN_PAGE_LINES) continue;
    else {
      flush();
      run = [i];
    }
  }
  flush();
}

/**
 * A glued page number stands where a page ends: the next line repeats one
 * printed before it (the table header reprinted under the page break).
 *
 *   > | 用電設備檢驗維護，每年1萬2,000元，每
 *   > | 7
 *       ^ page 7 ends here
 *   > |
 *   > | 備註            (a header cell of the table, printed on page 6 too)
 */
function beforeRepeatedLine(table: LineTable, i: number, firstLines: ReadonlyMap<string, number>): boolean {
  for (let k = i + 1; k < Math.min(table.length, i + 4); k++) {
    if (table.roleOf(k) === 'blank') continue;
    const first = firstLines.get(stripSpaces(table.textOf(k)));
    return first !== undefined && first < i;
  }
  return false;
}

/**
 * The line before a lone number is a target value: the number stands inside
 * a table, where an indicator ordinal follows the previous row's targets.
 *
 *   > | 10
 *   > | 0%
 *   > |
 *   > | 2
 *       ^ the next indicator's ordinal (its text follows), not page 2
 *   > |
 *   > | 地方總決算書於4月
 */
function afterValue(table: LineTable, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (table.roleOf(k) === 'blank') continue;
    return TARGET_VALUE.test(table.textOf(k));
  }
  return false;
}

// `0%`, `100%`, `2,000`, `4.14`, `-`: a target cell's last line.
const TARGET_VALUE = /^\s*(?:[-–]|[0-9][0-9,.]{0,12}\s*[%％]?)\s*$/u;

/** Nothing but blank lines after line i. */
function lastContent(table: LineTable, i: number): boolean {
  for (let k = i + 1; k < table.length; k++) if (table.roleOf(k) !== 'blank') return false;
  return true;
}

/** First line of each short line's text (a header cell, a running title). */
function firstOccurrences(table: LineTable): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < table.length; i++) {
    if (table.lengthOf(i) > 40 || table.roleOf(i) === 'blank') continue;
    const key = stripSpaces(table.textOf(i));
    if (key !== '' && !out.has(key)) out.set(key, i);
  }
  return out;
}

/** Pages in a row that make a page-number sequence, and the fewest lines a page holds. */
const MIN_PAGE_RUN = 3;
const MIN_PAGE_LINES = 15;

function blankAround(table: LineTable, i: number, count: number): boolean {
  for (let k = 1; k <= count; k++) if (i - k >= 0 && table.roleOf(i - k) === 'content') return false;
  return i + 1 >= table.length || table.roleOf(i + 1) !== 'content';
}

/**
 * Running headers and footers: the same short line printed on many pages
 * next to a page number.  Lines repeated without a page number nearby (table
 * headers, repeated section headings of a multi-plan file) are kept; the
 * document splitter handles titles repeated on every page.
 */
function markRunningLines(table: LineTable): void {
  // A key is marked only with at least 3 occurrences next to a page number:
  // find those keys first, from the (few) lines next to page numbers, and
  // count the keys of all lines only when there are any, and only theirs.
  // Files without page numbers (most Word and markdown exports) skip the
  // second pass.
  const candidates = new Map<string, number>();
  for (let i = 0; i < table.length; i++) {
    if (table.roleOf(i) !== 'content' || !hasPageNumberNear(table, i)) continue;
    const key = stripSpaces(table.textOf(i));
    if (key.length < 4 || key.length > 60) continue;
    candidates.set(key, (candidates.get(key) ?? 0) + 1);
  }
  let any = false;
  for (const n of candidates.values()) if (n >= 3) any = true;
  if (!any) return;
  const counts = new Map<string, number[]>();
  for (let i = 0; i < table.length; i++) {
    if (table.roleOf(i) !== 'content') continue;
    const key = stripSpaces(table.textOf(i));
    // (Its lines next to a page number are the candidate's count.)
    if (key.length < 4 || key.length > 60 || !((candidates.get(key) ?? 0) >= 3)) continue;
    let list = counts.get(key);
    if (!list) counts.set(key, (list = []));
    list.push(i);
  }
  for (const indexes of counts.values()) {
    if (indexes.length < 3) continue;
    const nearPageNumber = indexes.filter((i) => hasPageNumberNear(table, i)).length;
    if (nearPageNumber >= Math.max(3, indexes.length * 0.6)) for (const i of indexes) table.setRole(i, 'running-header');
  }
}

function hasPageNumberNear(table: LineTable, i: number): boolean {
  for (let k = Math.max(0, i - 3); k <= Math.min(table.length - 1, i + 3); k++) if (table.roleOf(k) === 'page-number') return true;
  return false;
}
