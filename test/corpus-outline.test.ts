/**
 * Issue 12 / issue 9 — documents, metadata and the level-1/2 outline on the
 * corpus's PDF text extractions (pdftotext reading order, `-layout` of two
 * producers' PDFs), scored against their gold by fixtures/score.mjs.  Tables
 * in these files are left to the table readers; their rows' markers must not
 * become headings, which is what keeps the outline whole here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { root } from './helpers/seeds.js';

const textDir = path.join(root, 'fixtures/corpus/text');
const goldDir = path.join(root, 'fixtures/corpus/gold');

describe('corpus PDF text extractions', () => {
  const names = readdirSync(textDir).filter((name) => name.endsWith('.txt')).sort();
  const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-corpus-'));
  for (const name of names) writeFileSync(path.join(out, `${name}.json`), canonicalJson(parse(readFileSync(path.join(textDir, name)), { path: name })));
  const report = JSON.parse(execFileSync(process.execPath, [path.join(root, 'fixtures/score.mjs'), '--gold', goldDir, '--out', out, '--json'], { encoding: 'utf8' })) as { totals: Record<string, number> };

  it('covers the three extractions of every document', () => {
    expect(names).toHaveLength(48);
    expect(names.filter((name) => name.endsWith('-raw.txt'))).toHaveLength(16);
  });

  it('finds every document with its kind, agency and period', () => {
    expect(report.totals.docs).toBeGreaterThanOrEqual(1);
    expect(report.totals.meta).toBeGreaterThanOrEqual(1);
  });

  it('keeps the level-1/2 outline (0.748 before issue 12)', () => {
    expect(report.totals.outline).toBeGreaterThanOrEqual(1);
  });
});

describe('the same extractions as one-line text', () => {
  // What some PDF copies do: every page on one physical line, its lines
  // joined by a space (reading-order and LibreOffice-layout extractions).
  const names = readdirSync(textDir).filter((name) => name.endsWith('-raw.txt') || name.endsWith('-lo-layout.txt')).sort();
  const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-oneline-'));
  const gold = mkdtempSync(path.join(tmpdir(), 'plan-parse-oneline-gold-'));
  for (const name of names) {
    const pages = readFileSync(path.join(textDir, name), 'utf8').split('\f');
    const text = `${pages.map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean).join(' ')).join('\n')}\n`;
    const oneLine = name.replace(/\.txt$/u, '-oneline.txt');
    writeFileSync(path.join(out, `${oneLine}.json`), canonicalJson(parse(text, { path: oneLine })));
    writeFileSync(path.join(gold, `${oneLine}.gold.json`), readFileSync(path.join(goldDir, `${name}.gold.json`)));
  }
  const report = JSON.parse(execFileSync(process.execPath, [path.join(root, 'fixtures/score.mjs'), '--gold', gold, '--out', out, '--json'], { encoding: 'utf8' })) as { totals: Record<string, number> };

  it('finds the documents, their metadata and outline from mid-line markers', () => {
    expect(names).toHaveLength(32);
    expect(report.totals.docs).toBeGreaterThanOrEqual(1);
    expect(report.totals.meta).toBeGreaterThanOrEqual(1);
    expect(report.totals.outline).toBeGreaterThanOrEqual(1);
  });
});
