/**
 * Rule settings for a run, eslint-style: a rule can be turned off or given
 * another severity, and `--max-warnings N` fails a run with more warnings.
 * From the first of `plan-parse.config.json` or the `"plan-parse"` key of
 * `package.json` in the working directory, then `--rule id=severity` on the
 * command line (which wins):
 *
 *   { "rules": { "missing-period": "off", "kpi-target-count": "error" }, "maxWarnings": 0 }
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Severity } from '../types.js';

export type RuleSetting = Severity | 'off';

export interface RuleConfig {
  /** Severity per diagnostic code (quality rules and parser codes alike). */
  rules: Record<string, RuleSetting>;
  maxWarnings: number | null;
  /** Where the settings came from (for messages). */
  source: string | null;
}

const SETTINGS = new Set<RuleSetting>(['off', 'info', 'warning', 'error']);
// eslint's spellings too: 0 / 1 / 2 and "warn".
const ALIASES: Record<string, RuleSetting> = { '0': 'off', '1': 'warning', '2': 'error', warn: 'warning' };

export class ConfigError extends Error {}

function setting(value: unknown, where: string): RuleSetting {
  const text = String(Array.isArray(value) ? value[0] : value).trim().toLowerCase();
  const resolved = (ALIASES[text] ?? text) as RuleSetting;
  if (!SETTINGS.has(resolved)) throw new ConfigError(`${where}: "${String(value)}" is not a rule setting (off, info, warning or error)`);
  return resolved;
}

function fromObject(object: unknown, where: string, into: RuleConfig): void {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) throw new ConfigError(`${where}: expected an object`);
  const { rules, maxWarnings } = object as { rules?: unknown; maxWarnings?: unknown };
  if (rules !== undefined) {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) throw new ConfigError(`${where}: "rules" must be an object of rule id → severity`);
    for (const [id, value] of Object.entries(rules)) into.rules[id] = setting(value, `${where}: rule ${id}`);
  }
  if (maxWarnings !== undefined && maxWarnings !== null) {
    if (!Number.isSafeInteger(maxWarnings) || (maxWarnings as number) < 0) throw new ConfigError(`${where}: "maxWarnings" must be a whole number ≥ 0`);
    into.maxWarnings = maxWarnings as number;
  }
}

function readJson(path: string): unknown | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** The settings file of `cwd`, if any. */
export function loadConfigFile(cwd: string, explicit?: string): RuleConfig {
  const config: RuleConfig = { rules: {}, maxWarnings: null, source: null };
  if (explicit) {
    const data = readJson(explicit);
    if (data === undefined) throw new ConfigError(`${explicit}: cannot read the config file`);
    fromObject(data, explicit, config);
    config.source = explicit;
    return config;
  }
  const own = join(cwd, 'plan-parse.config.json');
  const data = readJson(own);
  if (data !== undefined) {
    fromObject(data, 'plan-parse.config.json', config);
    config.source = 'plan-parse.config.json';
    return config;
  }
  const pkg = readJson(join(cwd, 'package.json')) as Record<string, unknown> | undefined;
  if (pkg && typeof pkg === 'object' && pkg['plan-parse'] !== undefined) {
    fromObject(pkg['plan-parse'], 'package.json "plan-parse"', config);
    config.source = 'package.json';
  }
  return config;
}

/** `--rule missing-period=off` (also `id:off`). */
export function parseRuleOption(text: string): [string, RuleSetting] {
  const match = /^\s*([a-z0-9][a-z0-9-]*)\s*[=:]\s*(\S+)\s*$/i.exec(text);
  if (!match) throw new ConfigError(`--rule ${text}: expected id=severity, e.g. --rule missing-period=off`);
  return [match[1].toLowerCase(), setting(match[2], `--rule ${match[1]}`)];
}

/**
 * Apply the settings to a file's diagnostics: drop those turned off, change
 * severities.  A fatal parse error (the file could not be read as a
 * document) keeps its severity: turning it off would pass a file with no
 * output.
 */
export function applyRules(diagnostics: Diagnostic[], rules: Record<string, RuleSetting>, fatalCodes: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const wanted = rules[d.code];
    if (wanted === undefined || (d.severity === 'error' && fatalCodes.has(d.code))) out.push(d);
    else if (wanted !== 'off') out.push(wanted === d.severity ? d : { ...d, severity: wanted });
  }
  return out;
}
