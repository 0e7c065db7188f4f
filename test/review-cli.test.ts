/**
 * `plan-parse review` through the built command line: pages mirrored under
 * -o, the index, exit codes, files that cannot be parsed, usage errors.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IndexEntry } from '../src/review/index-page.js';
import type { ReviewModel } from '../src/review/model.js';
import { cli as runCli, type Run } from './helpers/cli.js';
import { seedBytes } from './helpers/seeds.js';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function temp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-parse-review-cli-'));
  temps.push(dir);
  return dir;
}

function cli(args: string[], cwd: string): Run {
  return runCli(args, { cwd });
}

function embedded<T>(html: string, id: string): T {
  const match = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]) as T;
}

describe('plan-parse review', () => {
  it('writes a page per input, mirroring folders, and an index linking them', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'in/reports'), { recursive: true });
    writeFileSync(path.join(dir, 'in/000.txt'), seedBytes('000_41429686ef6f927b.txt'));
    writeFileSync(path.join(dir, 'in/reports/004.txt'), seedBytes('004_68055337084019e7.txt'));
    const run = cli(['review', 'in', '-o', 'out', '--jobs', '2'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/2 files: 1 ok, 1 with warnings, 0 with errors .* → 2 pages and index\.html in out/);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['000.txt.html', 'index.html', 'reports']);

    const page = readFileSync(path.join(dir, 'out/reports/004.txt.html'), 'utf8');
    expect(page).toContain('<a href="../index.html">');
    const model = embedded<ReviewModel>(page, 'review-data');
    expect(model.file.path).toBe('in/reports/004.txt');
    expect(model.documents[0].reportItems).toHaveLength(353);
    // The quality rules ran: the entries without completion are flagged.
    expect(model.diagnostics.some((d) => d.code === 'missing-completion')).toBe(true);

    const index = embedded<IndexEntry[]>(readFileSync(path.join(dir, 'out/index.html'), 'utf8'), 'review-index');
    expect(index.map((e) => [e.path, e.href, e.kpis, e.reportItems])).toEqual([
      ['in/000.txt', '000.txt.html', 17, 0],
      ['in/reports/004.txt', 'reports/004.txt.html', 0, 353],
    ]);
    // The same pages whatever --jobs is.
    const again = cli(['review', 'in', '-o', 'out1', '--jobs', '1', '-q'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'out1/reports/004.txt.html'), 'utf8')).toBe(page);
  });

  it('a file that cannot be parsed gets a row without a page, and exit 1', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'plan.txt'), seedBytes('000_41429686ef6f927b.txt'));
    writeFileSync(path.join(dir, 'scan.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
    const run = cli(['review', '.', '-o', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/scan\.pdf: error: the PDF is damaged/);
    expect(existsSync(path.join(dir, 'out/plan.txt.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'out/scan.pdf.html'))).toBe(false);
    const index = embedded<IndexEntry[]>(readFileSync(path.join(dir, 'out/index.html'), 'utf8'), 'review-index');
    const failed = index.find((e) => e.path.endsWith('scan.pdf'));
    expect(failed).toMatchObject({ href: null, status: 'failed', codes: ['pdf-damaged'] });
  });

  it('a file named `index` does not replace the index', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in/index'), seedBytes('000_41429686ef6f927b.txt'));
    const run = cli(['review', 'in', '-o', 'out', '-q'], dir);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'index.page.html']);
    expect(embedded<IndexEntry[]>(readFileSync(path.join(dir, 'out/index.html'), 'utf8'), 'review-index')[0].href).toBe('index.page.html');
  });

  it('usage errors exit 2: no -o, no input, standard input', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'a.txt'), seedBytes('000_41429686ef6f927b.txt'));
    const noOut = cli(['review', 'a.txt'], dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('review needs an output folder');
    expect(cli(['review', '-o', 'out'], dir).code).toBe(2);
    const stdin = cli(['review', '-', '-o', 'out'], dir);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('not standard input');
    const missing = cli(['review', 'nope.txt', '-o', 'out'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt: no such file or directory');
    expect(existsSync(path.join(dir, 'out/a.txt.html'))).toBe(false);
  });

  it('--strict fails on warnings; --reporter reports them on stderr', () => {
    const dir = temp();
    writeFileSync(path.join(dir, '004.txt'), seedBytes('004_68055337084019e7.txt'));
    expect(cli(['review', '004.txt', '-o', 'out', '-q'], dir).code).toBe(0);
    expect(cli(['review', '004.txt', '-o', 'out', '-q', '--strict'], dir).code).toBe(1);
    const github = cli(['review', '004.txt', '-o', 'out', '-q', '--reporter', 'github'], dir);
    expect(github.stdout).toBe('');
    expect(github.stderr).toContain('::warning file=004.txt,line=148');
  });
});
