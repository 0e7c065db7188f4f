/**
 * A narrow label cell justified glyph by glyph (LibreOffice's PDFs through
 * `pdftotext -layout`): its lines set their glyphs on one pitch from the
 * cell's left edge, so a glyph past the last place the cell's line above
 * reaches is the next column's, even when the extractor ran it into the
 * cell's last glyph (`方務`: the gutter closed up).
 *
 *   > |     六 、 辦理地方創生業
 *            ^ ^ the cell's places: 4, 6
 *   > |     地 方務
 *              ^^ 方 at 6 is the cell's, 務 at 7 is 目's (辦理地方創生業務)
 *   > |     創生
 */
import { isSpacedOut } from './aligned-text.js';
import type { Run } from './geometry/columns.js';

interface Fragment {
  text: string;
  words: Run[];
}

/** Splits such lines of columns [0, last) between a column and the next, on body lines [from, to). */
export function splitJustifiedLabels(cells: (Fragment | null)[][], from: number, to: number, last: number, unit: number): void {
  for (let i = from + 1; i < to; i++) {
    const row = cells[i];
    for (let c = 0; c < last; c++) {
      const cell = row[c];
      const above = cells[i - 1][c];
      if (!cell || !above || cell.words.length !== 2) continue;
      const [lone, tail] = cell.words;
      const chain = above.words[0];
      // This line opens spaced out like the justified line above it, at its left edge.
      if (lone.text.length !== 1 || lone.x0 !== chain.x0 || tail.x0 !== lone.x1 + unit || !isSpacedOut(chain, unit)) continue;
      // The place of the chain's last glyph; the tail's glyphs past it are the next column's.
      const reach = chain.x1 - unit;
      const cut = Math.max(0, Math.ceil((reach + unit - tail.x0) / unit));
      if (cut === 0 || cut >= tail.text.length) continue;
      const kept: Run = { line: tail.line, x0: tail.x0, x1: tail.x0 + cut * unit, text: tail.text.slice(0, cut) };
      const moved: Run = { line: tail.line, x0: kept.x1, x1: tail.x1, text: tail.text.slice(cut) };
      cell.words = [lone, kept];
      cell.text = `${lone.text} ${kept.text}`;
      const next = row[c + 1];
      if (next) {
        next.words.unshift(moved);
        next.text = `${moved.text} ${next.text}`;
      } else row[c + 1] = { text: moved.text, words: [moved] };
    }
  }
}
