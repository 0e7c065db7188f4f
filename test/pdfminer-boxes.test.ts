/**
 * pdfminer's text boxes (`pdf2txt`, fixtures/extractors/pdfminer/, made as
 * the README there says): cells joined on one baseline and a strategy's last
 * line written after its row, on the real input the doc comments show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { joinStrategyTails, splitBaselineCells } from '../src/tables/baseline-cells.js';
import { paragraphs } from '../src/tables/reading-order-cells.js';
import type { Line } from '../src/types.js';
import { root } from './helpers/seeds.js';

function linesOf(text: string): Line[] {
  return text.split('\n').map((line, index) => ({ text: line, index, role: line.trim() === '' ? 'blank' : 'content' }) as Line);
}

function blocksOf(text: string) {
  const lines = linesOf(text);
  return paragraphs(lines, 0, lines.length);
}

const dir = path.join(root, 'fixtures/extractors/pdfminer');

describe('pdfminer boxes', () => {
  it('splits cells joined on one baseline', () => {
    const texts = (text: string) => blocksOf(text).flatMap(splitBaselineCells).map((block) => block.texts);
    expect(texts('六 特色馬拉松活動 辦理1場次')).toEqual([['六 特色馬拉松活動'], ['辦理1場次']]);
    expect(texts('1 路燈故障時修護時效 1個工作天完成修護率')).toEqual([['1'], ['路燈故障時修護時效'], ['1個工作天完成修護率']]);
    expect(texts('新增剩餘車位資訊面板數 5')).toEqual([['新增剩餘車位資訊面板數'], ['5']]);
    // An ordinal before one cell, a run of values and a wrapped cell stay as they are.
    expect(texts('一 落實美感教育')).toEqual([['一 落實美感教育']]);
    expect(texts('80% 80% 80% 80%')).toEqual([['80% 80% 80% 80%']]);
    expect(texts('二 建置公共自行車\n租賃系統')).toEqual([['二 建置公共自行車', '租賃系統']]);
  });

  it('gives a strategy its last line written after the row', () => {
    const blocks = blocksOf('一 提高大眾運輸使\n\n提昇市區公車搭乘率\n\n公車搭乘人次增加率\n\n20% 20% 0% 5%\n\n用率\n\n二 建置公共自行車\n租賃系統');
    expect(joinStrategyTails(blocks, 4).map((block) => block.texts)).toEqual([['一 提高大眾運輸使', '用率'], ['提昇市區公車搭乘率'], ['公車搭乘人次增加率'], ['20% 20% 0% 5%'], ['二 建置公共自行車', '租賃系統']]);
    // Before the run of values is full, the text is the row's own.
    expect(joinStrategyTails(blocks, 5)).toHaveLength(6);
  });

  it('reads the rows of a pdfminer KPI table around them', () => {
    const kpis = parse(readFileSync(path.join(dir, '56_chiayi-transport-108-111-kpi.txt')), { path: '56.txt' }).documents[0].kpis;
    expect(kpis[0].strategy?.text).toBe('提高大眾運輸使用率');
    expect(kpis[0].targets.map((target) => target.raw)).toEqual(['20%', '20%', '0%', '5%']);
    const marathon = parse(readFileSync(path.join(dir, '51_chiayi-education-108-111-kpi.txt')), { path: '51.txt' }).documents[0].kpis.find((kpi) => kpi.indicator?.text === '辦理1場次');
    // (Was `特色馬拉松活動辦理1場次`: the strategy's text run into the indicator.)
    expect(marathon?.measure).toBe('每年辦理1場次特色馬拉松');
  });
});
