/** Shared by tests: the seed fixtures, parsed once per test file, and the accuracy scorer. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../../src/parse.js';
import { canonicalJson } from '../../src/serialize.js';
import type { ParseResult } from '../../src/types.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const seedDir = path.join(root, 'fixtures/seeds');
export const goldDir = path.join(root, 'fixtures/gold');
export const seedNames = readdirSync(seedDir).filter((name) => name.endsWith('.txt')).sort();

export function seedBytes(name: string): Buffer {
  return readFileSync(path.join(seedDir, name));
}

export function seedText(name: string): string {
  return seedBytes(name).toString('utf8');
}

const cache = new Map<string, ParseResult>();
export function parsedSeed(name: string): ParseResult {
  let result = cache.get(name);
  if (!result) cache.set(name, (result = parse(seedBytes(name), { path: name })));
  return result;
}

export interface Score {
  totals: Record<string, number | null>;
  files: Array<Record<string, unknown> & { file: string }>;
}

/** Parse every seed and score the output against the gold with fixtures/score.mjs. */
export function scoreSeeds(): Score {
  const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-score-'));
  for (const name of seedNames) writeFileSync(path.join(out, `${name}.json`), canonicalJson(parsedSeed(name)));
  const report = execFileSync(process.execPath, [path.join(root, 'fixtures/score.mjs'), '--gold', goldDir, '--out', out, '--json'], { encoding: 'utf8' });
  return JSON.parse(report) as Score;
}
