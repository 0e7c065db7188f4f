/**
 * The flattened reader on seed 002 as other PDF-to-text converters would
 * write it: (a) no trailing spaces (the cue that a cell ends on a line is
 * gone), (b) no blank lines between the lines, (c) neither.  Scored with
 * fixtures/score.mjs against 002's gold.  A ratchet: raise the floors when
 * the reader improves, never lower them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { goldDir, root, seedText } from './helpers/seeds.js';

const SEED = '002_518a493018a85667.txt';

const VARIANTS: Record<string, { make: (text: string) => string; rows: number; cells: number }> = {
  'no trailing spaces': { make: (text) => stripTrailing(text), rows: 0.9, cells: 0.94 },
  'no blank lines': { make: (text) => dropBlank(text), rows: 1, cells: 1 },
  'neither': { make: (text) => dropBlank(stripTrailing(text)), rows: 0.9, cells: 0.94 },
};

//   sed 's/[ \t]*$//'
function stripTrailing(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n');
}

//   grep -v '^\s*$'
function dropBlank(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

interface FileScore {
  file: string;
  docs: { f1: number };
  outline: { f1: number };
  kpiRows: { f1: number };
  kpiCells: number;
}

/** The seed's scores, and the metadata score (reported in the totals only). */
function score(text: string): FileScore & { meta: number | null } {
  const gold = mkdtempSync(path.join(tmpdir(), 'plan-parse-variant-gold-'));
  const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-variant-out-'));
  copyFileSync(path.join(goldDir, `${SEED}.gold.json`), path.join(gold, `${SEED}.gold.json`));
  writeFileSync(path.join(out, `${SEED}.json`), canonicalJson(parse(Buffer.from(text, 'utf8'), { path: SEED })));
  const report = execFileSync(process.execPath, [path.join(root, 'fixtures/score.mjs'), '--gold', gold, '--out', out, '--json'], { encoding: 'utf8' });
  const parsed = JSON.parse(report) as { files: FileScore[]; totals: { meta: number | null } };
  return { ...parsed.files.find((f) => f.file === SEED)!, meta: parsed.totals.meta };
}

describe('flattened tables from other converters (seed 002 variants)', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(`reads the KPI rows with ${name}`, () => {
      const result = score(variant.make(seedText(SEED)));
      expect(result.kpiRows.f1).toBeGreaterThanOrEqual(variant.rows);
      expect(result.kpiCells).toBeGreaterThanOrEqual(variant.cells);
      // The other stages do not depend on the converter's spacing.
      expect(result.docs.f1).toBe(1);
      expect(result.outline.f1).toBe(1);
      expect(result.meta).toBe(1);
    });
  }
});
