/** Shared by the PDF tests: the PDF fixtures and their text renditions. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readPdf } from '../../src/formats/pdf.js';
import type { Rendition } from '../../src/types.js';
import { root } from './seeds.js';

export const corpusDir = path.join(root, 'fixtures/corpus');

export function fixturePdf(name: string): Buffer {
  return readFileSync(path.join(corpusDir, name));
}

const renditions = new Map<string, Promise<Rendition>>();

/** A fixture's rendition, read once per test file. */
export function renditionOf(file: string): Promise<Rendition> {
  let found = renditions.get(file);
  if (!found) renditions.set(file, (found = readPdf(new Uint8Array(readFileSync(file)))));
  return found;
}

/** Characters without whitespace, counted. */
export function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** The real PDFs: the fixture copy, and the shared corpus's when it is beside the repository. */
export function realPdfs(): { name: string; file: string; pdftotext: string }[] {
  const shared = path.join(root, '../shared/corpus/real');
  const names = ['taipei_accounting_116_unit_budget', 'taichung_accounting_115_unit_budget', 'controlyuan_114_budget_policy_goals'];
  const out: { name: string; file: string; pdftotext: string }[] = [];
  for (const name of names) {
    const local = path.join(corpusDir, 'real', `${name}.pdf`);
    const file = existsSync(local) ? local : path.join(shared, `${name}.pdf`);
    if (existsSync(file)) out.push({ name, file, pdftotext: path.join(corpusDir, 'real', `${name}.pdftotext-layout.txt`) });
  }
  return out;
}
