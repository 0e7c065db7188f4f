import { describe, expect, it } from 'vitest';
import { settleStraddlers } from '../src/tables/aligned-straddle.js';
import { gridOf } from './helpers/aligned-cells.js';
import { columnOf } from '../src/tables/geometry/columns.js';

/**
 * Lines of pdftotext -layout text (LibreOffice PDF, corpus 63) to cells; the
 * first line's row drifted two columns left (its item starts at 6, not 8).
 */
function grid(lines: string[], boundaries: number[], width: number) {
  const starts = (i: number) => (i === 0 ? [boundaries[0] - 2, ...boundaries.slice(1)] : boundaries);
  return gridOf(lines, width, { spacedOut: true, column: (run, i) => columnOf(run.x0, starts(i)) });
}

describe('a wrapped cell\'s last glyphs set left of their column', () => {
  it('go to the column whose text starts above them, cut mid-sentence', () => {
    //   > |       助。
    //             ^
    const cells = grid(['社 會 救 5. 辦理低收入戶喪葬補', '助。', '      助。'], [8, 21], 3);
    expect(cells[2][0]?.text).toBe('助。');
    settleStraddlers(cells, 0, cells.length);
    expect(cells[2][0]).toBeNull();
    expect(cells[2][1]?.text).toBe('助。');
    expect(cells[1][0]?.text).toBe('助。');
  });
  it('stay when the next column\'s text above ended its sentence', () => {
    const cells = grid(['社 會 救 5. 辦理低收入戶喪葬補助。', '助。', '      助。'], [8, 21], 3);
    settleStraddlers(cells, 0, cells.length);
    expect(cells[2][0]?.text).toBe('助。');
  });
  it('stay when their own column is mid-sentence (the cell goes on)', () => {
    const cells = grid(['社 會 救 5. 辦理低收入戶喪葬補', '社會救', '      助。'], [8, 21], 3);
    settleStraddlers(cells, 0, cells.length);
    expect(cells[2][0]?.text).toBe('助。');
  });
});
