/**
 * The flat-table exports behind `plan-parse kpis` and `plan-parse items`
 * (src/export/*), loaded on demand.  CSV: the header once, then each file's
 * rows as they come; JSON: one canonical object per row, keyed by header.
 */
import { canonicalJson } from '../serialize.js';
import type { ParseResult } from '../types.js';

export interface Exporter {
  header: string[];
  /** The CSV header line(s). */
  csvHeader(): string;
  /** A file's rows as CSV text (no header). */
  csvRows(result: ParseResult): string;
  /** A file's rows as NDJSON (one canonical object per row). */
  jsonRows(result: ParseResult): string;
}

type Cell = string | number | boolean | null | undefined;
type Row = Cell[] | Record<string, Cell>;

export class ExportUnavailable extends Error {}

export async function loadExporter(kind: 'kpis' | 'items'): Promise<Exporter> {
  let header: string[];
  let rows: (result: ParseResult) => Row[];
  let toCsv: (rows: Row[]) => string;
  try {
    const kpi = (await import('../export/kpi-csv.js')) as Record<string, unknown>;
    toCsv = kpi.toCsv as typeof toCsv;
    if (kind === 'kpis') {
      header = (kpi.kpiCsvHeader as () => string[])();
      rows = kpi.kpiCsvRows as typeof rows;
    } else {
      const items = (await import('../export/items-csv.js')) as Record<string, unknown>;
      header = (items.itemsCsvHeader as () => string[])();
      rows = items.itemsCsvRows as typeof rows;
      if (typeof items.toCsv === 'function') toCsv = items.toCsv as typeof toCsv;
    }
    if (typeof toCsv !== 'function' || typeof rows !== 'function' || !Array.isArray(header)) throw new Error('incomplete module');
  } catch (error) {
    throw new ExportUnavailable(`the ${kind} export is not available in this build (${(error as Error).message})`);
  }
  const asArray = (row: Row): Cell[] => (Array.isArray(row) ? row : header.map((name) => row[name]));
  return {
    header,
    csvHeader: () => toCsv([header]),
    csvRows: (result) => {
      const list = rows(result);
      return list.length ? toCsv(list) : '';
    },
    jsonRows: (result) =>
      rows(result)
        .map((row) => {
          const cells = asArray(row);
          const object: Record<string, Cell> = {};
          header.forEach((name, i) => (object[name] = cells[i] ?? null));
          return canonicalJson(object);
        })
        .join(''),
  };
}
