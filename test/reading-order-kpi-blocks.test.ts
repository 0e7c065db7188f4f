/**
 * KPI blocks of reading-order text (`pdftotext` without `-layout`) that the
 * extractor runs together, staggers or prints out of row order: the inputs
 * the heuristics' doc comments show, as the corpus text prints them, and the
 * rows they rebuild in those documents.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { blockValues } from '../src/tables/reading-order-cells.js';
import type { Kpi } from '../src/types.js';
import { root } from './helpers/seeds.js';

const textDir = path.join(root, 'fixtures/corpus/text');

function kpisOf(prefix: string): Kpi[] {
  const name = `${prefix}-raw.txt`;
  return parse(readFileSync(path.join(textDir, name)), { path: name }).documents.flatMap((document) => document.kpis);
}

const row = (kpis: readonly Kpi[], indicator: string) => {
  const found = kpis.find((kpi) => kpi.indicator.text.replace(/\s+/gu, '').includes(indicator));
  expect(found).toBeDefined();
  return { strategy: found!.strategy.text, indicator: found!.indicator.text, measure: found!.measure, targets: found!.targets.map((target) => target.raw) };
};

describe('reading-order KPI blocks', () => {
  it('reads value cells wrapped over different line counts (pieces of one baseline share a line)', () => {
    expect(blockValues(['≧2,0 ≧2,0 ≧12, ≧12,', '00人 00人 000', '000', '人', '人'])).toEqual(['≧2,000人', '≧2,000人', '≧12,000人', '≧12,000人']);
  });

  it('takes no staggered reading that breaks a thousands group', () => {
    expect(blockValues(['≧12, ≧12,', '0000'])).toBeNull();
  });

  it('gives the one strategy text printed among a row\'s cells to that row\'s group, and a text printed late by order', () => {
    const kpis = kpisOf('62_chiayi-fire-108-111-kpi');
    expect(row(kpis, '提升防火宣導線上申請率').strategy).toBe('強化防災安全面向，營造友善公安城市');
    expect(row(kpis, '充實消防車輛').strategy).toBe('加強災害應變能力，提升整體消防戰力');
    expect(row(kpis, '提升網站點閱次數').targets).toEqual(['≧2,000人', '≧2,000人', '≧12,000人', '≧12,000人']);
  });

  it('takes the measure printed below the last row\'s values', () => {
    const kpis = kpisOf('62_chiayi-fire-108-111-kpi');
    expect(row(kpis, '防縱火宣導普及率').measure?.replace(/\s+/gu, '')).toBe('「(本年宣導人次-去年宣導人次)/去年宣導人次」×100%');
  });

  it('never takes a strategy printed right after its ordinal for an indicator or a measure', () => {
    //   > | 利用電子簽名、附件掃… / 五 / 積極推動稅務自動化… / 全年辦理件數
    const kpis = kpisOf('60_chiayi-finance-tax-108-111-kpi');
    const four = row(kpis, '利用電子簽名');
    expect(four.measure).toBe('全年辦理件數');
    expect(four.targets).toEqual(['1萬6千件', '2萬件', '2萬8千件', '2萬8千件']);
    expect(row(kpis, '利用電腦處理各稅核稅').strategy).toBe('積極推動稅務自動化作業，提高稽徵績效');
  });

  it('reads the texts after a run of ordinals as strategies and a number before ordinals as an indicator ordinal', () => {
    //   > | 二 / 落實預算執行… / 1 / 三 / 四 / 如期編造總決算… / 提供統計資訊… / 依限完成率
    const kpis = kpisOf('58_chiayi-budget-108-111-kpi');
    const first = row(kpis, '將總預算案暨附屬單位預算');
    expect(first.measure).toBe('依限完成率');
    expect(first.targets).toEqual(['100%', '100%', '100%', '100%']);
  });

  it('continues a cell cut by a page break with the first block under the repeated header', () => {
    //   > | 分析及統計通報 / 五
    const kpis = kpisOf('58_chiayi-budget-108-111-kpi');
    expect(row(kpis, '蒐集重要統計數據').indicator).toBe('蒐集重要統計數據，撰寫職務上應用統計分析及統計通報');
    expect(row(kpis, '府內各單位暨所屬機關').strategy).toBe('導入公務統計管理資訊系統');
  });

  it('takes a value line run into the text cells beside it for the row\'s first target', () => {
    //   > | 建造執照申請案期限 日內審查完竣。但供公眾 / 90% / 內審核完竣
    const kpis = kpisOf('53_chiayi-urban-dev-108-111-kpi');
    const permit = row(kpis, '建造執照申請案期限內審核完竣');
    expect(permit.measure).toBe('年度申請建造執照案件10日內審查完竣。但供公眾使用或構造複雜者得延長為30日');
    expect(permit.targets).toEqual(['90%', '90%', '90%', '90%']);
  });

  it('takes the formula of a row whose indicator was printed apart for its measure', () => {
    //   > | (電匯作業量/總支付作業 / 量)x100﹪ / -- 98% 98% 98% / 六 / 賡續推廣電匯作業… / 提升電匯入帳比率
    const kpis = kpisOf('60_chiayi-finance-tax-108-111-kpi');
    const wire = row(kpis, '提升電匯入帳比率');
    expect(wire.indicator).toBe('提升電匯入帳比率');
    expect(wire.measure).toBe('(電匯作業量/總支付作業量)x100﹪');
  });

  it('completes target cells cut by a page break with the fragments under the repeated header', () => {
    //   > | 美術館籌 ×2 / 100筆以 ×2 … (page break, header) / 備中 / 備中 / 上 / 上
    const kpis = kpisOf('59_chiayi-culture-108-111-kpi');
    expect(row(kpis, '典藏研究，保存畫都藝文資材').targets).toEqual(['美術館籌備中', '美術館籌備中', '100筆以上', '100筆以上']);
  });

  it('keeps a lone number on a page that prints its page label, giving short rows\' targets to the last years', () => {
    //   > | 20 / 20 / 第3頁
    const kpis = kpisOf('54_chiayi-tourism-108-111-kpi');
    expect(row(kpis, '運用傳播媒體宣導').targets).toEqual(['', '', '20', '20']);
  });
});
