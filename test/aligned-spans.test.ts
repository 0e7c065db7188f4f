/**
 * Merged report labels nest (src/tables/aligned-spans.ts): 類 `柒、行政部門`
 * starts at row 0 in LibreOffice's layout text, its 項 `一、一般行政` is
 * printed centred four rows lower and moves up; the 項 after it stays.
 */
import { describe, expect, it } from 'vitest';
import { nestSpanningLabels, spanningLabels } from '../src/tables/aligned-spans.js';

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

describe('merged labels centred on their rows (LibreOffice layout text)', () => {
  // 66 (東區區公所 109 年度工作總報告), pdftotext -layout of LibreOffice's PDF:
  //   (二)區政管理   利用各項會議讓同仁瞭解市政脈動，…
  //                 1. 依政府採購法、市府暨所屬機關學校、…
  //   (三)事務管理   2. 109 年度綠色採購目標比例為 95%，…
  it('gives a label to the row where the key numbering restarts above it', () => {
    const texts = ['(二)區政管理', null, '(三)事務管理'];
    const labels = spanningLabels(texts, [0, 0, 0], [0, 1, 2], [null, 1, 2]);
    expect([...labels]).toEqual([
      [0, '(二)區政管理'],
      [1, '(三)事務管理'],
    ]);
  });

  it('keeps a top-aligned label on the row it starts in', () => {
    // 64 (西區區公所兵役課): `一、編` / `練業務` at the top of its rows, items unnumbered.
    const texts = ['一、編', '練業務', null, null, '二、徵', '集業務'];
    const labels = spanningLabels(texts, [0, 0, 0, 0, 0, 0], [0, 2, 4], [null, null, null]);
    expect([...labels]).toEqual([
      [0, '一、編練業務'],
      [2, '二、徵集業務'],
    ]);
  });

  it('joins an unnumbered block on the next page to the numbered label before it', () => {
    // `二 、 考 核` on one page, `獎懲` centred on the rest of the cell after the break.
    const texts = ['二、考核', null, null, null, null, null, '獎懲'];
    const labels = spanningLabels(texts, [0, 0, 0, 1, 1, 1, 1], [0, 3], [1, 2]);
    expect([...labels]).toEqual([[0, '二、考核獎懲']]);
  });
});
