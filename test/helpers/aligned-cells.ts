/**
 * Space-aligned lines laid out in columns as the aligned reader lays them out
 * (src/tables/aligned.ts, `cellsOf`): each line's runs, a column chosen per
 * run, runs of one column joined with a space.  The tests of the reader's
 * repair steps build their input grids with it.
 */
import { addWord, type Fragment } from '../../src/tables/aligned.js';
import { joinSpacedOut, lineRuns } from '../../src/tables/aligned-text.js';
import type { Run } from '../../src/tables/geometry/columns.js';

export type GridCell = Fragment | null;

export interface GridOptions {
  /** Join glyphs a justified line spaced out (`joinSpacedOut`), `'justified'` `inner` its second argument. */
  spacedOut?: boolean | 'inner';
  /** The column of a run: given the run, its line's index and the column of the run before it on the line (-1 first). */
  column: (run: Run, line: number, previous: number) => number;
}

export function gridOf(lines: readonly string[], width: number, options: GridOptions): GridCell[][] {
  return lines.map((text, i) => {
    const row: GridCell[] = new Array<GridCell>(width).fill(null);
    const runs = lineRuns(text, i, 1);
    let previous = -1;
    for (const run of options.spacedOut ? joinSpacedOut(runs, options.spacedOut === 'inner') : runs) {
      previous = options.column(run, i, previous);
      addWord(row, previous, run);
    }
    return row;
  });
}

/** One grid row from a real line (line index `line`): its words split at the given display columns. */
export function rowAtCuts(text: string, line: number, cuts: readonly number[]): GridCell[] {
  const cells: GridCell[] = cuts.map(() => null);
  for (const run of lineRuns(text, line, 1)) {
    let c = 0;
    while (c + 1 < cuts.length && run.x0 >= cuts[c + 1]) c++;
    addWord(cells, c, run);
  }
  return cells;
}
