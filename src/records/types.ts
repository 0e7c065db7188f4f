import type { Diagnostic, DocumentKind, Kpi, RawTable, ReportItem, TableKind, WorkItem } from '../types.js';

/** What an interpreter makes of one table. */
export interface TableRecords {
  kind: TableKind;
  kpis: Kpi[];
  workItems: WorkItem[];
  reportItems: ReportItem[];
  /** Normalized header and rows for the output Table (an interpreter may restructure them). */
  header: string[];
  rows: string[][];
  diagnostics: Diagnostic[];
}

export interface RecordContext {
  documentKind: DocumentKind;
  /** Titles (with markers) of the enclosing sections, outermost first. */
  sectionPath: string[];
  /** ROC years of the document's period, when known. */
  years: number[] | null;
}

/** Reads one kind of table (kpi, work items, …) into records. */
export interface TableInterpreter {
  kind: TableKind;
  /** Whether this table is of this kind (from its header, the document kind, the section it is in). */
  matches(table: RawTable, context: RecordContext): boolean;
  read(table: RawTable, context: RecordContext): TableRecords;
}
