/** Placeholder: the cell-per-line table reader (not implemented yet; finds no table). */
import type { TableReader } from '../types.js';

export const cellPerLineReader: TableReader = {
  layout: 'cell-per-line',
  read: () => null,
};
