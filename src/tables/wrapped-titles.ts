/**
 * Header titles wrapped in their narrow cells over several of an
 * extractor's blocks.  MuPDF blocks the lines of a LibreOffice PDF by
 * their spacing, so a title's last line often stands in a block of its own
 * (or in the next cell's block), a blank line between the pieces:
 *
 *   > | 關鍵策略目標
 *   > | 關鍵績效指
 *       ^^^^^^^^^^ a title's first piece
 *   > |
 *   > | 標
 *       ^^ its last piece, in the next block
 *   > | 衡量標準
 *
 * The pieces are short (a narrow cell) and joined they make a header cell;
 * they are joined only beside another header cell (a header's neighbours),
 * so short body lines that happen to spell a title are left alone.
 */
import { stripSpaces } from '../normalize/text.js';
import type { Line } from '../types.js';
import type { Paragraph } from './reading-order-cells.js';

/** Lines a title wraps over at most in its narrow cell (`預算金` / `額`, `(單位：` / `千元)`). */
const TITLE_PIECES = 4;
/** The widest piece of a wrapped title (a narrow cell's line). */
const PIECE_LENGTH = 6;

/** How many of `texts` from `k` make one wrapped header title (0: none; a title whole on its line is no wrap). */
export function wrappedTitleLength(texts: readonly string[], k: number, isHeaderCell: (text: string) => boolean): number {
  // (A year wrapped from its `年`, `108` / `年`, is read with the year columns.)
  if (isHeaderCell(texts[k] ?? '') || /^[0-9]/u.test(texts[k] ?? '')) return 0;
  let joined = '';
  for (let j = k; j < texts.length && j < k + TITLE_PIECES; j++) {
    const piece = stripSpaces(texts[j]);
    if (piece === '' || piece.length > PIECE_LENGTH) return 0;
    joined += piece;
    if (j > k && joined.length > 1 && isHeaderCell(joined)) return j - k + 1;
  }
  return 0;
}

/**
 * The wrapped title from line `i` on, over content lines with blank lines
 * between them (one page): its text and the line after it, or null.
 */
export function wrappedTitleAt(lines: readonly Line[], i: number, limit: number, isHeaderCell: (text: string) => boolean): { text: string; end: number } | null {
  const texts: string[] = [];
  const at: number[] = [];
  for (let j = i; j < limit && texts.length < TITLE_PIECES; j++) {
    if (j > i && lines[j].text.includes('\f')) break;
    if (lines[j].role === 'blank') continue;
    if (lines[j].role !== 'content' && lines[j].role !== 'running-header') break;
    texts.push(lines[j].text.replace(/\f/gu, '').trim());
    at.push(j);
  }
  const count = wrappedTitleLength(texts, 0, isHeaderCell);
  return count >= 2 ? { text: texts.slice(0, count).map(stripSpaces).join(''), end: at[count - 1] + 1 } : null;
}

/**
 * Blocks with every wrapped header title joined into its first piece's
 * line (the other pieces dropped, a block left empty dropped), so the
 * header's blocks hold header cells only and read as the header.
 */
export function joinWrappedTitles(blocks: readonly Paragraph[], isHeaderCell: (text: string) => boolean): Paragraph[] {
  // Every line of the blocks in order: block and line inside it.
  const texts: string[] = [];
  const owner: Array<[number, number]> = [];
  blocks.forEach((block, b) => block.texts.forEach((text, t) => {
    texts.push(text);
    owner.push([b, t]);
  }));
  const replaced = new Map<string, string>();
  const dropped = new Set<string>();
  /** The title before ended at this line (joined from pieces). */
  let joinedEnd = -1;
  for (let k = 0; k < texts.length; k++) {
    const count = wrappedTitleLength(texts, k, isHeaderCell);
    if (count < 2) continue;
    // Beside another header cell only (or right after a title joined so): a header's neighbour.
    const before = k > 0 && (isHeaderCell(texts[k - 1]) || joinedEnd === k);
    const after = k + count < texts.length && isHeaderCell(texts[k + count]);
    if (!before && !after) continue;
    replaced.set(owner[k].join(':'), texts.slice(k, k + count).map(stripSpaces).join(''));
    for (let j = k + 1; j < k + count; j++) dropped.add(owner[j].join(':'));
    k += count - 1;
    joinedEnd = k + 1;
  }
  if (replaced.size === 0) return [...blocks];
  const out: Paragraph[] = [];
  blocks.forEach((block, b) => {
    const keep = block.texts.map((_, t) => !dropped.has(`${b}:${t}`));
    if (!keep.some(Boolean)) return;
    const texts = block.texts.map((text, t) => replaced.get(`${b}:${t}`) ?? text).filter((_, t) => keep[t]);
    out.push({ ...block, texts, lines: block.lines.filter((_, t) => keep[t]) });
  });
  return out;
}
