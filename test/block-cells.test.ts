/**
 * Blocks holding several cells (MuPDF's text): the breaks `block-cells.ts`
 * finds, on the inputs its doc comment shows, and the MuPDF extractions'
 * work items and report items it lets the reading-order reader find.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { cellBreaks } from '../src/tables/block-cells.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

function breaks(lines: string[]): number[] {
  const source = normalize(`${lines.join('\n')}\n`);
  return cellBreaks(source.lines, 0, source.lines.length);
}

describe('cell breaks in a block', () => {
  // `mutool draw -F txt` of corpus PDF 63.
  it('breaks after a heading narrower than its column, and before a line wider than the one above', () => {
    expect(breaks(['一、貫徹農地農用政', '策', '', '二、工商財稅業務', '財稅業務', '申請農業用地作農業設施容許使用者，檢', '附相關證明文件經市府、農田水利署、環'])).toEqual([4, 5]);
  });

  it('keeps a heading wrapped at a narrow column’s width (as wide as the others of its style)', () => {
    // Corpus PDF 66: the 類 column.
    expect(breaks(['肆、會', '計部門', '', '伍、人', '事部門'])).toEqual([]);
  });

  it('keeps a wrapped cell whose lines are as wide as each other', () => {
    expect(breaks(['一、貫徹農地農用政', '策', '', '三、全民健康保險', '受理第五、六類人口全民', '健康保險之加退保、轉', '入、轉出、停保及復保'])).toEqual([4]);
  });
});

const base = path.join(root, 'fixtures/extractors');

function score(folder: string): Record<string, number | null> {
  const dir = path.join(base, folder);
  const names = readdirSync(dir).filter((name) => /^6[3-6]_.*\.txt$/u.test(name));
  return scoreResults(
    names.map((name) => ({ name, result: parse(readFileSync(path.join(dir, name)), { path: name }), gold: path.join(base, 'gold', `${name.replace(/\.txt$/u, '')}.pdf.gold.json`) })),
  ).totals;
}

// Floors are a ratchet: the measured scores (work 0.859 before the blocks were split).
describe('MuPDF text: work plans and the work report', () => {
  for (const folder of ['mutool-draw', 'mutool-convert']) {
    it(folder, () => {
      const totals = score(folder);
      expect(totals.work).toBeGreaterThanOrEqual(0.937);
      expect(totals.report).toBeGreaterThanOrEqual(0.935);
    });
  }
});
