/**
 * End-of-run summary (stderr, unless --quiet): files ok / with warnings /
 * with errors / skipped, MB read, seconds, throughput, what was written.
 * The mark follows the exit code: ✔ only for a run that exits 0 with
 * nothing to warn about, ✖ for any run that fails (an input's error, an
 * output that could not be written), ⚠ for warnings.
 */
import { plural } from './reporters/pretty.js';
import type { TaskResult } from './task.js';
import { color, formatMB, formatSeconds } from './term.js';

export interface Totals {
  files: number;
  ok: number;
  warnings: number;
  errors: number;
  /** Files a folder walk met that are no document (images, archives, spreadsheets), or links it did not follow. */
  skipped: number;
  /** Of those, symbolic links leaving the folder given. */
  linksNotFollowed: number;
  bytes: number;
  seconds: number;
  errorCount: number;
  warningCount: number;
  /** Errors and warnings per diagnostic code. */
  byCode: Record<string, { errors: number; warnings: number }>;
}

export class Summary {
  private readonly started = performance.now();
  readonly totals: Totals = { files: 0, ok: 0, warnings: 0, errors: 0, skipped: 0, linksNotFollowed: 0, bytes: 0, seconds: 0, errorCount: 0, warningCount: 0, byCode: {} };

  add(result: TaskResult): void {
    const t = this.totals;
    t.files++;
    t.bytes += result.bytes;
    t.errorCount += result.errors;
    t.warningCount += result.warnings;
    for (const d of result.diagnostics) {
      if (d.severity === 'info') continue;
      const counts = (t.byCode[d.code] ??= { errors: 0, warnings: 0 });
      if (d.severity === 'error') counts.errors++;
      else counts.warnings++;
    }
    if (result.status === 'skipped') {
      t.skipped++;
      if (result.diagnostics[0]?.code === 'symlink-outside') t.linksNotFollowed++;
    }
    else if (result.status !== 'ok' || result.errors > 0) t.errors++;
    else if (result.warnings > 0) t.warnings++;
    else t.ok++;
  }

  /** A file whose output could not be written: it counts as failed, not ok. */
  moveToErrors(result: TaskResult): void {
    const t = this.totals;
    if (result.status === 'skipped') t.skipped--;
    else if (result.status !== 'ok' || result.errors > 0) return;
    else if (result.warnings > 0) t.warnings--;
    else t.ok--;
    t.errors++;
  }

  finish(): Totals {
    this.totals.seconds = (performance.now() - this.started) / 1000;
    return this.totals;
  }

  /**
   * The summary line.  `exitCode` decides the mark; `written` / `expected`
   * say how many outputs were written out of those due (with -o).
   */
  line(exitCode: number, options: { hint?: string } = {}): string {
    const t = this.finish();
    const hint = t.warnings && options.hint ? ` ${color.dim(options.hint)}` : '';
    const parts = [
      color.green(`${t.ok} ok`),
      t.warnings ? color.yellow(`${t.warnings} with warnings`) + hint : `${t.warnings} with warnings`,
      t.errors ? color.red(`${t.errors} with errors`) : `${t.errors} with errors`,
    ];
    if (t.skipped > t.linksNotFollowed) parts.push(color.dim(`${t.skipped - t.linksNotFollowed} skipped (not documents)`));
    if (t.linksNotFollowed) parts.push(color.yellow(`${t.linksNotFollowed} symbolic link${t.linksNotFollowed === 1 ? '' : 's'} leaving the folder not followed`));
    const rate = t.seconds > 0 ? ` (${(t.bytes / 1e6 / t.seconds).toFixed(1)} MB/s)` : '';
    const mark = exitCode !== 0 || t.errors ? color.red('✖') : t.warnings || t.linksNotFollowed ? color.yellow('⚠') : color.green('✔');
    return `${mark} ${plural(t.files, 'file')}: ${parts.join(', ')} · ${formatMB(t.bytes)} in ${formatSeconds(t.seconds)}${rate}`;
  }
}
