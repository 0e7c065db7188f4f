/** Placeholder: the report-items interpreter (not implemented yet; claims no table). */
import type { TableInterpreter } from './types.js';
import { otherTable } from './index.js';

export const reportItemsInterpreter: TableInterpreter = {
  kind: 'report-items',
  matches: () => false,
  read: (table) => otherTable(table),
};
