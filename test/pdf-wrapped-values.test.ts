/**
 * A ruled KPI row whose narrow target cells wrap their values (`10` / `0%`)
 * and whose measure wraps too: the wrapped rest is no new row's values, so
 * the row is not cut at its baselines.  Real file: held-out document 87
 * printed by headless Chromium (fixtures/heldout/files, scripts/make-heldout.sh).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';

describe('values wrapped in a ruled row', () => {
  //   > | 交通事故現場圖雲端 | 通事故案件數/受理A1、A | 10 | 10 | 10
  //   > |   1               |                        |    |    |
  //   > | 數位化             | 2類交通事故案件數*10   | 0% | 0% | 0%     ← the same row: 100%
  //   > |                    | 0%
  it('keeps the row whole', async () => {
    const name = '87_heldout-002-19-kpi.pdf';
    const result = await parseAsync(readFileSync(new URL(`../fixtures/heldout/files/${name}`, import.meta.url)), { path: name });
    const kpi = result.documents[0].kpis.find((entry) => entry.indicator.text.startsWith('交通事故現場圖雲端'));
    expect(kpi?.indicator.text).toBe('交通事故現場圖雲端數位化');
    expect(kpi?.targets.map((target) => target.raw)).toEqual(['--', '100%', '100%', '100%']);
  }, 60_000);
});
