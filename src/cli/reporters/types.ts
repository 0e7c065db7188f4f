import type { Totals } from '../summary.js';
import type { TaskResult } from '../task.js';

/** How `validate` reports: text per file as results arrive (in input order), and a closing part. */
export interface Reporter {
  /** Where the report goes by default: human text to stderr, machine formats to stdout. */
  stream: 'stdout' | 'stderr';
  /** A machine-readable format (json, sarif): never mixed with human lines. */
  machine?: boolean;
  file(result: TaskResult): string;
  end(totals: Totals): string;
}

export type ReporterName = 'pretty' | 'json' | 'github' | 'sarif';

/** What every reporter is told about the run. */
export interface ReporterOptions {
  /** Warnings fail the run (--strict). */
  strict: boolean;
  /** Errors only, and warnings when they fail the run (--quiet; human and github output). */
  quiet: boolean;
  /** Info diagnostics too (--verbose; pretty). */
  verbose: boolean;
  /** Terminal width for snippets (pretty), or null when not a terminal. */
  columns: number | null;
  version: string;
}

/**
 * A file's status as reports give it: `ok`, `warnings` (passes unless
 * --strict), `failed` (an error, or warnings under --strict), `io-error`
 * (could not be read or written), `crashed`, `skipped` (not a document).
 */
export function fileStatus(result: TaskResult, strict: boolean): 'ok' | 'warnings' | 'failed' | 'io-error' | 'crashed' | 'skipped' {
  if (result.status !== 'ok') return result.status;
  if (result.errors > 0) return 'failed';
  if (result.warnings > 0) return strict ? 'failed' : 'warnings';
  return 'ok';
}

/** Does this diagnostic show in human output under these options? */
export function shown(severity: 'error' | 'warning' | 'info', options: Pick<ReporterOptions, 'quiet' | 'verbose' | 'strict'>): boolean {
  if (severity === 'error') return true;
  if (severity === 'warning') return !options.quiet || options.strict;
  return options.verbose && !options.quiet;
}
