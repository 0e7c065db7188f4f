/**
 * Row reconstruction for flattened (PDF text) KPI tables.  The item stream
 * from `flattened-cells.ts` is cut into rows by the ordinals (`一` starts a
 * strategy, `1` an indicator) and by the count of target values: a row is
 * its text cells (indicator, measure) followed by one value per year.
 *
 *   > | 五␠                         ← strategy ordinal
 *   > | 落實新住民 / 照顧服務、友 / 善移民城市   ← strategy cell, left open
 *   > | 1␠                          ← indicator ordinal
 *   > | 落實「嘉義市新住民 / 事務委員會」功能␠     ← indicator
 *   > | 召開會議 /預計 / 開會次數×100%␠            ← measure
 *   > | 一年 / 二次␠  (×4)                         ← targets
 *   > |  營造␠                      ← tail of the open strategy cell
 *        ^^^^
 */
import { linesPosition } from '../lines.js';
import type { Diagnostic, Line, RawRow } from '../types.js';
import { type Item, cellText } from './flattened-cells.js';
import { append, maxOf } from '../arrays.js';

type Cell = Extract<Item, { kind: 'cell' }> & { pieces?: number };

interface Strategy {
  marker: string;
  parts: string[];
  open: boolean;
}

interface Row {
  strategy: Strategy | null;
  /** True on the first row of its strategy (where the strategy cell is written). */
  firstOfStrategy: boolean;
  indicatorMarker: string;
  texts: string[];
  targets: string[];
  lines: number[];
}

export interface RowShape {
  /** Text columns after the strategy column (indicator, measure, …). */
  textColumns: number;
  /** Target (year) columns. */
  years: number;
}

/** Build the table's rows (cells in header order: strategy, indicator, measure, …, targets). */
export function buildRows(items: readonly Item[], shape: RowShape, lines: readonly Line[]): { rows: RawRow[]; diagnostics: Diagnostic[] } {
  // Two passes when some row had more text pieces than columns: the first
  // measures the columns' widths on the rows read without doubt, the second
  // joins the pieces of the doubtful rows by those widths.
  const widths: ColumnWidths = { strategy: 0, texts: new Array<number>(shape.textColumns).fill(0), partitioned: false };
  const first = buildPass(items, shape, lines, widths, null);
  if (!widths.partitioned) return first;
  return buildPass(items, shape, lines, null, widths);
}

/** The widest line seen in each column (in characters) on rows read without doubt. */
interface ColumnWidths {
  strategy: number;
  texts: number[];
  /** True when some row needed `partitionByWidth`. */
  partitioned: boolean;
}

