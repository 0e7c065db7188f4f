/**
 * GitHub Actions workflow commands, one per diagnostic (stdout):
 *   ::error file=plans/a.txt,line=12,col=3,endLine=12,endColumn=9,title=kpi-target-count::message
 * `info` diagnostics are left out (they need no action).
 */
import type { Diagnostic } from '../../types.js';
import type { Reporter } from './types.js';

/** Escape a workflow-command message (data). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow-command property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(path: string, d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [`file=${escapeProperty(path)}`];
  if (d.position) {
    const { start, end } = d.position;
    props.push(`line=${start.line}`, `col=${start.column}`);
    if (end.line > start.line) props.push(`endLine=${end.line}`);
    else if (end.line === start.line && end.column > start.column) props.push(`endColumn=${end.column}`);
  }
  props.push(`title=${escapeProperty(`plan-parse ${d.code}`)}`);
  return `::${level} ${props.join(',')}::${escapeData(d.message)}`;
}

export function githubReporter(): Reporter {
  return {
    stream: 'stdout',
    file: (result) =>
      result.diagnostics
        .filter((d) => d.severity !== 'info')
        .map((d) => `${annotation(result.path, d)}\n`)
        .join(''),
    end: () => '',
  };
}
