/**
 * End-of-run summary (stderr, unless --quiet): files ok / with warnings /
 * with errors, MB read, seconds, throughput.
 */
import type { TaskResult } from './task.js';
import { color, formatMB, formatSeconds } from './term.js';

export interface Totals {
  files: number;
  ok: number;
  warnings: number;
  errors: number;
  bytes: number;
  seconds: number;
  errorCount: number;
  warningCount: number;
}

export class Summary {
  private readonly started = performance.now();
  readonly totals: Totals = { files: 0, ok: 0, warnings: 0, errors: 0, bytes: 0, seconds: 0, errorCount: 0, warningCount: 0 };

  add(result: TaskResult): void {
    const t = this.totals;
    t.files++;
    t.bytes += result.bytes;
    t.errorCount += result.errors;
    t.warningCount += result.warnings;
    if (result.status !== 'ok' || result.errors > 0) t.errors++;
    else if (result.warnings > 0) t.warnings++;
    else t.ok++;
  }

  /** Count a path that could not even be collected (missing, unreadable folder). */
  addMissing(): void {
    this.totals.files++;
    this.totals.errors++;
    this.totals.errorCount++;
  }

  finish(): Totals {
    this.totals.seconds = (performance.now() - this.started) / 1000;
    return this.totals;
  }

  line(): string {
    const t = this.finish();
    const files = `${t.files} file${t.files === 1 ? '' : 's'}`;
    const parts = [
      color.green(`${t.ok} ok`),
      t.warnings ? color.yellow(`${t.warnings} with warnings`) : `${t.warnings} with warnings`,
      t.errors ? color.red(`${t.errors} with errors`) : `${t.errors} with errors`,
    ];
    const rate = t.seconds > 0 ? ` (${(t.bytes / 1e6 / t.seconds).toFixed(1)} MB/s)` : '';
    const mark = t.errors ? color.red('✖') : t.warnings ? color.yellow('⚠') : color.green('✔');
    return `${mark} ${files}: ${parts.join(', ')} · ${formatMB(t.bytes)} in ${formatSeconds(t.seconds)}${rate}`;
  }
}
