/**
 * Table rules from pdf.js operator lists, in the shape pdf.js 5 produces them
 * (`constructPath` = [paintOp, [path data], bounds]): filled thin rectangles
 * (Chromium), stroked segments (LibreOffice), under the current transform
 * through save / restore / transform and form XObjects.
 */
import { describe, expect, it } from 'vitest';
import { readRules } from '../src/formats/pdf/graphics.js';
import { loadPdfJs } from '../src/formats/pdf/load.js';

const toPage = (x: number, y: number): [number, number] => [x, 842 - y];

describe('readRules', async () => {
  const { pdfjs } = await loadPdfJs();
  const { OPS } = pdfjs;
  // pdf.js path operators: 0 moveTo, 1 lineTo, 4 closePath.
  const rect = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);

  it('reads Chromium borders: thin filled rectangles under a scaled, flipped transform', () => {
    const { rules } = readRules(
      {
        fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.restore],
        argsArray: [null, [0.24, 0, 0, -0.24, 0, 842], [OPS.fill, [rect(0, 100, 1000, 3)], null], [OPS.fill, [rect(0, 100, 3, 500)], null], [OPS.fill, [rect(0, 100, 1000, 400)], null], null],
      },
      OPS,
      toPage,
      { maxRules: 100 },
    );
    // The 1000 × 400 shading is not a rule.
    expect(rules.map((r) => ({ ...r, at: Math.round(r.at * 10) / 10, from: Math.round(r.from), to: Math.round(r.to) }))).toEqual([
      { horizontal: true, at: 24.4, from: 0, to: 240 },
      { horizontal: false, at: 0.4, from: 24, to: 144 },
    ]);
  });

  it('reads stroked segments, undoes a transform at restore, and applies a form XObject matrix', () => {
    const line = new Float32Array([0, 10, 700, 1, 200, 700]);
    const { rules } = readRules(
      {
        fnArray: [OPS.save, OPS.transform, OPS.restore, OPS.constructPath, OPS.paintFormXObjectBegin, OPS.constructPath, OPS.paintFormXObjectEnd, OPS.constructPath],
        argsArray: [null, [1, 0, 0, 1, 50, 0], null, [OPS.stroke, [line], null], [[1, 0, 0, 1, 0, -100], null], [OPS.stroke, [line], null], null, [OPS.endPath, [line], null]],
      },
      OPS,
      toPage,
      { maxRules: 100 },
    );
    // The clipping path (endPath) paints nothing.
    expect(rules).toEqual([
      { horizontal: true, at: 142, from: 10, to: 200 },
      { horizontal: true, at: 242, from: 10, to: 200 },
    ]);
  });

  it('skips white rules and stops at the limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => new Float32Array([0, 0, i * 10, 1, 100, i * 10]));
    const { rules, truncated } = readRules(
      { fnArray: [OPS.setStrokeRGBColor, ...many.map(() => OPS.constructPath)], argsArray: [['#000000'], ...many.map((path) => [OPS.stroke, [path], null])] },
      OPS,
      toPage,
      { maxRules: 4 },
    );
    expect(truncated).toBe(true);
    expect(rules).toHaveLength(4);
    const white = readRules({ fnArray: [OPS.setStrokeRGBColor, OPS.constructPath], argsArray: [['#ffffff'], [OPS.stroke, [many[0]], null]] }, OPS, toPage, { maxRules: 4 });
    expect(white.rules).toEqual([]);
  });
});
