/**
 * Flat KPI export (`plan-parse kpis --csv`): one row per indicator × year,
 * for spreadsheets and budget analysts.  `toCsv` writes RFC 4180 CSV.
 */
import type { ParseResult } from '../types.js';

const HEADER = ['file', 'document', 'agency', 'strategy', 'indicator', 'measure', 'year', 'gregorianYear', 'raw', 'value', 'unit'];

export function kpiCsvHeader(): string[] {
  return [...HEADER];
}

/** One row per target of every Kpi of every document of a result. */
export function kpiCsvRows(result: ParseResult): string[][] {
  const rows: string[][] = [];
  for (const document of result.documents) {
    for (const kpi of document.kpis) {
      for (const target of kpi.targets) {
        rows.push([
          result.source.path,
          document.title ?? '',
          document.agency ?? '',
          kpi.strategy.text,
          kpi.indicator.text,
          kpi.measure ?? '',
          String(target.year),
          String(target.gregorianYear),
          target.raw,
          valueText(target.value),
          target.unit ?? '',
        ]);
      }
    }
  }
  return rows;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const range = value as { min: number; max: number };
    return `${range.min}-${range.max}`;
  }
  return String(value);
}

/** RFC 4180: CRLF line ends; a field holding a comma, quote, CR or LF is quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
