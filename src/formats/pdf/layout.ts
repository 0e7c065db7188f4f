/**
 * Printed lines from positioned runs, and their text spaced by x position the
 * way `pdftotext -layout` spaces it: one text line per printed line, each run
 * at the column its x position gives, so that a space-aligned table reader
 * finds the columns of a table without rules in the gutters.
 */
import { displayWidth, isWideCode } from '../../width.js';
import type { TextRun } from './page.js';

export interface PrintedLine {
  /** Baseline (top-down, points) of the line's first run. */
  y: number;
  /** Largest font size on the line. */
  size: number;
  runs: TextRun[];
}

/**
 * Items (runs, pieces) whose baselines lie within a third of the font size of
 * each other share a line (cells of one table row set at slightly different
 * heights included); lines top to bottom, items in the order met (by y, then x).
 */
export function baselineGroups<T extends { x: number; y: number; size: number }>(items: readonly T[]): { y: number; size: number; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: T[] }[] = [];
  let group: { y: number; size: number; items: T[] } | null = null;
  for (const item of sorted) {
    if (group && item.y - group.y <= Math.min(group.size, item.size) / 3) {
      group.items.push(item);
      if (item.size > group.size) group.size = item.size;
    } else groups.push((group = { y: item.y, size: item.size, items: [item] }));
  }
  return groups;
}

/** Runs grouped into printed lines (`baselineGroups`), each line's runs left to right. */
export function printedLines(runs: readonly TextRun[]): PrintedLine[] {
  return baselineGroups(runs).map(({ y, size, items }) => ({ y, size, runs: items.sort((a, b) => a.x - b.x) }));
}

/**
 * The width of one text column on a page: half the most common font size
 * (a CJK character takes two columns, a Latin letter or digit one).
 */
export function columnWidth(runs: readonly TextRun[]): number {
  const counts = new Map<number, number>();
  let best = 10;
  let bestCount = 0;
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    const count = (counts.get(size) ?? 0) + run.text.length;
    counts.set(size, count);
    if (count > bestCount) {
      bestCount = count;
      best = size;
    }
  }
  return Math.max(best / 2, 1);
}

/**
 * A printed line as text: each run starts at the column of its x position,
 * at least one space after the run before unless the two touch (a run split
 * by a font change inside a word).  Columns count from `origin`, the page's
 * leftmost text, as pdftotext drops the left margin.
 *
 *   > | 一   落實美感教育      發展校本美感課程及空     10   18    27    27
 *       ^ x=60             ^ x=150                 ^ x=390
 */
export function lineText(line: PrintedLine, unit: number, origin: number): string {
  let text = '';
  let width = 0;
  let end = -Infinity;
  for (const run of line.runs) {
    const content = unjustified(run.text.replace(/[\t\r\n]/g, ' '));
    const gap = run.x - end;
    const mixed = width > 0 && isWideCode(text.charCodeAt(text.length - 1)) !== isWideCode(content.charCodeAt(0));
    const touching = width > 0 && gap < run.size * (mixed ? ASIAN_WESTERN_GAP : JUSTIFIED_GAP);
    if (!touching) {
      const column = Math.max(0, Math.round((run.x - origin) / unit));
      // Two cells a hair apart (a table without rules, cells without padding)
      // still get a gutter of two spaces, as a word gap gets one (between a
      // digit and an ideograph, wider than the autospacing: one).
      const least = width === 0 ? 0 : gap < run.size * WORD_GAP && isWideCode(text.charCodeAt(text.length - 1)) && isWideCode(content.charCodeAt(0)) ? 2 : 1;
      const spaces = Math.max(width === 0 ? column : column - width, least);
      text += ' '.repeat(spaces);
      width += spaces;
    }
    text += content;
    width += displayWidth(content);
    end = run.x + run.width;
  }
  return text;
}

/**
 * Gaps between runs, in ems.  Justified CJK text (LibreOffice spreads a
 * cell's line over its width) leaves gaps up to about a tenth of an em
 * between glyph runs of one cell; two cells without padding stand a quarter
 * of an em apart; a word space is wider than a third of an em.
 *
 *   > | 雨水下水道 興 建 雨 水 下 水 道
 *                 ^ 0.07 em ^ 0.23 em: the next cell
 */
const JUSTIFIED_GAP = 0.18;
const WORD_GAP = 0.4;
/**
 * The space a word processor puts between Asian and Western text (a fifth
 * of an em): `45件`, `108年` are one word.
 *
 *   > | 45 件
 *         ^ 0.2 em
 */
const ASIAN_WESTERN_GAP = 0.22;

/**
 * A run's text without the spaces pdf.js puts between glyphs of justified
 * CJK text (`雨 水 下 水 道`): a space between two ideographs is never written.
 */
function unjustified(text: string): string {
  if (!text.includes(' ')) return text;
  return text.replace(/([\u3400-\u9fff\uf900-\ufaff\uff08\uff09\u3001\u3002\uff0c]) (?=[\u3400-\u9fff\uf900-\ufaff\uff08\uff09\u3001\u3002\uff0c])/gu, '$1');
}

