/**
 * `pdftotext -raw` prints a page's number at its top, right after the form feed and
 * before the repeated header (fixtures/extractors/pdftotext-raw/62_chiayi-fire-108-111-kpi.txt).
 * The flattened reader leaves it out: it is no target value and no part of the
 * strategy cell the page break cut.  The same extractor cuts a short piece off a
 * printed line where a run of punctuation starts (`公共安全」` / `，以`): no typeset
 * line starts with a comma, so the piece goes back onto the line before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { root } from './helpers/seeds.js';

describe('a page number at the page top in pdftotext -raw text', () => {
  it('is left out of the rows', () => {
    //   > | 10
    //   > | 0%
    //   > | \f4
    //         ^ the page number
    //   > | 關鍵策略目標 關鍵績效指標 衡量標準
    //   > | 年度目標值
    //   > | 108年 109年 110年 111年
    //   > | 七 加強執行「消防
    const file = 'fixtures/extractors/pdftotext-raw/62_chiayi-fire-108-111-kpi.txt';
    const result = parse(readFileSync(path.join(root, file)), { path: '62.txt' });
    const kpis = result.documents.flatMap((document) => document.kpis);
    const training = kpis.filter((kpi) => kpi.strategy.text.startsWith('加強消防體技教育訓練'));
    expect(training.map((kpi) => kpi.strategy.text)).toEqual(['加強消防體技教育訓練', '加強消防體技教育訓練']);
    expect(training[1].targets.map((target) => target.raw)).toEqual(['90%', '100%', '100%', '100%']);
  });
});

describe('a piece cut off a printed line at its closing punctuation', () => {
  it('goes back onto the line before, in its cell', () => {
    //   > | 七 加強執行「消防
    //   > | 公共安全」
    //   > | ，以
    //       ^ not a cell of its own
    //   > | 確保人民財產安
    //   > | 全
    const file = 'fixtures/extractors/pdftotext-raw/62_chiayi-fire-108-111-kpi.txt';
    const result = parse(readFileSync(path.join(root, file)), { path: '62.txt' });
    const kpis = result.documents.flatMap((document) => document.kpis).filter((kpi) => kpi.strategy.marker === '七');
    expect(kpis.map((kpi) => [kpi.strategy.text, kpi.indicator.text])).toEqual([
      ['加強執行「消防公共安全」，以確保人民財產安全', '進行火災受災戶調查、評估火災時警報、滅火、避難等能力'],
      ['加強執行「消防公共安全」，以確保人民財產安全', '防縱火宣導普及率'],
    ]);
  });
});

describe('the rest of a row\'s cell under the repeated header', () => {
  it('ends the indicator the page break cut, not the closed strategy cell', () => {
    //   > | 2 蒐集重要統計數據，
    //   > | 撰寫職務上應用統計
    //   > | 依限完成4篇分析（含統
    //   > | 計通報）及編印統計年報
    //   > | 10 / 0% (×4)
    //   > | \f4 / 關鍵策略目標 關鍵績效指標 衡量標準 / 年度目標值 / 108年 109年 110年 111年
    //   > | 分析及統計通報
    //       ^^^^^^^^^^^^^^ the indicator's last line
    //   > | 五 導入公務統計管
    const file = 'fixtures/extractors/pdftotext-raw/58_chiayi-budget-108-111-kpi.txt';
    const result = parse(readFileSync(path.join(root, file)), { path: '58.txt' });
    const kpis = result.documents.flatMap((document) => document.kpis).filter((kpi) => kpi.strategy.marker === '四');
    expect(kpis.map((kpi) => [kpi.strategy.text, kpi.indicator.text])).toEqual([
      ['提供統計資訊，以供決策參用', '蒐集本市基礎概況及重要施政成果統計資料編製「統計年報」'],
      ['提供統計資訊，以供決策參用', '蒐集重要統計數據，撰寫職務上應用統計分析及統計通報'],
    ]);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'kpi-row-uncertain' && diagnostic.message.includes('end of the indicator cell'))).toBe(true);
  });
});

describe('a row with targets for only some years, no spacing to place them', () => {
  it('gives them to the last years and flags the row', () => {
    // fixtures/extractors/pdftotext-raw/54_chiayi-tourism-108-111-kpi.txt (-layout text prints
    // them under 110年 and 111年)
    //   > | 2 運用傳播媒體宣導重
    //   > | 要政策及推動成果等
    //   > | 事宜
    //   > | 則數 20 20
    //            ^^^^^ two targets for four years
    const file = 'fixtures/extractors/pdftotext-raw/54_chiayi-tourism-108-111-kpi.txt';
    const result = parse(readFileSync(path.join(root, file)), { path: '54.txt' });
    const kpi = result.documents.flatMap((document) => document.kpis).find((entry) => entry.measure === '則數' && entry.indicator.text.startsWith('運用傳播媒體'));
    expect(kpi?.targets.map((target) => [target.year, target.raw])).toEqual([
      [108, ''],
      [109, ''],
      [110, '20'],
      [111, '20'],
    ]);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'kpi-row-uncertain' && diagnostic.message.includes('2 targets for 4 years'))).toBe(true);
  });
});

describe('a repeated header with a word wrapped in its narrow cell (Writer)', () => {
  it('is left out, and the indicator the page break cut goes on under it', () => {
    // fixtures/extractors/pdftotext-raw-lo/56_chiayi-transport-108-111-kpi-lo.txt
    //   > | 設計與
    //   > | 年度執行經費(億元) 0.812 1.423 9.3 4.14
    //   > | 關鍵策略目標
    //   > | 關鍵績效
    //   > | 指標
    //       ^^^^ 關鍵績效指標, a header word
    //   > | 衡量標準
    //   > | 年度目標值
    //   > | 108 年 109 年 110 年 111 年
    //   > | 工程之
    //   > | 地方分
    const file = 'fixtures/extractors/pdftotext-raw-lo/56_chiayi-transport-108-111-kpi-lo.txt';
    const result = parse(readFileSync(path.join(root, file)), { path: '56.txt' });
    const kpi = result.documents.flatMap((document) => document.kpis).find((entry) => entry.strategy.marker === '六');
    expect(kpi?.indicator.text.replace(/\s+/gu, '')).toBe('本府配合A提供交通部鐵道局執行設計與工程之地方分擔款經費');
    expect(kpi?.measure).toBe('年度執行經費(億元)');
  });
});
