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

/** A marker that may start a heading, with its place in the source. */
export interface MarkerCandidate {
  /** Offset in the decoded source (so candidates of several lines are ordered). */
  at: number;
  key: string;
  ordinal: number;
}

/**
 * The markers of a one-line text that may start headings: after a space or
 * a sentence end, with text after them.
 *
 *   > | …健全地方 自治。 (一)推動里鄰 建設。 (二)強化 區政… 計 12 次
 *                       ^^^^              ^^^^          not a marker ^^
 */
export function markerCandidates(text: string, offset = 0): MarkerCandidate[] {
  const candidates: MarkerCandidate[] = [];
  for (let i = 0; i < text.length && candidates.length < MAX_CANDIDATES; i++) {
    const code = text.charCodeAt(i);
    if (!mayStartMarker(code)) continue;
    if (i > 0) {
      const before = text.charCodeAt(i - 1);
      if (!isSpaceCode(before) && !BREAK_BEFORE.has(before)) continue;
    }
    const marker = parseMarker(text.slice(i, i + 16));
    if (!marker || marker.rest === '') continue;
    candidates.push({ at: offset + i, key: marker.style, ordinal: marker.ordinal });
  }
  return candidates;
}

/**
 * Where each numbering value first and last occurs: the sequence a marker
 * belongs to runs across lines (a page per line), so it is confirmed over
 * the whole document.
 */
export class MarkerSequence {
  private readonly firstAt = new Map<string, number>();
  private readonly lastAt = new Map<string, number>();

  add(candidate: MarkerCandidate): void {
    const key = `${candidate.key}:${candidate.ordinal}`;
    if (!this.firstAt.has(key)) this.firstAt.set(key, candidate.at);
    this.lastAt.set(key, candidate.at);
  }

  /** The next number of its style comes later, or the previous one earlier. */
  confirms(candidate: MarkerCandidate): boolean {
    const next = this.lastAt.get(`${candidate.key}:${candidate.ordinal + 1}`);
    const previous = this.firstAt.get(`${candidate.key}:${candidate.ordinal - 1}`);
    return (next !== undefined && next > candidate.at) || (previous !== undefined && previous < candidate.at);
  }
}

/**
 * Cut a one-line text before every marker its sequence confirms (within the
 * line, or with `sequence`, within the document).  Returns [from, to) column
 * ranges covering the line; one range when nothing is confirmed.
 */
export function splitOneLine(text: string, sequence?: MarkerSequence, offset = 0): Array<[number, number]> {
  const candidates = markerCandidates(text, offset);
  let known = sequence;
  if (!known) {
    known = new MarkerSequence();
    for (const c of candidates) known.add(c);
  }
  const cuts: number[] = [];
  for (const c of candidates) if (known.confirms(c)) cuts.push(c.at - offset);
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
