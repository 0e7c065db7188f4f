/**
 * The flat-table exports behind `plan-parse kpis` and `plan-parse items`
 * (src/export/*), loaded on demand.  One record per row with typed values
 * (numbers, booleans, null); CSV writes them as text (RFC 4180, guarded
 * against spreadsheet formulas and date conversion), JSON keeps the types.
 */
import { canonicalJson } from '../serialize.js';
import type { ParseResult } from '../types.js';

export interface Exporter {
  header: string[];
  /** The CSV header line(s). */
  csvHeader(): string;
  /** A file's rows as CSV text (no header). */
  csvRows(result: ParseResult): string;
  /**
   * A file's rows as JSON: NDJSON lines (one canonical object per line), or
   * with `array` the elements of a JSON array (`,\n` between, no brackets,
   * no trailing newline), indented with `pretty`.
   */
  jsonRows(result: ParseResult, options?: { array?: boolean; pretty?: boolean }): string;
}

export type Cell = string | number | boolean | null | { min: number; max: number };
export type RowRecord = Record<string, Cell>;

export class ExportUnavailable extends Error {}

interface ExportModule {
  header: () => string[];
  records: (result: ParseResult) => RowRecord[];
  toCsv: (rows: readonly (readonly string[])[]) => string;
  cellText: (value: Cell) => string;
}

export async function loadExporter(kind: 'kpis' | 'items'): Promise<Exporter> {
  let module: ExportModule;
  try {
    const kpi = await import('../export/kpi-csv.js');
    if (kind === 'kpis') module = { header: kpi.kpiCsvHeader, records: kpi.kpiRecords, toCsv: kpi.toCsv, cellText: kpi.cellText };
    else {
      const items = await import('../export/items-csv.js');
      module = { header: items.itemsCsvHeader, records: items.itemsRecords, toCsv: kpi.toCsv, cellText: kpi.cellText };
    }
  } catch (error) {
    throw new ExportUnavailable(`the ${kind} export is not available in this build (${(error as Error).message})`);
  }
  const header = module.header();
  return {
    header,
    csvHeader: () => module.toCsv([header]),
    csvRows: (result) => {
      const list = module.records(result);
      return list.length ? module.toCsv(list.map((record) => header.map((name) => module.cellText(record[name] ?? null)))) : '';
    },
    jsonRows: (result, options = {}) => {
      const list = module.records(result);
      if (options.array) return list.map((record) => canonicalJson(record, options.pretty).trimEnd()).join(',\n');
      return list.map((record) => canonicalJson(record)).join('');
    },
  };
}
