/**
 * MuPDF's text of the corpus's LibreOffice PDFs (fixtures/extractors/mutool-draw-lo/,
 * made as the README there says): what is read of it, scored against the PDFs' gold.
 * Floors are a ratchet: the measured scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const base = path.join(root, 'fixtures/extractors');

describe('mutool draw text of the LibreOffice PDFs', () => {
  it('finds every document, its outline and the budgets', () => {
    const dir = path.join(base, 'mutool-draw-lo');
    const names = readdirSync(dir).filter((name) => name.endsWith('.txt'));
    expect(names).toHaveLength(16);
    const totals = scoreResults(
      names.map((name) => {
        const result = parse(readFileSync(path.join(dir, name)), { path: name });
        expect(validateResult(result)).toEqual([]);
        return { name, result, gold: path.join(base, 'gold', `${name.replace(/\.txt$/u, '')}.pdf.gold.json`) };
      }),
    ).totals;
    expect(totals.docs).toBe(1);
    expect(totals.outline).toBe(1);
    expect(totals.meta).toBe(1);
    expect(totals.budgets).toBeGreaterThanOrEqual(0.94);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.62);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.41);
    expect(totals.work).toBeGreaterThanOrEqual(0.22);
    expect(totals.report).toBeGreaterThanOrEqual(0.04);
  });
});
