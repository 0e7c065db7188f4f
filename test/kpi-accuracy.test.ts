/**
 * KPI accuracy floors on the seeds (fixtures/score.mjs against the gold).  A
 * ratchet: raise the floors when the parser improves, never lower them.
 */
import { describe, expect, it } from 'vitest';
import { scoreSeeds } from './helpers/seeds.js';

const FLOORS: Record<string, { rows: number; cells: number }> = {
  '000_41429686ef6f927b.txt': { rows: 1, cells: 1 },
  '002_518a493018a85667.txt': { rows: 1, cells: 1 },
  '003_778b9b4aea791543.txt': { rows: 1, cells: 1 },
};

describe('KPI accuracy on the seeds', () => {
  const score = scoreSeeds();
  for (const [file, floor] of Object.entries(FLOORS)) {
    it(`reads the KPI rows of ${file}`, () => {
      const result = score.files.find((f) => f.file === file) as { kpiRows: { f1: number }; kpiCells: number } | undefined;
      expect(result).toBeDefined();
      expect(result!.kpiRows.f1).toBeGreaterThanOrEqual(floor.rows);
      expect(result!.kpiCells).toBeGreaterThanOrEqual(floor.cells);
    });
  }
  it('keeps the overall KPI scores', () => {
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(1);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(1);
  });
});

describe('common indicators', () => {
  it('marks only the 共同性指標 table common, not the KPI table beside it under a parent that names both', async () => {
    const { parsedSeed } = await import('./helpers/seeds.js');
    const [document] = parsedSeed('003_778b9b4aea791543.txt').documents;
    const kinds = document.tables.filter((t) => t.kind === 'kpi' || t.kind === 'common-kpi').map((t) => t.kind);
    expect(kinds).toEqual(['kpi', 'common-kpi']);
    expect(document.kpis.filter((k) => k.common).map((k) => k.indicator.text)).toEqual([
      '各單位當年度經常門業務費賸餘數百分比',
      '機關編制員額成長率',
      '約聘僱員額成長率',
      '約聘僱核定職等變化率',
      '單位平均終身學習時數',
    ]);
  });
});
