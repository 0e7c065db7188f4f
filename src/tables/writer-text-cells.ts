/**
 * What a cell of each column may hold, as a score per line, for reading
 * tables out of LibreOffice Writer's text export (`writer-text.ts`).  There
 * every cell is its own line(s) with nothing between rows, so the rows are
 * found by what each column's cells look like: an ordinal column holds `一`
 * or `1` or nothing, a target column a value, a budget column a number or
 * nothing, a completion column a percentage; text columns hold anything,
 * and only content columns (實施內容, 辦理情形) run over many paragraphs.
 *
 *   > | 2
 *       ^ ordinal column
 *   > | 雨水下水道興建工程
 *   > | 雨水下水道興建長度(公尺)
 *   > | 300
 *       ^^^ target column
 *
 * A score is a log-odds-like weight: positive where the line is typical of
 * the column, negative where it is unusual, very negative where it is next to
 * impossible.  Empty lines are the cells a merge covers or empty cells; a
 * cell's later paragraphs are never empty.
 */
import { parseMarker } from '../markers.js';
import type { MarkerStyle } from '../types.js';
import { stripSpaces } from '../normalize/text.js';
import { columnRole } from '../records/columns.js';
import { ordinalOnly } from '../records/kpi.js';
import { reportHeaderRole } from '../records/report-items.js';
import { workHeaderRole } from '../records/work-items.js';

/** What a column holds. */
export type CellKind = 'ordinal' | 'text' | 'label' | 'long' | 'value' | 'budget' | 'completion' | 'note';

/** What one line looks like. */
export type LineShape = 'empty' | 'ordinal' | 'percent' | 'value' | 'dash' | 'heading' | 'marked' | 'short' | 'sentence';

/** The most lines one cell of a kind is read over. */
export const MAX_CELL_LINES: Record<CellKind, number> = { ordinal: 1, text: 8, label: 4, long: 60, value: 3, budget: 3, completion: 6, note: 4 };

/** The kind of a body column, from its header. */
export function cellKind(header: string): CellKind {
  const role = columnRole(header).role;
  if (role === 'strategy-marker' || role === 'indicator-marker') return 'ordinal';
  // 評估體制 holds a code (`1`), 權重 a percentage: short values, like targets.
  if (role === 'year' || role === 'weight' || role === 'assessment-system') return 'value';
  if (role !== 'other') return 'text';
  const work = workHeaderRole(header);
  if (work === 'category') return 'label';
  if (work === 'content') return 'long';
  if (work === 'budget') return 'budget';
  if (work === 'item') return 'text';
  const report = reportHeaderRole(header);
  if (report === 'status') return 'long';
  if (report === 'completion') return 'completion';
  if (report === 'note') return 'note';
  if (report === 'level') return 'label';
  return 'text';
}

//   > | 100%   ≧91%   36.5％
//       ^^^^
const PERCENT = /^[≧≦≥≤<>＞＜]?[0-9]{1,3}(?:\.[0-9]+)?[%％﹪]$/u;
//   > | 2,000   45件   ≧1000   11萬人次   449(健保局補助)
//       ^^^^^
const VALUE = /^[≧≦≥≤<>＞＜約]?[0-9０-９]/u;
const DASH = /^[-－—–─~～/]+$/u;
const SENTENCE = /[，。；！？,;]/u;
const CLAUSE = /[，。；！？;]/u;

/** The shape of a line (its text, trimmed). */
export function lineShape(text: string): LineShape {
  const compact = stripSpaces(text);
  if (compact === '') return 'empty';
  if (ordinalOnly(compact) !== null) return 'ordinal';
  if (PERCENT.test(compact)) return 'percent';
  if (DASH.test(compact)) return 'dash';
  // A number that starts a sentence (`112年役男抽籤。`) is no value.
  if (VALUE.test(compact) && compact.length <= 24 && !CLAUSE.test(compact) && parseMarker(compact) === null) return 'value';
  const marker = parseMarker(compact);
  //   > | (一)編製預算        1. 嚴格執行內部審核。
  //       ^^^^ heading        ^^ marked
  if (marker !== null) return HEADING_STYLES.has(marker.style) ? 'heading' : 'marked';
  return compact.length <= 16 && !SENTENCE.test(compact) ? 'short' : 'sentence';
}

