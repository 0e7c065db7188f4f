/**
 * Reading-order PDF text (`pdftotext` without `-layout`, fixtures/corpus/text/*-raw.txt,
 * copied from the shared corpus with their gold): accuracy by table kind, scored with
 * fixtures/score.mjs.  A ratchet: these are the scores reached; raise them as the reader
 * improves (issue 9's targets: kpiRows 0.95, kpiCells 0.97, work 0.90, budgets 0.90,
 * report 0.90).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const textDir = path.join(root, 'fixtures/corpus/text');
const goldDir = path.join(root, 'fixtures/corpus/gold');
const names = readdirSync(textDir).filter((name) => name.endsWith('-raw.txt')).sort();

function scoreRaw(): Record<string, number | null> {
  const entries = names.map((name) => {
    const result = parse(readFileSync(path.join(textDir, name)), { path: name });
    expect(validateResult(result)).toEqual([]);
    return { name, result, gold: path.join(goldDir, `${name}.gold.json`) };
  });
  return scoreResults(entries).totals;
}

describe('reading-order PDF text (pdftotext without -layout)', () => {
  const totals = scoreRaw();

  it('finds every document', () => {
    expect(names.length).toBe(16);
    expect(totals.docs).toBe(1);
  });

  it('KPI tables', () => {
    expect(totals.kpiRows).toBeGreaterThanOrEqual(KPI_ROWS);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(KPI_CELLS);
  });

  it('work-plan tables', () => {
    expect(totals.work).toBeGreaterThanOrEqual(WORK_ITEMS);
    expect(totals.budgets).toBeGreaterThanOrEqual(BUDGETS);
  });

  it('work-report tables', () => {
    expect(totals.report).toBeGreaterThanOrEqual(REPORT_ITEMS);
  });

  it('tables are read as reading-order tables', () => {
    const result = parse(readFileSync(path.join(textDir, names[0])), { path: names[0] });
    const layouts = result.documents.flatMap((document) => document.tables.map((table) => table.layout));
    expect(layouts).toContain('reading-order');
  });
});

// Floors (measured; see the README's Accuracy section).
const KPI_ROWS = 0.914;
const KPI_CELLS = 0.958;
const WORK_ITEMS = 0.985;
const BUDGETS = 1;
const REPORT_ITEMS = 0.99;
