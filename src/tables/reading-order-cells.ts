/**
 * Cells of a reading-order PDF extraction (`pdftotext` without `-layout`).
 * The extractor writes a table as text blocks, one per paragraph (blank line
 * between); a block is usually one cell, but cells whose lines sit close to
 * each other on the page end up in one block, their lines in page order:
 * side by side on one line when they share a baseline, else one after the
 * other (top-aligned cells: shared lines first, the taller cell's last lines
 * after; vertically centred cells of odd line-count difference: alternating).
 *
 *   > | 區域排水、雨水下水 清疏工程辦理進度     (indicator line 1, measure line 1)
 *                        ^ column boundary
 *   > | 道疏濬清淤                             (indicator line 2)
 *
 * This module turns paragraphs into pieces (ordinals, values, text) and
 * splits a block that holds two columns back into its cells, by the columns'
 * line widths (a wrapped cell fills every line but its last).
 */
import { lineTableOf } from '../line-table.js';
import { withoutEscapes } from '../normalize/markdown.js';
import { cjkNumber } from '../markers.js';
import { normalizeText } from '../normalize/text.js';
import type { Line } from '../types.js';
import { isValueToken, OPERATOR, width } from './flattened-cells.js';

/** A text block: consecutive non-blank lines. */
export interface Paragraph {
  /** Line indexes. */
  lines: number[];
  /** The lines' text, trimmed (a form feed removed). */
  texts: string[];
  /** The block starts a page (a form feed before it). */
  pageStart: boolean;
  /** A header cell the reader recognised by its place (a bare year after the target group's title). */
  header?: boolean;
  /** The first body block of a page (after its repeated header, if any). */
  pageTop?: boolean;
}

export type Piece =
  | { kind: 'strategy-ordinal'; text: string; value: number; paragraph: Paragraph }
  /** A lone small number: an indicator ordinal or a target value, told apart by what follows. */
  | { kind: 'number'; text: string; paragraph: Paragraph }
  | { kind: 'values'; values: string[]; paragraph: Paragraph }
  | { kind: 'text'; paragraph: Paragraph };

const CJK_ORDINAL = /^[一二三四五六七八九十]{1,3}$/u;
const SMALL_NUMBER = /^[0-9]{1,2}$/u;
const HAN = /\p{Script=Han}/u;


/**
 * Target values of one block.  A narrow target column wraps a value over
 * lines (`10` / `0%`, `2,00` / `0`, `150` / `萬`), and neighbouring value
 * cells on one baseline share a line (`2.3% 2.0%`, `1000 1250 1500` /
 * `人次 人次 人次`):
 *
 *   > | 1000 1250 1500
 *   > | 人次 人次 人次
 *       ^^ joins the value above it: 1000人次 1250人次 1500人次
 */
export function blockValues(texts: readonly string[]): string[] | null {
  const joined = texts.join('');
  if (!/\s/u.test(joined) && isValue(joined)) return [joined];
  const rows = texts.map((text) => text.split(/\s+/u).filter((word) => word !== ''));
  const count = rows[0]?.length ?? 0;
  if (count === 0) return null;
  if (rows.every((row) => row.length === count)) {
    const values: string[] = [];
    for (let k = 0; k < count; k++) values.push(rows.map((row) => row[k]).join(''));
    if (values.every(isValue)) return values;
    // `美術館籌 美術館籌 100筆以 100筆以` / `備中 備中 上 上`: text targets beside values.
    const short = (value: string) => isValue(value) || (value.length <= 8 && !/[。，；、]/u.test(value));
    if (count >= 2 && texts.length >= 2 && values.every(short) && values.filter(isValue).length * 2 >= count) return values;
  }
  const staggered = staggeredValues(rows);
  if (staggered) return staggered;
  if (texts.length === 1) {
    const words = rows[0];
    const merged: string[] = [];
    for (const word of words) {
      if (merged.length > 0 && OPERATOR.test(merged[merged.length - 1])) merged[merged.length - 1] += word;
      else merged.push(word);
    }
    if (merged.every(isValue)) return merged;
  }
  return null;
}

