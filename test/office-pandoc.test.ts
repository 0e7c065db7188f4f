/**
 * The corpus pages as pandoc writes them to DOCX and ODT (fixtures/pandoc/,
 * the command in its README): another producer than the corpus's
 * LibreOffice, whose ODT tables carry spans without covered cells and lose
 * their second header row.  Scored against the corpus gold of the same page
 * with fixtures/score.mjs; floors are a ratchet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const pandocDir = path.join(root, 'fixtures/pandoc');
const goldDir = path.join(root, 'fixtures/corpus/gold');

function score(extension: string): Record<string, number | null> {
  const names = readdirSync(pandocDir).filter((name) => name.endsWith(`.pandoc${extension}`)).sort();
  expect(names.length).toBe(16);
  const entries = names.map((name) => {
    const result = parse(readFileSync(path.join(pandocDir, name)), { path: name });
    expect(validateResult(result), name).toEqual([]);
    expect(result.source.format).toBe(extension.slice(1));
    return { name, result, gold: path.join(goldDir, `${name.replace(`.pandoc${extension}`, extension)}.gold.json`) };
  });
  return scoreResults(entries).totals;
}

describe('DOCX and ODT written by pandoc', { timeout: 60_000 }, () => {
  for (const extension of ['.docx', '.odt']) {
    it(`${extension}: every record, every heading`, () => {
      const totals = score(extension);
      for (const key of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report', 'meta']) expect(totals[key], key).toBe(1);
    });
  }
});
