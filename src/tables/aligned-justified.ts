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

/** Lines either side whose next column tells where it starts. */
const REACH = 2;

/**
 * A justified line spaced out glyph by glyph through a gutter: LibreOffice
 * justifies a label and the text beside it alike, and with one space between
 * every glyph the gutter is one space too, so the two cells come out one
 * chain.  The next column's text starts at the same place on the lines
 * beside it: the chain is cut at the glyph standing there (`raw[i]`: the
 * line's words before chains were joined).
 *
 *   > |                             1. 總收發文件均由專人輸入電腦，並按月統計列
 *                                   ^ 辦理情形 starts here, and on the lines beside
 *   > |             ( 二 ) 公 文 收 發 繕 請 案 件 120 件 、 陳 情 案 件 108 件
 *                                         ^ 請: the cut (目 (二)公文收發繕 | 辦理情形 請案件…)
 */
export function cutChainsAtNext(cells: (Fragment | null)[][], raw: readonly (readonly Run[])[], from: number, to: number, last: number, unit: number): void {
  for (let i = from; i < to; i++) {
    const row = cells[i];
    for (let c = 0; c < last; c++) {
      const cell = row[c];
      // (A chain with the next column's text after it on its line ended at its gutter.)
      if (!cell || row[c + 1]) continue;
      const k = cell.words.length - 1;
      const chain = cell.words[k];
      if (!isSpacedOut(chain, unit)) continue;
      // Where the next column starts on the lines beside (its first word on the line).
      let start = -1;
      for (let j = Math.max(from, i - REACH); j <= Math.min(to - 1, i + REACH) && start < 0; j++) {
        const next = j === i ? null : cells[j][c + 1];
        if (next && next.words[0].x0 > chain.x0 && next.words[0].x0 < chain.x1) start = next.words[0].x0;
      }
      if (start < 0) continue;
      const glyphs = raw[i].filter((run) => run.x0 >= chain.x0 && run.x1 <= chain.x1);
      const at = glyphs.findIndex((run) => run.x0 === start);
      if (at <= 0) continue;
      const left = glyphs.slice(0, at);
      const right = glyphs.slice(at);
      const join = (runs: Run[]): Run => ({ line: chain.line, x0: runs[0].x0, x1: runs[runs.length - 1].x1, text: runs.map((run) => run.text).join('') });
      cell.words[k] = join(left);
      cell.text = cell.words.map((word) => word.text).join(' ');
      const moved = join(right);
      const next = row[c + 1];
      if (next) {
        next.words.unshift(moved);
        next.text = `${moved.text} ${next.text}`;
      } else row[c + 1] = { text: moved.text, words: [moved] };
    }
  }
}
