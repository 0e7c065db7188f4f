import { describe, expect, it } from 'vitest';
import { splitEntries } from '../src/records/entries.js';

const summary = (cell: string, options = {}) => splitEntries(cell, options).map((entry) => [entry.marker?.marker ?? null, entry.text]);

describe('splitEntries', () => {
  it('splits a plain cell at its 1. 2. markers', () => {
    expect(summary('1. 防止登革熱之傳染。  2. 環境清潔。')).toEqual([
      ['1.', '防止登革熱之傳染。'],
      ['2.', '環境清潔。'],
    ]);
  });

  it('splits HTML paragraphs, restarting numbering included', () => {
    expect(summary('1. 輔導寺廟。\n2. 輔導祭典節約。\n1. 改善民間祭典。').map(([marker]) => marker)).toEqual(['1.', '2.', '1.']);
  });

  it('starts unnumbered entries after a sentence end when asked', () => {
    expect(summary('(五)後備軍人資訊通檢。 全民國防教育宣導業務。', { unmarkedBreaks: true })).toEqual([
      ['(五)', '後備軍人資訊通檢。'],
      [null, '全民國防教育宣導業務。'],
    ]);
  });

  it('keeps an unnumbered sentence inside its entry otherwise', () => {
    expect(summary('8. 配合查註並函復。 嘉義機場補助。')).toHaveLength(1);
  });

  it('does not read numbers inside a sentence as markers', () => {
    expect(summary('受理 109 年後備軍人申請第 4、5 款緩召作業計 3 件。')).toHaveLength(1);
  });

  it('reads several category labels in one cell (loose)', () => {
    expect(summary('訓練  五、衛生 (一)季節性環境衛生', { loose: true, unmarkedBreaks: true })).toEqual([
      [null, '訓練'],
      ['五、', '衛生'],
      ['(一)', '季節性環境衛生'],
    ]);
  });

  it('keeps (1) sub-entries inside their 1. entry when the style is locked', () => {
    const entries = splitEntries('1. 結合社區活動，場次如下：\n(1) 荖藤社區。\n(2) 太平社區。\n2. 依據計畫辦理。', { entryStyle: 'first' });
    expect(entries.map((entry) => entry.marker?.marker)).toEqual(['1.', '2.']);
    expect(entries[0].text).toContain('(2) 太平社區。');
  });

  it('keeps an unnumbered lead sentence as its own entry', () => {
    expect(summary('辦理本所資訊安全業務： 1. 提報維護計畫。 2. 配合演練。', { entryStyle: 'first' })).toEqual([
      [null, '辦理本所資訊安全業務：'],
      ['1.', '提報維護計畫。'],
      ['2.', '配合演練。'],
    ]);
  });
});
