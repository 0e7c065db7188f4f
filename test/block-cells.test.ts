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
import { cellEdits } from '../src/tables/block-cells.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

/** The lines before which a break is put (their edit: a blank line, then the line). */
function breaks(lines: string[], budgets = false): number[] {
  const source = normalize(`${lines.join('\n')}\n`);
  const edits = cellEdits(source.lines, 0, source.lines.length, budgets);
  return [...edits].filter(([, edit]) => edit.length === 2 && edit[0].role === 'blank').map(([index]) => index);
}

function edited(lines: string[], budgets = false): string[] {
  const source = normalize(`${lines.join('\n')}\n`);
  const edits = cellEdits(source.lines, 0, source.lines.length, budgets);
  return source.lines.flatMap((line, i) => (edits.get(i) ?? [line]).map((edit) => edit.text));
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

describe('cells MuPDF joined on a line, and amounts', () => {
  it('splits a heading from the cell beside it on one line and joins that cell’s next block (corpus PDF 63)', () => {
    expect(edited(['四、社會福利與救助 推行身心障礙者福利，加', '', '強身心障礙福利服務工', '作。', '', '1. 受理第二、三款低收入戶兒童按月發放'])).toEqual([
      '四、社會福利與救助',
      '',
      '推行身心障礙者福利，加',
      '強身心障礙福利服務工',
      '作。',
      '',
      '1. 受理第二、三款低收入戶兒童按月發放',
    ]);
  });

  it('keeps a heading with a spaced ASCII word whole (corpus PDF 66)', () => {
    expect(edited(['(八)e 化管理系統', '利用規費罰鍰歲入系統電腦上線作業，統'])).toEqual(['(八)e 化管理系統', '', '利用規費罰鍰歲入系統電腦上線作業，統']);
  });

  it('in a work plan, breaks before an amount that ends a block and joins an amount whose bracket a break cut', () => {
    expect(breaks(['道路坑洞於通報後4小時內填補為原則。', '140'], true)).toEqual([1]);
    expect(breaks(['道路坑洞於通報後4小時內填補為原則。', '140'], false)).toEqual([]);
    // Every line a block of its own (pdfminer with a small line margin), or no block at all (pdftotext -raw): not MuPDF's blocks.
    expect(breaks(['二、工商財稅業務', '', '財稅業務', '', '申請農業用地作農業設施容許使用者，檢'])).toEqual([]);
    expect(edited(['辦理經濟困難或經濟特殊困難認定，並送', '件至健保局辦理健保費紓困貸款。', '', '449(健保局', '', '補助)'], true)).toEqual(['辦理經濟困難或經濟特殊困難認定，並送', '件至健保局辦理健保費紓困貸款。', '', '449(健保局', '補助)']);
  });
});

describe('an indicator and its measure on one line (KPI tables)', () => {
  it('splits them and sets the targets after them apart (corpus PDF 52)', () => {
    const lines = ['一', '區域排水', '', '1', '路燈故障時修護時效 1個工作天完成修護率', '90%', '90%', '90%', '90%', '', '2', '路平工程完成件數比', '率'];
    expect(edited(lines).slice(3, 11)).toEqual(['1', '路燈故障時修護時效', '', '1個工作天完成修護率', '', '90%', '90%', '90%']);
  });

  it('keeps a measure wrapped before its last value (`×10` / `0%`)', () => {
    const lines = ['六', '強化統計調查，', '', '調查作業完成率', '當年作業執行完成數÷當', '年預定作業執行數 ×10', '0%', '', '10', '0%'];
    expect(edited(lines)).toEqual(lines);
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

// Floors are a ratchet: the measured scores (work 0.859, budgets 0.8 before the blocks were split).
describe('MuPDF text: work plans and the work report', () => {
  for (const folder of ['mutool-draw', 'mutool-convert']) {
    it(folder, () => {
      const totals = score(folder);
      expect(totals.work).toBeGreaterThanOrEqual(1);
      expect(totals.budgets).toBeGreaterThanOrEqual(1);
      expect(totals.report).toBeGreaterThanOrEqual(0.935);
    });
  }
});
