/**
 * plan-parse library API.
 *
 *   import { parse, validateResult, canonicalJson } from 'plan-parse';
 *   const result = parse(bytes, { path: 'plans/a.txt' });
 *   const problems = validateResult(result);
 *   process.stdout.write(canonicalJson(result));
 */
export { parse, parseAsync, SCHEMA_VERSION } from './parse.js';
export { validateResult, schema } from './validate.js';
export { canonicalJson } from './serialize.js';
export { normalizeText } from './normalize/text.js';
export { parseMarker } from './markers.js';
export { checkQuality, RULES, rules, type QualityRule, type RuleInfo } from './quality/index.js';
export type * from './types.js';
