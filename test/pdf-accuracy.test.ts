/**
 * PDF accuracy floors (a ratchet): the corpus PDFs in fixtures/corpus/files,
 * parsed with parseAsync and scored against their gold like the seeds.
 * Tables with drawn borders are read from the grid (layout `pdf-grid`), by
 * Chromium (filled rectangles) and LibreOffice (stroked lines) alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { corpusDir } from './helpers/pdf.js';

const filesDir = path.join(corpusDir, 'files');
const pdfs = readdirSync(filesDir).filter((name) => name.endsWith('.pdf')).sort();
// LibreOffice's PDFs of the even-numbered documents draw no borders.
const borderless = (name: string) => /^\d*[02468]_.*-lo\.pdf$/.test(name);

interface Score {
  totals: Record<string, number | null>;
}

const results = new Map<string, ParseResult>();

function score(names: string[]): Score {
  return scoreResults(names.map((name) => ({ name, result: results.get(name)!, gold: path.join(corpusDir, 'gold', `${name}.gold.json`) })));
}

beforeAll(async () => {
  for (const name of pdfs) results.set(name, await parseAsync(readFileSync(path.join(filesDir, name)), { path: name }));
}, 120_000);

describe('PDF accuracy', () => {
  it('reads every corpus PDF into a valid result without errors', () => {
    for (const name of pdfs) {
      const result = results.get(name)!;
      expect(validateResult(result), name).toEqual([]);
      expect(result.source.format).toBe('pdf');
      expect(result.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
    }
  });

  it('reads the tables with drawn borders from the grid, at the floors', () => {
    const bordered = pdfs.filter((name) => !borderless(name));
    expect(bordered.length).toBeGreaterThanOrEqual(4);
    for (const name of bordered) {
      const layouts = results.get(name)!.documents.flatMap((d) => d.tables.map((t) => t.layout));
      expect(layouts, name).toContain('pdf-grid');
    }
    const { totals } = score(bordered);
    expect(totals.docs).toBe(1);
    expect(totals.outline).toBeGreaterThanOrEqual(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(1);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(1);
    expect(totals.work).toBeGreaterThanOrEqual(1);
    expect(totals.budgets).toBeGreaterThanOrEqual(1);
    expect(totals.report).toBeGreaterThanOrEqual(1);
    expect(totals.meta).toBeGreaterThanOrEqual(1);
  });

  it('finds the documents and outline of a PDF whose tables have no borders', () => {
    // The table itself is for the aligned-text reader (layout pdf-aligned).
    const names = pdfs.filter(borderless);
    expect(names.length).toBeGreaterThanOrEqual(1);
    const { totals } = score(names);
    expect(totals.docs).toBe(1);
    expect(totals.outline).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the tables without borders by alignment (layout pdf-aligned), at the floors', () => {
    // LibreOffice: cells without padding a quarter of an em apart, justified
    // CJK text, Asian–Western autospacing (52, 62: KPI tables; 64: a work plan).
    const names = pdfs.filter(borderless);
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const layouts = results.get(name)!.documents.flatMap((d) => d.tables.map((t) => t.layout));
      expect(layouts, name).toContain('pdf-aligned');
    }
    const { totals } = score(names);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.83);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.94);
    expect(totals.work).toBeGreaterThanOrEqual(0.54);
  });
});
