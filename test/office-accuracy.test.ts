/**
 * DOCX and ODT files read directly: the corpus conversions (LibreOffice
 * Writer, literal markers in the text) and the same files with automatic
 * numbering instead of literal markers (fixtures/numbered/, made by
 * scripts/make-numbered-fixtures.mjs), scored against the corpus gold with
 * fixtures/score.mjs.  Floors are a ratchet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const filesDir = path.join(root, 'fixtures/corpus/files');
const goldDir = path.join(root, 'fixtures/corpus/gold');
const numberedDir = path.join(root, 'fixtures/numbered');

interface Totals {
  docs: number;
  outline: number;
  kpiRows: number | null;
  kpiCells: number | null;
  work: number | null;
  budgets: number | null;
  report: number | null;
  meta: number;
}

/** Parse `files` (name → path, the gold named after `goldOf(name)`), score them, return the totals. */
function score(files: Array<{ name: string; file: string; gold: string }>): Totals {
  const entries = files.map(({ name, file, gold }) => {
    const result = parse(readFileSync(file), { path: name });
    expect(validateResult(result), name).toEqual([]);
    return { name, result, gold: path.join(goldDir, `${gold}.gold.json`) };
  });
  return scoreResults<Totals>(entries).totals;
}

const corpus = (extension: string) =>
  readdirSync(filesDir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => ({ name, file: path.join(filesDir, name), gold: name }));

const numbered = (extension: string) =>
  readdirSync(numberedDir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => ({ name, file: path.join(numberedDir, name), gold: name.replace(`-numbered${extension}`, extension) }));

function expectExact(totals: Totals): void {
  expect(totals.docs).toBeGreaterThanOrEqual(1);
  expect(totals.meta).toBeGreaterThanOrEqual(1);
  expect(totals.outline).toBeGreaterThanOrEqual(0.98);
  for (const key of ['kpiRows', 'work', 'budgets', 'report'] as const) if (totals[key] !== null) expect(totals[key], key).toBeGreaterThanOrEqual(1);
  if (totals.kpiCells !== null) expect(totals.kpiCells).toBeGreaterThanOrEqual(0.99);
}

describe('DOCX and ODT accuracy', { timeout: 60_000 }, () => {
  for (const extension of ['.docx', '.odt']) {
    it(`the corpus ${extension} files: every record, every heading`, () => {
      const files = corpus(extension);
      expect(files.length).toBe(16);
      const totals = score(files);
      expectExact(totals);
      expect(totals.kpiRows).toBe(1);
      expect(totals.work).toBe(1);
      expect(totals.report).toBe(1);
    });

    it(`${extension} files whose headings are numbered automatically score the same`, () => {
      const files = numbered(extension);
      expect(files.length).toBe(3);
      const totals = score(files);
      expectExact(totals);
      expect(totals.outline).toBe(1);
    });
  }
});
