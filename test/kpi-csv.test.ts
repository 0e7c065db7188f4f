import { describe, expect, it } from 'vitest';
import { kpiCsvHeader, kpiCsvRows, toCsv } from '../src/export/kpi-csv.js';
import { parsedSeed } from './helpers/seeds.js';

describe('KPI CSV export', () => {
  it('quotes per RFC 4180 with CRLF line ends', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny']])).toBe('a,"b,c","say ""hi""","x\ny"\r\n');
  });
  it('writes one row per indicator and year', () => {
    const result = parsedSeed('000_41429686ef6f927b.txt');
    const rows = kpiCsvRows(result);
    const targets = result.documents.flatMap((d) => d.kpis).reduce((n, k) => n + k.targets.length, 0);
    expect(rows.length).toBe(targets);
    expect(rows[0].length).toBe(kpiCsvHeader().length);
    const header = kpiCsvHeader();
    const first = Object.fromEntries(header.map((name, i) => [name, rows[0][i]]));
    expect(first).toMatchObject({ year: '108', gregorian_year: '2019', raw: '500', type: 'number', value: '500', unit: '', comparator: '' });
  });
});