function buildPass(
  items: readonly Item[],
  shape: RowShape,
  lines: readonly Line[],
  measure: ColumnWidths | null,
  known: ColumnWidths | null,
): { rows: RawRow[]; diagnostics: Diagnostic[] } {
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  const groups = groupItems(items, shape);
  let strategy: Strategy | null = null;
  let firstOfStrategy = false;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const cells = group.cells;
    const groupLines = [...group.ordinalLines];
    if (group.strategyOrdinal) {
      strategy = { marker: group.strategyOrdinal, parts: [], open: false };
      firstOfStrategy = true;
      const next = groups[g + 1];
      // Unless the strategy's own unnumbered rows (with their targets) come first.
      if (next && next.indicatorOrdinal && !next.strategyOrdinal && findValueRun(cells, 0, shape.years) === -1 && cells.length <= shape.textColumns) {
        // `一` / strategy text / `1`: everything between is the strategy cell.
        append(strategy.parts, cells.map((cell) => cell.text));
        strategy.open = cells.length > 0 && cells[cells.length - 1].open;
        if (measure && cells.length === 1) measure.strategy = Math.max(measure.strategy, widest(cells[0]));
        next.ordinalLines = [...groupLines, ...cells.flatMap((cell) => cell.lines), ...next.ordinalLines];
        continue;
      }
    }
    const withStrategy = group.strategyOrdinal !== null && cells.length > 0 && !cells[0].value;
    const made = splitGroup(cells, shape, strategy, withStrategy, measure, known);
    if (withStrategy && strategy && made.strategyCell) {
      strategy.parts.push(made.strategyCell.text);
      strategy.open = made.strategyCell.open;
    }
    made.rows.forEach((row, k) => {
      rows.push({
        strategy,
        firstOfStrategy,
        indicatorMarker: k === 0 ? group.indicatorOrdinal ?? '' : '',
        texts: row.texts,
        targets: row.targets,
        lines: [...(k === 0 ? groupLines : []), ...row.lines],
      });
      firstOfStrategy = false;
      if (row.uncertain) diagnostics.push(uncertain(lines, row.lines, row.uncertain));
    });
    // The group's own last row (its lines are bounded by the group: linear time).
    const lastRow = made.rows.length > 0 ? rows[rows.length - 1] : undefined;
    if (made.tail.length > 0 && lastRow && lastRow.texts.length > 0 && strategy && !strategy.open && !made.tail.some((cell) => isYearTitles(cell.text)) && cutByPage(lines, lastRow.lines, made.tail[0].lines)) {
      // The rest of the row's indicator, cut by the page break: the strategy cell was closed.
      lastRow.texts[0] = cellText([lastRow.texts[0], ...made.tail.map((cell) => cell.text)].join('\n'));
      const tailLines = made.tail.flatMap((cell) => cell.lines);
      append(lastRow.lines, tailLines);
      diagnostics.push(uncertain(lines, tailLines, 'text after a page break was read as the end of the indicator cell'));
    } else if (made.tail.length > 0) {
      // Text after the row's targets: the rest of a tall strategy cell.
      if (strategy) append(strategy.parts, made.tail.map((cell) => cell.text));
      const tailLines = made.tail.flatMap((cell) => cell.lines);
      if (!strategy || !strategy.open) diagnostics.push(uncertain(lines, tailLines, 'text after the targets was read as the end of the strategy cell'));
      const last = rows[rows.length - 1];
      if (last) append(last.lines, tailLines);
    }
  }
  return {
    rows: rows
      .filter((row) => row.lines.length > 0)
      .map((row) => {
        const sorted = [...new Set(row.lines)].sort((a, b) => a - b);
        const strategyCell = row.firstOfStrategy && row.strategy ? withMarker(row.strategy.marker, '、', cellText(row.strategy.parts.join('\n'))) : '';
        const [indicator = '', ...others] = row.texts;
        return {
          cells: [strategyCell, withMarker(row.indicatorMarker, '.', indicator), ...others, ...row.targets],
          position: linesPosition(lines, sorted[0], sorted[sorted.length - 1] + 1),
          lines: sorted,
        };
      }),
    diagnostics,
  };
}

/**
 * The ordinal printed before a strategy or indicator goes into its cell, in
 * the canonical marker form (`一、`, `1.`): the table keeps the source's
 * columns, and the Kpi reader splits the marker off again.
 *
 *   > | 一␠ / 原住民歲時 / 祭儀及客家…     →  `一、原住民歲時祭儀及客家…`
 *       ^
 */
export function withMarker(marker: string, separator: string, text: string): string {
  if (!marker) return text;
  return `${marker}${separator}${text}`;
}

/**
 * A page break stands between the row's last line and the text after its
 * targets: the text continues a cell the break cut (`pdftotext -raw` prints
 * it under the repeated header).
 *
 *   > | 撰寫職務上應用統計      (indicator, its line full)
 *   > | 10 / 0%  (×4)           (targets)
 *   > | \f4 / 關鍵策略目標 …    (page break, repeated header)
 *   > | 分析及統計通報
 *       ^^^^^^^^^^^^^^ the indicator's last line
 *   > | 五 導入公務統計管
 */
//   > | 108年109年110年111年      (the repeated header's years: not a cell's rest)
function isYearTitles(text: string): boolean {
  return /^[\s0-9年]+$/u.test(text) && /[0-9]{2,3}\s*年/u.test(text);
}

function cutByPage(lines: readonly Line[], rowLines: readonly number[], tailLines: readonly number[]): boolean {
  if (rowLines.length === 0 || tailLines.length === 0) return false;
  const to = tailLines[0];
  for (let i = maxOf([...rowLines]) + 1; i <= to && i < lines.length; i++) if (lines[i].text.includes('\f')) return true;
  return false;
}

function uncertain(lines: readonly Line[], rowLines: number[], message: string): Diagnostic {
  const sorted = [...rowLines].sort((a, b) => a - b);
  return {
    severity: 'warning',
    code: 'kpi-row-uncertain',
    message,
    position: sorted.length ? linesPosition(lines, sorted[0], sorted[sorted.length - 1] + 1) : null,
  };
}

interface Group {
  strategyOrdinal: string | null;
  indicatorOrdinal: string | null;
  ordinalLines: number[];
  cells: Cell[];
}

