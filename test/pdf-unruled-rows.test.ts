/**
 * Ruled tables without rules between their body rows (spreadsheet and
 * report-engine PDFs): the rows come from the baselines where the number
 * columns start again (src/formats/pdf/unruled-rows.ts).  The fixture is a
 * real JasperReports budget book (fixtures/corpus/real).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unruledRowCuts } from '../src/formats/pdf/unruled-rows.js';
import type { TextRun } from '../src/formats/pdf/page.js';
import { parseAsync } from '../src/parse.js';
import { corpusDir, fixturePdf, renditionOf } from './helpers/pdf.js';

const TAIPEI = 'real/taipei_accounting_116_unit_budget.pdf';

describe('unruled body rows of a ruled table', () => {
  it('cuts the 繼續經費 table of a budget book into its rows, one budget each', async () => {
    const rendition = await renditionOf(path.join(corpusDir, TAIPEI));
    const table = rendition.tables.find((t) => t.header.includes('計畫項目') && t.header.includes('全程計畫總金額'))!;
    expect(table.rows.map((row) => [row.cells[0], row.cells[1], row.cells[3]])).toEqual([
      ['總計', '2,840,086', '447,400'],
      ['一般建築及設備', '2,840,086', '447,400'],
      ['其他設備', '2,840,086', '447,400'],
      ['其他設備', '2,840,086', '447,400'],
      ['111年個人電腦租賃費', '984,736', '112,120'],
      ['112年個人電腦租賃費', '855,000', '153,000'],
      ['113年個人電腦租賃費', '502,740', '91,560'],
      ['114年個人電腦租賃費', '497,610', '90,720'],
    ]);
    // The note wrapped over five lines stays in its row.
    expect(table.rows[4].cells[9]).toMatch(/^市議會審定總經費991,800元.*不再編列。$/su);
  });

  it('a row whose stub is empty starts where a number column has a second value', async () => {
    const rendition = await renditionOf(path.join(corpusDir, TAIPEI));
    const table = rendition.tables.find((t) => t.header.includes('車輛種類'))!;
    const amounts = table.rows.map((row) => row.cells[row.cells.length - 4]).filter((cell) => cell !== '');
    expect(amounts).toEqual(['23,000', '23,000', '23,000']);
  });

  it('gives the work items their own budgets (the page says where rows break, not the blank lines between them)', async () => {
    const result = await parseAsync(fixturePdf(TAIPEI));
    const items = result.documents.flatMap((d) => d.workItems).filter((w) => /租賃費$/u.test(w.item));
    expect(items.map((w) => [w.item, w.budget?.value])).toEqual([
      ['111年個人電腦租賃費', 984736],
      ['112年個人電腦租賃費', 855000],
      ['113年個人電腦租賃費', 502740],
      ['114年個人電腦租賃費', 497610],
    ]);
  });

  const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: text.length * 6, size: 10 });
  const xs = [0, 100, 150, 200];

  it('leaves a ruled row whose cells hold two lines of values whole', () => {
    //   > | 1.辦理活動場次   2場次   3場次
    //   > |    與參與人次    100人次 120人次
    const runs = [run('1.辦理活動場次', 2, 20), run('2', 110, 20), run('3', 160, 20), run('與參與人次', 2, 34), run('100', 110, 34), run('120', 160, 34)];
    expect(unruledRowCuts(xs, 5, 40, runs)).toEqual([]);
  });

  it('cuts three stub lines with values into three rows, and keeps a line without values with the row above', () => {
    const runs = [
      run('總計', 2, 20), run('2,840', 110, 20), run('447', 160, 20),
      run('111年個人', 2, 34), run('984', 110, 34), run('112', 160, 34),
      run('電腦租賃費', 2, 48),
      run('112年個人', 2, 62), run('855', 110, 62), run('-', 160, 62),
    ];
    const cuts = unruledRowCuts(xs, 5, 70, runs);
    expect(cuts).toHaveLength(2);
    expect(cuts[0]).toBeGreaterThan(20 - 3.5);
    expect(cuts[0]).toBeLessThan(34 - 3.5);
    expect(cuts[1]).toBeGreaterThan(48 - 3.5);
    expect(cuts[1]).toBeLessThan(62 - 3.5);
  });
});
