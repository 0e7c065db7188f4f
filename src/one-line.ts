/**
 * One-line text: some PDF copies put a whole page, or the whole document, on
 * one physical line, the words of wrapped lines separated by spaces.  Its
 * headings are the markers in mid-line that the numbering sequence confirms.
 */
import { mayStartMarker, parseMarker } from './markers.js';
import { isSpaceCode } from './normalize/text.js';

/** Characters after which a marker may start in mid-line (besides a space). */
const BREAK_BEFORE = new Set([...'。；：:！？!?'].map((ch) => ch.charCodeAt(0)));

/** At most this many candidates are weighed on one line (a pathological line stays linear). */
const MAX_CANDIDATES = 100_000;

interface Candidate {
  at: number;
  key: string;
  ordinal: number;
}

/**
 * Cut a one-line text before every marker its sequence confirms: a marker
 * after a space or sentence end whose style has the next number later on or
 * the previous one earlier.
 *
 *   > | …健全地方 自治。 (一)推動里鄰 建設。 (二)強化 區政… 計 12 次
 *                       ^^^^              ^^^^          not a marker ^^
 *
 * Returns [from, to) column ranges covering the line; one range when
 * nothing is confirmed.
 */
export function splitOneLine(text: string): Array<[number, number]> {
  const candidates: Candidate[] = [];
  for (let i = 0; i < text.length && candidates.length < MAX_CANDIDATES; i++) {
    const code = text.charCodeAt(i);
    if (!mayStartMarker(code)) continue;
    if (i > 0) {
      const before = text.charCodeAt(i - 1);
      if (!isSpaceCode(before) && !BREAK_BEFORE.has(before)) continue;
    }
    const marker = parseMarker(text.slice(i, i + 16));
    if (!marker || marker.rest === '') continue;
    candidates.push({ at: i, key: marker.style, ordinal: marker.ordinal });
  }
  const firstAt = new Map<string, number>();
  const lastAt = new Map<string, number>();
  for (const c of candidates) {
    const key = `${c.key}:${c.ordinal}`;
    if (!firstAt.has(key)) firstAt.set(key, c.at);
    lastAt.set(key, c.at);
  }
  const cuts: number[] = [];
  for (const c of candidates) {
    const next = lastAt.get(`${c.key}:${c.ordinal + 1}`);
    const previous = firstAt.get(`${c.key}:${c.ordinal - 1}`);
    if ((next !== undefined && next > c.at) || (previous !== undefined && previous < c.at)) cuts.push(c.at);
  }
  if (cuts.length === 0) return [[0, text.length]];
  const pieces: Array<[number, number]> = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut > from && text.slice(from, cut).trim() !== '') pieces.push([from, cut]);
    from = cut;
  }
  pieces.push([from, text.length]);
  return pieces;
}
