/**
 * Tables of contents: furniture whatever their leaders (`……`, `....`, `‧‧‧`,
 * `·····`, mixed, none), page references (`1-1`, `15-21`, `3`, none) or layout
 * (one entry per line, or the whole TOC on one line after `目錄`).  Their
 * entries carry the same markers as the body's headings, so they must be
 * told apart before the section stage reads markers.
 */
import { matchTitle } from '../documents.js';
import { lineTableOf, type LineTable } from '../line-table.js';
import { linePosition } from '../lines.js';
import { parseMarker } from '../markers.js';
import type { Diagnostic, Line } from '../types.js';
import { isSpaceCode, stripSpaces } from './text.js';

/** Leader characters: dots, middle dots, ellipses, ideographic full stops. */
const LEADER_WEIGHT = new Map<number, number>([
  ['.', 1], ['．', 1], ['‧', 1], ['·', 1], ['・', 1], ['･', 1], ['。', 1], ['…', 2], ['⋯', 2], ['‥', 2], ['_', 1],
].map(([ch, weight]) => [(ch as string).charCodeAt(0), weight as number]));
const DASH = 45; // `-`
/** Dashes a leader may be drawn with: `-`, `－`, `—`, `─`, `–`. */
const DASHES = new Set([DASH, 0xff0d, 0x2014, 0x2500, 0x2013]);

interface EntryEnd {
  /** Where the entry's title ends (before its leader and page reference). */
  titleEnd: number;
  leader: boolean;
  page: boolean;
}

/**
 * Read a TOC entry's end from the right: an optional page reference, and
 * before it a leader of at least three dots (spaced or not, of mixed kinds)
 * or four dashes.  A char-code scan, linear in the line.
 *
 *   > | 壹、機關任務及願景‧‧‧‧‧‧‧1-1     貳、環境情勢分析 . . . . 15-21     一、使命……
 *                        ^^^^^^^^^^                     ^^^^^^^^^^^^^^^^         ^^
 */
export function readEntryEnd(text: string, end = text.length): EntryEnd {
  let k = end - 1;
  while (k >= 0 && isSpaceCode(text.charCodeAt(k))) k--;
  // Page reference: `3`, `1-1`, `15-21`.
  const pageEnd = k;
  let digits = 0;
  while (k >= 0 && isDigit(text.charCodeAt(k)) && digits < 4) (k--, digits++);
  if (digits > 0 && k >= 1 && isDash(text.charCodeAt(k)) && isDigit(text.charCodeAt(k - 1))) {
    k--;
    let more = 0;
    while (k >= 0 && isDigit(text.charCodeAt(k)) && more < 4) (k--, more++);
  }
  const page = digits > 0;
  const afterPage = k;
  while (k >= 0 && isSpaceCode(text.charCodeAt(k))) k--;
  // Leader: weighted dots, single spaces allowed between them; or a run of dashes.
  let weight = 0;
  let j = k;
  while (j >= 0) {
    const code = text.charCodeAt(j);
    const w = LEADER_WEIGHT.get(code);
    if (w !== undefined) (weight += w, j--);
    else if (code === 32 && j > 0 && LEADER_WEIGHT.has(text.charCodeAt(j - 1)) && weight > 0) j--;
    else break;
  }
  if (weight >= 3) return { titleEnd: j + 1, leader: true, page };
  let dashes = 0;
  j = k;
  while (j >= 0 && DASHES.has(text.charCodeAt(j))) (j--, dashes++);
  if (dashes >= 4) return { titleEnd: j + 1, leader: true, page };
  return { titleEnd: page ? afterPage + 1 : pageEnd + 1, leader: false, page };
}

function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

function isDash(code: number): boolean {
  return code === DASH || code === 0x2013 || code === 0xff0d;
}

/** A line that is a TOC entry by its own shape: text, then a leader (and maybe a page reference). */
export function isLeaderEntry(text: string): boolean {
  const end = readEntryEnd(text);
  return end.leader && hasLetters(text.slice(0, end.titleEnd));
}

function hasLetters(text: string): boolean {
  return /[\p{Script=Han}A-Za-z]/u.test(text);
}

/** The title of a table-of-contents entry: its text without leader and page reference. */
export function tocEntryText(text: string): string {
  const end = readEntryEnd(text);
  return end.leader ? text.slice(0, end.titleEnd) : text;
}

