/** Placeholder: the kpi interpreter (not implemented yet; claims no table). */
import type { TableInterpreter } from './types.js';
import { otherTable } from './index.js';

export const kpiInterpreter: TableInterpreter = {
  kind: 'kpi',
  matches: () => false,
  read: (table) => otherTable(table),
};