/** Marker styles of category and path labels (壹、 一、 (一)); item and entry numbers are Arabic. */
const HEADING_STYLES = new Set<MarkerStyle>(['cjk-formal', 'cjk', 'cjk-paren']);

const IMPOSSIBLE = -10;

type ShapeScores = Record<LineShape, number>;

// The first line of a cell of each kind.
const FIRST: Record<CellKind, ShapeScores> = {
  ordinal: { empty: 0.5, ordinal: 2, percent: IMPOSSIBLE, value: IMPOSSIBLE, dash: 0, heading: IMPOSSIBLE, marked: IMPOSSIBLE, short: IMPOSSIBLE, sentence: IMPOSSIBLE },
  text: { empty: 0.2, ordinal: -1.5, percent: -1, value: -0.3, dash: -0.5, heading: 1, marked: 1, short: 1, sentence: 1 },
  label: { empty: 0.5, ordinal: -1.5, percent: -2, value: -2, dash: -1, heading: 1.5, marked: 0.3, short: 0.3, sentence: -1 },
  long: { empty: 0.2, ordinal: -1.5, percent: -2.5, value: -1.5, dash: 0, heading: 0.8, marked: 1, short: 0.5, sentence: 1 },
  value: { empty: -0.5, ordinal: 1.5, percent: 2, value: 2, dash: 1.5, heading: -2, marked: -2, short: 0.3, sentence: -3 },
  budget: { empty: 0.5, ordinal: 1, percent: -1, value: 2, dash: 1, heading: -3, marked: -3, short: 0.3, sentence: -3 },
  completion: { empty: 0, ordinal: -1, percent: 2.5, value: 0.5, dash: 0.5, heading: -3, marked: -3, short: 0, sentence: -3 },
  note: { empty: 0.5, ordinal: -1, percent: -1, value: -0.5, dash: 0.3, heading: -1, marked: -1, short: 0, sentence: -1 },
};

// A later paragraph of a cell (never empty).
const MORE: Record<CellKind, ShapeScores> = {
  ordinal: { empty: IMPOSSIBLE, ordinal: IMPOSSIBLE, percent: IMPOSSIBLE, value: IMPOSSIBLE, dash: IMPOSSIBLE, heading: IMPOSSIBLE, marked: IMPOSSIBLE, short: IMPOSSIBLE, sentence: IMPOSSIBLE },
  text: { empty: IMPOSSIBLE, ordinal: -2.5, percent: -2.5, value: -2, dash: -2, heading: -0.5, marked: -0.3, short: -0.8, sentence: -0.8 },
  label: { empty: IMPOSSIBLE, ordinal: -3, percent: -3, value: -3, dash: -3, heading: -0.3, marked: -1, short: -1, sentence: -1.5 },
  long: { empty: IMPOSSIBLE, ordinal: -2, percent: -3, value: -2, dash: -1, heading: -0.3, marked: 0, short: -0.1, sentence: -0.1 },
  value: { empty: IMPOSSIBLE, ordinal: -3, percent: -2, value: -2, dash: -3, heading: -4, marked: -4, short: -3, sentence: -4 },
  budget: { empty: IMPOSSIBLE, ordinal: -3, percent: -3, value: -1, dash: -3, heading: -4, marked: -4, short: -3, sentence: -4 },
  completion: { empty: IMPOSSIBLE, ordinal: -3, percent: -0.5, value: -3, dash: -3, heading: -4, marked: -4, short: -3, sentence: -4 },
  note: { empty: IMPOSSIBLE, ordinal: -2, percent: -2, value: -2, dash: -2, heading: -1, marked: -1, short: -1, sentence: -1 },
};

/** Score of `shape` as line `k` (0-based) of a cell of `kind`. */
export function lineScore(kind: CellKind, shape: LineShape, k: number): number {
  return k === 0 ? FIRST[kind][shape] : MORE[kind][shape];
}

/** A cell scoring under this is read with doubt. */
export const DOUBTFUL = -1;
/** Every cell costs this: a cut into more cells is not better for being longer. */
export const CELL_COST = -0.3;
/** An ordinal column merged into the text column after it (a strategy with one indicator: `四` spans its `1`). */
export const MERGE_COST = -1;
