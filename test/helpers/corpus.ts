/** Shared by tests: the PDF-extraction corpus copied into fixtures/corpus, parsed and scored against its gold. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '../../src/parse.js';
import type { ParseResult } from '../../src/types.js';
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

export interface CorpusScore<Totals = Record<string, number | null>> {
  totals: Totals;
  files: Array<Record<string, unknown> & { file: string }>;
}

/**
 * Parse each file (its text made by `make`, e.g. re-spaced the way another
 * extractor writes it) and score the output against the file's gold, and
 * only those gold files.
 */
export function scoreCorpus(names: readonly string[], make: (text: string) => string = (text) => text): CorpusScore {
  return scoreResults(names.map((name) => ({ name, result: parse(make(corpusText(name)), { path: name }), gold: path.join(corpusGoldDir, `${name}.gold.json`) })));
}

/** A parse result to score: its output is written as `name.json`, scored against the gold file at `gold`. */
export interface ScoreEntry {
  name: string;
  result: ParseResult;
  gold: string;
}

/**
 * Score results with fixtures/score.mjs, each against its own gold file and
 * only those (a gold folder may hold other shapes' answers too).
 */
export function scoreResults<Totals = Record<string, number | null>>(entries: Iterable<ScoreEntry>): CorpusScore<Totals> {
  const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-score-out-'));
  const gold = mkdtempSync(path.join(tmpdir(), 'plan-parse-score-gold-'));
  for (const entry of entries) {
    writeFileSync(path.join(out, `${entry.name}.json`), canonicalJson(entry.result));
    copyFileSync(entry.gold, path.join(gold, `${entry.name}.gold.json`));
  }
  const report = execFileSync(process.execPath, [path.join(root, 'fixtures/score.mjs'), '--gold', gold, '--out', out, '--json'], { encoding: 'utf8' });
  return JSON.parse(report) as CorpusScore<Totals>;
}

/**
 * A fixtures/webcopy folder (a browser's text of the 16 corpus pages) parsed
 * and scored against each page's gold (the DOCX gold: same content).
 */
export function scoreWebCopy(folder: string): Record<string, number | null> {
  const dir = path.join(root, 'fixtures/webcopy', folder);
  const entries = readdirSync(dir).map((name) => ({
    name,
    result: parse(readFileSync(path.join(dir, name), 'utf8'), { path: name }),
    gold: path.join(corpusGoldDir, `${name.replace(/\.(?:innertext|selection)\.txt$/u, '')}.docx.gold.json`),
  }));
  return scoreResults(entries).totals;
}
