/**
 * The one-scan checks in front of `columnRole` and the Writer text reader's
 * `isTitle`: a cell without any character of the header vocabulary is told
 * `other` / no title at once.  Every word of that vocabulary (the header
 * cells of the seeds and of Writer's text export) must still get its role,
 * and body text must still get none.
 */
import { describe, expect, it } from 'vitest';
import { columnRole } from '../src/records/columns.js';
import { reportHeaderRole } from '../src/records/report-items.js';
import { workHeaderRole } from '../src/records/work-items.js';
import { isTitle } from '../src/tables/writer-text-header.js';

// Each word the role tests look for, as header cells write them.
const COLUMN_WORDS: [string, string][] = [
  ['年度目標值/108年', 'year'],
  ['112年度', 'year'],
  ['民國 110', 'year'],
  ['序號', 'strategy-marker'],
  ['項次', 'strategy-marker'],
  ['序', 'strategy-marker'],
  ['編號', 'indicator-marker'],
  ['指標編號', 'indicator-marker'],
  ['項目編號', 'indicator-marker'],
  ['評估體制', 'assessment-system'],
  ['評估方式', 'assessment-method'],
  ['評估方法', 'assessment-method'],
  ['權重', 'weight'],
  ['衡量標準', 'measure'],
  ['計算公式', 'measure'],
  ['衡量方式', 'measure'],
  ['評估標準', 'measure'],
  ['衡量基準', 'measure'],
  ['計算方式', 'measure'],
  ['關鍵策略目標', 'strategy'],
  ['共同性目標', 'strategy'],
  ['施政目標', 'strategy'],
  ['關鍵績效指標', 'indicator'],
  ['衡量指標', 'indicator'],
  ['共同性指標', 'indicator'],
  ['成果指標', 'indicator'],
  ['評估指標', 'indicator'],
  ['指標', 'indicator'],
  ['年度目標值', 'year'],
  ['績效目標值', 'year'],
  ['單位', 'unit'],
  ['計量單位', 'unit'],
  ['單位別', 'unit'],
];

const WORK_WORDS = ['重要工作項目', '重要工作計畫項目', '工作計畫項目', '計畫項目', '重點工作', '機關工作項目', '業務項目', '類別', '工作類別', '實施內容', '執行內容', '辦理內容', '實施方式', '工作內容', '計畫內容', '辦理方式', '執行方式', '預算金額', '經費', '金額'];
const REPORT_WORDS = ['辦理情形', '執行情形', '辦理情況', '執行成果', '辦理成果', '執行績效', '實施情形', '執行成效', '辦理成效', '執行概況', '辦理概況', '完成程度', '完成率', '完成百分比', '完成度', '達成率', '執行率', '執行進度', '完成進度', '達成度', '備註', '說明'];

describe('header vocabulary behind the one-scan checks', () => {
  it('columnRole: every word keeps its role (spaced and full-width forms too)', () => {
    for (const [word, role] of COLUMN_WORDS) expect(columnRole(word).role, word).toBe(role);
    expect(columnRole('衡 量 標 準').role).toBe('measure');
    expect(columnRole('年度目標值（修正後）').role).toBe('year');
  });

  it('columnRole: a cell with none of the characters is other', () => {
    for (const cell of ['甲', '乙丙', '辦理老人福利', '', 'KPI']) expect(columnRole(cell)).toEqual({ role: 'other' });
  });

  it('isTitle: every word of the three vocabularies is a title', () => {
    for (const [word] of COLUMN_WORDS.filter(([word]) => !/^(?:民國 )?\d/u.test(word))) expect(isTitle(word), word).toBe(true);
    for (const word of WORK_WORDS) {
      expect(workHeaderRole(word), word).not.toBeNull();
      expect(isTitle(word), word).toBe(true);
    }
    for (const word of REPORT_WORDS) {
      expect(reportHeaderRole(word), word).not.toBe('level');
      expect(isTitle(word), word).toBe(true);
    }
  });

  it('isTitle: body text and numbered headings are not titles', () => {
    //   > | 辦理老人福利
    //       ^ none of the characters
    for (const line of ['辦理老人福利', '甲乙丙', '二、關鍵績效指標', '(一)預算執行', '108年']) expect(isTitle(line), line).toBe(false);
  });
});
