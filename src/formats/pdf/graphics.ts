/**
 * Table rules from a page's vector graphics (pdf.js operator list).
 *
 * Producers draw a table's borders differently: headless Chromium fills each
 * border as a thin rectangle, LibreOffice and Word stroke line segments (often
 * doubled half a point apart), Excel mixes both.  In pdf.js 5 a path arrives as
 * one `constructPath` operation `[paintOp, [path data], bounds]` in the
 * coordinates current when it was drawn, so the current transform is tracked
 * through save / restore / transform and form XObjects.  The result is plain
 * horizontal and vertical segments in page coordinates (top-down, points).
 */
import type { PdfJs } from './load.js';

/** An axis-aligned rule: `at` is y for a horizontal rule, x for a vertical one; from < to. */
export interface Rule {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

type Matrix = [number, number, number, number, number, number];

// Path data operators (pdf.js DrawOPS).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A filled rectangle at most this thick (points) is a rule; thicker ones are shading. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter marks are glyph-like decoration, not borders. */
const MIN_RULE_LENGTH = 3;
/** Paths longer than this (path data numbers) are drawings, not borders: skipped. */
const MAX_PATH_DATA = 200_000;

export interface GraphicsLimits {
  /** Stop after this many rules on one page (a hostile or pathological drawing). */
  maxRules: number;
}

/**
 * The rules painted on a page.  `toPage` maps PDF user space to page
 * coordinates (x from the left edge, y from the top edge).
 */
export function readRules(
  operators: { fnArray: number[]; argsArray: unknown[] },
  OPS: PdfJs['OPS'],
  toPage: (x: number, y: number) => [number, number],
  limits: GraphicsLimits,
): { rules: Rule[]; truncated: boolean } {
  const rules: Rule[] = [];
  const stack: { ctm: Matrix; fill: string; stroke: string }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fill = '#000000';
  let stroke = '#000000';
  const { fnArray, argsArray } = operators;
  const painting = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, fill, stroke });
    else if (fn === OPS.restore) {
      const state = stack.pop();
      if (state) ({ ctm, fill, stroke } = state);
    } else if (fn === OPS.transform && args) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push({ ctm, fill, stroke });
      const matrix = args[0] as Matrix | null;
      if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) ctm = multiply(ctm, Array.from(matrix as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) {
      const state = stack.pop();
      if (state) ({ ctm, fill, stroke } = state);
    } else if (fn === OPS.setFillRGBColor && args) fill = String(args[0]);
    else if (fn === OPS.setStrokeRGBColor && args) stroke = String(args[0]);
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      if (!painting.has(paint)) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || data.length > MAX_PATH_DATA) continue;
      const stroked = strokes.has(paint);
      // White on white draws nothing a reader sees.
      if (stroked ? isWhite(stroke) : isWhite(fill)) continue;
      const point = (x: number, y: number): [number, number] => toPage(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
      if (stroked) strokeRules(data, point, rules);
      else fillRules(data, point, rules);
      if (rules.length > limits.maxRules) return { rules: rules.slice(0, limits.maxRules), truncated: true };
    }
  }
  return { rules, truncated: false };
}

/** Each straight, axis-aligned segment of a stroked path is a rule. */
function strokeRules(data: ArrayLike<number>, point: (x: number, y: number) => [number, number], rules: Rule[]): void {
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  let k = 0;
  while (k < data.length) {
    const op = data[k];
    if (op === MOVE_TO) {
      current = start = point(data[k + 1], data[k + 2]);
      k += 3;
    } else if (op === LINE_TO) {
      const next = point(data[k + 1], data[k + 2]);
      if (current) addSegment(current, next, rules);
      current = next;
      k += 3;
    } else if (op === CURVE_TO) {
      current = point(data[k + 5], data[k + 6]);
      k += 7;
    } else if (op === QUADRATIC_CURVE_TO) {
      current = point(data[k + 3], data[k + 4]);
      k += 5;
    } else if (op === CLOSE_PATH) {
      if (current && start) addSegment(current, start, rules);
      current = start;
      k += 1;
    } else return; // unknown operator: the rest cannot be decoded
  }
}

function addSegment([x1, y1]: [number, number], [x2, y2]: [number, number], rules: Rule[]): void {
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= MIN_RULE_LENGTH) rules.push({ horizontal: true, at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= MIN_RULE_LENGTH) rules.push({ horizontal: false, at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
}

/** A filled subpath made of straight segments whose box is thin is a rule along its long side. */
function fillRules(data: ArrayLike<number>, point: (x: number, y: number) => [number, number], rules: Rule[]): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let curved = false;
  const flush = (): void => {
    if (!curved && minX <= maxX) {
      const width = maxX - minX;
      const height = maxY - minY;
      if (height <= MAX_RULE_THICKNESS && width >= MIN_RULE_LENGTH && width > height) rules.push({ horizontal: true, at: (minY + maxY) / 2, from: minX, to: maxX });
      else if (width <= MAX_RULE_THICKNESS && height >= MIN_RULE_LENGTH && height > width) rules.push({ horizontal: false, at: (minX + maxX) / 2, from: minY, to: maxY });
    }
    minX = minY = Infinity;
    maxX = maxY = -Infinity;
    curved = false;
  };
  const extend = ([x, y]: [number, number]): void => {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  let k = 0;
  while (k < data.length) {
    const op = data[k];
    if (op === MOVE_TO) {
      flush();
      extend(point(data[k + 1], data[k + 2]));
      k += 3;
    } else if (op === LINE_TO) {
      extend(point(data[k + 1], data[k + 2]));
      k += 3;
    } else if (op === CURVE_TO) {
      curved = true;
      k += 7;
    } else if (op === QUADRATIC_CURVE_TO) {
      curved = true;
      k += 5;
    } else if (op === CLOSE_PATH) k += 1;
    else break;
  }
  flush();
}

function multiply(m: Matrix, n: Matrix): Matrix {
  // Apply n first, then m (PDF's `cm` concatenates onto the current matrix).
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function isWhite(color: string): boolean {
  return /^#f[ef]f[ef]f[ef]$/i.test(color);
}