// `目錄`, `目 錄`, `目次`, or a title ending in one (`109年度工作總報告目錄`).
const TOC_TITLE = /(?:目錄|目次|目錄表)$/u;
const TOC_TITLE_START = /^(?:目錄|目次)/u;
/** `目錄` itself (a heading of its own), not a word ending in it. */
const BARE_TOC_TITLE = /^(?:[壹貳參肆一二三四五六七八九十]+[、.．])?(?:目錄|目次|目錄表)$/u;

/**
 * The entries of a TOC written on one line (the whole TOC after `目錄`, or
 * several entries run together), split after each page reference or leader:
 *
 *   > | 目 錄 壹、機關任務及願景……1 貳、環境情勢分析……3 參、…
 *             ^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^
 */
export function tocEntries(text: string): string[] {
  const entries: string[] = [];
  const body = text.trim().replace(/^目\s*[錄次]\s*/u, '');
  // Cut after each leader + page reference (or a bare leader).
  const pieces = body.split(/(?<=[.．‧·・…⋯‥_]\s*\d{1,4}(?:\s*[-–－]\s*\d{1,4})?)\s+|(?<=[.．‧·・…⋯‥]{3})\s+(?=\S)/u);
  for (const piece of pieces) {
    // Spaces kept (a marker whose `、` was lost is told by the space after it).
    const title = tocEntryText(piece).trim();
    if (title && hasLetters(title)) entries.push(title);
  }
  return entries;
}

/** How many entries a one-line TOC holds: leader-and-page groups, or markers counted in order. */
function oneLineEntryCount(text: string): number {
  let count = 0;
  const groups = text.match(/(?<![.．‧·・…⋯‥])[.．‧·・…⋯‥]{2,}\s*\d{1,4}/gu);
  if (groups) count = groups.length;
  return count;
}

/**
 * Mark TOC lines `toc` and return a `toc-not-closed` warning where a TOC
 * without leaders or page references could not be told from the body.
 *
 * A TOC is (1) any line that ends in a leader, (2) the lines after a `目錄`
 * title up to where the body starts — the first entry's heading written
 * again — or (3) a `目錄` line holding the entries itself.
 */
export function markTableOfContents(lines: Line[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const table = lineTableOf(lines);
  for (let i = 0; i < table.length; i++) {
    if (table.roleOf(i) !== 'content') continue;
    const text = table.textOf(i);
    if (mayEndEntry(text) && isLeaderEntry(text)) {
      table.setRole(i, 'toc');
      continue;
    }
    // Only the head of a line is compacted: a megabyte line is no TOC title.
    const head = stripSpaces(text.slice(0, 80));
    if (TOC_TITLE_START.test(head) && head.length > 8 && text.length <= MAX_ONE_LINE_TOC && oneLineEntryCount(text) >= 2) {
      // The whole TOC on the `目錄` line.
      table.setRole(i, 'toc');
      continue;
    }
    if (text.length <= 80 && head.length <= 40 && TOC_TITLE.test(head)) i = markBlock(table, i, diagnostics);
  }
  return diagnostics;
}

/** A TOC on one line is at most this long (code units); a longer line is a page of text. */
const MAX_ONE_LINE_TOC = 10_000;

/** The last non-space character is a digit or a leader character. */
function mayEndEntry(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && isSpaceCode(text.charCodeAt(end))) end--;
  if (end < 0) return false;
  const code = text.charCodeAt(end);
  return isDigit(code) || LEADER_WEIGHT.has(code) || DASHES.has(code);
}

/** At most this many entries in one TOC: a longer run is body text that the TOC title only preceded. */
const MAX_ENTRIES = 200;

/**
 * The block after a `目錄` title: entries until the body starts.  Returns
 * the index of the last line it looked at.
 */
