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

describe('a tsv KPI table whose rows carry ordinal cells the header names once', () => {
  // Seed 000's Word table as a converter writes it with tabs: the merged
  // 關鍵策略目標 column is one header cell but two row cells (一 + text).
  const text = [
    '嘉義市政府民政處中程(108至111年度)施政計畫',
    '',
    '關鍵策略目標\t關鍵績效指標\t衡量標準\t年度目標值',
    '\t\t\t108年\t109年\t110年\t111年',
    '一\t原住民歲時祭儀及客家節慶活動廣為宣傳\t提高市民參加原住民歲時祭儀及客家節慶活動之參與度\t參與人數\t500\t550\t600\t650',
    '二\t結合宗教團體舉辦特色宗教節慶活動及濟助弱勢家庭學生助學計畫\t1\t辦理「嘉義市千盞燈、照亮眾學生」助學計畫\t每年持續辦理，延續社會愛心\t每年一次\t每年一次\t每年一次\t每年一次',
    '\t\t2\t結合本市宗教團體輔導其舉辦具地方歷史文化特色意涵廟會及佛誕節、平安夜報佳音等活動\t每年至少3項活動\t每年至少3項\t每年至少3項\t每年至少3項\t每年至少3項',
  ].join('\n');
  const [document] = parse(text).documents;

  it('folds each ordinal into its cell and lines the row up with the header', () => {
    expect(document.tables[0].header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(document.kpis.map((k) => [k.strategy.marker, k.strategy.text.slice(0, 6), k.indicator.marker, k.indicator.text.slice(0, 6), k.measure?.slice(0, 4), k.targets.map((t) => t.raw).join(' ')])).toEqual([
      ['一', '原住民歲時祭', null, '提高市民參加', '參與人數', '500 550 600 650'],
      ['二', '結合宗教團體', '1', '辦理「嘉義市', '每年持續', '每年一次 每年一次 每年一次 每年一次'],
      ['二', '結合宗教團體', '2', '結合本市宗教', '每年至少', '每年至少3項 每年至少3項 每年至少3項 每年至少3項'],
    ]);
  });
});

describe('a KPI table whose columns carry other agencies\' names', () => {
  //   > | 策略目標   成果指標   評估標準   112年   113年
  //                  ^^^^^^^^   ^^^^^^^^ indicator and measure under other names
  const text = [
    '高雄市政府社會局中程(112至113年度)施政計畫',
    '',
    '策略目標\t成果指標\t評估標準\t112年\t113年',
    '一、照顧弱勢家庭\t1.急難救助完成率\t完成件數/申請件數×100%\t95%\t96%',
    '\t2.辦理社工研習\t辦理場次\t4場\t5場',
  ].join('\n');
  const [document] = parse(text).documents;

  it('reads indicator, measure and targets', () => {
    expect(document.kpis.map((k) => [k.strategy.text, k.indicator.text, k.measure, k.targets.map((t) => t.raw)])).toEqual([
      ['照顧弱勢家庭', '急難救助完成率', '完成件數/申請件數×100%', ['95%', '96%']],
      ['照顧弱勢家庭', '辦理社工研習', '辦理場次', ['4場', '5場']],
    ]);
  });
});