/**
 * Value cells wrapped over a different number of lines: the extractor puts
 * the pieces that share a baseline on one line, so a later line holds the
 * pieces of the cells still open, left to right.  The first line starts
 * every cell; a cell ends once it reads as a value that ends in a unit or
 * `%` (not in a digit or a comma: `≧12,` goes on).
 *
 *   > | ≧2,0 ≧2,0 ≧12, ≧12,
 *   > | 00人 00人 000
 *   > | 000
 *   > | 人
 *       ^ the third cell's (the first two ended in 人): ≧12,000人
 *   > | 人
 */
function staggeredValues(rows: readonly string[][]): string[] | null {
  const count = rows[0].length;
  // Value cells wrap over a few lines: a longer block is text (and this stays linear).
  if (count < 2 || rows.length < 2 || rows.length > MAX_VALUE_LINES) return null;
  const cells = rows[0].map((word) => [word]);
  const open = (cell: string[]) => {
    const text = cell.join('');
    return !(isValue(text) && /[^0-9,.，]$/u.test(text));
  };
  // A word goes to the leftmost open cell it can continue (`≧12,000` takes no `000`: a comma groups three digits).
  for (let r = 1; r < rows.length; r++) {
    let from = 0;
    for (const word of rows[r]) {
      let k = from;
      while (k < count && (!open(cells[k]) || OVER_GROUPED.test(cells[k].join('') + word))) k++;
      if (k === count) return null;
      cells[k].push(word);
      from = k + 1;
    }
  }
  const values = cells.map((cell) => cell.join(''));
  return values.every((value) => isValue(value) && !OVER_GROUPED.test(value) && !/,[0-9]{1,2}(?![0-9])/u.test(value)) ? values : null;
}

/** A value cell's lines at most (`≧12,` / `000` / `人` and the neighbours' pieces). */
const MAX_VALUE_LINES = 8;

/** Digits after a thousands comma run past three. */
const OVER_GROUPED = /,[0-9]{4}/u;

//   > | 5MW(累積)     80場(因疫情影響)
//          ^^^^^^        ^^^^^^^^^^^^ a note after the value
const VALUE_NOTE = /^(.+?)[(（][^()（）]{1,8}[)）]$/u;

/** A target value, possibly with a short note in brackets. */
function isValue(text: string): boolean {
  if (isValueToken(text)) return true;
  const note = VALUE_NOTE.exec(text);
  return note !== null && isValueToken(note[1]);
}

/** Classify a block. */
export function pieceOf(paragraph: Paragraph): Piece {
  const texts = paragraph.texts;
  if (texts.length === 1 && CJK_ORDINAL.test(texts[0])) return { kind: 'strategy-ordinal', text: texts[0], value: cjkNumber(texts[0]) ?? 0, paragraph };
  if (texts.length === 1 && SMALL_NUMBER.test(texts[0])) return { kind: 'number', text: texts[0], paragraph };
  const values = blockValues(texts);
  if (values) return { kind: 'values', values, paragraph };
  return { kind: 'text', paragraph };
}

/**
 * The parts of one printed line that belong to different columns: a space
 * between two runs of CJK text (the first more than one character) is a
 * column boundary.
 *
 *   > | 計畫道路用地取得條 計畫道路取得條數/3
 *                        ^
 *   > | 完工之路平工程件數 /路              (one part: `/路` starts with no CJK)
 */