function markBlock(table: LineTable, titleIndex: number, diagnostics: Diagnostic[]): number {
  const entries: number[] = [];
  let first: string | null = null;
  let shaped = 0;
  let closed = false;
  let k = titleIndex + 1;
  for (; k < table.length && entries.length < MAX_ENTRIES; k++) {
    const role = table.roleOf(k);
    if (role === 'blank' || role === 'page-number' || role === 'furniture') continue;
    if (role !== 'content' && role !== 'toc') break;
    const text = table.textOf(k);
    const title = entryKey(text);
    const leader = role === 'toc' || isLeaderEntry(text);
    // A document's title (the TOC stood on the cover, before the title page).
    if (!leader && matchTitle(text)) break;
    if (first !== null && title === first && !leader) {
      // The first entry's heading again: the body starts here.
      closed = true;
      break;
    }
    if (leader) shaped++;
    else if (shaped > 0 || !looksLikeEntry(text)) {
      // After entries with leaders, the first line without one is the body.
      closed = shaped > 0 && shaped === entries.length;
      break;
    }
    first ??= title;
    entries.push(k);
  }
  if (!closed && first !== null && shaped === 0) {
    // Entries written as whole sentences (list items) stop the block early:
    // it still ends where its first entry comes again, when every line up to
    // there is numbered or short.
    const repeat = findRepeat(table, k, first);
    if (repeat !== -1) {
      for (let j = k; j < repeat; j++) if (table.roleOf(j) === 'content') entries.push(j);
      closed = true;
      k = repeat;
    }
  }
  if (entries.length === 0) return titleIndex;
  if (!closed && shaped === 0 && k >= table.length) {
    // Leaderless "entries" that run to the end of the text have no body after
    // them: they are the body, and the `目錄` line only a stray heading.
    table.setRole(titleIndex, 'toc');
    diagnostics.push({
      severity: 'warning',
      code: 'toc-not-closed',
      message: `table of contents: 「${stripSpaces(table.textOf(titleIndex))}」 is followed by no entries told apart from the body; the lines after it are read as the body`,
      position: linePosition(table.lineAt(titleIndex)),
    });
    return titleIndex;
  }
  //   > | 檔案目錄          (a table cell: `目錄` ends a noun, and no entry comes again as a heading)
  //       ^^^^^^^^
  const titleText = table.textOf(titleIndex);
  if (!closed && shaped === 0 && !BARE_TOC_TITLE.test(stripSpaces(titleText)) && !/計[畫劃]|報告|施政/u.test(titleText)) return titleIndex;
  table.setRole(titleIndex, 'toc');
  for (const index of entries) table.setRole(index, 'toc');
  if (!closed && shaped < entries.length) {
    diagnostics.push({
      severity: 'warning',
      code: 'toc-not-closed',
      message: `table of contents: where it ends and the body starts is not clear (no leaders or page numbers, and its first entry 「${first ?? ''}」 is not repeated as a heading)`,
      position: linePosition(table.lineAt(titleIndex)),
    });
  }
  return k - 1;
}

/** The line where the heading `key` comes again, if only entry-like lines stand before it; else -1. */
function findRepeat(table: LineTable, from: number, key: string): number {
  for (let j = from, seen = 0; j < table.length && seen < MAX_ENTRIES; j++) {
    if (table.roleOf(j) !== 'content') continue;
    seen++;
    const text = table.textOf(j);
    if (matchTitle(text)) return -1;
    if (entryKey(text) === key) return j;
    if (parseMarker(text) === null && stripSpaces(text).length > 40) return -1;
  }
  return -1;
}

/** What a TOC entry and its heading share: the title without marker, leader, page reference or final colon. */
function entryKey(text: string): string {
  const title = stripSpaces(tocEntryText(text)).replace(/\d{1,4}(?:[-–－]\d{1,4})?$/u, '');
  const marker = parseMarker(title);
  let key = marker ? marker.rest : title;
  while (key.length > 0 && '：:。'.includes(key[key.length - 1])) key = key.slice(0, -1);
  return key;
}

/**
 * An entry without leader: a heading-like short line (often numbered), or a
 * title with a page number set off by spaces.
 *
 *   > | 壹、機關任務及願景          1、機關任務        二、施政重點   12
 */
function looksLikeEntry(text: string): boolean {
  const compact = stripSpaces(text);
  if (compact.length === 0 || compact.length > 40) return false;
  if (/[，。；！？]/u.test(compact)) return false;
  return parseMarker(text) !== null || /(?<!\s)\s{2,}\d{1,4}(?:\s*[-–－]\s*\d{1,4})?\s*$/u.test(text) || compact.length <= 20;
}
