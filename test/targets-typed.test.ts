/**
 * Issue 15 — targets an analyst needs as numbers: comparators (`≧30臺`,
 * `≦5%`, `10件以上`), compound numerals (`2萬8千件`), units outside the old
 * list (`900公噸`, `5MW`, `臺`) and a note in brackets after the value
 * (`5MW(累積)`).  Every input below is a real cell of the corpus or seeds.
 */
import { describe, expect, it } from 'vitest';
import { makeTarget, typeTarget } from '../src/records/targets.js';
import { validateResult } from '../src/validate.js';
import { parsedSeed, seedNames } from './helpers/seeds.js';

describe('typed targets: comparators', () => {
  it.each([
    ['≧91%', { type: 'percent', value: 91, unit: '%', comparator: '>=' }],
    ['≦5%', { type: 'percent', value: 5, unit: '%', comparator: '<=' }],
    ['≧30臺', { type: 'number', value: 30, unit: '臺', comparator: '>=' }],
    ['≧ 12,000人', { type: 'number', value: 12000, unit: '人', comparator: '>=' }],
    ['≧ 2,000萬筆', { type: 'number', value: 20000000, unit: '筆', comparator: '>=' }],
    ['≦8.5', { type: 'number', value: 8.5, unit: null, comparator: '<=' }],
    ['10件以上', { type: 'number', value: 10, unit: '件', comparator: '>=' }],
    ['5次以下', { type: 'number', value: 5, unit: '次', comparator: '<=' }],
    ['<10分鐘', { type: 'number', value: 10, unit: '分鐘', comparator: '<' }],
  ])('%s', (raw, expected) => {
    expect(typeTarget(raw)).toEqual(expected);
  });

  it('a comparator with nothing after it stays text', () => {
    expect(typeTarget('以上')).toEqual({ type: 'text', value: null, unit: null });
    expect(typeTarget('≧')).toEqual({ type: 'text', value: null, unit: null });
  });
});

describe('typed targets: numerals, units, notes', () => {
  it.each([
    ['2萬8千件', { type: 'number', value: 28000, unit: '件' }],
    ['1萬6千件', { type: 'number', value: 16000, unit: '件' }],
    ['1億2,000萬', { type: 'number', value: 120000000, unit: null }],
    ['56萬1,390', { type: 'number', value: 561390, unit: null }],
    ['500千元', { type: 'number', value: 500, unit: '千元' }],
    ['900公噸', { type: 'number', value: 900, unit: '公噸' }],
    ['4.5分', { type: 'number', value: 4.5, unit: '分' }],
    ['30分鐘', { type: 'number', value: 30, unit: '分鐘' }],
    ['2倍', { type: 'number', value: 2, unit: '倍' }],
    ['5MW', { type: 'number', value: 5, unit: 'MW' }],
    ['5MW(累積)', { type: 'number', value: 5, unit: 'MW' }],
    ['45,000人次(因疫情影響)', { type: 'number', value: 45000, unit: '人次' }],
    ['0場 (因疫情停辦)', { type: 'number', value: 0, unit: '場' }],
  ])('%s', (raw, expected) => {
    expect(typeTarget(raw)).toEqual(expected);
  });

  it('free text stays text (no value invented)', () => {
    for (const raw of ['每年一次', '每年至少3項', '依限完成', '美術館籌備中', '6A 84B 45C']) expect(typeTarget(raw).type).toBe('text');
  });

  it('makeTarget keeps raw and adds comparator only when there is one (canonical key order)', () => {
    const bound = makeTarget(110, '≧91%');
    expect(bound).toEqual({ comparator: '>=', gregorianYear: 2021, raw: '≧91%', type: 'percent', unit: '%', value: 91, year: 110 });
    expect(Object.keys(bound)).toEqual([...Object.keys(bound)].sort());
    expect('comparator' in makeTarget(110, '91%')).toBe(false);
  });
});

describe('typed targets on the seeds', () => {
  it('the seeds still validate, and the share of text targets only goes down (ratchet)', () => {
    let total = 0;
    let text = 0;
    for (const name of seedNames) {
      const result = parsedSeed(name);
      expect(validateResult(result)).toEqual([]);
      for (const document of result.documents) {
        for (const kpi of document.kpis) {
          for (const target of kpi.targets) {
            total++;
            if (target.type === 'text') text++;
          }
        }
      }
    }
    expect(total).toBeGreaterThan(500);
    // Before comparators, compound numerals and notes were typed: 134 of 932 text targets on the seeds; now 42
    // (每年一次, 依限完成, 美術館籌備中 … really are text).
    expect(text).toBeLessThanOrEqual(42);
  });
});
