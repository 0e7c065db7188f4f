/**
 * Rows of a reading-order table, rebuilt from its sequence of blocks.
 *
 * KPI tables: a row ends with its run of target values (one per year); the
 * text blocks before the run are its cells, the last one or two the
 * indicator and the measure, any before them strategy texts.  Strategy
 * texts come in their own column block, before or after the rows they span
 * (a merged cell is printed where its middle is), so they are numbered in
 * the order they come and given to the rows by the strategy each row starts:
 * a row without an indicator ordinal, or with ordinal 1, starts the next
 * strategy.
 *
 *   > | 五  六  七                (strategy ordinals of three row groups)
 *   > | 營造英語學習環境           (strategy text 五, after its rows 1 and 2)
 *   > | 特色馬拉松活動             (strategy text 六)
 *   > | 辦理1場次                  (indicator)
 *   > | 每年辦理1場次特色馬拉松    (measure)
 *   > | 100% 100% 100% 100%       (targets: the row ends)
 */
import { linesPosition } from '../lines.js';
import { parseMarker } from '../markers.js';
import type { Diagnostic, Line, Position, RawRow } from '../types.js';
import { withMarker } from './flattened-rows.js';
import {
  type ColumnWidths,
  hasTwoParts,
  joinLines,
  learnWidths,
  type Paragraph,
  type Piece,
  pieceOf,
  singleCost,
  splitTwoColumns,
} from './reading-order-cells.js';

export interface BuiltRows {
  rows: RawRow[];
  diagnostics: Diagnostic[];
}

interface KpiDraft {
  indicatorOrdinal: string | null;
  texts: Paragraph[];
  values: string[];
  /** Blocks the row came from (for its position). */
  blocks: Paragraph[];
  /** Strategy texts printed inside the row's value run. */
  after: Paragraph[];
}

/** Rebuild the rows of a KPI table: strategy, indicator, measure, one cell per year. */
export function buildKpiRows(blocks: readonly Paragraph[], years: number, lines: readonly Line[]): BuiltRows {
  const pieces = textValues(blocks.map(pieceOf), years);
  const diagnostics: Diagnostic[] = [];
  const drafts: KpiDraft[] = [];
  const strategyOrdinals: string[] = [];
  let current: KpiDraft = emptyDraft();
  let lastIndicatorOrdinal = 0;
  /** Strategy texts met inside a row's value run: they go after the row's own. */
  let interrupting: Paragraph[] = [];
  const close = () => {
    if (current.texts.length > 0 || current.values.length > 0) {
      current.after = interrupting;
      drafts.push(current);
    } else current.texts.push(...interrupting);
    interrupting = [];
    current = emptyDraft();
  };
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece.kind === 'strategy-ordinal') {
      strategyOrdinals.push(piece.text);
      current.blocks.push(piece.paragraph);
      continue;
    }
    const ordinalFree = current.indicatorOrdinal === null || current.values.length > 0;
    if (piece.kind === 'number' && ordinalFree && pieces[k + 1]?.kind === 'text' && (current.values.length === 0 || continuesOrdinals(piece.text, lastIndicatorOrdinal))) {
      // `1` before the indicator's text: an ordinal (a value is followed by
      // more values).  After part of a value run it ends that row.
      if (current.values.length > 0) close();
      current.indicatorOrdinal = piece.text;
      lastIndicatorOrdinal = Number(piece.text);
      current.blocks.push(piece.paragraph);
      continue;
    }
    if (piece.kind === 'text') {
      if (current.values.length > 0) {
        // A strategy cell printed inside a run of values (its middle stands
        // beside them): set aside when the values after it complete the run.
        if (current.values.length + valuesAhead(pieces, k + 1) === years) {
          interrupting.push(piece.paragraph);
          continue;
        }
        // Text after part of a value run: the row had fewer values than years.
        close();
      }
      current.texts.push(piece.paragraph);
      current.blocks.push(piece.paragraph);
      continue;
    }
    const values = piece.kind === 'number' ? [piece.text] : piece.values;
    current.blocks.push(piece.paragraph);
    for (const value of values) {
      current.values.push(value);
      if (current.values.length === years) {
        close();
        // The rest of a block of side-by-side values starts no new row.
      }
    }
  }
  close();
  const widths = kpiWidths(drafts);
  // Assign texts: strategies (numbered in order), indicator, measure.
  const strategies: Paragraph[] = [];
  const rows: RawRow[] = [];
  let slot = -1;
  let lastOrdinal = 0;
  const rowSlots: number[] = [];
  const cells: { indicator: string; measure: string; uncertain: string | null }[] = [];
  for (const draft of drafts) {
    const { strategyTexts, indicator, measure, uncertain } = assignKpiTexts(draft, widths);
    strategies.push(...strategyTexts, ...draft.after);
    const ordinal = draft.indicatorOrdinal === null ? null : Number(draft.indicatorOrdinal);
    if (ordinal === null || ordinal <= lastOrdinal || ordinal === 1) slot++;
    lastOrdinal = ordinal ?? 0;
    rowSlots.push(Math.max(slot, 0));
    cells.push({ indicator, measure, uncertain: uncertain ?? (draft.values.length < years ? `the row has ${draft.values.length} target values for ${years} years` : null) });
  }
  if (strategies.length !== slot + 1 && drafts.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'kpi-row-uncertain',
      message: `${strategies.length} strategy texts for ${slot + 1} strategies: strategies may be given to the wrong rows`,
      position: linesPosition(lines, blocks[0].lines[0], blocks[blocks.length - 1].lines.at(-1)! + 1),
    });
  }
  let previousSlot = -1;
  drafts.forEach((draft, k) => {
    const own = rowSlots[k];
    const strategy = own !== previousSlot ? strategyCell(strategyOrdinals[own] ?? '', strategies[own]) : '';
    previousSlot = own;
    const indicator = withMarker(draft.indicatorOrdinal ?? '', '.', cells[k].indicator);
    const values = draft.values.slice(0, years);
    while (values.length < years) values.push('');
    const position = blocksPosition(draft.blocks, lines);
    rows.push({ cells: [strategy, indicator, cells[k].measure, ...values], position, lines: draft.blocks.flatMap((block) => block.lines) });
    if (cells[k].uncertain) diagnostics.push({ severity: 'warning', code: 'kpi-row-uncertain', message: `KPI row 「${cells[k].indicator}」: ${cells[k].uncertain}`, position });
  });
  return { rows, diagnostics };
}

