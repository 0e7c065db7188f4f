/**
 * Centred merged cells in a ruled table's `-layout` text: a blank line (the
 * rows' padding) is the border between two rows, so a strategy cell's last
 * line stays in its row even when the next row's ordinal stands nearer.
 * Real text: held-out document 81, Chromium PDF, `pdftotext -layout`
 * (fixtures/heldout/text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const text = readFileSync(new URL('../fixtures/heldout/text/81_heldout-002-2-kpi-layout.txt', import.meta.url), 'utf8');

describe('a blank line between two centred strategy cells', () => {
  //   > |    人與小孩的友善
  //   > |    環境設置。           ← 二's, though 三 (two lines on) stands nearer than 二 (four up)
  //   > |
  //   > |    動植物疾病防    1   豬瘟及口蹄疫發生率 …
  //   > | 三   治，確保農產品       不合格農產品藥物殘
  const [document] = parse(text).documents;
  const strategyOf = (indicator: string) => document.kpis.find((kpi) => kpi.indicator.text === indicator)?.strategy.text;

  it('keeps the last line in the row above the blank line', () => {
    expect(strategyOf('設置簡易運動器材及兒童遊具安全檢測及修繕')).toBe('加強本市公園兒童遊具安全檢測及修繕；簡易運動器材之設置與修繕，以落實老人與小孩的友善環境設置。');
    expect(strategyOf('豬瘟及口蹄疫發生率')).toBe('動植物疾病防治，確保農產品衛生安全');
    expect(strategyOf('不合格農產品藥物殘留率')).toBe('動植物疾病防治，確保農產品衛生安全');
  });
});
