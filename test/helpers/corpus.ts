/** Shared by tests: the PDF-extraction corpus copied into fixtures/corpus, parsed and scored against its gold. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '../../src/parse.js';
import { canonicalJson } from '../../src/serialize.js';
import { root } from './seeds.js';

export const corpusTextDir = path.join(root, 'fixtures/corpus/text');
export const corpusGoldDir = path.join(root, 'fixtures/corpus/gold');

/** Corpus text files whose name ends with `suffix` (`-layout.txt` also matches `-lo-layout.txt`: filter further). */
export function corpusFiles(test: (name: string) => boolean): string[] {
  return readdirSync(corpusTextDir).filter(test).sort();
}

export function corpusText(name: string): string {
  return readFileSync(path.join(corpusTextDir, name), 'utf8');
}

export interface CorpusScore {
  totals: Record<string, number | null>;
  files: Array<Record<string, unknown> & { file: string }>;
}

/**
 * Parse each file (its text made by `make`, e.g. re-spaced the way another
 * extractor writes it) and score the output against the file's gold, and
 * only those gold files.
 */
export function scoreCorpus(names: readonly string[], make: (text: string) => string = (text) => text): CorpusScore {
  const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-corpus-out-'));
  const gold = mkdtempSync(path.join(tmpdir(), 'plan-parse-corpus-gold-'));
  for (const name of names) {
    const result = parse(make(corpusText(name)), { path: name });
    writeFileSync(path.join(out, `${name}.json`), canonicalJson(result));
    copyFileSync(path.join(corpusGoldDir, `${name}.gold.json`), path.join(gold, `${name}.gold.json`));
  }
  const report = execFileSync(process.execPath, [path.join(root, 'fixtures/score.mjs'), '--gold', gold, '--out', out, '--json'], { encoding: 'utf8' });
  return JSON.parse(report) as CorpusScore;
}
