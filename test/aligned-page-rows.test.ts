/**
 * A KPI row keeps its key cells' lines after its ordinal on its page; the
 * next row, whose ordinal stands after the page break, starts after them
 * (58's KPI table, fixtures/corpus/text).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { pageBreakStarts } from '../src/tables/aligned-page-rows.js';
import { corpusText } from './helpers/corpus.js';

describe('pageBreakStarts', () => {
  //   0 > | 四 提供統計資訊，以供 1 蒐集本市基礎概況及重要 依限完成率   100 100 100 100
  //   1 > |                                                             % % % %
  //   2 > |   決策參用        施政成果統計資料編製
  //   3 > |               「統計年報」
  //   (page break, repeated header)
  //   4 > |                           依限完成 4 篇分
  //   5 > |               蒐集重要統計數據，撰寫
  //   6 > |             2 職務上應用統計分析及統
  //                                             ^ row 2 starts at 4, not before
  const pages = [0, 0, 0, 0, 1, 1, 1];
  const keys = [true, false, true, true, true, true, true];
  it('starts the next row after the key lines that follow the anchor on its page', () => {
    expect(pageBreakStarts([0, 6], pages, (i) => keys[i])).toEqual([0, 4]);
  });
  it('puts no bound between two anchors on one page', () => {
    expect(pageBreakStarts([4, 6], pages, (i) => keys[i])).toEqual([0, 0]);
  });
  it('stops at a gap wider than a neighbour’s wrapped line', () => {
    const sparse = [true, false, false, false, true, true, true];
    expect(pageBreakStarts([0, 6], [0, 0, 0, 0, 0, 1, 1], (i) => sparse[i])).toEqual([0, 1]);
  });
});

describe('58 (LibreOffice, pdftotext -layout)', () => {
  it('keeps 統計年報 in the row before the page break', () => {
    const name = '58_chiayi-budget-108-111-kpi-lo-layout.txt';
    const kpis = parse(corpusText(name), { path: name }).documents.flatMap((document) => document.kpis ?? []);
    const yearbook = kpis.find((row) => row.indicator.text.startsWith('蒐集本市基礎概況'));
    expect(yearbook?.indicator.text.replace(/\s/gu, '')).toBe('蒐集本市基礎概況及重要施政成果統計資料編製「統計年報」');
  });
});
