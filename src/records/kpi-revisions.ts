/**
 * KPI-revision summary interpreter (…關鍵績效指標(KPI)滾動修正項目彙總表):
 * a table of revised indicators across several plans (單位 / 關鍵策略目標 /
 * 關鍵績效指標 / 衡量標準 / 年度目標值(修正後) / 修正理由 / 頁碼).  It is kept
 * as a Table of kind `kpi-revisions`; it yields no Kpi records (the plans'
 * own tables do).
 */
import { normalizeCell, normalizeText, stripSpaces } from '../normalize/text.js';
import type { RawTable } from '../types.js';
import type { RecordContext, TableInterpreter, TableRecords } from './types.js';

//   > | 年度目標值(修正後)     修正理由
//            ^^^^^^^^         ^^^^^^^^
const REVISION_HEADER = /修正理由|\(修正後\)|（修正後）/u;

export const kpiRevisionsInterpreter: TableInterpreter = {
  kind: 'kpi-revisions',
  matches: (table: RawTable, context: RecordContext) =>
    table.header.some((cell) => REVISION_HEADER.test(stripSpaces(cell))) ||
    (context.documentKind === 'revision-summary' && table.header.some((cell) => /指標/u.test(cell))),
  read: (table: RawTable): TableRecords => ({
    kind: 'kpi-revisions',
    kpis: [],
    workItems: [],
    reportItems: [],
    header: table.header.map(normalizeText),
    rows: carryUnit(table.header, table.rows.map((row) => row.cells.map(normalizeCell))),
    diagnostics: [],
  }),
};

/**
 * The 單位 column is written once per unit: carry it into the blank cells
 * below.  The flattened reader already fills it on every row (by the page
 * cell's chapter, `flattened-revisions.ts`); this serves the other layouts.
 */
function carryUnit(header: readonly string[], rows: string[][]): string[][] {
  const unit = header.findIndex((cell) => /^單位$/u.test(stripSpaces(cell)));
  if (unit === -1) return rows;
  let current = '';
  return rows.map((row) => {
    const cell = stripSpaces(row[unit] ?? '');
    if (cell) current = cell;
    const copy = [...row];
    copy[unit] = current;
    return copy;
  });
}
