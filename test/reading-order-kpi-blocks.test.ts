/**
 * KPI blocks of reading-order text (`pdftotext` without `-layout`) that the
 * extractor runs together or staggers: the inputs the helpers' doc comments
 * show, as the corpus text prints them.
 */
import { describe, expect, it } from 'vitest';
import { blockValues } from '../src/tables/reading-order-cells.js';

describe('reading-order KPI blocks', () => {
  it('reads value cells wrapped over different line counts (pieces of one baseline share a line)', () => {
    expect(blockValues(['≧2,0 ≧2,0 ≧12, ≧12,', '00人 00人 000', '000', '人', '人'])).toEqual(['≧2,000人', '≧2,000人', '≧12,000人', '≧12,000人']);
  });
  it('takes no staggered reading that breaks a thousands group', () => {
    expect(blockValues(['≧12, ≧12,', '0000'])).toBeNull();
  });
});
