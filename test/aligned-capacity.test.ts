/**
 * A text column's line never holds more than the column is wide: LibreOffice
 * wraps a CJK cell where its line is full, and `pdftotext -layout` may set
 * the next cell one space after it (57's KPI table, fixtures/corpus/text).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { columnCapacity, cutOverfull, emWidth } from '../src/tables/aligned-capacity.js';
import { rowAtCuts } from './helpers/aligned-cells.js';
import { corpusText } from './helpers/corpus.js';

const row = rowAtCuts;

describe('emWidth', () => {
  it('counts ideographs one em and ASCII half', () => {
    expect(emWidth('12 月 x100%')).toBe(4.5);
    expect(emWidth('講座、營隊、活動')).toBe(8);
  });
});

describe('cutOverfull', () => {
  // 57's indicator column (關鍵績效指標) holds nine glyphs a line; its lines
  // here were cut at column 40 (衡量標準 starts further right in the header).
  const cuts = [0, 10, 40];
  const lines = [
    '             各項工作坊、課程',
    '           1 講座、營隊、活動 參與總人次',
    '             推動本府陳情話務中',
    '             心營運，整合各局處',
    '             按月清查各項重大計 年 度 清 查 次 數 /',
    '             畫及工程執行進度 12 月 x100%',
  ];
  it('takes the capacity from the lines two or more reach', () => {
    const cells = lines.map((text, i) => row(text, i, cuts));
    expect(columnCapacity(cells, 1)).toBe(9);
  });
  it('gives the words past a full line to the next column', () => {
    //   > |           1 講座、營隊、活動 參與總人次
    //                                  ^
    const cells = lines.map((text, i) => row(text, i, cuts));
    cutOverfull(cells, 1, 1);
    expect(cells[1][1]?.text).toBe('1 講座、營隊、活動');
    expect(cells[1][2]?.text).toBe('參與總人次');
    expect(cells[4][1]?.text).toBe('按月清查各項重大計');
    // The number after 進度 stands where 年 (衡量標準) starts above: the cut is before it.
    expect(cells[5][1]?.text).toBe('畫及工程執行進度');
    expect(cells[5][2]?.text).toBe('12 月 x100%');
    // Lines that fit stay as they were.
    expect(cells[0][1]?.text).toBe('各項工作坊、課程');
    expect(cells[0][2]).toBeNull();
  });
});

describe('57 (LibreOffice, pdftotext -layout)', () => {
  it('reads the indicator and the measure set one space apart', () => {
    const name = '57_chiayi-smart-tech-108-111-kpi-lo-layout.txt';
    const kpis = parse(corpusText(name), { path: name }).documents.flatMap((document) => document.kpis ?? []);
    const strip = (text: string | null | undefined) => text?.replace(/\s/gu, '');
    const workshop = kpis.find((row) => row.indicator.text.startsWith('各項工作坊'));
    expect(strip(workshop?.indicator.text)).toBe('各項工作坊、課程講座、營隊、活動等');
    expect(strip(workshop?.measure)).toBe('參與總人次');
    const monthly = kpis.find((row) => row.indicator.text.startsWith('按月清查'));
    expect(strip(monthly?.indicator.text)).toBe('按月清查各項重大計畫及工程執行進度');
    expect(strip(monthly?.measure)).toBe('年度清查次數/12月x100%');
  });
});
