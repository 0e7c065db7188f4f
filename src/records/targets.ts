/**
 * Typing of KPI target cells (SPEC §3 Kpi.targets): a cell's normalized text
 * becomes a number, percent, date, range, free text or blank, with the
 * comparator a target is written with (`≧91%`, `10件以上`) in its own field.
 */
import { normalizeText } from '../normalize/text.js';
import type { Comparator, Target, TargetType } from '../types.js';

/**
 * Measure words and units written right after a target number (`2次`,
 * `10件`, `1場次`, `900公噸`, a satisfaction score's `4.5分`).  Longer names first, so `場次` wins over `場`.
 * Any Latin unit (`5MW`, `20km`, `3GB`) is also taken: those are never words
 * of a sentence in these tables.
 */
const UNITS =
  '立方公尺|平方公尺|工作天|萬人次|場次|人次|梯次|小時|分鐘|公尺|公里|公分|公頃|公噸|公斤|公升|公克|千瓦|萬元|億元|千元|元|戶數|家數|件數|次數|人數|案件|小組|堂課|人日|場|次|件|人|處|項|家|戶|案|個|所|班|隊|則|本|篇|座|條|台|臺|輛|艘|架|棟|期|筆|間|區|校|團|份|張|天|日|週|月|年|支|組|位|輪|株|棵|噸|套|部|門|檔|點|站|車|種|類|冊|面|隻|床|名|對|群|村|里|科|課|堂|度|瓩|頂|盞|口|把|片|箱|包|袋|台次|車次|人天|分|秒|倍';
const UNIT = String.raw`(?:%|％|﹪|${UNITS}|[A-Za-z]{1,4}[²³23]?)`;

const NUMBER = String.raw`[0-9][0-9,]*(?:\.[0-9]+)?`;
// `1,751`  `98%`  `2次`  `56萬1,390`  `2萬8千件`  `0.812`  `5MW`
//  ^^^^^    ^^^    ^^^   ^^^^^^^^^^   ^^^^^^^^^   ^^^^^    ^^^
// 千 / 百 before 元 or 瓦 belong to the unit (`500千元` is 500 of 千元), not to the number.
const NUMBER_CELL = new RegExp(String.raw`^((?:${NUMBER}(?:[億萬]|[千百](?![元瓦]))){0,4}(?:${NUMBER})?)\s*(${UNIT})?$`, 'u');
// `90%-95%`  `90-95%`  `3~5場`
//  ^^^^^^^
const RANGE_CELL = new RegExp(`^(${NUMBER})\\s*(%|％|﹪)?\\s*[-~～至－—–]\\s*(${NUMBER})\\s*(${UNIT})?$`, 'u');
// `7/31`  `7月31日`  `12/31前`
//  ^^^^
const DATE_CELL = /^(1[0-2]|0?[1-9])\s*(?:\/|月)\s*(3[01]|[12][0-9]|0?[1-9])\s*日?(?:前|止|以前)?$/u;
const BLANK_CELL = /^(?:[-－—–―─]+|無|N\/A|n\/a)?$/u;

// A comparator before the value: `≧91%`, `≦ 5%`, `>= 30臺`, `<10分鐘`.
//   > | ≧30臺
//       ^
const LEADING_COMPARATOR = /^(≧|≥|>=|＞=|＞＝|≦|≤|<=|＜=|＜＝|>|＞|<|＜|至少|不少於|不低於|不超過|不高於|至多|未滿|低於|少於|高於|超過|大於|小於)\s*/u;
// …or after it: `10件以上`, `5次以下`, `3日內`, `(含)以上`.
//   > | 10件以上
//           ^
const TRAILING_COMPARATOR = /(?:\(含\)|（含）)?(以上|以下|以內|內)$/u;
// A note in brackets after the value: `5MW(累積)`, `80場(因疫情影響)`.
//   > | 5MW(累積)
//          ^
const TRAILING_NOTE = /[(（][^()（）]{1,30}[)）]$/u;

