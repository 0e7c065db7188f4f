/**
 * A measure's formula that ran past its column in `-layout` text: the piece
 * opening the first year column with an operator (`×10` of `×100%`) is the
 * measure's, not a target.  Real text: held-out document 81, Chromium PDF,
 * `pdftotext -layout` (fixtures/heldout/text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const text = readFileSync(new URL('../fixtures/heldout/text/81_heldout-002-2-kpi-layout.txt', import.meta.url), 'utf8');

describe('a formula piece at the first year column', () => {
  //   > | 一                           估年度發包數 (5案 ) ×10    75   75    75    75
  //                                                    ^^^ → 衡量標準
  //   > |                             0%
  const [document] = parse(text).documents;
  const kpi = document.kpis.find((candidate) => candidate.indicator.text === '相關業務開口契約訂定數量');

  it('goes back to the measure, before the piece wrapped under it', () => {
    // (The wrapped number's two pieces are joined with a space: nothing tells a wrapped `×100%` from `×10 0%`.)
    expect(kpi?.measure?.replace(/\s+/gu, '')).toBe('年度改善方案發包數/預估年度發包數(5案)×100%');
    expect(kpi?.targets.map((target) => target.raw)).toEqual(['75', '75', '75', '75']);
  });
});
