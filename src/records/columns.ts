/**
 * What a table column means, told by the words of its header (multi-row
 * headers arrive joined with `/`).  Tables of different agencies name the
 * same column differently (關鍵策略目標 / 策略績效目標 / 共同性目標), so the
 * mapping goes by the words, not by the column's position.
 */
import { stripSpaces } from '../normalize/text.js';

export type ColumnRole =
  | { role: 'strategy-marker' }
  | { role: 'strategy' }
  | { role: 'indicator-marker' }
  | { role: 'indicator' }
  | { role: 'measure' }
  | { role: 'assessment-system' }
  | { role: 'assessment-method' }
  | { role: 'weight' }
  | { role: 'unit' }
  | { role: 'year'; year: number | null }
  | { role: 'other' };

//   > | 年度目標值/108年     年度績效目標值/107     112年度
//                  ^^^^                   ^^^     ^^^^^^
const YEAR = /(?:^|\/)(?:民國)?(\d{2,3})\s*(?:年度?)?(?:目標值?)?$/u;
const TARGET_GROUP = /目標值|績效目標值|年度目標/u;

//   > | 甲乙丙      衡量標準
//                   ^ 衡: one of the characters every word below holds
//
// A year's digits or one character of each word the tests below look for: a
// cell with none of them is `other`, told with one scan instead of a dozen
// (`isKpiHeader` and the Writer text reader ask this of many cells).
const ROLE_CHARACTER = /[0-9序項編評權衡計目指單]/u;

/** The role of one header cell. */
export function columnRole(header: string): ColumnRole {
  const compact = stripSpaces(header);
  if (!ROLE_CHARACTER.test(compact)) return { role: 'other' };
  const text = compact.replace(/[（]/g, '(').replace(/[）]/g, ')');
  const year = YEAR.exec(text.replace(/\(修正後\)/gu, ''));
  if (year && Number(year[1]) >= 80 && Number(year[1]) <= 200) return { role: 'year', year: Number(year[1]) };
  if (/^(?:序號|項次|序)$/u.test(text)) return { role: 'strategy-marker' };
  if (/^(?:編號|指標編號|項目編號)$/u.test(text)) return { role: 'indicator-marker' };
  if (/評估體制/u.test(text)) return { role: 'assessment-system' };
  if (/評估方式|評估方法/u.test(text)) return { role: 'assessment-method' };
  if (/權重/u.test(text)) return { role: 'weight' };
  if (/衡量標準|計算公式|衡量方式|評估標準|衡量基準|計算方式/u.test(text)) return { role: 'measure' };
  if (/(?:策略|共同性|績效)目標$|策略目標|施政目標|共同性目標/u.test(text) && !TARGET_GROUP.test(text)) return { role: 'strategy' };
  if (/績效指標|衡量指標|共同性指標|成果指標|評估指標|^指標/u.test(text)) return { role: 'indicator' };
  if (TARGET_GROUP.test(text)) return { role: 'year', year: null };
  if (/^(?:單位|計量單位|單位別)$/u.test(text)) return { role: 'unit' };
  return { role: 'other' };
}

/** True when a header reads as a KPI table: an indicator column and a measure or target column. */
export function isKpiHeader(header: readonly string[]): boolean {
  const roles = header.map(columnRole).map((c) => c.role);
  return roles.includes('indicator') && (roles.includes('measure') || roles.includes('year'));
}

/** True for a common-indicator (共同性指標) table. */
export function isCommonHeader(header: readonly string[]): boolean {
  return header.some((cell) => /共同性/u.test(stripSpaces(cell)));
}
