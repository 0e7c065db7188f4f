/** Placeholder: the kpi-revisions interpreter (not implemented yet; claims no table). */
import type { TableInterpreter } from './types.js';
import { otherTable } from './index.js';

export const kpiRevisionsInterpreter: TableInterpreter = {
  kind: 'kpi-revisions',
  matches: () => false,
  read: (table) => otherTable(table),
};