/**
 * Cut the item stream at ordinals that continue their sequence (`一` after
 * nothing or after the previous strategy, `1` or the next indicator number).
 * An out-of-sequence number is a value cell, not an ordinal.
 */
function groupItems(items: readonly Item[], shape: RowShape): Group[] {
  const groups: Group[] = [];
  let current: Group = { strategyOrdinal: null, indicatorOrdinal: null, ordinalLines: [], cells: [] };
  let lastStrategy = 0;
  let lastIndicator = 0;
  const push = () => {
    if (current.cells.length || current.strategyOrdinal || current.indicatorOrdinal) groups.push(current);
  };
  for (const item of items) {
    // `一` after the last strategy restarts the numbering (a second table
    // printed under the same header), once the row before it is complete.
    const restart = item.kind === 'strategy-ordinal' && item.value === 1 && current.cells.length >= shape.years + 1;
    if (item.kind === 'strategy-ordinal' && (item.value > lastStrategy || restart)) {
      push();
      current = { strategyOrdinal: item.text, indicatorOrdinal: null, ordinalLines: [item.line], cells: [] };
      lastStrategy = item.value;
      lastIndicator = 0;
      continue;
    }
    if (item.kind === 'indicator-ordinal') {
      const inSequence = item.value === lastIndicator + 1 || item.value === 1;
      // A row still waiting for its targets takes a bare number as a value.
      const rowIncomplete = current.indicatorOrdinal !== null && current.cells.length < shape.years + 1;
      if (inSequence && !rowIncomplete) {
        push();
        current = { strategyOrdinal: null, indicatorOrdinal: item.text, ordinalLines: [item.line], cells: [] };
        lastIndicator = item.value;
        continue;
      }
      // A page number that is no ordinal here.
      if (item.weak) continue;
      current.cells.push({ kind: 'cell', text: item.text, value: true, lines: [item.line], open: false, widths: [item.text.length] });
      continue;
    }
    if (item.kind === 'strategy-ordinal') {
      current.cells.push({ kind: 'cell', text: item.text, value: false, lines: [item.line], open: false, widths: [item.text.length] });
      continue;
    }
    current.cells.push(item);
  }
  push();
  return groups;
}

interface SplitRow {
  texts: string[];
  targets: string[];
  lines: number[];
  uncertain: string | null;
}

/**
 * Split one group's cells into rows: each row is its text cells followed by
 * `years` target cells.  A run of `years` value cells marks the targets; when
 * the targets are text (`每年一次`), the row is read by count.  With
 * `withStrategy`, the group's first row also holds the strategy cell.
 */
function splitGroup(
  cells: readonly Cell[],
  shape: RowShape,
  strategy: Strategy | null,
  withStrategy: boolean,
  measure: ColumnWidths | null,
  known: ColumnWidths | null,
): { rows: SplitRow[]; tail: Cell[]; strategyCell: Cell | null } {
  const rows: SplitRow[] = [];
  let strategyCell: Cell | null = null;
  let i = 0;
  const runs = valueRuns(cells, shape.years);
  while (i < cells.length) {
    const columns = shape.textColumns + (withStrategy && rows.length === 0 ? 1 : 0);
    let j = runs[i];
    let targets: Cell[];
    if (j === -1) {
      if (rows.length > 0 && cells.length - i < 1 + shape.years) break;
      // Targets written as text: read by count.
      j = Math.min(cells.length, i + columns);
      const rest = cells.slice(j, j + 3 * shape.years + 2);
      targets = textTargets(rest, shape.years, strategy?.open === true || withStrategy, j + rest.length === cells.length);
    } else targets = cells.slice(j, j + shape.years);
    let texts = cells.slice(i, j);
    let note: string | null = null;
    if (texts.length > columns && strategy?.open && !(withStrategy && rows.length === 0)) {
      // Cells before the indicator continue the open strategy cell.
      const extra = texts.length - columns;
      append(strategy.parts, texts.slice(0, extra).map((cell) => cell.text));
      texts = texts.slice(extra);
    }
    let textCells: Cell[] = texts;
    const leadsWithStrategy = withStrategy && rows.length === 0;
    if (texts.length > columns) {
      if (measure) measure.partitioned = true;
      const reference = known ? [...(leadsWithStrategy ? [known.strategy] : []), ...known.texts] : null;
      textCells = partitionByWidth(texts, columns, reference);
      note = `row has ${texts.length} text pieces for ${columns} columns; joined by column width`;
    } else if (measure && texts.length === columns) {
      texts.forEach((cell, k) => {
        if (leadsWithStrategy && k === 0) measure.strategy = Math.max(measure.strategy, widest(cell));
        else {
          const c = k - (leadsWithStrategy ? 1 : 0);
          measure.texts[c] = Math.max(measure.texts[c], widest(cell));
        }
      });
    }
    if (withStrategy && rows.length === 0) {
      strategyCell = textCells[0] ?? null;
      textCells = textCells.slice(1);
    }
    let textValues = textCells.map((cell) => cellText(cell.text));
    if (textValues.length < shape.textColumns) {
      if (rows.length > 0 && textValues.length >= 1) {
        // A further row of the same indicator: only its measure is written.
        textValues = [...new Array(shape.textColumns - textValues.length).fill(''), ...textValues];
      } else {
        note = `row has ${textValues.length} text cells for ${shape.textColumns} columns`;
        while (textValues.length < shape.textColumns) textValues.push('');
      }
    }
    if (targets.length < shape.years) note = `row has ${targets.length} targets for ${shape.years} years`;
    // Blank target cells print nothing: a row with targets for only some years
    // most often starts late (an indicator set up during the period), so its
    // values are the last years' (as the reading-order reader reads them).
    //   > | 則數 20 20            (108, 109 blank)
    const blanks = targets.length > 0 && targets.length < shape.years ? new Array<string>(shape.years - targets.length).fill('') : [];
    rows.push({
      texts: textValues,
      targets: [...blanks, ...targets.map((cell) => cellText(cell.text))],
      lines: [...texts, ...targets].flatMap((cell) => cell.lines),
      uncertain: note,
    });
    const consumed = targets.reduce((n, cell) => n + (cell.pieces ?? 1), 0);
    i = j + consumed;
    if (targets.length === 0) break;
  }
  return { rows, tail: cells.slice(i), strategyCell };
}

