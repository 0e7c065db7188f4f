/**
 * One page as plan-parse sees it: positioned text runs (pdf.js
 * `getTextContent`) and table rules (`getOperatorList`), both in page
 * coordinates: x from the left edge, y from the top edge, in points.
 */
import { readRules, type Rule } from './graphics.js';
import type { PdfJs, PdfPage } from './load.js';
import { countGlyphs } from './unreadable.js';

/** A run of text on one baseline, as pdf.js gives it (one font, no large gaps). */
export interface TextRun {
  text: string;
  /** Left edge and baseline (top-down). */
  x: number;
  y: number;
  /** Advance width along the baseline. */
  width: number;
  /** Font size (the height of an em). */
  size: number;
}

export interface PageContent {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
  /** True when the page had more rules than the limit (the rest were ignored). */
  truncatedRules: boolean;
  /** Glyphs the page paints, and of those the ones that decode to a space or nothing (all of them when a font's ToUnicode map is broken that way). */
  glyphs: number;
  blankGlyphs: number;
}

export interface PageLimits {
  maxRules: number;
  maxRuns: number;
}

export async function readPage(page: PdfPage, number: number, OPS: PdfJs['OPS'], limits: PageLimits): Promise<PageContent> {
  const [left, bottom, right, top] = page.view;
  const width = Math.abs(right - left);
  const height = Math.abs(top - bottom);
  const rotate = ((page.rotate % 360) + 360) % 360;
  // PDF user space (y up) → page space (y down), honouring /Rotate.
  const toPage = (x: number, y: number): [number, number] => {
    const u = x - Math.min(left, right);
    const v = Math.max(top, bottom) - y;
    if (rotate === 90) return [height - v, u];
    if (rotate === 180) return [width - u, height - v];
    if (rotate === 270) return [v, width - u];
    return [u, v];
  };
  const content = await page.getTextContent({ disableNormalization: false });
  const runs: TextRun[] = [];
  const painted = new Map<string, TextRun[]>();
  for (const item of content.items) {
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    if (runs.length >= limits.maxRuns) break;
    const [a, b, c, d, e, f] = item.transform;
    const [x, y] = toPage(e, f);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    // Rotated text (vertical stamps, table headers written sideways) keeps its origin.
    const run = { text: item.str, x, y, width: Math.abs(item.width), size };
    // The same text painted twice on itself (a fake bold, an overlaid field)
    // is read once, as pdftotext reads it.
    const key = `${item.str}@${Math.round(y)}`;
    const twins = painted.get(key);
    if (twins?.some((twin) => Math.abs(twin.x - x) < size * 0.3)) continue;
    if (twins) twins.push(run);
    else painted.set(key, [run]);
    runs.push(run);
  }
  const operators = await page.getOperatorList();
  const { rules, truncated } = readRules(operators, OPS, toPage, { maxRules: limits.maxRules });
  const swapped = rotate === 90 || rotate === 270;
  return { number, width: swapped ? height : width, height: swapped ? width : height, runs, rules, truncatedRules: truncated, ...countGlyphs(operators, OPS) };
}
