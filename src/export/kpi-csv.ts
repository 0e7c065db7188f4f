/**
 * Flat KPI export (`plan-parse kpis`): one record per indicator × year, for
 * spreadsheets and budget analysts.  Records keep typed values (numbers,
 * booleans, null) for JSON; `toCsv` writes RFC 4180 CSV with CRLF line
 * ends, every cell guarded against spreadsheet formulas and date conversion.
 * Column names are snake_case in both exports.
 */
import type { ParseResult } from '../types.js';

export type Cell = string | number | boolean | null | { min: number; max: number };

const HEADER = [
  'file',
  'line',
  'document',
  'agency',
  'common',
  'strategy',
  'indicator_marker',
  'indicator',
  'measure',
  'year',
  'gregorian_year',
  'raw',
  'type',
  'value',
  'unit',
  'comparator',
];

export function kpiCsvHeader(): string[] {
  return [...HEADER];
}

/** One typed record per target of every Kpi of every document of a result. */
export function kpiRecords(result: ParseResult): Record<string, Cell>[] {
  const records: Record<string, Cell>[] = [];
  for (const document of result.documents) {
    for (const kpi of document.kpis) {
      for (const target of kpi.targets) {
        records.push({
          file: result.source.path,
          line: kpi.position.start.line,
          document: document.title,
          agency: document.agency,
          common: kpi.common,
          strategy: kpi.strategy.text,
          indicator_marker: kpi.indicator.marker,
          indicator: kpi.indicator.text,
          measure: kpi.measure,
          year: target.year,
          gregorian_year: target.gregorianYear,
          raw: target.raw,
          type: target.type,
          value: target.value,
          unit: target.unit,
          comparator: target.comparator ?? null,
        });
      }
    }
  }
  return records;
}

/** The same rows as CSV text cells. */
export function kpiCsvRows(result: ParseResult): string[][] {
  return kpiRecords(result).map((record) => HEADER.map((name) => cellText(record[name] ?? null)));
}

/** A typed value as CSV text: null empty, a range `min-max`, booleans `true` / `false`. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return `${value.min}-${value.max}`;
  return String(value);
}

/** RFC 4180: CRLF line ends; a field holding a comma, quote, CR or LF is quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-2+3`, `@SUM`),
// or turn into a date (`07-31`, `7/31`, `1-5`, `2019/7/31`): OWASP's guard, a leading '.
//   > | =cmd|' /C calc'!A0      07-31
//       ^                       ^
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[0-9]+(?:\.[0-9]+)?$/;
const DATE_LIKE = /^[0-9]{1,4}[-/.][0-9]{1,2}(?:[-/.][0-9]{1,4})?$|^[0-9]{1,2}月[0-9]{1,2}日?$/;

/** A cell as written: guarded, then quoted when needed. */
export function field(text: string): string {
  if ((FORMULA.test(text) && !PLAIN_NUMBER.test(text)) || DATE_LIKE.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
