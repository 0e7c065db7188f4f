/**
 * Text of the corpus's Chromium PDFs from other extractors (MuPDF's `mutool draw
 * -F txt` and `mutool convert -F text`, pdfminer's `pdf2txt`, poppler's `pdftotext
 * -raw`; fixtures/extractors/, made as its README says): accuracy per extractor,
 * scored with fixtures/score.mjs against the PDFs' gold.  Issue 9 asks for the same
 * accuracy on every extractor's text; these floors are a ratchet — the scores
 * reached, to be raised as the readers improve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const base = path.join(root, 'fixtures/extractors');

type Totals = Record<string, number | null>;

/** Parse one extractor's folder and score it against the PDFs' gold. */
function score(folder: string): { totals: Totals; names: string[] } {
  const dir = path.join(base, folder);
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  const entries = names.map((name) => {
    const result = parse(readFileSync(path.join(dir, name)), { path: name });
    expect(validateResult(result)).toEqual([]);
    // The gold of the PDF the text came from, under the text's name.
    return { name, result, gold: path.join(base, 'gold', `${name.replace(/\.txt$/u, '')}.pdf.gold.json`) };
  });
  return { totals: scoreResults(entries).totals, names };
}

// Floors per extractor (measured; kpiRows, kpiCells, work items, budgets, report items).
const FLOORS: Record<string, { kpiRows: number; kpiCells: number; work: number; budgets: number; report: number }> = {
  'mutool-draw': { kpiRows: 0.93, kpiCells: 0.963, work: 1, budgets: 1, report: 0.935 },
  'mutool-convert': { kpiRows: 0.91, kpiCells: 0.96, work: 1, budgets: 1, report: 0.935 },
  pdfminer: { kpiRows: 0.095, kpiCells: 0.36, work: 0.86, budgets: 0.94, report: 0.32 },
  'pdfminer-line-margin': { kpiRows: 0.01, kpiCells: 0.23, work: 0.1, budgets: 0.94, report: 0 },
  'pdftotext-raw': { kpiRows: 0.925, kpiCells: 0.95, work: 1, budgets: 1, report: 0.98 },
};

for (const [folder, floor] of Object.entries(FLOORS)) {
  describe(`${folder} text of the Chromium PDFs`, () => {
    const { totals, names } = score(folder);

    it('finds every document and its outline', () => {
      expect(names.length).toBe(16);
      expect(totals.docs).toBe(1);
      expect(totals.outline).toBeGreaterThanOrEqual(0.99);
    });

    it('KPI tables', () => {
      expect(totals.kpiRows).toBeGreaterThanOrEqual(floor.kpiRows);
      expect(totals.kpiCells).toBeGreaterThanOrEqual(floor.kpiCells);
    });

    it('work-plan tables', () => {
      expect(totals.work).toBeGreaterThanOrEqual(floor.work);
      expect(totals.budgets).toBeGreaterThanOrEqual(floor.budgets);
    });

    it('work-report tables', () => {
      expect(totals.report).toBeGreaterThanOrEqual(floor.report);
    });
  });
}
