/**
 * GitHub Actions workflow commands, one per diagnostic (stdout):
 *   ::error file=plans/a.txt,line=12,col=3,endLine=12,endColumn=9,title=kpi-target-count::message
 * `info` diagnostics are left out (they need no action); an input that could
 * not be read gets an annotation on its file.  With --quiet only what fails
 * the run is annotated.
 */
import type { Diagnostic } from '../../types.js';
import { shown, type Reporter, type ReporterOptions } from './types.js';

/**
 * Escape a workflow-command message (data): `%`, CR and LF as the runner
 * expects, and every other control character too, so text from a document
 * can neither end the command nor reach the log as a terminal sequence.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
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

export function githubReporter(options: Pick<ReporterOptions, 'quiet' | 'strict'> = { quiet: false, strict: false }): Reporter {
  return {
    stream: 'stdout',
    file: (result) => {
      let text = '';
      for (const d of result.diagnostics) {
        if (d.severity === 'info' || !shown(d.severity, { ...options, verbose: false })) continue;
        text += `${annotation(result.path, d)}\n`;
      }
      return text;
    },
    end: () => '',
  };
}
