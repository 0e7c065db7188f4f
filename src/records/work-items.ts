/** Placeholder: the work-items interpreter (not implemented yet; claims no table). */
import type { TableInterpreter } from './types.js';
import { otherTable } from './index.js';

export const workItemsInterpreter: TableInterpreter = {
  kind: 'work-items',
  matches: () => false,
  read: (table) => otherTable(table),
};
