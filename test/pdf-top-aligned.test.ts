/**
 * Borderless tables with top-aligned cells, as Word lays them out by default
 * (vAlign top, 0.19 cm side margins, no borders): corpus DOCX 54 (KPI), 64
 * (work plan) and 66 (report) rewritten by scripts/make-top-aligned-docx.py and
 * printed to PDF by LibreOffice 7.4 (fixtures/corpus/README.md).  Read from
 * glyph positions (layout `pdf-aligned`); the scores are floors (a ratchet).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../src/formats/pdf.js';
import { parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { scoreResults } from './helpers/corpus.js';
import { corpusDir } from './helpers/pdf.js';

const NAMES = ['54_chiayi-tourism-108-111-kpi', '64_chiayi-west-district-military-112-workplan', '66_chiayi-east-district-109-report-accounting-personnel-admin'];
const results = new Map<string, ParseResult>();

beforeAll(async () => {
  for (const name of NAMES) results.set(name, await parseAsync(readFileSync(path.join(corpusDir, 'top-aligned', `${name}-top.pdf`)), { path: `${name}-top.pdf` }));
});

function totals(name: string): Record<string, number | null> {
  return scoreResults([{ name: `${name}-top.pdf`, result: results.get(name)!, gold: path.join(corpusDir, 'gold', `${name}.docx.gold.json`) }]).totals;
}

describe('top-aligned borderless tables (Word-style cells, LibreOffice PDF)', () => {
  it('reads the KPI table: digits of a narrow target column wrapped (`2,00` / `0`), ordinals in their own column', () => {
    const score = totals(NAMES[0]);
    expect(score.kpiRows).toBeGreaterThanOrEqual(1);
    expect(score.kpiCells).toBeGreaterThanOrEqual(1);
  });

  it('reads the work plan with its budgets', () => {
    const score = totals(NAMES[1]);
    expect(score.work).toBeGreaterThanOrEqual(1);
    expect(score.budgets).toBeGreaterThanOrEqual(1);
  });

  it('reads the report (floor)', () => {
    const score = totals(NAMES[2]);
    expect(score.docs).toBeGreaterThanOrEqual(1);
    expect(score.report).toBeGreaterThanOrEqual(0.45);
  });

  it('flags every report row whose completion cell holds two values (rows joined)', async () => {
    const rendition = await readPdf(new Uint8Array(readFileSync(path.join(corpusDir, 'top-aligned', `${NAMES[2]}-top.pdf`))));
    const report = rendition.tables.filter((table) => table.layout === 'pdf-aligned' && table.header.some((name) => name.includes('辦理情形')));
    expect(report.length).toBeGreaterThan(0);
    const completion = report[0].header.findIndex((name) => name.includes('完成'));
    expect(completion).toBeGreaterThanOrEqual(0);
    const joined = report.flatMap((table) => table.rows).filter((row) => (row.cells[completion].match(/[0-9]+%/gu) ?? []).length > 1);
    expect(joined.length).toBeGreaterThan(0);
    for (const row of joined) expect(row.warning?.code).toBe('report-item-uncertain');
  });

  it('reads them as tables without rules', () => {
    for (const name of NAMES) expect(results.get(name)!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
