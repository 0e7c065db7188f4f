/**
 * A number the measure's line ends with, standing above the row's values
 * (`於 60` / `秒內完成…`): LibreOffice's rows through `pdftotext -layout`
 * (fixtures/corpus/text, from the corpus), and the rule on its own.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { strayNumbers } from '../src/tables/aligned-targets.js';
import { corpusFiles, corpusText, scoreCorpus } from './helpers/corpus.js';

const run = (line: number, x0: number, text: string, width = text.length) => ({ line, x0, x1: x0 + width, text });

describe('a bare number above a wider value', () => {
  it('is not the value’s first piece', () => {
    //   > |                 理火災案件時，於 60
    //                                     ^^
    //   > |         署所訂之應詢問事項 100%   100%   100%   100%
    const sixty = run(0, 50, '60');
    const stacks = [[sixty, run(2, 51, '100%')], [run(2, 60, '100%')], [run(2, 70, '100%')], [run(2, 80, '100%')]];
    expect([...strayNumbers(stacks)]).toEqual([sixty]);
  });

  it('keeps a wrapped value whose first piece fills its line', () => {
    //   > | 2,00    10
    //   > | 0       0%
    const stacks = [[run(0, 50, '2,00'), run(1, 50, '0')], [run(0, 60, '10'), run(1, 60, '0%')]];
    expect(strayNumbers(stacks).size).toBe(0);
  });
});

describe('KPI rows laid out by LibreOffice', () => {
  it('gives the measure its number back and the target its value alone', () => {
    const name = '62_chiayi-fire-108-111-kpi-lo-layout.txt';
    const kpis = parse(corpusText(name), { path: name }).documents.flatMap((document) => document.kpis ?? []);
    const kpi = kpis.find((row) => row.indicator.text.startsWith('強化救災救護反應'));
    expect(kpi?.measure?.replace(/\s/gu, '')).toContain('於60秒內完成內政部');
    expect(kpi?.targets.map((target) => target.raw)).toEqual(['100%', '100%', '100%', '100%']);
  });
});

describe('KPI tables of LibreOffice PDFs through pdftotext -layout', () => {
  it('scores at least the measured figures (a ratchet)', () => {
    const score = scoreCorpus(corpusFiles((name) => name.endsWith('-kpi-lo-layout.txt')));
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.681);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.816);
  });
});
