/**
 * Reading-order and layout text without form feeds (fixtures/nopgbrk/, made
 * with `pdftotext -nopgbrk` as its README says; a PDF viewer's copy is the
 * same): pages are told apart only by the page number in the bottom margin
 * and the table header repeated under it.  Scored with fixtures/score.mjs
 * against the corpus gold; the floors are a ratchet — the scores reached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const base = path.join(root, 'fixtures/nopgbrk');

function score(shape: 'raw' | 'layout') {
  const dir = path.join(base, shape);
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  const entries = names.map((name) => {
    const result = parse(readFileSync(path.join(dir, name)), { path: name });
    expect(validateResult(result)).toEqual([]);
    return { name, result, gold: path.join(base, 'gold', `${name}.gold.json`) };
  });
  return { names, totals: scoreResults(entries).totals };
}

describe('pdftotext -nopgbrk (reading order)', () => {
  const { names, totals } = score('raw');

  it('finds every document with its outline', () => {
    expect(names.length).toBe(16);
    expect(totals.docs).toBe(1);
    expect(totals.outline).toBe(1);
  });

  it('tables (floors: the scores reached)', () => {
    expect(totals.kpiRows).toBeGreaterThanOrEqual(KPI_ROWS);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(KPI_CELLS);
    expect(totals.work).toBeGreaterThanOrEqual(0.985);
    expect(totals.budgets).toBe(1);
    expect(totals.report).toBe(1);
  });
});

describe('pdftotext -layout -nopgbrk', () => {
  const { names, totals } = score('layout');

  it('tables (floors: the scores reached)', () => {
    expect(names.length).toBe(16);
    expect(totals.docs).toBe(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.973);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.992);
    expect(totals.work).toBe(1);
    expect(totals.report).toBeGreaterThanOrEqual(0.99);
  });
});

describe('a page number glued to the page\'s last cell', () => {
  // 66_chiayi-east-district-109-report-accounting-personnel-admin-raw-nopgbrk.txt
  // A page of a report table: its header, entries, the number apart (or glued to the last cell).
  const page = (n: number, last: string | null) => ['備註', '', '計畫名稱', '類', '', ...Array.from({ length: 16 }, (_, k) => (k % 2 ? '' : `${n}. 辦理事項第${k}項。`)), ...(last === null ? ['100%', ''] : [last]), String(n), ''];
  const roleOf = (lines: string[], text: string) => normalize(lines.join('\n')).lines.find((line) => line.text === text)?.role;

  it('continues the page-number sequence before a repeated header: a page number', () => {
    //   > | 用電設備檢驗維護，每年1萬2,000元，每
    //   > | 7
    //       ^
    //   > |
    //   > | 備註
    const lines = [...page(5, null), ...page(6, null), ...page(7, '用電設備檢驗維護，每年1萬2,000元，每'), ...page(8, null)];
    expect(roleOf(lines, '7')).toBe('page-number');
    expect(roleOf(lines, '8')).toBe('page-number');
  });

  it('does not continue the sequence: a value', () => {
    const lines = [...page(5, null), ...page(6, null), ...page(7, null), ...page(8, null), '每年辦理', '3', '', '備註'];
    expect(roleOf(lines, '3')).toBe('content');
  });

  it('not before a repeated line: a value', () => {
    const lines = [...page(5, null), ...page(6, null), ...page(7, null), '完成件數', '8', '', '新的段落開始'];
    expect(roleOf(lines, '8')).toBe('content');
  });

  it('with form feeds the page breaks say it: untouched', () => {
    const lines = [...page(5, null), ...page(6, null), ...page(7, '用電設備檢驗維護，每'), '\f備註', ...page(8, null)];
    expect(roleOf(lines, '7')).toBe('content');
  });
});

describe('an indicator ordinal a page\'s worth of lines after the last', () => {
  // 58_chiayi-budget-108-111-kpi-raw-nopgbrk.txt: ordinals 1 and 2 stand after a
  // row's targets and before the next indicator; 3 and 4 are page numbers.
  const rows = (n: number) => Array.from({ length: n }, (_, k) => ['10', '0%', '']).flat();
  const header = ['關鍵策略目標', '', '關鍵績效指標', '', '衡量標準', ''];
  //   > | 0%
  //   > |
  //   > | 2
  //       ^ the next indicator's ordinal
  //   > |
  //   > | 蒐集重要統計數據，
  const lines = [...header, '一', '', '編製預算', '', ...rows(5), '1', '', '地方總決算書於4月', '', ...rows(6), '2', '', '蒐集重要統計數據，', '', ...rows(6), '3', '', ...header, '分析及統計通報', '', ...rows(8), '4', ''];
  const source = normalize(lines.join('\n'));
  const roleAt = (text: string) => source.lines.find((line) => line.text === text)?.role;

  it('between targets and the next indicator: an ordinal', () => {
    expect(roleAt('1')).toBe('content');
    expect(roleAt('2')).toBe('content');
  });

  it('before the repeated header and at the end of the text: page numbers', () => {
    expect(source.lines.filter((line) => line.role === 'page-number').map((line) => line.text)).toEqual(['3', '4']);
  });
});

// Floors (measured).
const KPI_ROWS = 0.893;
const KPI_CELLS = 0.955;
