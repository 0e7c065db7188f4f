import { describe, expect, it } from 'vitest';
import { budgetUnit, parseBudget, parseBudgets } from '../src/records/budget.js';

describe('budgetUnit', () => {
  it('reads 單位：千元 from the column header', () => {
    expect(budgetUnit('預算金額 (單位：千元)')).toBe('千元');
  });
  it('reads a bracketed unit', () => {
    expect(budgetUnit('經費(千元)')).toBe('千元');
  });
  it('is null without a unit', () => {
    expect(budgetUnit('預算金額')).toBeNull();
  });
});

describe('parseBudgets', () => {
  it('types a thousands-separated amount', () => {
    expect(parseBudgets('1,751', '千元')).toEqual([{ raw: '1,751', value: 1751, unit: '千元', note: null }]);
  });
  it('reads an amount inside <p> (already plain text)', () => {
    expect(parseBudgets('437,910', '千元')[0].value).toBe(437910);
  });
  it('keeps the bracketed note of 449(健保局補助)', () => {
    expect(parseBudgets('449(健保局補助)', '千元')).toEqual([{ raw: '449(健保局補助)', value: 449, unit: '千元', note: '健保局補助' }]);
  });
  it('keeps a non-numeric budget as raw text with value null', () => {
    expect(parseBudgets('市府統籌款', '千元')).toEqual([{ raw: '市府統籌款', value: null, unit: null, note: '市府統籌款' }]);
  });
  it('splits two amounts in one cell (40 252)', () => {
    expect(parseBudgets('40 252', '千元').map((budget) => budget.value)).toEqual([40, 252]);
  });
  it('reads one budget per structural line', () => {
    expect(parseBudgets('市府統籌款\n市府統籌款', '千元')).toHaveLength(2);
  });
  it('ignores blank and dash cells', () => {
    expect(parseBudgets('', '千元')).toEqual([]);
    expect(parseBudgets(' - ', '千元')).toEqual([]);
  });
  it('reads 萬 amounts and an own unit', () => {
    expect(parseBudget('56萬1,390元', '千元')).toEqual({ raw: '56萬1,390元', value: 561390, unit: '元', note: null });
  });
});

describe('amounts run together', () => {
  //   > | 2,840,0862,840,086   (two rows' amounts in one cell)
  it('a thousands group of four digits is not one amount: no value, the text kept', () => {
    expect(parseBudget('2,840,0862,840,086', '千元')).toMatchObject({ raw: '2,840,0862,840,086', value: null });
    expect(parseBudget('1,751,', '千元')).toMatchObject({ value: 1751 });
    expect(parseBudget('56萬1,390元', null)).toMatchObject({ value: 561390, unit: '元' });
  });
});
