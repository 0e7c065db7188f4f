/**
 * `plan-parse items --csv`: one row per WorkItem (work plans) or ReportItem
 * (work reports), with the file and document it came from.  Numbers are
 * written as their shortest decimal form; absent values are empty fields.
 */
import type { ParseResult, PlanDocument, ReportItem, WorkItem } from '../types.js';

// The RFC 4180 writer the KPI export uses (one CSV dialect for both commands).
export { toCsv } from './kpi-csv.js';

const HEADER = [
  'file',
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

/** One row per work item and report item of every document, in source order. */
export function itemsCsvRows(result: ParseResult): string[][] {
  const rows: string[][] = [];
  for (const document of result.documents) {
    for (const item of document.workItems) rows.push(workRow(result.source.path, document, item));
    for (const item of document.reportItems) rows.push(reportRow(result.source.path, document, item));
  }
  return rows;
}

function lead(file: string, document: PlanDocument, kind: string, path: string[]): string[] {
  return [file, document.title ?? '', document.agency ?? '', kind, path.join(' > ')];
}

function workRow(file: string, document: PlanDocument, item: WorkItem): string[] {
  const budget = item.budget;
  return [
    ...lead(file, document, 'work-item', item.path),
    item.item,
    item.content ?? '',
    budget?.raw ?? '',
    number(budget?.value),
    budget?.unit ?? '',
    '',
    '',
    budget?.note ?? '',
  ];
}

function reportRow(file: string, document: PlanDocument, item: ReportItem): string[] {
  return [
    ...lead(file, document, 'report-item', item.path),
    item.status,
    '',
    '',
    '',
    '',
    item.completion?.raw ?? '',
    number(item.completion?.value),
    item.note ?? '',
  ];
}

function number(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