/**
 * Text targets (`依限完成`, `每年一次`) wrap in the narrow target column like
 * numbers do: a run of as many narrow blocks as there are years, with text
 * ones among them, is a row's targets.
 *
 *   > | 依限
 *   > | 完成       (×4: one block per year)
 *       ^^^^
 */
function textValues(pieces: Piece[], years: number): Piece[] {
  let narrow = 2;
  for (const piece of pieces) if (piece.kind === 'values' && piece.values.length === 1) for (const text of piece.paragraph.texts) narrow = Math.max(narrow, widthOf(text));
  const isNarrow = (piece: Piece) =>
    piece.kind === 'values' || (piece.kind === 'text' && piece.paragraph.texts.length <= 3 && piece.paragraph.texts.every((text) => widthOf(text) <= narrow && !/\s/u.test(text)));
  const out = [...pieces];
  for (let k = 0; k < out.length; ) {
    let end = k;
    let texts = 0;
    while (end < out.length && end - k < years && isNarrow(out[end])) {
      if (out[end].kind === 'text') texts++;
      end++;
    }
    if (end - k === years && texts >= 2 && (end === out.length || !isNarrow(out[end]))) {
      for (let i = k; i < end; i++) {
        const piece = out[i];
        if (piece.kind === 'text') out[i] = { kind: 'values', values: [piece.paragraph.texts.join('')], paragraph: piece.paragraph };
      }
      k = end;
    } else k++;
  }
  return out;
}

function emptyDraft(): KpiDraft {
  return { indicatorOrdinal: null, texts: [], values: [], blocks: [], after: [] };
}

function continuesOrdinals(text: string, last: number): boolean {
  const value = Number(text);
  return value === 1 || value === last + 1;
}

