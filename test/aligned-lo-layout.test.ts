/**
 * `pdftotext -layout` of LibreOffice's PDFs: justified CJK text spaced out,
 * each printed line laid out on its own (columns drift from row to row),
 * cells one space apart.  Scored on the corpus text (fixtures/corpus/text,
 * `*-lo-layout.txt`) and on the same PDFs through `pdftotext -layout -fixed 3`
 * (fixtures/lolayout/fixed3, see the README there).  Floors are a ratchet:
 * the measured scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { moveRunInBudgets } from '../src/tables/aligned-budgets.js';
import { lineRuns } from '../src/tables/aligned-text.js';
import { validateResult } from '../src/validate.js';
import { corpusFiles, scoreCorpus, scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const base = path.join(root, 'fixtures/lolayout');

describe('a budget run into the content before it', () => {
  const cellsOf = (lines: string[]) =>
    lines.map((text, i) => {
      const words = lineRuns(text, i, 1);
      return [{ text: words.map((word) => word.text).join(' '), words }, null];
    });

  it('moves a bare amount ending a line after CJK text', () => {
    const cells = cellsOf(['申請補發、汙損換發等，隨到隨辦。2. 受理國民兵請領或補 279', '發國民兵國民身分證明書。']);
    moveRunInBudgets(cells, 0, 1);
    expect(cells[0][1]?.text).toBe('279');
    expect(cells[0][0]?.text).toBe('申請補發、汙損換發等，隨到隨辦。2. 受理國民兵請領或補');
  });

  it('leaves a number whose unit starts the next line in the sentence', () => {
    const cells = cellsOf(['本年度辦理退休人員共計 279', '人，均已建立名冊。']);
    moveRunInBudgets(cells, 0, 1);
    expect(cells[0][1]).toBeNull();
    expect(cells[0][0]?.words).toHaveLength(2);
  });
});

describe('pdftotext -layout of the LibreOffice PDFs (corpus text)', () => {
  const score = scoreCorpus(corpusFiles((name) => name.endsWith('-lo-layout.txt')));
  it('finds every document and its outline', () => {
    expect(score.totals.docs).toBe(1);
    expect(score.totals.outline).toBe(1);
  });
  it('KPI rows and cells', () => {
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.681);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.816);
  });
  it('work items, budgets and report items', () => {
    expect(score.totals.work).toBeGreaterThanOrEqual(0.971);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.report).toBeGreaterThanOrEqual(0.999);
  });
});

describe('pdftotext -layout -fixed 3 of the LibreOffice PDFs', () => {
  const dir = path.join(base, 'fixed3');
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt'));
  const score = scoreResults(
    names.map((name) => {
      const result = parse(readFileSync(path.join(dir, name)), { path: name });
      expect(validateResult(result)).toEqual([]);
      return { name, result, gold: path.join(base, 'gold', `${name.replace(/-layout-fixed3\.txt$/u, '')}.pdf.gold.json`) };
    }),
  );
  it('reads all 16', () => expect(names).toHaveLength(16));
  it('finds every document and its outline', () => {
    expect(score.totals.docs).toBe(1);
    expect(score.totals.outline).toBeGreaterThanOrEqual(0.955);
  });
  it('KPI rows and cells', () => {
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.385);
    // 0.634 on lokpi5's branch; 0.621 since its page-break rows apply only to drifted
    // rows (on Chromium -layout text they took the next row's first line; see the merge).
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.621);
  });
  // The report table (66) is not read on this grid yet: no floor until it is.
  it('work items and budgets', () => {
    expect(score.totals.work).toBeGreaterThanOrEqual(0.169);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.479);
  });
});