export function lineParts(text: string, fullLeft = 0): string[] {
  const words = text.trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length <= 1) return words;
  const parts: string[] = [words[0]];
  for (let k = 1; k < words.length; k++) {
    const a = parts[parts.length - 1];
    const b = words[k];
    // `(1) 第5類人口…`: a marker and its text.
    if (MARKER_WORD.test(words[k - 1])) {
      parts[parts.length - 1] = `${a} ${b}`;
      continue;
    }
    // `編班。 2.109年…`: a numbered entry after a sentence goes on in the same cell.
    const entryInCell = /[。；;]$/u.test(a) && LIST_MARKER.test(b);
    // `資訊安全管理系統IS 通過認證…`: a cell may end in a cut Latin word.
    const latinEnd = /\p{Script=Han}[A-Za-z]{2,}$/u.test(a) && HAN.test(b[0] ?? '');
    // `辦理本府及所屬機關 (查核單位數/…`: a bracket of text after a line that
    // fills the left column (`fullLeft`, when the caller knows it) starts the next cell.
    const bracketCell = fullLeft > 0 && /^\(\p{Script=Han}/u.test(b) && width(a) >= fullLeft;
    const boundary =
      (HAN.test(a[a.length - 1] ?? '') || /[，、。；：」）)]$/u.test(a) || latinEnd) &&
      !entryInCell &&
      (startsCell(b) || bracketCell) &&
      [...a].length > 1 &&
      ([...b].length > 1 || HAN.test(b));
    if (boundary) parts.push(b);
    else parts[parts.length - 1] = `${a} ${b}`;
  }
  return parts;
}

