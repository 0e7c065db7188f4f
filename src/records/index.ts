/**
 * Records stage: decide what each table holds and turn its rows into typed
 * records.  Each table kind is its own module; `classifyTable` picks one.
 */
import type { Diagnostic, DocumentKind, Kpi, RawTable, ReportItem, TableKind, WorkItem } from '../types.js';

export interface TableRecords {
  kind: TableKind;
  kpis: Kpi[];
  workItems: WorkItem[];
  reportItems: ReportItem[];
  /** Normalized header and rows for the output Table (a reader may restructure them). */
  header: string[];
  rows: string[][];
  diagnostics: Diagnostic[];
}

export interface RecordContext {
  documentKind: DocumentKind;
  /** Titles of the enclosing sections, outermost first. */
  sectionPath: string[];
  /** ROC years of the document's period, when known. */
  years: number[] | null;
}

/** Classify a table by its header and read its records. */
export function readRecords(table: RawTable, context: RecordContext): TableRecords {
  const header = table.header;
  const rows = table.rows.map((row) => row.cells);
  return { kind: 'other', kpis: [], workItems: [], reportItems: [], header, rows, diagnostics: [] };
}
