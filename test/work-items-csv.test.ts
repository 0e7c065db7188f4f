import { describe, expect, it } from 'vitest';
import { itemsCsvHeader, itemsCsvRows, toCsv } from '../src/export/items-csv.js';
import { parsedSeed } from './helpers/seeds.js';

describe('items CSV', () => {
  it('writes RFC 4180 text (quoted commas, CRLF)', () => {
    expect(toCsv([['a', '1,751', '']])).toBe('a,"1,751",\r\n');
  });

  it('has one row per work item, path joined with >', () => {
    const result = parsedSeed('001_fcb2d661580278da.txt');
    const rows = itemsCsvRows(result);
    const header = itemsCsvHeader();
    expect(rows).toHaveLength(result.documents.reduce((n, d) => n + d.workItems.length, 0));
    const first = Object.fromEntries(header.map((name, i) => [name, rows[0][i]]));
    expect(first).toMatchObject({ kind: 'work-item', path: '一、一般行政 > (一)自治行政管理', budget_raw: '40', budget_value: '40', budget_unit: '千元' });
  });

  it('has one row per report item with its completion', () => {
    const rows = itemsCsvRows(parsedSeed('004_68055337084019e7.txt'));
    const header = itemsCsvHeader();
    expect(rows.length).toBeGreaterThan(300);
    expect(rows[0][header.indexOf('completion_value')]).toBe('100');
  });
});