const LIST_MARKER = /^[0-9]{1,2}[.、．]/u;
const MARKER_WORD = /^(?:[(（][0-9一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．]|[一二三四五六七八九十]{1,3}、)$/u;

/**
 * A word that may start a cell: CJK text, a full-width bracket or comma (a
 * wrapped line of the next cell; no text puts a space before a comma), a number —
 * not a decimal or marker cut by the line end (`2.1`), not a half-width
 * bracket before a number (`較基期年 (104年)`: a space inside the cell).
 */
function startsCell(word: string): boolean {
  if (/^[0-9]+\.[0-9]+$/u.test(word)) return false;
  return HAN.test(word[0] ?? '') || /^[「（0-9，、；：]/u.test(word) || /^\([一二三四五六七八九十]{1,3}\)/u.test(word);
}

/** Column widths of a table, learned from the blocks that hold two columns side by side. */
export interface ColumnWidths {
  left: number;
  right: number;
  /** How many two-part lines the widths were learned from. */
  samples?: number;
}

/** The widest left and right part of the two-part lines of these blocks (0 when none). */
export function learnWidths(paragraphs: readonly Paragraph[]): ColumnWidths {
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  for (const paragraph of paragraphs) {
    for (const text of paragraph.texts) {
      const parts = lineParts(text);
      if (parts.length !== 2) continue;
      count(left, width(parts[0]));
      count(right, width(parts[1]));
    }
  }
  let samples = 0;
  for (const n of left.values()) samples += n;
  return { left: commonWidth(left), right: commonWidth(right), samples };
}

function count(histogram: Map<number, number>, key: number): void {
  histogram.set(key, (histogram.get(key) ?? 0) + 1);
}

/**
 * The width a column's full lines have: the most frequent line width (a
 * wrapped cell fills all its lines but the last), the wider on a tie; a
 * stray wide line (two cells run together) does not set it.
 */
export function commonWidth(histogram: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestCount = 0;
  for (const [key, n] of histogram) if (n > bestCount || (n === bestCount && key > best)) [best, bestCount] = [key, n];
  return best;
}

/** How badly lines fit one column width: every line but the last fills it, none is wider. */
export function wrapCost(widths: readonly number[], column: number): number {
  if (column <= 0 || widths.length === 0) return 0;
  let cost = 0;
  for (let k = 0; k < widths.length; k++) {
    if (k < widths.length - 1 && widths[k] < column) cost += column - widths[k];
    if (widths[k] > column + 0.5) cost += 2 * (widths[k] - column);
  }
  return cost;
}

export interface Split {
  left: string[];
  right: string[];
  /** Wrap cost of the chosen split (0: every line fits). */
  cost: number;
  /** No geometry explained the block: the split is a guess. */
  guessed: boolean;
}

/** Geometries tried grow with the cube of a block's lines: longer blocks are split by their parts alone. */
const MAX_SPLIT_LINES = 16;

/**
 * Split a block holding two side-by-side cells into the two cells.  Every
 * geometry is tried — the left cell `a` lines, the right cell `b` lines, the
 * right cell shifted by 0 (top-aligned), (a−b)/2 (centred) or a−b
 * (bottom-aligned) lines — and kept when it yields the block's lines in
 * their order; of those, the one whose lines best fill their columns wins.
 *
 *   > | 辦理嘉義大車站發展        a = 2, b = 1, centred: left, right, left
 *   > | 完成整體規劃構想
 *   > | 計畫
 */
export function splitTwoColumns(texts: readonly string[], widths: ColumnWidths): Split {
  const lines = texts.map((text) => lineParts(text, widths.left - 1)).filter((parts) => parts.length > 0);
  const n = lines.length;
  let best: Split | null = null;
  if (n <= MAX_SPLIT_LINES) {
    for (let a = 1; a <= n; a++) {
      for (let b = 1; a + b <= 2 * n && b <= n; b++) {
        for (const shift of new Set([0, (a - b) / 2, a - b])) {
          const split = tryGeometry(lines, a, b, shift, widths);
          if (split && (!best || split.cost < best.cost)) best = split;
        }
      }
    }
  }
  if (best) return best;
  // No geometry fits (three columns in one block, a stray line): left parts
  // to the left cell, the rest to the right.
  const left: string[] = [];
  const right: string[] = [];
  for (const parts of lines) {
    left.push(parts[0]);
    if (parts.length > 1) right.push(parts.slice(1).join(' '));
  }
  return { left, right, cost: Infinity, guessed: true };
}

function tryGeometry(lines: readonly string[][], a: number, b: number, shift: number, widths: ColumnWidths): Split | null {
  // Slots in page order: y of each line of each cell.
  const left: string[] = [];
  const right: string[] = [];
  let i = 0;
  let l = 0;
  let r = 0;
  let apart = 0;
  while (l < a || r < b) {
    const yl = l < a ? l : Infinity;
    const yr = r < b ? r + shift : Infinity;
    if (i >= lines.length) return null;
    const parts = lines[i];
    if (yl === yr) {
      // Shared baseline: one line of two parts, or two lines (left first).
      if (parts.length === 2) {
        left.push(parts[0]);
        right.push(parts[1]);
        i++;
      } else if (parts.length === 1 && i + 1 < lines.length && lines[i + 1].length === 1) {
        // The extractor keeps one baseline on one line unless the gap is wide: the rarer reading.
        left.push(parts[0]);
        right.push(lines[i + 1][0]);
        i += 2;
        apart++;
      } else return null;
      l++;
      r++;
    } else if (yl < yr) {
      if (parts.length !== 1) return null;
      left.push(parts[0]);
      i++;
      l++;
    } else {
      if (parts.length !== 1) return null;
      right.push(parts[0]);
      i++;
      r++;
    }
  }
  if (i !== lines.length) return null;
  const cost =
    wrapCost(left.map(width), widths.left) +
    wrapCost(right.map(width), widths.right) +
    openBracketCost(left) +
    openBracketCost(right) +
    apart +
    (shift === 0 ? 0 : 0.01);
  return { left, right, cost, guessed: false };
}

/**
 * A cell that opens a bracket it does not close is cut short: its next
 * line went to the other cell.
 *
 *   > | 雨水下水道興建長度(公      + `尺)`
 *                         ^
 */
export const OPEN_BRACKET_COST = 5;

function openBracketCost(parts: readonly string[]): number {
  let depth = 0;
  for (const part of parts) for (const ch of part) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth > 0 ? OPEN_BRACKET_COST : 0;
}

/** Does any line of the block hold two cells side by side? */
export function hasTwoParts(texts: readonly string[]): boolean {
  return texts.some((text) => lineParts(text).length >= 2);
}

/** Wrap cost of a block read as one cell of a column of this width. */
export function singleCost(texts: readonly string[], column: number): number {
  if (hasTwoParts(texts)) return Infinity;
  return wrapCost(texts.map(width), column);
}

/** A cell's lines joined and normalized (CJK sides join without a space). */
export function joinLines(texts: readonly string[]): string {
  return normalizeText(texts.join('\n'));
}

const formFeeds = new WeakMap<object, boolean>();

/** Any form feed in the file (read through its line table: the lines array may hold only the document's objects). */
function hasFormFeeds(lines: readonly Line[]): boolean {
  const table = lineTableOf(lines);
  let known = formFeeds.get(table);
  if (known === undefined) {
    known = false;
    for (let i = 0; i < table.length && !known; i++) if (table.textOf(i).includes('\f')) known = true;
    formFeeds.set(table, known);
  }
  return known;
}

const sequences = new WeakMap<object, Set<number>>();

/**
 * Page-number lines that count pages: each a page's worth of lines from a
 * neighbour numbered one less or one more.  A lone value the line stage took
 * for a page number (`6` / `7` / `8` three lines apart in a table) is none.
 *
 *   > | 10-2      (some forty lines on)      10-3
 *          ^                                    ^
 */
function pageNumberSequence(lines: readonly Line[]): Set<number> {
  const table = lineTableOf(lines);
  let known = sequences.get(table);
  if (known !== undefined) return known;
  known = new Set<number>();
  let previous = -1;
  let previousValue = NaN;
  for (let i = 0; i < table.length; i++) {
    if (table.roleOf(i) !== 'page-number') continue;
    const value = pageValue(table.textOf(i));
    if (previous >= 0 && value === previousValue + 1 && i - previous >= MIN_PAGE_LINES) {
      known.add(previous);
      known.add(i);
    }
    previous = i;
    previousValue = value;
  }
  sequences.set(table, known);
  return known;
}

/** Fewest lines a page holds. */
const MIN_PAGE_LINES = 15;

/** The page's own number in a page label: `第 3 頁，共 9 頁` → 3, `10-3` → 3, `- 3 -` → 3. */
function pageValue(text: string): number {
  const numbers = text.match(/\d+/gu);
  if (numbers === null) return NaN;
  return Number(/^\s*第/u.test(text) ? numbers[0] : numbers[numbers.length - 1]);
}

/** Blocks of the lines [start, end): blank lines, page furniture and form feeds separate them. */
export function paragraphs(lines: readonly Line[], start: number, end: number): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let labelled = false;
  // Without form feeds (`pdftotext -nopgbrk`, a viewer's copy) a page ends at its page number.
  const feeds = hasFormFeeds(lines);
  const pageEnds = feeds ? null : pageNumberSequence(lines);
  let afterPageNumber = false;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    // (A backslash before ASCII punctuation is a markdown escape, `\-`, `1\.`: no PDF or Word text writes one.)
    const text = withoutEscapes(line.text.replace(/\f/gu, '')).trim();
    // A page prints one page number: after its label (`10-3`) a lone number
    // between blank lines is a cell (`0`, a target printed below the label).
    const lone = /^[0-9]{1,3}$/u.test(text);
    const feedHere = line.text.includes('\f');
    if (feedHere) labelled = false;
    const content = line.role === 'content' || (line.role === 'page-number' && lone && (labelled || text === '0'));
    const pageStart = feedHere || (!feeds && afterPageNumber && content && text !== '');
    if (pageStart) {
      labelled = false;
      afterPageNumber = false;
    }
    if (line.role === 'page-number' && !lone) labelled = true;
    if (pageEnds !== null && !content && pageEnds.has(i)) afterPageNumber = true;
    if (!content || text === '' || pageStart) {
      if (current) out.push(current);
      current = null;
      if (!content || text === '') continue;
    }
    if (!current) current = { lines: [], texts: [], pageStart };
    current.lines.push(i);
    current.texts.push(text);
  }
  if (current) out.push(current);
  return out;
}
