/**
 * Human report (stderr), grouped by file:
 *
 *   fixtures/seeds/002.txt
 *     120:1  warning  section 三、 skips ahead after 一、  section-numbering-gap
 *       120 │ 三、業務概況
 *           │ ^
 *
 *   ✖ 12 problems (0 errors, 12 warnings)
 *     kpi-target-count: 8 warnings
 *     section-numbering-gap: 4 warnings
 *
 * `line:column` is 1-based in the decoded source; the source line (clipped
 * around the column when long, and to the terminal's width) comes from the
 * task, the caret is placed by display width so it sits under CJK text
 * correctly.  File names and messages are shown through `safePath` /
 * `safeText`.  Files without problems print nothing; `info` diagnostics
 * only with --verbose; with --quiet only what fails the run.
 */
import type { Diagnostic } from '../../types.js';
import { safePath, safeText, withoutPath } from '../escape.js';
import type { Totals } from '../summary.js';
import type { Snippet, TaskResult } from '../task.js';
import { color, displayWidth } from '../term.js';
import { shown, type Reporter, type ReporterOptions } from './types.js';

const DEFAULTS: ReporterOptions = { strict: false, quiet: false, verbose: false, columns: null, version: '' };

export function prettyReporter(options: Partial<ReporterOptions> = {}): Reporter {
  const settings = { ...DEFAULTS, ...options };
  return {
    stream: 'stderr',
    file: (result) => formatFile(result, settings),
    end: (totals) => (settings.quiet ? '' : formatTally(totals)),
  };
}

export function formatFile(result: TaskResult, options: Partial<ReporterOptions> = {}): string {
  const settings = { ...DEFAULTS, ...options };
  const list = result.diagnostics.filter((d) => shown(d.severity, settings));
  if (list.length === 0) return '';
  const lines = [color.underline(safePath(result.path))];
  const where = list.map((d) => (d.position ? `${d.position.start.line}:${d.position.start.column}` : '-'));
  // A loop, not Math.max(...where): a file may have hundreds of thousands of diagnostics.
  let pad = 0;
  for (const w of where) if (w.length > pad) pad = w.length;
  list.forEach((d, i) => {
    lines.push(`  ${color.dim(where[i].padEnd(pad))}  ${severityLabel(d)}  ${safeText(withoutPath(d.message, result.path))}  ${color.dim(d.code)}`);
    const snippet = d.position ? result.snippets?.[`${d.position.start.line}:${d.position.start.column}`] : undefined;
    if (d.position && snippet) for (const line of formatSnippet(d.position.start.line, snippet, d.severity, settings.columns)) lines.push(line);
  });
  return `${lines.join('\n')}\n\n`;
}

/** eslint's closing line and the count per rule, most frequent first. */
export function formatTally(totals: Totals): string {
  const problems = totals.errorCount + totals.warningCount;
  if (problems === 0) return '';
  const mark = totals.errorCount ? color.red('✖') : color.yellow('⚠');
  const lines = [
    `${mark} ${plural(problems, 'problem')} (${plural(totals.errorCount, 'error')}, ${plural(totals.warningCount, 'warning')})`,
  ];
  const codes = Object.entries(totals.byCode)
    .filter(([, n]) => n.errors + n.warnings > 0)
    .sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || (a[0] < b[0] ? -1 : 1));
  for (const [code, n] of codes) {
    const parts = [n.errors ? plural(n.errors, 'error') : '', n.warnings ? plural(n.warnings, 'warning') : ''].filter(Boolean);
    lines.push(`  ${code}: ${parts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityLabel(d: Diagnostic): string {
  if (d.severity === 'error') return color.red('error  ');
  if (d.severity === 'warning') return color.yellow('warning');
  return color.blue('info   ');
}

/**
 * The source line and a caret under the column.  With a terminal width, the
 * line is cut (by display width, so CJK counts double) to fit after the
 * gutter, keeping the caret inside.
 */
export function formatSnippet(line: number, snippet: Snippet, severity: Diagnostic['severity'], columns: number | null = null): string[] {
  const gutter = String(line);
  let text = safeText(snippet.text);
  let caretAt = safeText(snippet.text.slice(0, snippet.caret)).length;
  let left = snippet.clippedLeft ? '…' : '';
  let right = snippet.clippedRight ? '…' : '';
  if (columns !== null) {
    // "    <gutter> │ " before the text, and a column spare so the line never wraps.
    const room = Math.max(10, columns - (gutter.length + 7) - 1);
    if (displayWidth(left + text + right) > room) {
      const chars = Array.from(text);
      const caretIndex = Array.from(text.slice(0, caretAt)).length;
      // Start a third of the room before the caret, then take what fits.
      let from = caretIndex;
      let width = 0;
      while (from > 0 && width + displayWidth(chars[from - 1]) <= Math.floor(room / 3)) width += displayWidth(chars[--from]);
      let to = from;
      width = 0;
      const budget = room - 2; // both ellipses
      while (to < chars.length && width + displayWidth(chars[to]) <= budget) width += displayWidth(chars[to++]);
      if (from > 0) left = '…';
      if (to < chars.length) right = '…';
      text = chars.slice(from, to).join('');
      caretAt = chars.slice(from, Math.max(from, caretIndex)).join('').length;
    }
  }
  const before = text.slice(0, caretAt);
  const caretColumn = displayWidth(left + before);
  const paint = severity === 'error' ? color.red : color.yellow;
  return [
    `    ${color.dim(`${gutter} │`)} ${left}${text}${right}`,
    `    ${color.dim(`${' '.repeat(gutter.length)} │`)} ${' '.repeat(caretColumn)}${paint('^')}`,
  ];
}
