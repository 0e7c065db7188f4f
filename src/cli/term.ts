/**
 * Terminal helpers for human messages on stderr: a chalk instance whose
 * colour level follows *stderr* (not stdout), with NO_COLOR / FORCE_COLOR /
 * --no-color / --color respected, and display widths for CJK text (so a
 * caret lands under the right character).
 */
import { isWideCode } from '../width.js';
import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import type { ChalkInstance } from 'chalk';

type ChalkModule = typeof import('chalk');

/** `--color` / `--no-color` on the command line: the last one given, or null. */
let forced: boolean | null = null;

/**
 * Read `--color` / `--no-color` from the arguments: the last one wins, and it
 * wins over NO_COLOR and FORCE_COLOR (an explicit flag is the user's latest word).
 */
export function configureColor(argv: readonly string[]): void {
  forced = null;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg === '--color') forced = true;
    else if (arg === '--no-color') forced = false;
  }
  instance = undefined;
}

function stderrLevel(supportsColorStderr: ChalkModule['supportsColorStderr']): 0 | 1 | 2 | 3 {
  if (forced === false) return 0;
  // supports-color may have seen a --no-color earlier on the line: an explicit --color still means colour.
  if (forced === true) return supportsColorStderr && supportsColorStderr.level > 0 ? supportsColorStderr.level : 1;
  const env = process.env;
  // chalk handles FORCE_COLOR and --color / --no-color; NO_COLOR (no-color.org) is ours.
  if (!('FORCE_COLOR' in env) && env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return supportsColorStderr ? supportsColorStderr.level : 0;
}

let instance: ChalkInstance | undefined;

/**
 * chalk is loaded on the first coloured message, not at start-up: a quiet
 * run that succeeds prints none.  (ESM-only; Node ≥ 20.19 requires it
 * synchronously.)
 */
function chalk(): ChalkInstance {
  if (!instance) {
    const { Chalk, supportsColorStderr } = createRequire(import.meta.url)('chalk') as ChalkModule;
    instance = new Chalk({ level: stderrLevel(supportsColorStderr) });
  }
  return instance;
}

export const color: ChalkInstance = new Proxy({} as ChalkInstance, { get: (_target, key) => Reflect.get(chalk(), key) });

/**
 * Whether stderr is an interactive terminal (for the progress bar).  Asked of
 * the file descriptor: creating the process.stderr stream only to ask costs
 * ~3 ms of every start, and a quiet run never writes to it.
 */
export const stderrIsTTY = isatty(2);

/** Columns a string takes in a terminal: East Asian wide / full-width characters count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0xfeff) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** Wide characters: the documents' ranges (`isWideCode`), plus emoji and the supplementary ideograph planes by code point. */
function isWide(code: number): boolean {
  if (code <= 0xffff) return isWideCode(code);
  return (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd);
}

/** Human-readable byte count. */
export function formatMB(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 100 ? `${mb.toFixed(0)} MB` : mb >= 1 ? `${mb.toFixed(1)} MB` : `${mb.toFixed(2)} MB`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}
