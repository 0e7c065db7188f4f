/**
 * Records stage: decide what each table holds and turn its rows into typed
 * records.  Each table kind is its own interpreter module; the first one in
 * `interpreters` whose `matches` accepts the table reads it.  Adding a kind =
 * one new module + one entry in the list.
 */
import { normalizeCell, normalizeText } from '../normalize/text.js';
import type { RawTable } from '../types.js';
import { kpiRevisionsInterpreter } from './kpi-revisions.js';
import { kpiInterpreter } from './kpi.js';
import { reportItemsInterpreter } from './report-items.js';
import type { RecordContext, TableInterpreter, TableRecords } from './types.js';
import { workItemsInterpreter } from './work-items.js';

export type { RecordContext, TableInterpreter, TableRecords } from './types.js';

export const interpreters: TableInterpreter[] = [kpiRevisionsInterpreter, kpiInterpreter, workItemsInterpreter, reportItemsInterpreter];

/** Classify a table by its header and read its records. */
export function readRecords(table: RawTable, context: RecordContext): TableRecords {
  for (const interpreter of interpreters) if (interpreter.matches(table, context)) return interpreter.read(table, context);
  return otherTable(table);
}

/** A table no interpreter claims: kept with normalized header and cells. */
export function otherTable(table: RawTable): TableRecords {
  return {
    kind: 'other',
    kpis: [],
    workItems: [],
    reportItems: [],
    header: table.header.map(normalizeText),
    rows: table.rows.map((row) => row.cells.map(normalizeCell)),
    diagnostics: [],
  };
}
