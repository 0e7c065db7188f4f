/**
 * Held-out documents (fixtures/heldout): seed documents the shared corpus does
 * not use, laid out and extracted the way the corpus was, so that a reader
 * fitted to the corpus's sixteen documents shows it here.  Every shape is
 * scored against the document's gold.  A ratchet: raise the floors as the
 * readers improve, never lower them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const heldoutDir = path.join(root, 'fixtures/heldout');
const goldDir = path.join(heldoutDir, 'gold');

/** `81_heldout-002-2-kpi-lo-layout.txt` → `81_heldout-002-2-kpi`. */
const documentOf = (name: string) => /^\d+_heldout-\d+-\d+-(?:kpi|workplan|report)/u.exec(name)![0];

interface Shape {
  name: string;
  folder: string;
  test: RegExp;
  floors: Record<string, number>;
}

const shapes: Shape[] = [
  { name: 'pdftotext (reading order), Chromium PDFs', folder: 'text', test: /\d-(?:kpi|workplan|report)-raw\.txt$/u, floors: { docs: 1, outline: 0.996, kpiRows: 0.321, kpiCells: 0.73, work: 0.096, budgets: 0.812, report: 0.44 } },
  { name: 'pdftotext -layout, Chromium PDFs', folder: 'text', test: /\d-(?:kpi|workplan|report)-layout\.txt$/u, floors: { docs: 1, outline: 1, kpiRows: 0.863, kpiCells: 0.962, work: 1, budgets: 1, report: 0.986 } },
  { name: 'pdftotext -layout, LibreOffice PDFs', folder: 'text', test: /-lo-layout\.txt$/u, floors: { docs: 1, outline: 0.996, kpiRows: 0.163, kpiCells: 0.378, work: 0.349, budgets: 0.666, report: 0.498 } },
  { name: 'pdftotext (reading order), LibreOffice PDFs', folder: 'text', test: /-lo-raw\.txt$/u, floors: { docs: 1, outline: 0.99, kpiCells: 0.037, budgets: 0.344 } },
  { name: 'DOCX (LibreOffice)', folder: 'files', test: /\.docx$/u, floors: { docs: 1, outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 } },
  { name: 'ODT (LibreOffice)', folder: 'files', test: /\.odt$/u, floors: { docs: 1, outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 } },
  { name: 'HTML pages', folder: 'html', test: /\.html$/u, floors: { docs: 1, outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 } },
  { name: 'pandoc -t gfm of the DOCX', folder: 'converters', test: /\.pandoc-gfm\.md$/u, floors: { docs: 1, outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 } },
  { name: 'pandoc -t plain of the DOCX', folder: 'converters', test: /\.pandoc-plain\.txt$/u, floors: { docs: 1, outline: 1, kpiRows: 0.965, kpiCells: 0.976, work: 1, budgets: 1, report: 1 } },
  { name: 'mutool draw -F txt, Chromium PDFs', folder: 'extractors', test: /\d-(?:kpi|workplan|report)\.mutool-draw\.txt$/u, floors: { docs: 1, outline: 0.996, kpiRows: 0.543, kpiCells: 0.688, work: 0.214, report: 0.614 } },
  { name: 'mutool draw -F txt, LibreOffice PDFs', folder: 'extractors', test: /-lo\.mutool-draw\.txt$/u, floors: { docs: 1, outline: 0.99, kpiRows: 0.294, kpiCells: 0.545, work: 0.007, budgets: 0.848, report: 0.295 } },
  { name: 'pdfminer pdf2txt', folder: 'extractors', test: /\.pdfminer\.txt$/u, floors: { docs: 1, outline: 0.99, kpiRows: 0.053, kpiCells: 0.23, work: 0.101, budgets: 0.724, report: 0.321 } },
  { name: 'pdftotext -raw', folder: 'extractors', test: /\.pdftotext-raw\.txt$/u, floors: { docs: 1, outline: 1, kpiRows: 0.49, kpiCells: 0.73, work: 0.42, budgets: 0.84, report: 0.888 } },
];

const pdfShapes: Shape[] = [
  { name: 'PDF (Chromium), eight documents', folder: 'files', test: /\d-(?:kpi|workplan|report)\.pdf$/u, floors: { docs: 1, outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 } },
  { name: 'PDF (LibreOffice), eight documents', folder: 'files', test: /-lo\.pdf$/u, floors: { docs: 1, outline: 1, kpiRows: 0.983, kpiCells: 0.997, work: 0.955, budgets: 1, report: 0.925 } },
];

function score(names: readonly string[], results: (name: string) => ParseResult) {
  return scoreResults(names.map((name) => ({ name, result: results(name), gold: path.join(goldDir, `${documentOf(name)}.gold.json`) }))).totals;
}

const namesOf = ({ folder, test }: Shape) => readdirSync(path.join(heldoutDir, folder)).filter((name) => test.test(name)).sort();

describe.each(shapes)('held-out documents: $name', (shape) => {
  const names = namesOf(shape);
  // pdfminer's and pdftotext -raw's folders hold both producers' texts.
  it('has every document', () => expect(names).toHaveLength(/pdfminer|pdftotext -raw/u.test(shape.name) ? 32 : 16));
  const totals = score(names, (name) => parse(readFileSync(path.join(heldoutDir, shape.folder, name)), { path: name }));
  for (const [metric, floor] of Object.entries(shape.floors)) {
    it(`${metric} ≥ ${floor}`, () => expect(totals[metric]).toBeGreaterThanOrEqual(floor));
  }
});

describe.each(pdfShapes)('held-out documents: $name', (shape) => {
  const names = namesOf(shape);
  const results = new Map<string, ParseResult>();
  let totals: Record<string, number | null> = {};
  beforeAll(async () => {
    for (const name of names) results.set(name, await parseAsync(readFileSync(path.join(heldoutDir, shape.folder, name)), { path: name }));
    totals = score(names, (name) => results.get(name)!);
  }, 120_000);
  it('has the eight documents', () => expect(names).toHaveLength(8));
  for (const [metric, floor] of Object.entries(shape.floors)) {
    it(`${metric} ≥ ${floor}`, () => expect(totals[metric]).toBeGreaterThanOrEqual(floor));
  }
});
