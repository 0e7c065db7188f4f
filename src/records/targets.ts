/**
 * Typing of KPI target cells (SPEC §3 Kpi.targets): a cell's normalized text
 * becomes a number, percent, date, range, free text or blank.
 */
import { normalizeText } from '../normalize/text.js';
import type { Target, TargetType } from '../types.js';

/** Counting units written right after a target number (`2次`, `10件`, `1場次`). */
const UNITS =
  '場次|人次|梯次|小時|分鐘|公尺|公里|公頃|萬元|億元|千元|元|戶數|家數|件數|次數|人數|場|次|件|人|處|項|家|戶|案|個|所|班|隊|則|本|篇|座|條|台|輛|棟|期|筆|間|區|校|團|份|張|天|日|週|月|年|支|組|位|輪|株|棵|噸|套|部|門|檔|點|站|車|案件|小組|種|類|冊|面|株|隻|床|名|對|群|村|里|科|課|堂|堂課';

const NUMBER = String.raw`[0-9][0-9,]*(?:\.[0-9]+)?`;
// `1,751`  `98%`  `2次`  `56萬1,390`  `0.812`
//  ^^^^^    ^^^    ^^^   ^^^^^^^^^^
const NUMBER_CELL = new RegExp(`^(${NUMBER})(?:萬(${NUMBER})?)?\\s*(%|％|﹪|${UNITS})?$`, 'u');
// `90%-95%`  `90-95%`  `3~5場`
//  ^^^^^^^
const RANGE_CELL = new RegExp(`^(${NUMBER})\\s*(%|％|﹪)?\\s*[-~～至－—–]\\s*(${NUMBER})\\s*(%|％|﹪|${UNITS})?$`, 'u');
// `7/31`  `7月31日`  `12/31前`
//  ^^^^
const DATE_CELL = /^(1[0-2]|0?[1-9])\s*(?:\/|月)\s*(3[01]|[12][0-9]|0?[1-9])\s*日?(?:前|止|以前)?$/u;
const BLANK_CELL = /^(?:[-－—–―─]+|無|N\/A|n\/a)?$/u;

/** Typed value of one target cell. */
export interface TypedValue {
  type: TargetType;
  value: Target['value'];
  unit: string | null;
}

/** Number in a cell, `1,751` → 1751, `56萬1,390` → 561390. */
function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

/** Decide the type, value and unit of a target cell's (normalized) text. */
export function typeTarget(raw: string): TypedValue {
  const text = raw.replace(/\s+/g, '');
  if (BLANK_CELL.test(text)) return { type: 'blank', value: null, unit: null };
  let m = NUMBER_CELL.exec(text);
  if (m) {
    const value = m[2] !== undefined || /萬/.test(text) ? toNumber(m[1]) * 10000 + (m[2] ? toNumber(m[2]) : 0) : toNumber(m[1]);
    const unit = m[3] ?? null;
    if (Number.isFinite(value)) {
      if (unit && /^[%％﹪]$/.test(unit)) return { type: 'percent', value, unit: '%' };
      return { type: 'number', value, unit };
    }
  }
  m = RANGE_CELL.exec(text);
  if (m) {
    const min = toNumber(m[1]);
    const max = toNumber(m[3]);
    const unit = m[4] ?? m[2] ?? null;
    if (min <= max) return { type: 'range', value: { min, max }, unit: unit && /^[%％﹪]$/.test(unit) ? '%' : unit };
  }
  m = DATE_CELL.exec(text);
  if (m) return { type: 'date', value: `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`, unit: null };
  return { type: 'text', value: null, unit: null };
}

/** A Target for one year from a cell's text (normalized here). */
export function makeTarget(year: number, cell: string): Target {
  // Lines of a wrapped cell are one value: `一年\n二次` → `一年二次`.
  const raw = normalizeText(cell.replace(/\n/g, ' '));
  const typed = typeTarget(raw);
  // Keys in canonical (sorted) order: the serializer then need not copy.
  return { gregorianYear: year + 1911, raw, type: typed.type, unit: typed.unit, value: typed.value, year };
}