type Target = Cell;

/**
 * Text targets may come in pieces (`一年 ` / `二次 ` for each year).  When the
 * pieces repeat with a period of 2 or 3, each period is one target:
 *
 *   > | 一年␠ / 二次␠ / 一年␠ / 二次␠ / …
 *       ^^^^^^^^^^^^^ one target
 */
function textTargets(rest: readonly Cell[], years: number, mayHaveTail: boolean, atEnd: boolean): Target[] {
  for (let period = 2; period <= 3; period++) {
    const span = period * years;
    if (rest.length < span) break;
    let periodic = true;
    for (let k = 0; k + period < span && periodic; k++) if (rest[k].text !== rest[k + period].text) periodic = false;
    if (periodic && (rest.length === span || mayHaveTail || rest.length - span >= 2)) {
      const out: Target[] = [];
      for (let y = 0; y < years; y++) {
        const parts = rest.slice(y * period, (y + 1) * period);
        out.push({ ...parts[0], text: parts.map((c) => c.text).join('\n'), lines: parts.flatMap((c) => c.lines), widths: parts.flatMap((c) => c.widths), pieces: period });
      }
      return out;
    }
  }
  if (atEnd) {
    const pieced = piecedTargets(rest, years);
    if (pieced) return pieced;
  }
  return rest.slice(0, years);
}

/**
 * The row's last cells: single values first, then more short pieces than
 * years are left, as many per year (a target cell listing several counts,
 * one per line):
 *
 *   > | - - / 6A / 84B / 45C / 6A / 75B / 47C
 *                ^^^^^^^^^^^^^^ the 110 target `6A 84B 45C`
 */
function piecedTargets(rest: readonly Cell[], years: number): Target[] | null {
  let singles = 0;
  while (singles < rest.length && singles < years && rest[singles].value) singles++;
  const left = years - singles;
  const pieces = rest.length - singles;
  if (left <= 0 || pieces <= left || pieces % left !== 0 || pieces / left > 3) return null;
  const period = pieces / left;
  for (let k = singles; k < rest.length; k++) if (!SHORT_PIECE.test(rest[k].text)) return null;
  const out: Target[] = rest.slice(0, singles);
  for (let y = 0; y < left; y++) {
    const parts = rest.slice(singles + y * period, singles + (y + 1) * period);
    out.push({ ...parts[0], text: parts.map((c) => c.text).join(' '), lines: parts.flatMap((c) => c.lines), widths: parts.flatMap((c) => c.widths), pieces: period });
  }
  return out;
}

