/**
 * A strategy cell's lines start at the column's left edge: a line of the
 * column far right of it is the next column's (58's KPI table after a page
 * break, fixtures/corpus/text).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { leftEdge, moveOffEdge } from '../src/tables/aligned-left-edge.js';
import { rowAtCuts } from './helpers/aligned-cells.js';
import { corpusText } from './helpers/corpus.js';

const row = rowAtCuts;

// 58's page after the break: the repeated header puts 關鍵績效指標's start
// right of column 15, so the indicator's lines fall in 關鍵策略目標.
const lines = [
  '             2 職務上應用統計分析及統',
  '               計通報',
  '  導入公務統計管理資',
  '五           務統計報表單位計 16 個單位',
  '  訊系統',
];
const cuts = [0, 20, 40];

describe('moveOffEdge', () => {
  it('finds the edge most of the column’s lines start at (after an ordinal)', () => {
    const cells = lines.map((text, i) => row(text, i, cuts));
    expect(leftEdge(cells, 0, 0, cells.length)).toBe(2);
  });
  it('gives a line far right of the edge, with its ordinal, to the next column', () => {
    //   > |              2 職務上應用統計分析及統
    //                    ^
    const cells = lines.map((text, i) => row(text, i, cuts));
    moveOffEdge(cells, 0, 0, cells.length, 1);
    expect(cells[0][0]).toBeNull();
    expect(cells[0][1]?.text).toBe('2 職務上應用統計分析及統');
    expect(cells[2][0]?.text).toBe('導入公務統計管理資');
    expect(cells[1][1]?.text).toBe('計通報');
    expect(cells[3][0]?.text).toBe('五');
    expect(cells[3][1]?.text).toBe('務統計報表單位計 16 個單位');
    expect(cells[4][0]?.text).toBe('訊系統');
  });
});

describe('58 (LibreOffice, pdftotext -layout)', () => {
  it('keeps the indicator under a repeated header out of the next strategy', () => {
    const name = '58_chiayi-budget-108-111-kpi-lo-layout.txt';
    const kpis = parse(corpusText(name), { path: name }).documents.flatMap((document) => document.kpis ?? []);
    const system = kpis.find((row) => row.indicator.text.startsWith('府內各單位'));
    expect(system?.strategy?.text.replace(/\s/gu, '')).toBe('導入公務統計管理資訊系統');
    expect(kpis.some((row) => row.indicator.text.includes('職務上應用統計分析'))).toBe(true);
  });
});
