/**
 * The built command line (`node bin/plan-parse.js`, after `npm run build`),
 * spawned on the seeds and on small temp trees: output shapes, -o mirroring,
 * exit codes, stdin, reporters, filters.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, bin, cli, type Run } from './helpers/cli.js';
import { root, seedDir, seedNames } from './helpers/seeds.js';

/** `cli`, without blocking the event loop (so several can run at once). */
function cliAsync(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: baseEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end();
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const seed0 = path.join('fixtures/seeds', seedNames[0]);
let tmp: string;
let tree: string;

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (npm test does)');
  tmp = mkdtempSync(path.join(tmpdir(), 'plan-parse-cli-'));
  // in/a.txt, in/sub/deep/b.md, in/empty.txt, in/bin.dat, in/.hidden/x.txt, in/notes.log
  tree = path.join(tmp, 'in');
  mkdirSync(path.join(tree, 'sub/deep'), { recursive: true });
  mkdirSync(path.join(tree, '.hidden'), { recursive: true });
  writeFileSync(path.join(tree, 'a.txt'), readFileSync(path.join(seedDir, seedNames[0])));
  writeFileSync(path.join(tree, 'sub/deep/b.md'), readFileSync(path.join(seedDir, seedNames[3])));
  writeFileSync(path.join(tree, 'empty.txt'), '');
  writeFileSync(path.join(tree, 'bin.dat'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 0)]));
  writeFileSync(path.join(tree, '.hidden/x.txt'), readFileSync(path.join(seedDir, seedNames[0])));
  writeFileSync(path.join(tree, 'notes.log'), '壹、前言\n一、目的\n本計畫說明。\n');
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('plan-parse (parse)', { timeout: 30_000 }, () => {
  it('prints one canonical JSON object for one input, summary on stderr only', () => {
    const run = cli([seed0]);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(run.stdout.split('\n').length).toBe(2); // one line + trailing newline
    const result = JSON.parse(run.stdout);
    expect(result.schemaVersion).toBe('1.2.0');
    expect(result.source.path).toBe(seed0);
    expect(run.stderr).toMatch(/1 file: 1 ok/);
  });

  it('prints NDJSON in input order for several inputs, identical for --jobs 1 and --jobs 2', async () => {
    const [one, two] = await Promise.all([cliAsync(['fixtures/seeds', '--jobs', '1', '-q']), cliAsync(['fixtures/seeds', '--jobs', '2', '-q'])]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.stderr).toBe('');
    const lines = one.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(seedNames.length);
    expect(lines.map((line) => JSON.parse(line).source.path)).toEqual(seedNames.map((name) => `fixtures/seeds/${name}`));
    expect(two.stdout).toBe(one.stdout);
  });

  it('--pretty indents with two spaces and keeps the canonical order', () => {
    const compact = cli([seed0, '-q']).stdout;
    const pretty = cli([seed0, '--pretty', '-q']).stdout;
    expect(pretty).toMatch(/^\{\n  "diagnostics"/);
    expect(JSON.stringify(JSON.parse(pretty))).toBe(compact.trimEnd());
  });

  it('--format json with several inputs gives one JSON array', () => {
    const run = cli([seed0, path.join('fixtures/seeds', seedNames[3]), '--format', 'json', '-q']);
    expect(run.code).toBe(0);
    const array = JSON.parse(run.stdout);
    expect(array).toHaveLength(2);
  });

  it('-o mirrors folders: out/<path under the given folder>.json; hidden folders skipped', () => {
    const out = path.join(tmp, 'out-mirror');
    const run = cli([tree, '-o', out]);
    expect(run.code).toBe(1); // empty.txt is bad; bin.dat, a PNG met in the walk, is skipped (issue 15)
    const written = listFiles(out);
    expect(written).toEqual(['a.txt.json', 'notes.log.json', 'sub/deep/b.md.json']);
    expect(run.stderr).toMatch(/empty\.txt.*empty/);
    expect(run.stderr).toMatch(/1 skipped \(not documents\)/);
    expect(run.stderr).toMatch(/3 written/);
    const a = JSON.parse(readFileSync(path.join(out, 'a.txt.json'), 'utf8'));
    expect(a.source.path).toBe(`${tree}/a.txt`);
  });

  it('plan-parse fixtures/seeds -o out writes OUT/<file name>.json (what the scorer reads)', () => {
    const out = path.join(tmp, 'out-seeds');
    const run = cli(['fixtures/seeds', '-o', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(listFiles(out)).toEqual(seedNames.map((name) => `${name}.json`));
    // Same bytes as stdout for the same file.
    const single = cli([seed0, '-q']).stdout;
    expect(readFileSync(path.join(out, `${seedNames[0]}.json`), 'utf8')).toBe(single);
  });

  it('never reads the -o folder as input', () => {
    const work = path.join(tmp, 'self');
    mkdirSync(work, { recursive: true });
    writeFileSync(path.join(work, 'a.txt'), readFileSync(path.join(seedDir, seedNames[0])));
    expect(cli(['.', '-o', 'out', '-q'], { cwd: work }).code).toBe(0);
    expect(cli(['.', '-o', 'out', '-q'], { cwd: work }).code).toBe(0);
    expect(listFiles(path.join(work, 'out'))).toEqual(['a.txt.json']);
  });

  it('exit 2 for a missing path; the other inputs still go through', () => {
    const run = cli(['does/not/exist.txt', seed0]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does\/not\/exist\.txt: no such file or directory/);
    expect(JSON.parse(run.stdout).source.path).toBe(seed0);
  });

  it('exit 1 for an empty or binary file, with a message naming it and no output', () => {
    const empty = cli([path.join(tree, 'empty.txt')]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/empty\.txt: error: .*empty/);
    const binary = cli([path.join(tree, 'bin.dat'), path.join(tree, 'a.txt'), '-q']);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/bin\.dat: error:/);
    expect(binary.stdout.trimEnd().split('\n')).toHaveLength(1); // a.txt only
  });

  it('exit 2 for usage errors', () => {
    expect(cli([]).code).toBe(2);
    expect(cli([seed0, '--jobs', 'zero']).code).toBe(2);
    expect(cli([seed0, '--no-such-option']).code).toBe(2);
    const encoding = cli([seed0, '--encoding', 'klingon']);
    expect(encoding.code).toBe(2);
    expect(encoding.stderr).toMatch(/unknown encoding/);
  });

  it('exit 1 for a file above --max-bytes', () => {
    const run = cli([seed0, '--max-bytes', '1K']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/larger than the limit/);
  });

  it('reads standard input for -', () => {
    const run = cli(['-', '-q'], { input: readFileSync(path.join(seedDir, seedNames[0])) });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.source.path).toBe('-');
    expect(result).toEqual(JSON.parse(cli([seed0, '-q']).stdout.replace(JSON.stringify(seed0), '"-"')));
  });

  it('--include / --exclude filter the files of a folder', () => {
    const md = cli([tree, '--include', '*.md', '-q']);
    expect(md.code).toBe(0);
    expect(JSON.parse(md.stdout).source.path).toBe(`${tree}/sub/deep/b.md`);
    const rest = cli([tree, '--exclude', 'sub/', '--exclude', '*.{dat,log}', '--exclude', 'empty.*', '-q']);
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout).source.path).toBe(`${tree}/a.txt`);
    const none = cli([tree, '--include', '*.pdf']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no input files/);
  });

  it('--strict fails on warnings', () => {
    const withWarnings = path.join('fixtures/seeds', seedNames[2]);
    const plain = cli([withWarnings, '-q']);
    const parsed = JSON.parse(plain.stdout);
    const hasWarning = parsed.diagnostics.some((d: { severity: string }) => d.severity === 'warning');
    expect(plain.code).toBe(0);
    expect(cli([withWarnings, '-q', '--strict']).code).toBe(hasWarning ? 1 : 0);
  });

  it('schema prints the JSON Schema from the package, whatever the cwd', () => {
    const run = cli(['schema'], { cwd: tmp });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(root, 'schemas/plan-document.schema.json'), 'utf8'));
  });

  it('colours only stderr, and only when asked (FORCE_COLOR) or on a terminal', () => {
    const run = cli([path.join(tree, 'empty.txt'), seed0], { env: { FORCE_COLOR: '1' } });
    expect(run.stderr).toContain('\u001b[');
    expect(run.stdout).not.toContain('\u001b[');
    expect(cli([path.join(tree, 'empty.txt')]).stderr).not.toContain('\u001b[');
  });

  it('--version and --help', () => {
    const version = cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate/);
    expect(help.stdout).toMatch(/--jobs/);
  });
});

