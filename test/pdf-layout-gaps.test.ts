/**
 * Gaps between glyph runs in a PDF without table rules (LibreOffice): the
 * rendition keeps a cell's justified glyphs and `45 件` together and sets
 * two cells a quarter of an em apart off by a gutter.  Positions are the
 * runs pdf.js gives on 52_chiayi-public-works-108-111-kpi-lo.pdf.
 */
import { describe, expect, it } from 'vitest';
import { lineText, type PrintedLine } from '../src/formats/pdf/layout.js';
import type { TextRun } from '../src/formats/pdf/page.js';

function line(runs: [number, number, string][], size = 12): PrintedLine {
  const list: TextRun[] = runs.map(([x0, x1, text]) => ({ text, x: x0, y: 570, width: x1 - x0, size }));
  return { y: 570, size, runs: list };
}

describe('PDF rendition gaps', () => {
  it('joins justified CJK runs of one cell and sets the next cell off by a gutter', () => {
    const printed = line([
      [70.6, 166.6, '及水環境改善計畫'],
      [211.9, 275.1, '雨水下水道'],
      [275.9, 287.9, '興'],
      [288.7, 300.7, '建'],
      [303.5, 369.3, '雨 水 下 水 道'],
      [370.7, 382.7, '興'],
      [384.2, 396.2, '建'],
      [397.6, 409.6, '長'],
    ]);
    const text = lineText(printed, 6, 52.5);
    expect(text.trim().split(/ {2,}/)).toEqual(['及水環境改善計畫', '雨水下水道興建', '雨水下水道興建長']);
  });

  it('keeps a value and its unit one word across the Asian–Western autospacing', () => {
    const printed = line([
      [412.7, 424.7, '45'],
      [427.1, 439.1, '件'],
      [445.2, 457.2, '45'],
      [459.6, 471.6, '件'],
      [477.6, 489.6, '35'],
      [492.0, 504.0, '件'],
    ]);
    expect(lineText(printed, 6, 52.5).trim().split(/ +/)).toEqual(['45件', '45件', '35件']);
  });

  it('still sets a run far off at the column of its x position (60 = (412.7 − 52.5) / 6)', () => {
    const printed = line([
      [59.6, 155.6, '二、關鍵績效指標'],
      [155.6, 184.9, '(KPI)'],
      [412.7, 538.9, '100% 100% 100% 100%'],
    ]);
    expect(lineText(printed, 6, 52.5)).toBe(' 二、關鍵績效指標(KPI)' + ' '.repeat(38) + '100% 100% 100% 100%');
  });
});
