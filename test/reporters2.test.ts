/**
 * Issue 15 — reporters for CI and honest summaries, through the built CLI:
 * every input in the json report (failed reads too) with its real status,
 * annotations for unreadable inputs, --report-file, the job summary, rule
 * settings and --max-warnings, the tally, --list-rules, SARIF, -q / --verbose.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFile, formatSnippet } from '../src/cli/reporters/pretty.js';
import { progressLine } from '../src/cli/progress.js';
import type { TaskResult } from '../src/cli/task.js';
import { suggestCommand } from '../src/cli/suggest.js';
import { displayWidth } from '../src/cli/term.js';
import * as api from '../src/index.js';
import { bin, built, cli } from './helpers/cli.js';
import { parsedSeed, seedDir, seedNames } from './helpers/seeds.js';

let tmp: string;
let tree: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plan-parse-rep2-'));
  tree = path.join(tmp, 'tree');
  mkdirSync(tree);
  copyFileSync(path.join(seedDir, seedNames[0]), path.join(tree, 'a.txt')); // clean
  copyFileSync(path.join(seedDir, seedNames[4]), path.join(tree, 'b.txt')); // quality warnings (missing-completion)
  copyFileSync(path.join(seedDir, seedNames[1]), path.join(tree, 'c.txt')); // parser warnings too
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface JsonReport {
  files: { path: string; status: string; passed: boolean; errors: number; warnings: number; diagnostics: { code: string; severity: string }[] }[];
  summary: { files: number; errors: number; warnings: number; rules: Record<string, { errors: number; warnings: number }> };
}

describe.skipIf(!built)('json and github reporters list every input', { timeout: 60_000 }, () => {
  it('json: a missing path is a file entry (io-error); warnings are "warnings", --strict makes them "failed"', () => {
    const run = cli(['validate', 'a.txt', 'b.txt', 'missing.txt', '-r', 'json'], { cwd: tree });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath['missing.txt'].status).toBe('io-error');
    expect(byPath['missing.txt'].diagnostics[0].code).toBe('read-error');
    expect(byPath['a.txt'].status).toBe('ok');
    expect(byPath['b.txt'].status).toBe('warnings');
    expect(byPath['b.txt'].passed).toBe(true);
    expect(report.summary.files).toBe(3);
    const strict = JSON.parse(cli(['validate', 'b.txt', '-r', 'json', '--strict'], { cwd: tree }).stdout) as JsonReport;
    expect(strict.files[0].status).toBe('failed');
    expect(strict.files[0].passed).toBe(false);
  });

  it('json: a run whose only input is missing still writes the report, with that input in it', () => {
    const run = cli(['validate', 'missing.txt', '-r', 'json'], { cwd: tree });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => [f.path, f.status])).toEqual([['missing.txt', 'io-error']]);
  });

  it('github: a missing input gets an annotation on its path', () => {
    const run = cli(['validate', 'a.txt', 'missing.txt', '-r', 'github'], { cwd: tree });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error file=missing\.txt,title=plan-parse read-error::missing\.txt: no such file or directory$/m);
  });

  it('--report-file: the report goes to its own file, stderr stays human, stdout keeps the data', () => {
    const report = path.join(tmp, 'report.json');
    const run = cli([tree, '-r', 'json', '--report-file', report]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    expect(parsed.files).toHaveLength(3);
    expect(run.stderr).toMatch(/^⚠ 3 files/m);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).source.path)).toEqual([`${tree}/a.txt`, `${tree}/b.txt`, `${tree}/c.txt`]);
    // Without --report-file, a machine report on stderr is not followed by the human summary.
    const plain = cli([tree, '-r', 'json']);
    expect(() => JSON.parse(plain.stderr)).not.toThrow();
  });

  it('SARIF 2.1.0: results with rule ids, levels and regions; the rules listed', () => {
    const run = cli(['validate', tree, '-r', 'sarif']);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [only] = sarif.runs;
    expect(only.tool.driver.name).toBe('plan-parse');
    expect(only.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('missing-completion');
    const result = only.results.find((r: { ruleId: string }) => r.ruleId === 'missing-completion');
    expect(result.level).toBe('warning');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(`${tree}/b.txt`.replace(/^\//, '/'));
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('$GITHUB_STEP_SUMMARY gets a Markdown table of rules and files', () => {
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(summary, '');
    cli(['validate', tree, '-r', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toMatch(/^### plan-parse validate/m);
    expect(markdown).toMatch(/^\| missing-completion \| 0 \| \d+ \|$/m);
    expect(markdown).toContain(`| \`${tree}/b.txt\` | warnings |`);
  });
});

describe.skipIf(!built)('rules, tally, quiet and verbose', { timeout: 60_000 }, () => {
  it('ends with eslint\'s tally and the count per rule', () => {
    const run = cli(['validate', tree]);
    expect(run.stderr).toMatch(/^⚠ \d+ problems \(0 errors, \d+ warnings\)$/m);
    expect(run.stderr).toMatch(/^ {2}missing-completion: \d+ warnings$/m);
  });

  it('--rule turns a rule off or raises it; --max-warnings fails the run', () => {
    const off = cli(['validate', 'b.txt', '--rule', 'missing-completion=off', '-r', 'json'], { cwd: tree });
    expect((JSON.parse(off.stdout) as JsonReport).files[0].diagnostics.some((d) => d.code === 'missing-completion')).toBe(false);
    const raised = cli(['validate', 'b.txt', '--rule', 'missing-completion=error', '-q'], { cwd: tree });
    expect(raised.code).toBe(1);
    expect(raised.stderr).toMatch(/error +report entry/);
    const limited = cli(['validate', 'b.txt', '--max-warnings', '0', '-q'], { cwd: tree });
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/too many warnings \(\d+, at most 0 allowed by --max-warnings\)/);
    expect(cli(['validate', 'a.txt', '--max-warnings', '0', '-q'], { cwd: tree }).code).toBe(0);
  });

  it('plan-parse.config.json and package.json "plan-parse" set rules too; the command line wins', () => {
    const dir = path.join(tmp, 'configured');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(tree, 'b.txt'), path.join(dir, 'b.txt'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', 'plan-parse': { rules: { 'missing-completion': 'off' } } }));
    expect(cli(['validate', 'b.txt', '-r', 'json'], { cwd: dir }).stdout).not.toMatch(/missing-completion/);
    writeFileSync(path.join(dir, 'plan-parse.config.json'), JSON.stringify({ rules: { 'missing-completion': 'error' }, maxWarnings: 1000 }));
    expect(cli(['validate', 'b.txt', '-q'], { cwd: dir }).code).toBe(1);
    expect(cli(['validate', 'b.txt', '-q', '--rule', 'missing-completion=warn'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'plan-parse.config.json'), '{ "rules": { "x": "loud" } }');
    const bad = cli(['validate', 'b.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/plan-parse\.config\.json: rule x: "loud" is not a rule setting/);
  });

  it('--list-rules, and validate --help lists the rules and examples', () => {
    const list = cli(['validate', '--list-rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^missing-kpi-table +error +a mid-term/m);
    const help = cli(['validate', '--help']);
    expect(help.stdout).toMatch(/Rules \(turn off/);
    expect(help.stdout).toMatch(/kpi-target-count/);
    expect(help.stdout).toMatch(/Examples:/);
    expect(cli(['kpis', '--help']).stdout).toMatch(/Examples:\n {2}plan-parse kpis/);
  });

  it('-q means errors only everywhere (validate too) and says so in --help; --verbose adds info', () => {
    const quiet = cli(['validate', tree, '-q']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(cli(['--help']).stdout).toMatch(/-q, --quiet +only what fails the run/);
    const verbose = cli(['validate', path.join(seedDir, seedNames[1]), '--verbose']);
    expect(verbose.stderr).toMatch(/ info {4}/);
    const plain = cli(['validate', path.join(seedDir, seedNames[1])]);
    expect(plain.stderr).not.toMatch(/ info {4}/);
  });

  it('parse mode: a summary with warnings says where to see them; --verbose prints them', () => {
    const run = cli([tree, '-o', path.join(tmp, 'o1')]);
    expect(run.stderr).toMatch(/1 with warnings \(shown by plan-parse validate, or --verbose\)/);
    const verbose = cli([tree, '-o', path.join(tmp, 'o2'), '--verbose']);
    expect(verbose.stderr).toMatch(/c\.txt:\d+:\d+: warning: /);
  });

  it('kpis -f ndjson prints the summary once; kpis -f json --pretty gives typed, indented values', () => {
    const ndjson = cli(['kpis', path.join(seedDir, seedNames[0]), '-f', 'ndjson']);
    expect(ndjson.stderr.match(/1 file: 1 ok/g)).toHaveLength(1);
    const first = JSON.parse(ndjson.stdout.split('\n')[0]);
    expect(first).toMatchObject({ year: 108, gregorian_year: 2019, value: 500, unit: null, common: false, line: 61 });
    const pretty = cli(['kpis', path.join(seedDir, seedNames[0]), '-f', 'json', '--pretty', '-q']);
    expect(pretty.stdout).toMatch(/^\[\n\{\n {2}"agency"/);
    expect(JSON.parse(pretty.stdout)[0].value).toBe(500);
  });

  it('a file with no plan in it gets a no-document warning', () => {
    const dir = path.join(tmp, 'readme');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'README.txt'), 'hello\n');
    const run = cli(['validate', 'README.txt', '-r', 'json'], { cwd: dir });
    expect((JSON.parse(run.stdout) as JsonReport).files[0].diagnostics.map((d) => d.code)).toContain('no-document');
  });

  it('a mistyped command is suggested when no such path exists', () => {
    const run = cli(['valdate', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/valdate: no such file or directory \(did you mean plan-parse validate\?\)/);
    expect(cli(['help']).stderr).toMatch(/did you mean plan-parse --help\?/);
    expect(suggestCommand('kpi')).toBe(' (did you mean plan-parse kpis?)');
    expect(suggestCommand('plans/a.txt')).toBe('');
    expect(suggestCommand('banana')).toBe('');
  });

  it('--color wins over NO_COLOR, and the last of --color / --no-color wins', () => {
    const missing = ['validate', 'missing.txt'];
    expect(cli([...missing, '--color'], { env: { NO_COLOR: '1' } }).stderr).toContain('\x1b[');
    expect(cli([...missing, '--no-color', '--color'], { env: { NO_COLOR: '1' } }).stderr).toContain('\x1b[');
    expect(cli([...missing, '--color', '--no-color'], { env: { FORCE_COLOR: '1' } }).stderr).not.toContain('\x1b[');
  });

  it('plan-parse --help | head -1 ends quietly (no EPIPE stack trace)', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --help | head -c 5 >/dev/null; sleep 0.2`], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('terminal output fits the terminal', () => {
  const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  it('the progress line never reaches the last column, down to 20 columns', () => {
    for (const columns of [20, 40, 61, 62, 80, 200]) {
      const line = strip(progressLine(0.5, 132, 300, 1.2, '0:42', columns));
      expect(displayWidth(line)).toBeLessThan(columns);
    }
  });

  it('a snippet is clipped to the terminal width, caret kept under its character', () => {
    const text = `${'一'.repeat(100)}錯${'二'.repeat(100)}`;
    const [source, caret] = formatSnippet(12, { text, caret: 100, clippedLeft: false, clippedRight: false }, 'warning', 60).map(strip);
    expect(displayWidth(source)).toBeLessThan(60);
    const at = displayWidth(caret.slice(0, caret.indexOf('^')));
    // the character above the caret is 錯
    let width = 0;
    let above = '';
    for (const char of source) {
      if (width === at) above = char;
      width += displayWidth(char);
    }
    expect(above).toBe('錯');
  });

  it('the pretty reporter takes 200,000 warnings in one file (no Math.max spread)', () => {
    const diagnostics = Array.from({ length: 200_000 }, (_, i) => ({
      severity: 'warning' as const,
      code: 'kpi-row-uncertain',
      message: 'row',
      position: { start: { line: i + 1, column: 1, offset: i }, end: { line: i + 1, column: 2, offset: i + 1 } },
    }));
    const result: TaskResult = { index: 0, path: 'big.txt', bytes: 1, status: 'ok', diagnostics, errors: 0, warnings: diagnostics.length };
    expect(formatFile(result).split('\n').length).toBeGreaterThan(200_000);
  });
});

describe('library API', () => {
  it('exports the quality rules with their ids and severities', () => {
    expect(api.RULES.map((rule) => rule.id)).toContain('missing-kpi-table');
    const found = api.checkQuality(parsedSeed(seedNames[4]));
    expect(found.some((d) => d.code === 'missing-completion')).toBe(true);
  });

  it('parse(null) returns an error result instead of throwing', () => {
    const result = api.parse(null as unknown as string);
    expect(result.documents).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', code: 'invalid-argument' });
    expect(api.validateResult(result)).toEqual([]);
  });
});