describe('plan-parse validate', { timeout: 30_000 }, () => {
  it('github reporter prints workflow annotations on stdout and exits 1 on errors', () => {
    const run = cli(['validate', tree, '--reporter', 'github', '-q']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,:]+(,line=\d+,col=\d+(,endLine=\d+|,endColumn=\d+)?)?,title=plan-parse [a-z-]+::.+$/);
    expect(lines.some((line) => line.startsWith(`::error file=${tree}/empty.txt,`))).toBe(true);
    // A PNG met in a folder walk is skipped, not failed (issue 15): no annotation.
    expect(lines.some((line) => line.startsWith(`::error file=${tree}/bin.dat,`))).toBe(false);
  });

  it('plain parse with --reporter github: annotations on stderr, data alone on stdout', () => {
    const run = cli([path.join(tree, 'empty.txt'), path.join(tree, 'a.txt'), '--reporter', 'github', '-q']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`::error file=${tree}/empty.txt,title=plan-parse empty-file::`);
    expect(JSON.parse(run.stdout.trim()).source.path).toBe(`${tree}/a.txt`);
  });

  it('json reporter prints one JSON document with every file and a summary; the seeds pass the schema', () => {
    const run = cli(['validate', 'fixtures/seeds', '--reporter', 'json', '-q']);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(seedNames.map((name) => `fixtures/seeds/${name}`));
    expect(report.summary.files).toBe(seedNames.length);
    const errors = report.files.reduce((n: number, f: { errors: number }) => n + f.errors, 0);
    expect(run.code).toBe(errors > 0 ? 1 : 0);
    for (const file of report.files) {
      expect(file.diagnostics.filter((d: { code: string }) => d.code === 'schema-invalid')).toEqual([]);
      expect(file.status).not.toBe('crashed');
      for (const d of file.diagnostics) expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('pretty reporter groups by file with line:column, the source line and a caret (stderr)', () => {
    const dir = path.join(tmp, 'quality');
    mkdirSync(dir, { recursive: true });
    // Work report: an entry without completion.
    writeFileSync(
      path.join(dir, 'report.txt'),
      ['嘉義市東區區公所109年度工作總報告', '', '類\t項\t目\t辦理情形\t完成程度\t備註', '壹、民政部門\t一、一般民政\t(一)選舉業務\t辦理里長補選。\t100%\t', '\t\t(二)調解業務\t辦理調解案件。\t\t', ''].join('\n'),
    );
    const run = cli(['validate', dir]);
    expect(run.stdout).toBe('');
    const text = run.stderr;
    expect(text).toContain(`${dir}/report.txt`);
    expect(text).toContain('missing-completion');
    const located = /^ {2}(\d+):(\d+) +(warning|error) +(.+)$/m.exec(text);
    expect(located).not.toBeNull();
    // A located diagnostic is followed by its source line and a caret under its column.
    const after = text.slice(located!.index).split('\n');
    expect(after[1]).toMatch(new RegExp(`^ +${located![1]} │ `));
    expect(after[2]).toMatch(/^ +│ *\^$/);
    expect(after[2].indexOf('^') - after[2].indexOf('│') - 2).toBe(Number(located![2]) - 1); // tabs shown as one space each
    expect(text).toMatch(/1 file/);
  });
});

describe('plan-parse kpis / items', { timeout: 30_000 }, () => {
  it('kpis --csv prints a header and one row per indicator × year; --excel adds a BOM', () => {
    const run = cli(['kpis', seed0, '--csv', '-q']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split(/\r?\n/);
    expect(lines[0]).toMatch(/indicator/);
    expect(lines.length).toBeGreaterThan(1);
    const excel = cli(['kpis', seed0, '--excel', '-q']);
    expect(excel.stdout.startsWith('\ufeff')).toBe(true);
    expect(excel.stdout.slice(1)).toBe(run.stdout);
  });

  it('items --csv prints one row per work item / report item', () => {
    const run = cli(['items', path.join('fixtures/seeds', seedNames[1]), '--csv', '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout.split(/\r\n/).length).toBeGreaterThan(2);
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}
