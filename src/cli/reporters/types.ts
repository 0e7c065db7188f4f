import type { Totals } from '../summary.js';
import type { TaskResult } from '../task.js';

/** How `validate` reports: text per file as results arrive (in input order), and a closing part. */
export interface Reporter {
  /** Where the report goes: human text to stderr, machine formats to stdout. */
  stream: 'stdout' | 'stderr';
  file(result: TaskResult): string;
  end(totals: Totals): string;
}

export type ReporterName = 'pretty' | 'json' | 'github';