//   > | 6A   84B   12處   3.5
//       ^^   ^^^   ^^^^   ^^^
const SHORT_PIECE = /^[0-9][0-9,.]*[A-Za-z\p{Script=Han}]{0,2}$/u;

/**
 * Too many text pieces for the columns (a cell closed early by the PDF):
 * join neighbouring pieces so that, inside each column, the wrapped lines
 * are as wide as the column (a wrapped cell fills its lines but the last).
 *
 *   > | 提升本市中小企業投 / 入創新研發␠ / 經審查通過␠ / 件數␠
 *                                         ^^^^^^^^^^^^^^^^^^^ one measure cell
 */
export function partitionByWidth(pieces: readonly Cell[], columns: number, reference: readonly number[] | null = null): Cell[] {
  const n = pieces.length;
  if (n > 8) return [...pieces.slice(0, columns - 1), join(pieces.slice(columns - 1))];
  let best: number[] | null = null;
  let bestCost = Infinity;
  // Choose columns-1 cut points among n-1 gaps (n ≤ 8: at most 21 ways for 3 columns).
  const cuts: number[] = [];
  const visit = (from: number, left: number) => {
    if (left === 0) {
      let cost = 0;
      for (let g = 0; g <= cuts.length; g++) {
        const start = g === 0 ? 0 : cuts[g - 1];
        const end = g === cuts.length ? n : cuts[g];
        cost += spanCost(pieces, start, end, reference ? (reference[g] ?? 0) : 0);
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = [0, ...cuts, n];
      }
      return;
    }
    for (let cut = from; cut <= n - left; cut++) {
      cuts.push(cut);
      visit(cut + 1, left - 1);
      cuts.pop();
    }
  };
  visit(1, columns - 1);
  const bounds: number[] = best ?? [0, n];
  const groups: Cell[] = [];
  for (let g = 0; g + 1 < bounds.length; g++) groups.push(join(pieces.slice(bounds[g], bounds[g + 1])));
  return groups;
}

/**
 * How badly the lines of pieces start…end-1 fit as one column (read in
 * place: the search tries every way to cut, so it allocates nothing):
 * - the wrap: every line but the last should fill the widest;
 * - the misfit against the width the column has elsewhere in the table
 *   (`reference`, 0: unknown): a wrapped cell's widest line is about the
 *   column width, and no line is wider.
 *
 *   > | 加強宣導「公␠ / 務員廉政倫 / … / 象␠      (6 wide: the strategy column)
 *   > | 督同所屬加強宣導「嘉 / …                 (10 wide: the indicator column)
 */
function spanCost(pieces: readonly Cell[], start: number, end: number, reference: number): number {
  let count = 0;
  let max = -Infinity;
  let sum = 0;
  let last = 0;
  for (let p = start; p < end; p++) {
    const widths = pieces[p].widths;
    for (let k = 0; k < widths.length; k++) {
      const width = widths[k];
      if (width > max) max = width;
      sum += width;
      last = width;
      count++;
    }
  }
  // The wrap: Σ (widest − width) over every line but the last.
  let cost = count <= 1 ? 0 : (count - 1) * max - (sum - last);
  if (reference !== 0 && count > 0) cost += count === 1 ? Math.max(0, max - reference) : Math.abs(max - reference);
  return cost;
}

function join(part: readonly Cell[]): Cell {
  return {
    ...part[0],
    text: part.map((cell) => cell.text).join('\n'),
    lines: part.flatMap((cell) => cell.lines),
    widths: part.flatMap((cell) => cell.widths),
    open: part[part.length - 1].open,
  };
}

function widest(cell: Cell): number {
  return cell.widths.length > 1 ? maxOf(cell.widths) : 0;
}

/**
 * For every index, the first index at or after it where `count` value cells
 * follow one another, or -1: one backward pass, so a long group is not
 * rescanned for each of its rows.
 */
function valueRuns(cells: readonly Cell[], count: number): Int32Array {
  const out = new Int32Array(cells.length + 1).fill(-1);
  let run = 0;
  let next = -1;
  for (let k = cells.length - 1; k >= 0; k--) {
    run = cells[k].value ? run + 1 : 0;
    if (run >= count) next = k;
    out[k] = next;
  }
  return out;
}

/** First index ≥ from where `count` value cells follow one another, or -1. */
function findValueRun(cells: readonly Cell[], from: number, count: number): number {
  let run = 0;
  for (let k = from; k < cells.length; k++) {
    run = cells[k].value ? run + 1 : 0;
    if (run === count) return k - count + 1;
  }
  return -1;
}
