/**
 * GitHub Actions job summary: GitHub shows only the first annotations of a
 * step, so `validate` also appends a Markdown table to the file named by
 * `$GITHUB_STEP_SUMMARY` when it is set: the totals, the count per rule, and
 * one row per file that has problems.
 */
import { appendFileSync } from 'node:fs';
import type { Totals } from './summary.js';
import type { TaskResult } from './task.js';

/** Markdown table cell: no pipes, no newlines, no HTML. */
function cell(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, "'");
}

export class StepSummary {
  private readonly rows: string[] = [];
  private more = 0;

  constructor(private readonly limit = 500) {}

  add(result: TaskResult, status: string): void {
    if (result.errors === 0 && result.warnings === 0 && status !== 'io-error' && status !== 'crashed') return;
    if (this.rows.length >= this.limit) {
      this.more++;
      return;
    }
    const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics.find((d) => d.severity === 'warning');
    const where = first?.position ? `:${first.position.start.line}` : '';
    this.rows.push(`| \`${cell(result.path)}\` | ${status} | ${result.errors} | ${result.warnings} | ${first ? `${cell(first.code)}${where}: ${cell(first.message).slice(0, 200)}` : ''} |`);
  }

  markdown(totals: Totals, exitCode: number): string {
    const lines = [
      `### plan-parse validate ${exitCode === 0 ? '✅ passed' : '❌ failed'}`,
      '',
      `${totals.files} files: ${totals.ok} ok, ${totals.warnings} with warnings, ${totals.errors} with errors${totals.skipped ? `, ${totals.skipped} skipped` : ''} — ${totals.errorCount} errors, ${totals.warningCount} warnings`,
      '',
    ];
    const codes = Object.entries(totals.byCode).sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings));
    if (codes.length) {
      lines.push('| rule | errors | warnings |', '| --- | --: | --: |');
      for (const [code, n] of codes) lines.push(`| ${cell(code)} | ${n.errors} | ${n.warnings} |`);
      lines.push('');
    }
    if (this.rows.length) {
      lines.push('| file | status | errors | warnings | first problem |', '| --- | --- | --: | --: | --- |', ...this.rows);
      if (this.more) lines.push('', `…and ${this.more} more files with problems (see the step log).`);
      lines.push('');
    }
    return `${lines.join('\n')}\n`;
  }

  /** Append to $GITHUB_STEP_SUMMARY; a failure here never fails the run. */
  write(path: string, totals: Totals, exitCode: number): string | null {
    try {
      appendFileSync(path, this.markdown(totals, exitCode));
      return null;
    } catch (error) {
      return `cannot write the job summary to ${path}: ${(error as Error).message}`;
    }
  }
}
