/**
 * A merged (rowspan) strategy cell that a page break cuts: its text goes on
 * at the next page's top beside the next row, and is still the same cell.
 * Real files: held-out documents 80 (Chromium) and 88 (LibreOffice Writer),
 * fixtures/heldout/files, made by scripts/make-heldout.sh.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';

async function strategiesOf(name: string): Promise<Map<string, string>> {
  const result = await parseAsync(readFileSync(new URL(`../fixtures/heldout/files/${name}`, import.meta.url)), { path: name });
  return new Map(result.documents[0].kpis.map((kpi) => [kpi.indicator.text, kpi.strategy.text]));
}

describe('a merged strategy cell cut by a page break', () => {
  //   > | 三 | 端正禮俗，改善社會風氣，保存 | 1 | 辦理市民集團結婚 | 參加對數 | 20 …   (page foot)
  //   > |    | 優良傳統文化                 | 2 | 辦理成年禮       | 報名參加人數 …   (next page)
  it('keeps its text whole for every row it spans (Chromium)', async () => {
    const strategies = await strategiesOf('80_heldout-002-1-kpi.pdf');
    expect(strategies.get('辦理市民集團結婚')).toBe('端正禮俗，改善社會風氣，保存優良傳統文化');
    expect(strategies.get('辦理成年禮')).toBe('端正禮俗，改善社會風氣，保存優良傳統文化');
  }, 60_000);

  it('keeps its text whole for every row it spans (LibreOffice)', async () => {
    const strategies = await strategiesOf('88_heldout-000-1-kpi-lo.pdf');
    const cut = [...strategies.entries()].filter(([, strategy]) => strategy.includes('傳統文化'));
    expect(cut.length).toBeGreaterThanOrEqual(2);
    for (const [, strategy] of cut) expect(strategy).toBe('端正禮俗，改善社會風氣，保存優良傳統文化');
  }, 60_000);
});
