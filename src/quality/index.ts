/**
 * Quality checks (`plan-parse validate`): run every rule of `rules.ts` on a
 * parse result; diagnostics come back ordered by position (document-level
 * ones first), each rule's own order kept for ties.
 */
import type { Diagnostic, ParseResult } from '../types.js';
import { rules, type QualityRule } from './rules.js';
import { append } from '../arrays.js';

export { RULES, rules, type QualityRule, type RuleInfo } from './rules.js';

export function checkQuality(result: ParseResult, list: QualityRule[] = rules): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of list) append(found, rule(result));
  return found
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.position?.start.offset ?? -1) - (b.d.position?.start.offset ?? -1) || a.i - b.i)
    .map(({ d }) => d);
}
