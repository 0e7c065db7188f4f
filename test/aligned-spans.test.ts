/**
 * Merged report labels nest (src/tables/aligned-spans.ts): 類 `柒、行政部門`
 * starts at row 0 in LibreOffice's layout text, its 項 `一、一般行政` is
 * printed centred four rows lower and moves up; the 項 after it stays.
 */
import { describe, expect, it } from 'vitest';
import { nestSpanningLabels } from '../src/tables/aligned-spans.js';

describe('nested merged labels', () => {
  it('moves the first lower label under a new upper label up to its row', () => {
    const kind = new Map([[0, '柒、行政部門']]);
    const item = new Map([
      [4, '一、一般行政'],
      [13, '二、庶務管理'],
    ]);
    const entry = new Map([
      [0, '(一)印信典守'],
      [14, '(一)行政管理'],
    ]);
    nestSpanningLabels([kind, item, entry]);
    expect([...item].sort((a, b) => a[0] - b[0])).toEqual([
      [0, '一、一般行政'],
      [13, '二、庶務管理'],
    ]);
    // 二、庶務管理 starts row 13: so does its first 目.
    expect([...entry].sort((a, b) => a[0] - b[0])).toEqual([
      [0, '(一)印信典守'],
      [13, '(一)行政管理'],
    ]);
  });

  it('leaves a lower label that already starts with its upper one, and one past the next upper label', () => {
    const kind = new Map([
      [0, '肆、會計部門'],
      [5, '伍、人事部門'],
    ]);
    const item = new Map([
      [0, '一、歲計'],
      [7, '一、組織編制及任免遷調'],
    ]);
    nestSpanningLabels([kind, item]);
    expect([...item.keys()].sort((a, b) => a - b)).toEqual([0, 5]);
  });
});