const COMPARATORS: Record<string, Comparator> = {
  '≧': '>=', '≥': '>=', '>=': '>=', '＞=': '>=', '＞＝': '>=', 至少: '>=', 不少於: '>=', 不低於: '>=', 以上: '>=',
  '≦': '<=', '≤': '<=', '<=': '<=', '＜=': '<=', '＜＝': '<=', 不超過: '<=', 不高於: '<=', 至多: '<=', 以下: '<=', 以內: '<=', 內: '<=',
  '>': '>', '＞': '>', 高於: '>', 超過: '>', 大於: '>',
  '<': '<', '＜': '<', 未滿: '<', 低於: '<', 少於: '<', 小於: '<',
};

/** Typed value of one target cell. */
export interface TypedValue {
  type: TargetType;
  value: Target['value'];
  unit: string | null;
  /** Set when the cell states a bound (`≧91%`, `10件以上`), absent otherwise. */
  comparator?: Comparator;
}

const MULTIPLIER: Record<string, number> = { 百: 100, 千: 1000, 萬: 10000, 億: 100000000 };

/**
 * Number in a cell: `1,751` → 1751, `56萬1,390` → 561390, `2萬8千` → 28000,
 * `1.5億` → 150000000.  Groups below 萬 add up inside their 萬 / 億 group.
 */
function toNumber(text: string): number {
  let total = 0;
  let group = 0;
  let digits = '';
  for (const char of text) {
    const unit = MULTIPLIER[char];
    if (unit === undefined) {
      digits += char;
      continue;
    }
    // `3千5百萬`: a 萬 with no digits of its own multiplies the group before it.
    const n = digits ? Number(digits.replace(/,/g, '')) : group ? 0 : 1;
    digits = '';
    if (unit >= 10000) {
      total += (group + n) * unit;
      group = 0;
    } else group += n * unit;
  }
  return total + group + (digits ? Number(digits.replace(/,/g, '')) : 0);
}

function percentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^[%％﹪]$/.test(unit);
}

/** Decide the type, value, unit and comparator of a target cell's (normalized) text. */
export function typeTarget(raw: string): TypedValue {
  // Whitespace goes first: the patterns below then never scan runs of it.
  let text = raw.replace(/\s+/g, '');
  if (BLANK_CELL.test(text)) return { type: 'blank', value: null, unit: null };
  const typed = typeValue(text);
  if (typed) return typed;
  // Only a cell that is a value once its note and comparator are set aside is typed.
  let comparator: Comparator | undefined;
  text = text.replace(TRAILING_NOTE, '');
  const lead = LEADING_COMPARATOR.exec(text);
  if (lead) {
    comparator = COMPARATORS[lead[1]];
    text = text.slice(lead[0].length);
  }
  const trail = TRAILING_COMPARATOR.exec(text);
  if (trail && !comparator && text.length > trail[0].length) {
    comparator = COMPARATORS[trail[1]];
    text = text.slice(0, text.length - trail[0].length);
  }
  const inner = text ? typeValue(text) : null;
  if (inner && inner.type !== 'date') return comparator ? { ...inner, comparator } : inner;
  return { type: 'text', value: null, unit: null };
}

function typeValue(text: string): TypedValue | null {
  let m = NUMBER_CELL.exec(text);
  if (m && m[1] && /[0-9]/.test(m[1])) {
    const value = toNumber(m[1]);
    const unit = m[2];
    if (Number.isFinite(value)) {
      if (percentUnit(unit)) return { type: 'percent', value, unit: '%' };
      return { type: 'number', value, unit: unit ?? null };
    }
  }
  m = RANGE_CELL.exec(text);
  if (m) {
    const min = toNumber(m[1]);
    const max = toNumber(m[3]);
    const unit = m[4] ?? m[2];
    if (min <= max) return { type: 'range', value: { min, max }, unit: percentUnit(unit) ? '%' : (unit ?? null) };
  }
  m = DATE_CELL.exec(text);
  if (m) return { type: 'date', value: `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`, unit: null };
  return null;
}

/** A Target for one year from a cell's text (normalized here). */
export function makeTarget(year: number, cell: string): Target {
  // Lines of a wrapped cell are one value: `一年\n二次` → `一年二次`.
  const raw = normalizeText(cell.replace(/\n/g, ' '));
  const typed = typeTarget(raw);
  // Keys in canonical (sorted) order: the serializer then need not copy.
  const target = { gregorianYear: year + 1911, raw, type: typed.type, unit: typed.unit, value: typed.value, year } as Target;
  if (typed.comparator) return { comparator: typed.comparator, ...target };
  return target;
}
