/**
 * Layout text of documents the reader was not fitted to (fixtures/heldout,
 * Chromium PDF through `pdftotext -layout`): unit tests of the centred-cell
 * steps on short lines copied from them (their scores: test/heldout-accuracy).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { cellLevels, holdsNestedLabels, labelBesideNext, sharesRowAbove } from '../src/tables/aligned-cell-levels.js';
import { keepRowsOnPage } from '../src/tables/aligned-page-rows.js';
import { lineRuns } from '../src/tables/aligned-text.js';
import { displayWidth } from '../src/width.js';
import { root } from './helpers/seeds.js';

const dir = path.join(root, 'fixtures/heldout');
const text = (name: string) => readFileSync(path.join(dir, 'text', name), 'utf8');

function itemsOf(name: string) {
  return parse(text(name), { path: name }).documents.flatMap((document) => document.workItems ?? []);
}

describe('two levels of labels in one centred category cell', () => {
  it('opens a second label after a short numbered line', () => {
    //   > | 七、地政
    //   > | 三七五減租租約異
    //       ^ a second paragraph: 七、地政 ended short of the column
    const texts = ['(三)2~未滿5歲育兒', null, '七、地政', null, '三七五減租租約異', '動、檢查及資料查填'];
    const opens = cellLevels(texts, displayWidth);
    expect(opens(['七、地政'], 2, 4)).toBe(true);
    // A full line wraps on: `(三)2~未滿5歲育兒` / `津貼及…`.
    expect(opens(['(三)2~未滿5歲育兒'], 0, 2)).toBe(false);
    // An unnumbered line goes on under an unnumbered one.
    expect(opens(['三七五減租租約異'], 4, 5)).toBe(false);
  });

  it('opens another cell\'s label after a short line further down', () => {
    //   > | (四)推薦孝行模
    //   > | 範
    //   > | 民防團業務          ← four lines below
    const opens = cellLevels(['(四)推薦孝行模', null, '範', null, null, null, '民防團業務'], displayWidth);
    expect(opens(['(四)推薦孝行模', '範'], 2, 6)).toBe(true);
    expect(opens(['(四)推薦孝行模'], 0, 4)).toBe(false);
  });

  it('puts a deeper label right under a one-line label on its row', () => {
    //   > | 一、一般行政
    //   > | (一)自治行政管理
    expect(sharesRowAbove({ start: 9, end: 9, parts: ['一、一般行政'] }, { start: 10, end: 10, parts: ['(一)自治行政管理'] })).toBe(true);
    expect(sharesRowAbove({ start: 22, end: 22, parts: ['七、地政'] }, { start: 24, end: 25, parts: ['三七五減租租約異', '動、檢查及資料查填'] })).toBe(true);
    // A sibling, a higher level, or a label of several lines above is another cell's.
    expect(sharesRowAbove({ start: 44, end: 44, parts: ['(二)環保宣導'] }, { start: 45, end: 47, parts: ['九、防災'] })).toBe(false);
    expect(sharesRowAbove({ start: 65, end: 69, parts: ['四、社會', '福利與救', '助'] }, { start: 71, end: 72, parts: ['(二)辦理', '老人福利'] })).toBe(false);
  });

  it('reads each item under both levels (work plan 89)', () => {
    const items = itemsOf('89_heldout-001-1-workplan-layout.txt');
    expect(items.find((item) => item.item.startsWith('加強督導里幹事'))?.path).toEqual(['一、一般行政', '(一)自治行政管理']);
    expect(items.find((item) => item.item.startsWith('里鄰長全民健康保險'))?.path).toEqual(['一、一般行政', '(二)民政管理']);
    expect(items.find((item) => item.item.startsWith('耕地租佃委員會'))?.path).toEqual(['七、地政', '三七五減租租約異動、檢查及資料查填']);
    expect(items.find((item) => item.item.startsWith('成立應變小組'))?.path).toEqual(['九、防災', '災害防救及防火宣導']);
  });
});

describe('a category label alone on its line inside the table', () => {
  it('is a cell when the next line goes on right of it or in two cells', () => {
    //   > | 一、文書管理
    //   > |              推動公文電子交換。      系統」
    expect(labelBesideNext(lineRuns('一、文書管理', 0, 1), '             推動公文電子交換。      系統」')).toBe(true);
    //   > | 三、增強調解行政服
    //   > | 務，加強調解委員會 提高調解績效。                                   1,751
    expect(labelBesideNext(lineRuns('三、增強調解行政服', 0, 1), '務，加強調解委員會 提高調解績效。                                   1,751')).toBe(true);
    // A heading followed by its paragraph, or by a blank line.
    expect(labelBesideNext(lineRuns('一、機關任務', 0, 1), '  本處業務職掌包含道路徵收開闢、雨污水下水道及區域排水相關設施規劃闢建及道路設')).toBe(false);
    expect(labelBesideNext(lineRuns('一、機關任務', 0, 1), null)).toBe(false);
  });

  it('keeps the table going (work plan 91)', () => {
    const items = itemsOf('91_heldout-001-6-workplan-layout.txt');
    expect(items.find((item) => item.item.startsWith('推動公文電子交換'))?.path).toEqual(['一、文書管理', '(一)文書作業資訊化']);
    expect(items.find((item) => item.item.startsWith('全面提升服務品質'))?.path).toEqual(['四、提升服務品質', '(一)全面實施品質管理']);
  });
});

describe('a first body line of nested labels after the header', () => {
  it('is not a section heading', () => {
    //   > | 參、兵 一、編練業 (一)落實戶役政
    //       ^^^   ^^^         a deeper label on the same line
    expect(holdsNestedLabels(lineRuns('參、兵 一、編練業 (一)落實戶役政', 0, 1))).toBe(true);
    expect(holdsNestedLabels(lineRuns('參、兵役部門', 0, 1))).toBe(false);
    expect(holdsNestedLabels(lineRuns('參、 兵役部門', 0, 1))).toBe(false);
  });

  it('starts the table (report 94)', () => {
    const name = '94_heldout-004-2-report-layout.txt';
    const items = parse(text(name), { path: name }).documents.flatMap((document) => document.reportItems ?? []);
    expect(items.find((item) => item.status.startsWith('每年定期執行戶役政'))?.path).toEqual(['參、兵役部門', '一、編練業務', '(一)落實戶役政資訊系統工作站使用管理']);
  });
});

describe('the last row of a page, centred on two lines', () => {
  it('keeps its second line when the next row\'s anchor is on the next page', () => {
    //   > | 六   汰換逾使用年限   依各年度規劃汰換老舊    每年11月30日前依限完    10      ← body line 0, page 0
    //   > |     警用車輛，強化   車輛            成               0%          ← 1, page 0
    //   > |     基礎裝備性能                                                   ← 2, page 1
    //   > |     推動嘉e智能巡   科技優化線上勤務偵查                              ← 3
    //   > | 七   邏車，科技辨識   功能，輔助員警即時辨   失竊車牌辨識率        50%    ← 4: 七's anchor
    const starts = [0, 1];
    keepRowsOnPage(starts, [0, 4], [0, 0, 1, 1, 1]);
    expect(starts).toEqual([0, 2]);
    // On one page, or with the row reaching further, the cut stays.
    const samePage = [0, 1];
    keepRowsOnPage(samePage, [0, 4], [0, 0, 0, 0, 0]);
    expect(samePage).toEqual([0, 1]);
  });

  it('reads the row whole (KPI plan 87)', () => {
    const name = '87_heldout-002-19-kpi-layout.txt';
    const kpis = parse(text(name), { path: name }).documents.flatMap((document) => document.kpis ?? []);
    const row = kpis.find((kpi) => kpi.indicator.text.startsWith('依各年度規劃汰換'));
    expect(row?.indicator.text).toBe('依各年度規劃汰換老舊車輛');
    expect(row?.targets.map((target) => target.raw)).toEqual(['100%', '100%', '100%', '100%']);
  });
});