/** How many values follow from `from` before the next text or ordinal. */
function valuesAhead(pieces: readonly Piece[], from: number): number {
  let count = 0;
  for (let k = from; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece.kind === 'values') count += piece.values.length;
    else if (piece.kind === 'number' && pieces[k + 1]?.kind !== 'text') count++;
    else break;
  }
  return count;
}

function strategyCell(ordinal: string, paragraph: Paragraph | undefined): string {
  const text = paragraph ? joinLines(paragraph.texts) : '';
  if (!text && !ordinal) return '';
  if (parseMarker(text)) return text;
  return withMarker(ordinal, '、', text);
}

interface KpiWidths extends ColumnWidths {
  /** Line width of the strategy column (0 when unknown). */
  strategy: number;
}

/**
 * The indicator and measure columns' widths come from blocks holding both
 * side by side; the strategy column's from the rows whose first of several
 * text blocks is a strategy (a row of three blocks or more).
 */
function kpiWidths(drafts: readonly KpiDraft[]): KpiWidths {
  const two = learnWidths(drafts.flatMap((draft) => draft.texts));
  let strategy = 0;
  for (const draft of drafts) {
    if (draft.texts.length < 3) continue;
    const first = draft.texts[0];
    if (first.texts.length < 2 || hasTwoParts(first.texts)) continue;
    strategy = Math.max(strategy, widest(first.texts));
  }
  return { ...two, strategy };
}

function widest(texts: readonly string[]): number {
  let max = 0;
  for (const text of texts) max = Math.max(max, widthOf(text));
  return max;
}

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) if (!/\s/u.test(ch)) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/**
 * Which of a row's text blocks are the indicator and the measure: the last
 * block alone when it holds both side by side (or is the only one), else the
 * last two — whichever reading makes the lines fit their columns better.
 */
function assignKpiTexts(draft: KpiDraft, widths: KpiWidths): { strategyTexts: Paragraph[]; indicator: string; measure: string; uncertain: string | null } {
  const texts = draft.texts;
  const n = texts.length;
  if (n === 0) return { strategyTexts: [], indicator: '', measure: '', uncertain: 'target values without indicator text' };
  const last = texts[n - 1];
  const split = splitTwoColumns(last.texts, widths);
  const strategyCost = (list: readonly Paragraph[]) => list.reduce((sum, p) => sum + singleCost(p.texts, widths.strategy), 0);
  const mergedCost = (split.guessed ? 50 : split.cost) + strategyCost(texts.slice(0, n - 1));
  const apartCost =
    n >= 2 ? singleCost(texts[n - 2].texts, widths.left) + singleCost(last.texts, widths.right) + strategyCost(texts.slice(0, n - 2)) : Infinity;
  // A lone one-line block is a measure, not two cells.
  const lastIsOneCell = last.texts.length === 1 && !hasTwoParts(last.texts);
  if (n >= 2 && (apartCost <= mergedCost || lastIsOneCell)) {
    return { strategyTexts: texts.slice(0, n - 2), indicator: joinLines(texts[n - 2].texts), measure: joinLines(last.texts), uncertain: null };
  }
  if (lastIsOneCell) return { strategyTexts: [], indicator: joinLines(last.texts), measure: '', uncertain: 'one text cell for indicator and measure' };
  return {
    strategyTexts: texts.slice(0, n - 1),
    indicator: joinLines(split.left),
    measure: joinLines(split.right),
    uncertain: split.guessed ? 'indicator and measure printed in one block could not be told apart' : null,
  };
}

function blocksPosition(blocks: readonly Paragraph[], lines: readonly Line[]): Position {
  let first = Infinity;
  let last = -1;
  for (const block of blocks) {
    for (const index of block.lines) {
      if (index < first) first = index;
      if (index > last) last = index;
    }
  }
  if (last < 0) return linesPosition(lines, 0, 1);
  return linesPosition(lines, first, last + 1);
}

// ---------------------------------------------------------------------------

export function buildWorkRows(_blocks: readonly Paragraph[], _columns: number, _lines: readonly Line[]): BuiltRows {
  return { rows: [], diagnostics: [] };
}

export function buildReportRows(_blocks: readonly Paragraph[], _lines: readonly Line[]): BuiltRows {
  return { rows: [], diagnostics: [] };
}
