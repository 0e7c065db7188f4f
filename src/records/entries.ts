/**
 * Split a table cell into its entries: the `1.` `2.` `3.` (or `(一)` `(二)`,
 * `一、` …) items a converter packed into one cell, plus, where asked,
 * unnumbered paragraphs.  Cells arrive with structural breaks (`<p>`, `<li>`,
 * `<br>`) as `\n` and with the converter's spacing intact, so the split works
 * on the raw cell text; callers normalize each entry afterwards.
 *
 *   > | 1. 防止登革熱之傳染。  2. 環境清潔。
 *       ^                     ^
 *   > | (五)後備軍人資訊通檢。 全民國防教育宣導業務。
 *       ^                      ^ (an unnumbered entry, when `unmarkedBreaks`)
 *
 * A marker in the middle of a line only counts when it is preceded by
 * whitespace and either follows sentence-final punctuation or continues the
 * numbering of the cell (`… 3 件。 4. 受理…`); a number inside a sentence
 * (`計 2 人`, `109 年`) is never a marker because it lacks `、` / `.` / brackets.
 */
import { mayStartMarker, parseMarker, type Marker } from '../markers.js';
import type { MarkerStyle } from '../types.js';

export interface Entry {
  /** The entry's numbering marker, or null for an unnumbered entry. */
  marker: Marker | null;
  /** Text after the marker; inner structural breaks kept as `\n`. */
  text: string;
  /** True for the entry that starts the cell. */
  first: boolean;
}

export interface SplitOptions {
  /**
   * Start a new unnumbered entry at each structural break and after
   * sentence-final punctuation followed by whitespace (work-item cells list
   * unnumbered items that way).  Otherwise such text stays in its entry.
   */
  unmarkedBreaks?: boolean;
  /**
   * Accept any heading marker (`壹、` `一、` `(一)`) that follows whitespace
   * (category cells: `…訓練  五、衛生 (一)季節性…`).  Arabic markers still
   * need continuity there: `第 4、5 款` is not a list.
   */
  loose?: boolean;
  /**
   * Only markers of this style start entries; others (`(1)` under `1.`) stay
   * inside.  `'first'` locks onto the style of the first marker found.
   */
  entryStyle?: MarkerStyle | 'first' | null;
}

// Char codes, not one-character strings and regex tests: `boundaryAt` runs
// on every character of every cell, and `cell[i]` allocates a new string
// for each CJK character.
/** `。；;！!？?：:` */
function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff1b || code === 0x3b || code === 0xff01 || code === 0x21 || code === 0xff1f || code === 0x3f || code === 0xff1a || code === 0x3a;
}
/** ` `, tab, ideographic space, no-break space. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}
const HEADING_STYLES = new Set<MarkerStyle>(['cjk-formal', 'cjk', 'cjk-paren']);
/** Longest marker text `parseMarker` needs to see (`（ 十一 ）  `). */
const MARKER_WINDOW = 12;

export function splitEntries(cell: string, options: SplitOptions = {}): Entry[] {
  const entries: Entry[] = [];
  let style: MarkerStyle | null = options.entryStyle === 'first' || options.entryStyle === undefined ? null : options.entryStyle;
  const lockFirst = options.entryStyle === 'first';
  const last = new Map<MarkerStyle, number>();
  let start = 0;
  let current: Marker | null = null;

  const flush = (end: number) => {
    const text = cell.slice(start, end).trim();
    if (text || current) entries.push({ marker: current, text, first: entries.length === 0 });
  };

  for (let i = 0; i < cell.length; i++) {
    const boundary = boundaryAt(cell, i);
    if (boundary === null) continue;
    const marker = mayStartMarker(cell.charCodeAt(i)) ? parseMarker(cell.slice(i, i + MARKER_WINDOW)) : null;
    const accepted = marker !== null && acceptMarker(marker, boundary);
    if (accepted && marker) {
      if (i > 0) flush(i);
      current = { ...marker, rest: '' };
      if (lockFirst && style === null) style = marker.style;
      last.set(marker.style, marker.ordinal);
      start = i + marker.length;
      i = start - 1;
    } else if (options.unmarkedBreaks && i > 0 && (boundary === 'break' || boundary === 'sentence') && cell.slice(start, i).trim() !== '') {
      flush(i);
      current = null;
      start = i;
    }
  }
  flush(cell.length);
  return entries;

  function acceptMarker(marker: Marker, boundary: Boundary): boolean {
    if (style !== null && marker.style !== style) return false;
    if (boundary === 'start' || boundary === 'break' || boundary === 'sentence') return true;
    if (options.loose && boundary === 'space' && HEADING_STYLES.has(marker.style)) return true;
    // Mid-line after a plain space or right after punctuation: only when the
    // numbering continues (`… 3 件。4. 受理`).
    return last.get(marker.style) === marker.ordinal - 1;
  }
}

type Boundary = 'start' | 'break' | 'sentence' | 'space' | 'punct';

/**
 * What precedes position `i`: the cell start, a structural break, sentence-end
 * punctuation plus whitespace, plain whitespace, or punctuation without space;
 * null when `i` is inside a word.
 */
function boundaryAt(cell: string, i: number): Boundary | null {
  const code = cell.charCodeAt(i);
  if (isSpace(code) || code === 0x0a) return null;
  if (i === 0) return 'start';
  const before = cell.charCodeAt(i - 1);
  if (before === 0x0a) return 'break';
  if (isSentenceEnd(before)) return 'punct';
  if (!isSpace(before)) return null;
  let j = i - 1;
  while (j >= 0 && isSpace(cell.charCodeAt(j))) j--;
  if (j < 0 || cell.charCodeAt(j) === 0x0a) return 'break';
  return isSentenceEnd(cell.charCodeAt(j)) ? 'sentence' : 'space';
}

/** Entry text as one normalized-ready line: inner structural breaks become spaces. */
export function entryLine(text: string): string {
  return text.replace(/\n/g, ' ');
}
