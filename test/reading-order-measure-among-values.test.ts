/**
 * Reading-order text (`pdftotext` without `-layout`) that prints a row's
 * measure among its target values, with the page label after it: the
 * values after the measure are the first years' (the extractor reads on
 * from the measure column), the ones printed ahead of it the last years'.
 *
 *   > | 建置市區自行車道
 *   > | 2.6
 *   > | 2.6
 *   > | 累計里程數(公里)
 *   > | 10-3
 *   > | 0
 *   > | 1.3
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { root } from './helpers/seeds.js';

const name = '56_chiayi-transport-108-111-kpi-raw.txt';

describe('a measure printed among its row\'s target values', () => {
  const result = parse(readFileSync(path.join(root, 'fixtures/corpus/text', name)), { path: name });
  const kpis = result.documents.flatMap((document) => document.kpis);

  it('puts the values after the measure first', () => {
    const kpi = kpis.find((found) => found.indicator.text.includes('建置市區自行車道'));
    expect(kpi?.measure).toBe('累計里程數(公里)');
    expect(kpi?.targets.map((target) => target.raw)).toEqual(['0', '1.3', '2.6', '2.6']);
  });

  it('flags the row: the order is inferred', () => {
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.code === 'kpi-row-uncertain');
    expect(warnings.some((warning) => warning.message.includes('建置市區自行車道') && warning.position !== null)).toBe(true);
  });

  it('leaves rows whose values are in order as they are', () => {
    const kpi = kpis.find((found) => found.indicator.text.includes('新增公共自行車站點'));
    expect(kpi?.targets.map((target) => target.raw)).toEqual(['-', '-', '100', '140']);
  });
});
