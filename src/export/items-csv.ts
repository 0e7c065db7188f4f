/**
 * `plan-parse items`: one record per WorkItem (work plans) or ReportItem
 * (work reports), with the file, source line and document it came from.
 * Typed values in JSON (numbers, null); CSV through the KPI export's writer
 * (one CSV dialect for both commands, snake_case column names).
 */
import type { ParseResult, PlanDocument, ReportItem, WorkItem } from '../types.js';
import type { Cell } from './kpi-csv.js';
import { cellText } from './kpi-csv.js';

// The RFC 4180 writer the KPI export uses (one CSV dialect for both commands).
export { toCsv } from './kpi-csv.js';

const HEADER = [
  'file',
  'line',
  'document',
  'agency',
  'kind',
  'path',
  'item',
  'content',
  'budget_raw',
  'budget_value',
  'budget_unit',
  'completion_raw',
  'completion_value',
  'note',
];

/** Column names of the items CSV. */
export function itemsCsvHeader(): string[] {
  return [...HEADER];
}

/** One typed record per work item and report item of every document, in source order. */
export function itemsRecords(result: ParseResult): Record<string, Cell>[] {
  const records: Record<string, Cell>[] = [];
  for (const document of result.documents) {
    for (const item of document.workItems) records.push(workRecord(result.source.path, document, item));
    for (const item of document.reportItems) records.push(reportRecord(result.source.path, document, item));
  }
  return records;
}

/** The same rows as CSV text cells. */
export function itemsCsvRows(result: ParseResult): string[][] {
  return itemsRecords(result).map((record) => HEADER.map((name) => cellText(record[name] ?? null)));
}

function workRecord(file: string, document: PlanDocument, item: WorkItem): Record<string, Cell> {
  const budget = item.budget;
  return {
    file,
    line: item.position.start.line,
    document: document.title,
    agency: document.agency,
    kind: 'work-item',
    path: item.path.join(' > '),
    item: item.item,
    content: item.content,
    budget_raw: budget?.raw ?? null,
    budget_value: budget?.value ?? null,
    budget_unit: budget?.unit ?? null,
    completion_raw: null,
    completion_value: null,
    note: budget?.note ?? null,
  };
}

function reportRecord(file: string, document: PlanDocument, item: ReportItem): Record<string, Cell> {
  return {
    file,
    line: item.position.start.line,
    document: document.title,
    agency: document.agency,
    kind: 'report-item',
    path: item.path.join(' > '),
    item: item.status,
    content: null,
    budget_raw: null,
    budget_value: null,
    budget_unit: null,
    completion_raw: item.completion?.raw ?? null,
    completion_value: item.completion?.value ?? null,
    note: item.note,
  };
}
