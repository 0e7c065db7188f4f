/**
 * Words of a PDF's text runs, with their x extents.  pdf.js gives one run
 * for text set in one go, spaces included: the target values of four columns
 * (`100% 100% 100% 100%`) or a measure and the first target (`/3 33%`) may
 * come as one run.  A run is cut at its spaces; each glyph is taken to
 * advance by its display width (half an em for a digit or Latin letter, an em
 * for an ideograph) and the spaces share what is left of the run's width.
 *
 *   > | 100% 100% 100% 100%
 *       ^^^^ ^^^^ ^^^^ ^^^^  four words, x from 412.7 to 538.9 pt
 */
import { displayWidth } from '../../width.js';
import type { Piece } from './grid.js';
import type { TextRun } from './page.js';

//   > | 雨 水 下 水 道    景 區 文
//          ^ a space between two ideographs
const JUSTIFIED_SPACE = /(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])[ \u3000]+(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])/gu;

//   > | 一 提高大眾運輸使用率
//       ^ an ordinal, then its text unspaced
const LEADING_ORDINAL = /^([一二三四五六七八九十]{1,3}|[0-9]{1,2})[ \u3000]+(\S{2}.*)$/u;

/**
 * Kangxi radicals and radical supplements standing for the ideographs they
 * look like: some fonts map those glyphs there (Chromium with Noto CJK
 * writes `關鍵策略⽬標`, U+2F6C for 目), and a header would not read.
 *
 *   > | 關鍵策略⽬標
 *               ^ U+2F6C → 目
 */
const RADICAL = /[\u2e80-\u2fdf]/u;
const RADICALS = /[\u2e80-\u2fdf]/gu;

export interface Word extends Piece {
  /** Index of the printed line the word stands on. */
  line: number;
}

export function wordsOf(run: TextRun, line: number): Word[] {
  const source = RADICAL.test(run.text) ? run.text.replace(RADICALS, (radical) => radical.normalize('NFKC')) : run.text;
  // A space between two ideographs is never written: it is justification
  // (`雨 水 下 水 道`), inside one word.
  // An ordinal set apart from its text is not justification: only its text is spaced out when it is.
  const ordinal = LEADING_ORDINAL.exec(source);
  const text = ordinal && !/\s/u.test(ordinal[2]) ? source : source.replace(JUSTIFIED_SPACE, '');
  if (!/\s/u.test(text)) return text ? [{ text, x: run.x, y: run.y, width: run.width, size: run.size, line }] : [];
  const parts = text.split(/(\s+)/u);
  let glyphs = 0;
  let spaces = 0;
  for (const part of parts) {
    if (/^\s+$/u.test(part)) spaces += part.length;
    else glyphs += displayWidth(part);
  }
  // Justification spaces taken out above widen the glyphs they stood between.
  let unit = run.size / 2;
  let space = spaces > 0 ? (run.width - glyphs * unit) / spaces : 0;
  if (space < unit / 4) {
    // Narrower glyphs than nominal (a condensed font): scale them down.
    unit = run.width / (glyphs + spaces / 2 || 1);
    space = unit / 2;
  }
  const words: Word[] = [];
  let x = run.x;
  for (const part of parts) {
    if (part === '') continue;
    if (/^\s+$/u.test(part)) {
      x += part.length * space;
      // The space stays with the word before it, for when both stay in one cell (`5. 109年`).
      const last = words[words.length - 1];
      if (last) last.text += ' ';
      continue;
    }
    const width = displayWidth(part) * unit;
    words.push({ text: part, x, y: run.y, width, size: run.size, line });
    x += width;
  }
  return words;
}

/**
 * Words of one printed line that touch (a gap under a third of an em) as one:
 * a title split by a font change, or a year and its unit.
 *
 *   > | 108年 109年
 *       ^^^^ `108` and `年` 2 pt apart at 9.5 pt
 */
export function touchingJoined(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const word of [...words].sort((a, b) => a.line - b.line || a.x - b.x)) {
    const last = out[out.length - 1];
    if (last && last.line === word.line && word.x - (last.x + last.width) < Math.min(last.size, word.size) / 3) {
      out[out.length - 1] = { ...last, text: last.text + word.text, width: word.x + word.width - last.x };
    } else out.push({ ...word });
  }
  return out;
}
