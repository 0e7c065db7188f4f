/**
 * A page laid out shifted: `pdftotext -layout` places each page's text on
 * its own character grid, and on a page where a LibreOffice table's left
 * columns are empty (a merged 類 / 項 cell ended on the page before) the
 * whole table stands a dozen columns left of where the header, printed on an
 * earlier page, has its columns.  The long lines of the widest text column
 * (辦理情形, 實施內容) tell: on most pages they start at one place; a page
 * whose long lines start far from there has its columns shifted as much.
 *
 *   > |                      2. 依規定辦理本所退休人員之月退休金、領卹 100%
 *                            ^ 辦理情形 on the page before
 *   > | \f        遺族之遺屬年金(月撫慰金)、月撫卹金及公保
 *                 ^ 辦理情形 on this page, 13 columns left
 *   > | (三)加強辦理
 *       ^ 目, not 類
 */
import type { Run } from './geometry/columns.js';

/** Glyphs of a chunk that is a line of a wide text column, not a label or a value. */
const LONG = 12;
/** Long lines a page needs to tell where its text column starts. */
const VOTES = 3;
/** A shift smaller than this is the ordinary drift of a row, not a page's. */
const MIN_SHIFT = 6;
/** Pages that must tell their start before one of them counts as shifted. */
const MIN_PAGES = 3;

/**
 * Where a page's long lines start: the most common left edge of a word of
 * at least `LONG` glyphs (CJK text has no spaces: a narrow column's line
 * is shorter, and the one space after it would join it to its neighbour's
 * in a chunk), or null.
 */
export function longLineStart(lines: readonly (readonly Run[])[]): number | null {
  const votes = new Map<number, number>();
  for (const runs of lines) for (const run of runs) if (run.text.length >= LONG) votes.set(run.x0, (votes.get(run.x0) ?? 0) + 1);
  let best: number | null = null;
  let most = 0;
  for (const [x, n] of votes) {
    if (n > most || (n === most && best !== null && x < best)) {
      best = x;
      most = n;
    }
  }
  return most >= VOTES ? best : null;
}

/**
 * Each page's shift from the others: its long lines' start less the median
 * of all pages' (0 when the page tells none, when fewer than `MIN_PAGES`
 * pages tell theirs, or for a shift under `MIN_SHIFT`).
 */
export function pageShifts(starts: readonly (number | null)[]): number[] {
  const known = starts.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (known.length < MIN_PAGES) return starts.map(() => 0);
  const median = known[known.length >> 1];
  return starts.map((x) => (x === null || Math.abs(x - median) < MIN_SHIFT ? 0 : x - median));
}
