/**
 * Budget cells of work-plan tables (預算金額).  The unit comes from the column
 * header, the values from the cell:
 *
 *   > | 預算金額 (單位：千元)        → unit 千元
 *                  ^^^^^^^^
 *   > | 1,751                        → 1751
 *   > | 449(健保局補助)              → 449, note 健保局補助
 *   > | 市府統籌款                   → value null, note 市府統籌款
 *   > | 40 252                       → two budgets, 40 and 252 (one per item of the row)
 */
import { normalizeText } from '../normalize/text.js';
import type { Budget } from '../types.js';

//   > | 預算金額 (單位：千元)     經費(千元)
//                 ^^^^^^^^            ^^^^
const UNIT_LABEL = /單位\s*[:：]\s*([^\s)）]{1,6})/u;
const BRACKETED_UNIT = /[(（]\s*((?:新臺幣|新台幣)?[千萬百]?元)\s*[)）]/u;

/** The unit a budget column header declares (`單位：千元` → `千元`), or null. */
export function budgetUnit(header: string): string | null {
  const text = normalizeText(header);
  const label = UNIT_LABEL.exec(text);
  if (label) return label[1];
  const bracketed = BRACKETED_UNIT.exec(text);
  return bracketed ? bracketed[1].replace(/^新[臺台]幣/u, '') : null;
}

//   > | 1,751   8,359   27,000   12.5
//       ^^^^^
const PLAIN_AMOUNT = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$|^[0-9]+(?:\.[0-9]+)?$/;
//   > | 449(健保局補助)     56萬1,390元     1億2,003萬
//       ^^^                 ^^^^^^^^^       ^^^^^^^^^
const LEADING_AMOUNT = /^(?:([0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?)億)?(?:([0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?)萬)?([0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?)?/u;
//   > | 2,840,0862,840,086     (two cells' amounts run together)
//              ^ a group of four digits: not one amount
const THOUSANDS = /^[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?$|^[0-9]+(?:\.[0-9]+)?$/;
const NO_BUDGET = /^[-－—–─ˍ_/／\s]*$/u;
const UNIT_ONLY = /^(?:新[臺台]幣)?([千萬百]?元)$/u;

/** All budgets of one cell, in order; empty for a blank or dash-only cell. */
export function parseBudgets(cell: string, unit: string | null): Budget[] {
  const budgets: Budget[] = [];
  for (const line of cell.split('\n')) {
    const text = normalizeText(line);
    if (NO_BUDGET.test(text)) continue;
    const tokens = text.split(' ');
    // `40 252`: several plain amounts side by side are several budgets.
    if (tokens.length > 1 && tokens.every((token) => PLAIN_AMOUNT.test(token))) {
      for (const token of tokens) budgets.push(parseBudget(token, unit));
    } else {
      budgets.push(parseBudget(text, unit));
    }
  }
  return budgets;
}

/** One budget: a leading amount, then an optional unit or note (`449(健保局補助)`). */
export function parseBudget(raw: string, unit: string | null): Budget {
  const text = normalizeText(raw);
  const amount = LEADING_AMOUNT.exec(text);
  const value = amount && amount[0] !== '' ? amountValue(amount) : null;
  if (value === null) return { raw: text, value: null, unit: null, note: text || null };
  const rest = text.slice(amount![0].length).trim();
  const ownUnit = UNIT_ONLY.exec(rest);
  if (ownUnit) return { raw: text, value, unit: ownUnit[1], note: null };
  return { raw: text, value, unit, note: rest ? unbracket(rest) : null };
}

function amountValue(match: RegExpExecArray): number | null {
  for (let i = 1; i <= 3; i++) if (match[i] !== undefined && !THOUSANDS.test(match[i])) return null;
  const part = (digits: string | undefined) => (digits ? Number(digits.replace(/,/g, '')) : 0);
  const value = part(match[1]) * 1e8 + part(match[2]) * 1e4 + part(match[3]);
  return Number.isFinite(value) ? value : null;
}

/** `(健保局補助)` → `健保局補助`; other text as written. */
function unbracket(text: string): string {
  const open = text[0];
  const close = text[text.length - 1];
  if ((open === '(' || open === '（') && (close === ')' || close === '）')) return text.slice(1, -1).trim();
  return text;
}
