/**
 * Centred merged strategy cells in `-layout` text: which lines between two
 * ordinals go to which cell.  A blank line (a ruled table's row padding) is
 * the border between two rows; without one, the lines are cut where the
 * upper cell stands centred on its ordinal.  Real text: held-out documents
 * 81 and 83, Chromium PDF, `pdftotext -layout` (fixtures/heldout/text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const read = (name: string) => readFileSync(new URL(`../fixtures/heldout/text/${name}`, import.meta.url), 'utf8');

describe('a blank line between two centred strategy cells', () => {
  //   > |    人與小孩的友善
  //   > |    環境設置。           ← 二's, though 三 (two lines on) stands nearer than 二 (four up)
  //   > |
  //   > |    動植物疾病防    1   豬瘟及口蹄疫發生率 …
  //   > | 三   治，確保農產品       不合格農產品藥物殘
  const [document] = parse(read('81_heldout-002-2-kpi-layout.txt')).documents;
  const strategyOf = (indicator: string) => document.kpis.find((kpi) => kpi.indicator.text === indicator)?.strategy.text;

  it('keeps the last line in the row above the blank line', () => {
    expect(strategyOf('設置簡易運動器材及兒童遊具安全檢測及修繕')).toBe('加強本市公園兒童遊具安全檢測及修繕；簡易運動器材之設置與修繕，以落實老人與小孩的友善環境設置。');
    expect(strategyOf('豬瘟及口蹄疫發生率')).toBe('動植物疾病防治，確保農產品衛生安全');
    expect(strategyOf('不合格農產品藥物殘留率')).toBe('動植物疾病防治，確保農產品衛生安全');
  });
});

describe('two centred strategy cells with no border between them', () => {
  //   > |    推動地籍圖重測
  //   > | 六   作業，健全地籍
  //   > |    圖資              ← 六's: two lines above 六 and two below, though 七 is nearer
  //   > | 七   調整土地公告現
  const [document] = parse(read('83_heldout-002-8-kpi-layout.txt')).documents;
  const strategyOf = (indicator: string) => document.kpis.find((kpi) => kpi.indicator.text === indicator)?.strategy.text;

  it('cuts where the upper cell is centred on its ordinal', () => {
    expect(strategyOf('按重測目標筆數跟實際完成登記筆數')).toBe('推動地籍圖重測作業，健全地籍圖資');
    expect(strategyOf('公告土地現值調幅占一般正常交易價格比例')).toBe('調整土地公告現值，適度反應一般正常交易價格');
  });
});
