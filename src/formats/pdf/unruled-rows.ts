/**
 * Rows a ruled table does not rule.  Spreadsheet and report-engine PDFs
 * (Excel, JasperReports) often draw the column rules and the header's rules
 * but no rule between body rows: the body is then one grid row, and every
 * cell of it would hold a whole column.  The rows are still there in the
 * glyphs' baselines: each starts where the values of the number columns
 * start again.
 *
 *   > | 總計               2,840,086   1,951,656   447,400
 *         ^ a stub line with values: a row
 *   > | 一般建築及設備     2,840,086   1,951,656   447,400
 *         ^ a row
 *   > |   111年個人          984,736     872,616   112,120
 *         ^ a row
 *   > |   電腦租賃費
 *         ^ no value: the line above goes on
 *   > |             1 電動車   4   11407             23,000   35,000
 *                                                  ^ this column already has a value in the row: a new row
 *
 * Only a grid row holding at least three such rows is cut, so a ruled row
 * whose cells hold two lines of values each (`2場次` / `100人次`) stays whole.
 * One value on the line is enough (budget books print a heading row with its
 * total alone: `02一般業務 … 22,768,000`); a ruled work-plan row listing
 * three items beside one budget each is then cut into one row per item,
 * which keeps each item's budget.
 */
import { middleOf, slotIndex } from './grid.js';
import type { TextRun } from './page.js';

/** A body cell value: an amount, a count, a percentage, or the dash of an empty amount. */
const VALUE = /^(?:[-－—–]|[(（]?[-+]?[0-9][0-9,]*(?:\.[0-9]+)?[)）]?%?)$/u;
/** Cut a grid row only into this many rows or more. */
const MIN_ROWS = 3;

interface BaselineLine {
  /** Baseline (top-down, points). */
  y: number;
  size: number;
  /** Text of each column on this baseline ('' where none). */
  columns: Map<number, string>;
}

/**
 * Where to cut the grid row between `top` and `bottom` (page points) into the
 * rows its text shows, given the column edges `xs`; empty when it is one row.
 */
export function unruledRowCuts(xs: readonly number[], top: number, bottom: number, runs: readonly TextRun[]): number[] {
  const lines = baselineLines(xs, top, bottom, runs);
  if (lines.length < MIN_ROWS) return [];
  const cuts: number[] = [];
  let rowValues = new Set<number>();
  let previous: BaselineLine | null = null;
  /** Each column's latest text in the row being read. */
  let lastText = new Map<number, string>();
  for (const line of lines) {
    const values = new Set<number>();
    for (const [column, text] of line.columns) {
      // The rest of a value the line above wrapped in a narrow cell is no new value.
      if (VALUE.test(text) && !continuesWrapped(lastText.get(column), text)) values.add(column);
    }
    const stub = line.columns.has(0);
    const repeats = [...values].some((column) => rowValues.has(column));
    if (previous && values.size > 0 && (stub || repeats)) {
      cuts.push((middleOf(previous) + middleOf(line)) / 2);
      rowValues = values;
      lastText = new Map();
    } else {
      for (const column of values) rowValues.add(column);
    }
    for (const [column, text] of line.columns) lastText.set(column, text);
    previous = line;
  }
  return cuts.length + 1 >= MIN_ROWS ? cuts : [];
}

/**
 * A value's rest wrapped onto the next line of its cell: a percentage's `0%`
 * under its `10`, a thousands group cut short (`2,00` / `0`).
 *
 *   > | 10     10     10
 *   > | 0%     0%     0%      ← 100% each, not a new row's values
 */
function continuesWrapped(above: string | undefined, text: string): boolean {
  if (above === undefined || !/^[0-9]/u.test(above)) return false;
  return (/^[0-9]+%$/u.test(text) && !above.includes('%')) || (/,[0-9]{1,2}$/u.test(above) && /^[0-9]{1,2}$/u.test(text));
}

/** The runs inside the band as lines, one per baseline, each with its text per column. */
function baselineLines(xs: readonly number[], top: number, bottom: number, runs: readonly TextRun[]): BaselineLine[] {
  const left = xs[0];
  const right = xs[xs.length - 1];
  const inside = runs.filter((run) => {
    const middle = middleOf(run);
    return middle > top && middle < bottom && run.x + run.width > left && run.x < right;
  });
  inside.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: BaselineLine[] = [];
  for (const run of inside) {
    let line = lines[lines.length - 1];
    if (!line || run.y - line.y > run.size / 3) lines.push((line = { y: run.y, size: run.size, columns: new Map() }));
    // A run that crosses a column rule is not a cell's value: counted in the column of its start.
    const column = slotIndex(xs, run.x + Math.min(run.width, run.size) / 2);
    line.columns.set(column, (line.columns.get(column) ?? '') + run.text.trim());
  }
  return lines;
}
