/**
 * Human report (stderr), grouped by file:
 *
 *   fixtures/seeds/002.txt
 *     120:1  warning  section 三、 skips ahead after 一、  section-numbering-gap
 *       120 │ 三、業務概況
 *           │ ^
 *
 * `line:column` is 1-based in the decoded source; the source line (clipped
 * around the column when long) comes from the task, the caret is placed by
 * display width so it sits under CJK text correctly.  Files without
 * problems print nothing; `info` diagnostics are left out.
 */
import type { Diagnostic } from '../../types.js';
import type { Snippet, TaskResult } from '../task.js';
import { color, displayWidth } from '../term.js';
import type { Reporter } from './types.js';

export function prettyReporter(): Reporter {
  return {
    stream: 'stderr',
    file: (result) => formatFile(result),
    end: () => '',
  };
}

export function formatFile(result: TaskResult): string {
  const shown = result.diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length === 0) return '';
  const lines = [color.underline(result.path)];
  const where = shown.map((d) => (d.position ? `${d.position.start.line}:${d.position.start.column}` : '-'));
  const pad = Math.max(...where.map((w) => w.length));
  shown.forEach((d, i) => {
    lines.push(`  ${color.dim(where[i].padEnd(pad))}  ${severityLabel(d)}  ${d.message}  ${color.dim(d.code)}`);
    const snippet = d.position ? result.snippets?.[`${d.position.start.line}:${d.position.start.column}`] : undefined;
    if (d.position && snippet) lines.push(...formatSnippet(d.position.start.line, snippet, d.severity));
  });
  return `${lines.join('\n')}\n\n`;
}

function severityLabel(d: Diagnostic): string {
  if (d.severity === 'error') return color.red('error  ');
  if (d.severity === 'warning') return color.yellow('warning');
  return color.blue('info   ');
}

export function formatSnippet(line: number, snippet: Snippet, severity: Diagnostic['severity']): string[] {
  const gutter = String(line);
  const before = snippet.text.slice(0, snippet.caret);
  const left = snippet.clippedLeft ? '…' : '';
  const right = snippet.clippedRight ? '…' : '';
  const caretColumn = displayWidth(left + before);
  const paint = severity === 'error' ? color.red : color.yellow;
  return [
    `    ${color.dim(`${gutter} │`)} ${left}${snippet.text}${right}`,
    `    ${color.dim(`${' '.repeat(gutter.length)} │`)} ${' '.repeat(caretColumn)}${paint('^')}`,
  ];
}
