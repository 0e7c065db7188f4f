import { describe, expect, it } from 'vitest';
import { makeTarget, typeTarget } from '../src/records/targets.js';

describe('target typing', () => {
  it('reads numbers with thousands separators and 萬', () => {
    expect(typeTarget('1,751')).toEqual({ type: 'number', value: 1751, unit: null });
    expect(typeTarget('56萬1,390')).toEqual({ type: 'number', value: 561390, unit: null });
    expect(typeTarget('150萬')).toEqual({ type: 'number', value: 1500000, unit: null });
  });
  it('keeps percents on the 0–100 scale', () => {
    expect(typeTarget('98%')).toEqual({ type: 'percent', value: 98, unit: '%' });
    expect(typeTarget('90％')).toEqual({ type: 'percent', value: 90, unit: '%' });
  });
  it('reads counts with units', () => {
    expect(typeTarget('2次')).toEqual({ type: 'number', value: 2, unit: '次' });
    expect(typeTarget('1場次')).toEqual({ type: 'number', value: 1, unit: '場次' });
    expect(typeTarget('1500件')).toEqual({ type: 'number', value: 1500, unit: '件' });
  });
  it('reads dates and ranges', () => {
    expect(typeTarget('7/31')).toEqual({ type: 'date', value: '07-31', unit: null });
    expect(typeTarget('90%-95%')).toEqual({ type: 'range', value: { min: 90, max: 95 }, unit: '%' });
  });
  it('keeps free text and blanks', () => {
    expect(typeTarget('每年一次')).toEqual({ type: 'text', value: null, unit: null });
    expect(typeTarget('')).toEqual({ type: 'blank', value: null, unit: null });
    expect(typeTarget('-')).toEqual({ type: 'blank', value: null, unit: null });
    expect(typeTarget('—')).toEqual({ type: 'blank', value: null, unit: null });
  });
  it('normalizes the raw text and adds the gregorian year', () => {
    expect(makeTarget(108, '一年\n二次')).toEqual({ year: 108, gregorianYear: 2019, raw: '一年二次', type: 'text', value: null, unit: null });
    expect(makeTarget(110, '-').raw).toBe('-');
  });
});
