/**
 * Issues 15 and 16 — output safety, signals, budgets and hostile trees,
 * through the built CLI.  Each test failed before the change it covers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, toCsv } from '../src/export/kpi-csv.js';
import { built, cli, start } from './helpers/cli.js';
import { walk } from './helpers/files.js';
import { seedDir, seedNames } from './helpers/seeds.js';

const seed0 = path.join(seedDir, seedNames[0]);
const seed2 = path.join(seedDir, seedNames[2]);
let tmp: string;
/** Twenty copies of seed 002 (6 MB): a parse long enough to interrupt or stop. */
let big: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plan-parse-safety-'));
  big = path.join(tmp, 'big.txt');
  writeFileSync(big, Buffer.concat(Array.from({ length: 20 }, () => readFileSync(seed2))));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (name: string): string => {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe.skipIf(!built)('kpis / items -o FILE never replace what is not a regular file', { timeout: 60_000 }, () => {
  it('a symlink is refused, left as it is, and its target untouched (exit 2)', () => {
    const dir = fresh('link');
    writeFileSync(path.join(dir, 'real.csv'), 'keep\n');
    symlinkSync('real.csv', path.join(dir, 'link.csv'));
    const run = cli(['kpis', seed0, '-o', 'link.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/link\.csv.*symbolic link/);
    expect(lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.csv'))).toBe('real.csv');
    expect(readFileSync(path.join(dir, 'real.csv'), 'utf8')).toBe('keep\n');
  });

  it('a FIFO is written through: the reader gets the CSV, the FIFO stays a FIFO', async () => {
    const dir = fresh('fifo');
    const fifo = path.join(dir, 'pipe.csv');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const reader = spawnSync('sh', ['-c', `cat "${fifo}" > "${path.join(dir, 'got.csv')}" & node "${path.join(process.cwd(), 'bin/plan-parse.js')}" kpis "${seed0}" -o "${fifo}" -q; echo $?; wait`], { encoding: 'utf8', timeout: 30_000 });
    expect(reader.stdout.trim()).toBe('0');
    expect(statSync(fifo).isFIFO()).toBe(true);
    const csv = readFileSync(path.join(dir, 'got.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^file,line,document/);
    expect(csv.split('\r\n').length).toBeGreaterThan(50);
  });

  it('a device is written through, never replaced (a full device: exit 2, still a device; a link to /dev/null: kept)', () => {
    // Device nodes of the test's own (never /dev/full itself: code that renames over it would destroy the system's).
    const dir = fresh('devices');
    const full = path.join(dir, 'full');
    if (spawnSync('mknod', [full, 'c', '1', '7']).status === 0) {
      const run = cli(['kpis', seed0, '-o', full, '-q']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/no space left/);
      expect(statSync(full).isCharacterDevice()).toBe(true);
    }
    symlinkSync('/dev/null', path.join(dir, 'null'));
    const run = cli(['kpis', seed0, '-o', path.join(dir, 'null'), '-q']);
    expect(run.code).toBe(0);
    expect(lstatSync(path.join(dir, 'null')).isSymbolicLink()).toBe(true);
  });

  it('our own stdout by name (/proc/self/fd/1, as /dev/stdout resolves) gets the data', () => {
    if (!existsSync('/proc/self/fd/1')) return;
    const out = cli(['kpis', seed0, '-o', '/proc/self/fd/1', '-q']);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\r\n')[0]).toMatch(/^file,line,document/);
  });

  it('a folder is refused before parsing', () => {
    const dir = fresh('folder-target');
    const run = cli(['items', seed0, '-o', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a folder/);
  });
});

describe.skipIf(!built)('output folders that cannot be written end at once', { timeout: 60_000 }, () => {
  it('-o /proc/x: exit 2 promptly with a clear message (no endless mkdir)', () => {
    if (!existsSync('/proc/self')) return;
    const started = Date.now();
    const run = cli([seed0, '-o', '/proc/plan-parse-x/y'], { timeout: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.stderr).toMatch(/cannot create the output folder \/proc\/plan-parse-x\/y/);
  });

  it('-o naming a file: exit 2, ✖ not ✔, nothing parsed', () => {
    const dir = fresh('afile');
    writeFileSync(path.join(dir, 'out'), 'x');
    const run = cli([seed0, '-o', path.join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a file, not a folder/);
    expect(run.stderr).not.toMatch(/✔/);
  });

  it('two inputs with one output name: refused, said, counted; the summary is ✖ and says what was written', () => {
    const dir = fresh('clash');
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    copyFileSync(seed0, path.join(dir, 'a/x.txt'));
    copyFileSync(seed0, path.join(dir, 'b/x.txt'));
    const run = cli(['a/x.txt', 'b/x.txt', '-o', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/b\/x\.txt and a\/x\.txt would both be written to .*x\.txt\.json/);
    expect(run.stderr).toMatch(/^✖ 2 files: 1 ok, 0 with warnings, 1 with errors/m);
    expect(run.stderr).toMatch(/1 written to out \(1 not written\)/);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/x.txt.json'), 'utf8')).source.path).toBe('a/x.txt');
  });

  it('standard input and a file named stdin do not overwrite each other', () => {
    const dir = fresh('stdin-clash');
    copyFileSync(seed0, path.join(dir, 'stdin'));
    const run = cli(['-', 'stdin', '-o', 'out'], { cwd: dir, input: readFileSync(seed0) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/would both be written to .*stdin\.json/);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['stdin.json']);
  });

  it('-o equal to the input folder: the inputs are read, earlier outputs beside them are not', () => {
    const dir = fresh('same');
    copyFileSync(seed0, path.join(dir, 'plan.txt'));
    expect(cli(['.', '-o', '.', '-q'], { cwd: dir }).code).toBe(0);
    const second = cli(['.', '-o', '.'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/1 file: 1 ok/);
    expect(second.stderr).toMatch(/1 earlier outputs in the input folder not read/);
    expect(readdirSync(dir).sort()).toEqual(['plan.txt', 'plan.txt.json']);
  });

  it('temp files a SIGKILLed run left are removed by the next run; a live process\'s are kept', () => {
    const dir = fresh('stale');
    const out = path.join(dir, 'out');
    mkdirSync(out);
    // pid 2^22+1 is above Linux's pid_max: no such process.
    const stale = path.join(out, `.x.txt.json.${4194305}.0123456789ab.tmp`);
    const live = path.join(out, `.y.txt.json.${process.pid}.0123456789ab.tmp`);
    writeFileSync(stale, 'half');
    writeFileSync(live, 'in flight');
    expect(cli([seed0, '-o', out, '-q']).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe.skipIf(!built)('signals and budgets', { timeout: 90_000 }, () => {
  it('Ctrl-C during a single-file -o run is not dropped: dies of SIGINT, says what was written, writes nothing', async () => {
    const out = path.join(tmp, 'sigint-one');
    const run = start([big, '-o', out]);
    // Wait until the parse is under way (the worker has started), then interrupt.
    await new Promise((resolve) => setTimeout(resolve, 900));
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.signal).toBe('SIGINT');
    expect(result.stderr).toMatch(/interrupted: 0 of 1 written/);
    expect(walk(out).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('SIGTERM during a single-file run to stdout is handled too', async () => {
    const run = start([big, '-q']);
    await new Promise((resolve) => setTimeout(resolve, 900));
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.signal).toBe('SIGTERM');
    expect(result.stdout).toBe('');
  });

  it('--timeout: the slow file is stopped with a timeout error and nothing written; the batch goes on', () => {
    const out = path.join(tmp, 'timeout');
    // One worker: the small file first (it warms the parser), then the big one, stopped past its budget (0.4 s × 6 MB / 4 MiB).
    const run = cli([seed0, big, '-o', out, '--timeout', '400ms', '--jobs', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/big\.txt: error: parsing took longer than .*\(timeout\)/);
    expect(walk(out)).toEqual([path.basename(seed0) + '.json']);
  });

  it('--max-memory: a file past the heap bound fails with out-of-memory, not a process abort', () => {
    const out = path.join(tmp, 'oom');
    // Sixty copies of seed 002 (19 MB): its decoded text alone is most of a 24 MB heap (the 6 MB file
    // parses within 18 MB since lines are built document by document).
    const huge = path.join(tmp, 'huge.txt');
    writeFileSync(huge, Buffer.concat([readFileSync(big), readFileSync(big), readFileSync(big)]));
    const run = cli([huge, seed0, '-o', out, '--max-memory', '24M', '--timeout', '0']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/huge\.txt: error: parsing needed more memory .*\(out-of-memory\)/);
    expect(walk(out)).toEqual([path.basename(seed0) + '.json']);
  });

  it('--jobs has an upper bound', () => {
    const run = cli([seed0, '--jobs', '100000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs must be at most \d+/);
  });
});

describe.skipIf(!built)('hostile trees', { timeout: 60_000 }, () => {
  it('a symlink in the folder pointing outside it is not read (a warning says so); --follow-symlinks reads it', () => {
    const dir = fresh('escape');
    mkdirSync(path.join(dir, 'uploads'));
    mkdirSync(path.join(dir, 'secret'));
    writeFileSync(path.join(dir, 'secret/credentials'), '壹、機密\n一、密碼\nhunter2\n');
    copyFileSync(seed0, path.join(dir, 'uploads/plan.txt'));
    symlinkSync('../secret/credentials', path.join(dir, 'uploads/leak.txt'));
    symlinkSync('/', path.join(dir, 'uploads/root'));
    symlinkSync('plan.txt', path.join(dir, 'uploads/inside.txt'));
    const run = cli(['uploads', '-q'], { cwd: dir });
    expect(run.stdout).not.toMatch(/hunter2/);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1); // plan.txt (inside.txt is the same file)
    const report = cli(['validate', 'uploads', '-r', 'json'], { cwd: dir });
    const files = JSON.parse(report.stdout).files as { path: string; status: string; diagnostics: { code: string; message: string }[] }[];
    const leak = files.find((f) => f.path === 'uploads/leak.txt')!;
    expect(leak.diagnostics[0].code).toBe('symlink-outside');
    expect(leak.diagnostics[0].message).toMatch(/outside the folder uploads.*--follow-symlinks/);
    expect(files.find((f) => f.path === 'uploads/root')!.diagnostics[0].code).toBe('symlink-outside');
    const followed = cli(['uploads/leak.txt', 'uploads', '--follow-symlinks', '--exclude', 'root', '-q'], { cwd: dir });
    expect(followed.stdout).toMatch(/hunter2/);
  });

  it('folder walks skip images, archives and spreadsheets with a count; PDF, DOCX and ODT are not skipped; a named file is still checked', () => {
    const dir = fresh('mixed');
    copyFileSync(seed0, path.join(dir, 'plan.txt'));
    writeFileSync(path.join(dir, 'scan.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]));
    writeFileSync(path.join(dir, 'data.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('payload.bin'), Buffer.alloc(50)]));
    writeFileSync(path.join(dir, 'sheet.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml'), Buffer.alloc(50)]));
    writeFileSync(path.join(dir, 'report.pdf'), '%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n');
    writeFileSync(path.join(dir, 'plan.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml'), Buffer.alloc(50)]));
    const run = cli(['.', '-r', 'json', '--report-file', 'report.json', '-q'], { cwd: dir });
    const files = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).files as { path: string; status: string }[];
    const status = Object.fromEntries(files.map((f) => [f.path, f.status]));
    expect(status['scan.png']).toBe('skipped');
    expect(status['data.zip']).toBe('skipped');
    expect(status['sheet.xlsx']).toBe('skipped');
    expect(status['plan.txt']).toBe('ok');
    expect(status['report.pdf']).not.toBe('skipped');
    expect(status['plan.docx']).not.toBe('skipped');
    const summary = cli(['.', '--exclude', '*.pdf', '--exclude', '*.docx', '--exclude', '*.json'], { cwd: dir });
    expect(summary.code).toBe(0);
    expect(summary.stderr).toMatch(/3 skipped \(not documents\)/);
    // Named on the command line: still checked, and it fails.
    expect(cli(['scan.png', '-q'], { cwd: dir }).code).toBe(1);
    void run;
  });

  it('--include / --exclude never drop a file named on the command line', () => {
    const dir = fresh('named');
    copyFileSync(seed0, path.join(dir, 'plan.md'));
    const run = cli(['plan.md', '--include', '*.txt', '--exclude', 'plan.md', '-q'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).source.path).toBe('plan.md');
  });

  it('a file name that is not UTF-8 (CP950 from a Windows zip) is read, shown with its bytes escaped', () => {
    const dir = fresh('cp950');
    const name = Buffer.from([0xa4, 0xa4, 0xb5, 0x7b, 0x2e, 0x74, 0x78, 0x74]); // 中程.txt in CP950
    const made = spawnSync('sh', ['-c', `cp "${seed0}" "$(printf '${dir}/\\244\\244\\265{.txt')"`]);
    if (made.status !== 0) return;
    expect(readdirSync(dir, { encoding: 'buffer' })[0].equals(name)).toBe(true);
    const out = path.join(dir, '..', 'cp950-out');
    const run = cli([dir, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/1 file: 1 ok/);
    expect(readdirSync(out)).toEqual(['%A4%A4%B5{.txt.json']);
  });

  it('file names and document text are escaped in human messages: no raw newline, ESC or leading ::', () => {
    const dir = fresh('inject');
    const evil = 'x\n::error file=a.txt::pwned\x1b[8m.txt';
    writeFileSync(path.join(dir, evil), '');
    writeFileSync(path.join(dir, 'title.txt'), '\x1b[8m隱藏\n');
    for (const args of [['validate', '.'], ['.'], ['validate', '.', '-r', 'github']]) {
      const run = cli(args, { cwd: dir });
      const all = run.stdout + run.stderr;
      expect(all).not.toContain('\x1b');
      for (const line of all.split('\n')) expect(line).not.toMatch(/^\s*::error file=a\.txt::pwned/);
    }
    const pretty = cli(['validate', '.'], { cwd: dir });
    expect(pretty.stderr).toContain('x\\n::error file=a.txt::pwned\\x1b[8m.txt');
  });
});

describe('CSV cells a spreadsheet would misread', () => {
  it('formulas get a leading quote (OWASP), plain negative numbers do not', () => {
    expect(field('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(field('+1')).toBe('+1');
    expect(field('-2+3')).toBe("'-2+3");
    expect(field('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(field('-5')).toBe('-5');
    expect(field('民政處')).toBe('民政處');
  });

  it('dates and date-like ranges are kept as text (07-31, 7/31, 1-5)', () => {
    expect(toCsv([['07-31', '7/31', '1-5', '2019/7/31', '98', '90%']])).toBe("'07-31,'7/31,'1-5,'2019/7/31,98,90%\r\n");
  });
});
