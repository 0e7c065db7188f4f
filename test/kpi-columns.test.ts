/** KPI tables whose columns differ from the seeds': one-year targets, weights, ranges. */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const annualPlan = [
  '臺南市政府民政局113年度施政計畫',
  '',
  '壹、年度關鍵績效指標',
  '',
  '關鍵策略目標\t關鍵績效指標\t衡量標準\t權重\t113年度目標值',
  '一、健全區里組織(業務成果)(30%)\t1.里長滿意度\t滿意人數/受訪人數×100%\t15%\t90%',
  '\t2.辦理里鄰長研習(15%)\t辦理場次\t\t4場',
  '二、提升服務品質\t1.申辦案件準時完成率\t準時件數/總件數\t20%\t95%-98%',
].join('\n');

describe('an annual plan with a one-year KPI table', () => {
  const [document] = parse(annualPlan).documents;

  it('is an annual plan of one year', () => {
    expect(document).toMatchObject({ kind: 'annual-plan', agency: '臺南市政府民政局', period: { from: 113, to: 113 } });
  });

  it('reads the targets of the single year column', () => {
    expect(document.kpis.map((k) => k.targets.map((t) => [t.year, t.raw, t.type]))).toEqual([
      [[113, '90%', 'percent']],
      [[113, '4場', 'number']],
      [[113, '95%-98%', 'range']],
    ]);
    expect(document.kpis[2].targets[0].value).toEqual({ min: 95, max: 98 });
  });

  it('gives a 權重 column after the indicator to the indicators, a (30%) after a strategy to the strategy', () => {
    expect(document.kpis.map((k) => [k.strategy.text, k.strategy.perspective, k.strategy.weight, k.indicator.text, k.indicator.weight])).toEqual([
      ['健全區里組織', '業務成果', 30, '里長滿意度', 15],
      ['健全區里組織', '業務成果', 30, '辦理里鄰長研習', 15],
      ['提升服務品質', null, null, '申辦案件準時完成率', 20],
    ]);
  });
});
