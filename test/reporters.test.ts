/**
 * Reporters of `plan-parse validate`: GitHub workflow annotations, the JSON
 * document, and the pretty text with a caret placed by display width.
 */
import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, githubReporter } from '../src/cli/reporters/github.js';
import { jsonReporter } from '../src/cli/reporters/json.js';
import { formatFile, formatSnippet } from '../src/cli/reporters/pretty.js';
import { snippetsFor, type TaskResult } from '../src/cli/task.js';
import { displayWidth } from '../src/cli/term.js';
import type { Diagnostic } from '../src/types.js';

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

const warning: Diagnostic = {
  severity: 'warning',
  code: 'kpi-target-count',
  message: 'indicator 「參與度」 has 3 targets for 4 years',
  position: { start: { line: 12, column: 3, offset: 140 }, end: { line: 12, column: 9, offset: 146 } },
};
const error: Diagnostic = { severity: 'error', code: 'empty-file', message: 'the file is empty (0 bytes)', position: null };
const info: Diagnostic = { severity: 'info', code: 'script-converted', message: 'converted', position: null };

function taskResult(diagnostics: Diagnostic[], extra: Partial<TaskResult> = {}): TaskResult {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return { index: 0, path: 'plans/a,b.txt', bytes: 10, status: errors ? 'failed' : 'ok', diagnostics, errors, warnings, ...extra };
}

describe('github reporter', () => {
  it('prints ::error / ::warning with file, line, col and the rule as title', () => {
    expect(annotation('plans/a.txt', warning)).toBe(
      '::warning file=plans/a.txt,line=12,col=3,endColumn=9,title=plan-parse kpi-target-count::indicator 「參與度」 has 3 targets for 4 years',
    );
    expect(annotation('plans/a.txt', error)).toBe('::error file=plans/a.txt,title=plan-parse empty-file::the file is empty (0 bytes)');
  });

  it('escapes properties and messages as the workflow-command syntax requires', () => {
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    const line = githubReporter().file(taskResult([warning, info]));
    expect(line).toMatch(/^::warning file=plans\/a%2Cb.txt,line=12,col=3,endColumn=9,title=plan-parse kpi-target-count::/);
    expect(line.trimEnd().split('\n')).toHaveLength(1); // info left out
  });

  it('multi-line positions give endLine', () => {
    const d: Diagnostic = { ...warning, position: { start: { line: 3, column: 1, offset: 0 }, end: { line: 5, column: 2, offset: 9 } } };
    expect(annotation('x', d)).toMatch(/,line=3,col=1,endLine=5,title=/);
  });
});

describe('json reporter', () => {
  it('streams one valid JSON document with canonical keys', () => {
    const reporter = jsonReporter();
    const text =
      reporter.file(taskResult([warning])) +
      reporter.file(taskResult([error], { path: 'b.txt' })) +
      reporter.end({ files: 2, ok: 0, warnings: 1, errors: 1, bytes: 20, seconds: 1, errorCount: 1, warningCount: 1, skipped: 0, linksNotFollowed: 0, byCode: {} });
    const report = JSON.parse(text);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['plans/a,b.txt', 'b.txt']);
    expect(report.files[1].diagnostics[0].code).toBe('empty-file');
    expect(report.summary).toEqual({ bytes: 20, errors: 1, files: 2, ok: 0, rules: {}, skipped: 0, warnings: 1, withErrors: 1, withWarnings: 1 });
    expect(text).not.toMatch(/seconds/); // deterministic
  });

  it('an empty run is still valid JSON', () => {
    const reporter = jsonReporter();
    expect(JSON.parse(reporter.end({ files: 0, ok: 0, warnings: 0, errors: 0, bytes: 0, seconds: 0, errorCount: 0, warningCount: 0, skipped: 0, linksNotFollowed: 0, byCode: {} }))).toMatchObject({ files: [] });
  });
});

describe('pretty reporter', () => {
  it('display width counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('（１）')).toBe(6);
  });

  it('puts the caret under the column, counting wide characters', () => {
    const source = 'line one\n一、機關任務 target here\n';
    const d: Diagnostic = { ...warning, position: { start: { line: 2, column: 8, offset: 16 }, end: { line: 2, column: 14, offset: 22 } } };
    const snippets = snippetsFor(source, [d]);
    const [code, caret] = formatSnippet(2, snippets['2:8'], 'warning').map(stripAnsi);
    expect(code).toBe('    2 │ 一、機關任務 target here');
    // 7 characters before column 8: six wide (12 columns) and one space.
    expect(caret).toBe(`      │ ${' '.repeat(13)}^`);
  });

  it('clips a very long line around the column', () => {
    const long = `${'x'.repeat(5_000_000)}!`;
    const d: Diagnostic = { ...warning, position: { start: { line: 1, column: 5_000_001, offset: 5_000_000 }, end: { line: 1, column: 5_000_002, offset: 5_000_001 } } };
    const snippet = snippetsFor(long, [d])['1:5000001'];
    expect(snippet.text.length).toBeLessThanOrEqual(120);
    expect(snippet.text[snippet.caret]).toBe('!');
    expect(snippet.clippedLeft).toBe(true);
  });

  it('groups by file: path, then line:column, severity, message and code; info left out; nothing for a clean file', () => {
    const text = stripAnsi(formatFile(taskResult([error, warning, info], { snippets: { '12:3': { text: '  一、標題', caret: 2, clippedLeft: false, clippedRight: false } } })));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('plans/a,b.txt');
    expect(lines[1]).toMatch(/^ {2}- +error +the file is empty \(0 bytes\) +empty-file$/);
    expect(lines[2]).toMatch(/^ {2}12:3 +warning +indicator 「參與度」 has 3 targets for 4 years +kpi-target-count$/);
    expect(lines[3]).toBe('    12 │   一、標題');
    expect(lines[4]).toBe('       │   ^');
    expect(lines).toHaveLength(5);
    expect(formatFile(taskResult([info]))).toBe('');
  });
});
