/** Placeholder: the flattened table reader (not implemented yet; finds no table). */
import type { TableReader } from '../types.js';

export const flattenedReader: TableReader = {
  layout: 'flattened',
  read: () => null,
};
