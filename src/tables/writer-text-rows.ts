/**
 * Rows of a table in Writer's text export, rebuilt from a run of cell lines.
 * Every row has the same cells (a merged cell's covered ones are empty
 * lines), but a cell holding several paragraphs is several lines, so where a
 * row ends is read from what the columns hold: the body is cut into cells,
 * column after column and row after row, in the way that fits the columns
 * best (a Viterbi pass over (line, column) states, each cell a bounded run of
 * lines, see `writer-text-cells.ts`).
 *
 *   > | 三、全民健康保險                          category
 *   > | 受理第五、六類人口全民健康保險之加退保。  item
 *   > | 1. 申請對象：第5類人口。                  content, first paragraph
 *   > | 協助低收入戶辦理經濟困難認定。            content, second paragraph
 *   > | 449(健保局補助)                           budget: a number, so the content ended
 *       ^^^
 *   > |                                           next row: category covered by the merge
 *
 * The table ends at the row boundary after which no row fits better than
 * stopping, or at a line that cannot be in it (`stop`).  One pass: each line
 * is reached from at most `columns × (longest cell)` states, and the pass
 * ends a full row's length after the last row that fitted.
 */
import { CELL_COST, lineScore, MAX_CELL_LINES, MERGE_COST, type CellKind, type LineShape } from './writer-text-cells.js';

/** A column of the body as the text writes it (an ordinal column the header spans is one of its own). */
export interface BodyColumn {
  kind: CellKind;
  /** An ordinal column a row may merge into the column after it. */
  mergeable: boolean;
}

export interface CutCell {
  /** First body column it fills. */
  column: number;
  /** Columns it spans (2 for an ordinal column merged into its text). */
  span: number;
  /** Lines [from, to). */
  from: number;
  to: number;
  score: number;
}

export interface CutRow {
  cells: CutCell[];
  from: number;
  to: number;
}

export interface Cut {
  rows: CutRow[];
  score: number;
}

/**
 * Cut lines `start`… into rows of `columns`.  `shapeAt(i)` gives a line's
 * shape, or null for a line no cell can hold (the table has ended).
 */
export function cutRows(columns: readonly BodyColumn[], start: number, limit: number, shapeAt: (i: number) => LineShape | null): Cut {
  const width = columns.length;
  let window = 0;
  for (const column of columns) window += MAX_CELL_LINES[column.kind];
  const scores: number[] = [];
  /** State a state was reached from, and the span of the cell between them. */
  const back: number[] = [];
  const spans: number[] = [];
  const cellScores: number[] = [];
  const grow = (offset: number) => {
    while (scores.length < (offset + 1) * width) {
      scores.push(-Infinity);
      back.push(-1);
      spans.push(0);
      cellScores.push(0);
    }
  };
  grow(0);
  scores[0] = 0;
  let best = 0;
  let bestEnd = 0;
  let end = limit;
  for (let i = start; i < end; i++) {
    const offset = i - start;
    if (offset - bestEnd > window) break;
    grow(offset + 1);
    if (scores[offset * width] > best) {
      best = scores[offset * width];
      bestEnd = offset;
    }
    if (shapeAt(i) === null) {
      end = i;
      break;
    }
    for (let c = 0; c < width; c++) {
      const from = scores[offset * width + c];
      if (from === -Infinity) continue;
      const maxSpan = columns[c].mergeable && c + 1 < width ? 2 : 1;
      for (let span = 1; span <= maxSpan; span++) {
        const kind = columns[c + span - 1].kind;
        let total = from + CELL_COST + (span === 2 ? MERGE_COST : 0);
        let cell = 0;
        for (let k = 0; k < MAX_CELL_LINES[kind] && i + k < end; k++) {
          const shape = shapeAt(i + k);
          if (shape === null) {
            end = i + k;
            break;
          }
          if (k > 0 && shape === 'empty') break;
          const score = lineScore(kind, shape, k);
          total += score;
          cell += score;
          const next = offset + k + 1;
          const column = (c + span) % width;
          grow(next);
          const state = next * width + column;
          if (total > scores[state]) {
            scores[state] = total;
            back[state] = offset * width + c;
            spans[state] = span;
            cellScores[state] = cell;
          }
          if (shape === 'empty') break;
        }
      }
    }
  }
  const last = end - start;
  if (last >= 0 && (last + 1) * width <= scores.length && scores[last * width] > best) {
    best = scores[last * width];
    bestEnd = last;
  }
  // Walk back from the best row boundary.
  const cells: CutCell[] = [];
  let state = bestEnd * width;
  while (state > 0 && back[state] >= 0) {
    const previous = back[state];
    cells.push({
      column: previous % width,
      span: spans[state],
      from: start + Math.floor(previous / width),
      to: start + Math.floor(state / width),
      score: cellScores[state],
    });
    state = previous;
  }
  cells.reverse();
  const rows: CutRow[] = [];
  let row: CutCell[] = [];
  for (const cell of cells) {
    row.push(cell);
    if (cell.column + cell.span === width) {
      rows.push({ cells: row, from: row[0].from, to: cell.to });
      row = [];
    }
  }
  return { rows, score: best };
}
