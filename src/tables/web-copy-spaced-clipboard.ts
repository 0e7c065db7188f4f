/**
 * Chromium's clipboard text of a table whose cells hold `<p>` paragraphs
 * (pandoc's HTML: a cell of several paragraphs is `<p>`s).  Chromium drops
 * the TABs that would start a line, as for any copy, but keeps a blank line
 * after each paragraph of such a cell, so the rows' lines are interrupted by
 * blank lines that the clipboard reader (web-copy-clipboard.ts) would take
 * for the table's end:
 *
 *   > | 農業用地作農業設施容許使用申請同意書之核發。\t
 *   > | 申請農業用地作農業設施容許使用者，檢附相關證明文件…
 *   > |
 *       ^ a blank line inside a cell: a TAB line comes after it
 *   > | 由市政府統一公告受理申請期限，經本所收件初審後…
 *
 * Those blank lines are left out of the lines the reader sees: the ones
 * that a later line with a TAB shows to be inside the table.  The blank
 * lines after the table's last line with a TAB stay, so the text after the
 * table is not taken for a cell's paragraphs.
 */
import type { Line } from '../types.js';

/** At most this many lines without a TAB are looked through for the table going on. */
const MAX_BLOCK_LINES = 200;

/**
 * Chromium's clipboard shape with spaced paragraphs: in the first lines, a
 * line ending with TAB followed right away by a paragraph, a blank line and
 * another paragraph, and no line starting with TAB (innerText's and
 * Firefox's text keep those).
 */
export function spacedClipboard(lines: readonly Line[], start: number, limit: number): boolean {
  let spaced = false;
  for (let i = start; i < limit; i++) {
    const text = lines[i].text;
    if (startsWithTab(text)) return false;
    if (spaced || i + 3 >= limit || !endsWithTab(text)) continue;
    const [paragraph, gap, next] = [lines[i + 1], lines[i + 2], lines[i + 3]];
    spaced = paragraph.role === 'content' && !paragraph.text.includes('\t') && gap.role === 'blank' && next.role === 'content';
  }
  return spaced;
}

/** A TAB after leading spaces (`/^[ \u3000]*\t/`), read by character: this runs on every line probed, for every table start. */
function startsWithTab(text: string): boolean {
  let at = 0;
  while (at < text.length && (text[at] === ' ' || text[at] === '\u3000')) at++;
  return text[at] === '\t';
}

/** A TAB before trailing spaces (`/\t[ \u3000]*$/`) in one walk back, without the regex trying every TAB. */
function endsWithTab(text: string): boolean {
  let at = text.length - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\u3000')) at--;
  return at >= 0 && text[at] === '\t';
}

/**
 * The lines from `start` without the blank lines inside the table: a run of
 * blank lines is dropped when a line with a TAB follows within
 * MAX_BLOCK_LINES lines and before two blank lines in a row; the view ends
 * with the lines after the last such line up to where the look stopped
 * (their blank lines kept).
 */
export function withoutInnerBlanks(lines: readonly Line[], start: number, limit: number): Line[] {
  const view: Line[] = [];
  let pending: Line[] = [];
  let sinceTab = 0;
  for (let i = start; i < limit && sinceTab < MAX_BLOCK_LINES; i++) {
    const line = lines[i];
    if (line.text.includes('\t')) {
      // The table goes on: the blank lines before this line were inside it.
      for (const kept of pending) if (kept.role !== 'blank') view.push(kept);
      pending = [];
      view.push(line);
      sinceTab = 0;
      continue;
    }
    // Two blank lines end the look (Chromium writes one inside the table):
    // a declined start then costs the table's length, not the document's.
    if (line.role === 'blank' && pending.length > 0 && pending[pending.length - 1].role === 'blank') break;
    pending.push(line);
    sinceTab++;
  }
  for (const kept of pending) view.push(kept);
  return view;
}
