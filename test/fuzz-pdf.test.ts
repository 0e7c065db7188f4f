/**
 * Hostile and broken PDFs: truncations and byte flips of real corpus PDFs, and
 * page trees that lie about their size, never throw and always give a
 * schema-valid result (an error diagnostic and no documents when the file
 * cannot be read).  A fixed seed keeps the cases reproducible.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { validateResult } from '../src/validate.js';
import { corpusDir } from './helpers/pdf.js';

const SOURCES = ['files/51_chiayi-education-108-111-kpi.pdf', 'files/57_chiayi-smart-tech-108-111-kpi-lo.pdf'].map((name) => new Uint8Array(readFileSync(path.join(corpusDir, name))));

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function check(bytes: Uint8Array): Promise<void> {
  const result = await parseAsync(bytes, { path: 'fuzz.pdf' });
  expect(validateResult(result)).toEqual([]);
  expect(() => canonicalJson(result)).not.toThrow();
  if (result.diagnostics.some((d) => d.severity === 'error')) expect(result.documents).toEqual([]);
}

describe('PDF fuzz', () => {
  const next = random(11);

  it('truncated PDFs', async () => {
    for (const source of SOURCES) {
      for (let k = 0; k < 6; k++) await check(source.subarray(0, Math.floor(next() * source.length)));
    }
  }, 120_000);

  it('PDFs with flipped bytes', async () => {
    for (const source of SOURCES) {
      for (let k = 0; k < 6; k++) {
        const bytes = new Uint8Array(source);
        const flips = 1 + Math.floor(next() * 40);
        for (let f = 0; f < flips; f++) bytes[Math.floor(next() * bytes.length)] ^= 1 + Math.floor(next() * 255);
        await check(bytes);
      }
    }
  }, 120_000);

  it('a page tree claiming a million pages is given up quickly', async () => {
    const bytes = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R 3 0 R]/Count 1000000>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const started = Date.now();
    await check(bytes);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
