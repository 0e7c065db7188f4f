/**
 * Issue #6 — end to end: the real CLI (bin/plan-parse.js, built into dist/)
 * interrupted with SIGTERM / SIGINT in the middle of a run over many files
 * exits 143 / 130 and leaves only whole .json files and no temp files; an
 * output path that escapes -o through a symlink is refused; a read-only or
 * blocked output folder is an I/O error (exit 2).  Skipped when dist/ has
 * not been built (`npm test` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from './helpers/files.js';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/plan-parse.js');
const BUILT = existsSync(join(ROOT, 'dist/cli/main.js')) && existsSync(BIN);
const SEED = join(ROOT, 'fixtures/seeds/002_518a493018a85667.txt');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-parse-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function interruptCli(signal: 'SIGTERM' | 'SIGINT', jobs: number): Promise<{ status: string | number | null; files: string[]; out: string; stderr: string }> {
  const input = join(dir, `in-${signal}-${jobs}`);
  const out = join(dir, `out-${signal}-${jobs}`);
  // Enough work that the run is still going when the signal arrives: 120 copies of the largest seed in nested folders.
  for (let i = 0; i < 120; i++) {
    const sub = join(input, `d${i % 6}`);
    mkdirSync(sub, { recursive: true });
    copyFileSync(SEED, join(sub, `plan-${i}.txt`));
  }
  const child = spawn(process.execPath, [BIN, input, '-o', out, '--quiet', '--jobs', String(jobs)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Killed by the signal itself (re-raised after clean-up), so a shell loop around plan-parse stops too.
  const exited = new Promise<string | number | null>((resolve) => child.on('exit', (code, killed) => resolve(killed ?? code)));
  // Wait until some output exists, then interrupt.
  const started = Date.now();
  while (walk(out).filter((f) => f.endsWith('.json')).length < 3) {
    if (Date.now() - started > 30_000) throw new Error(`no output after 30 s: ${stderr}`);
    if (child.exitCode !== null) throw new Error(`the CLI finished before it could be interrupted (${child.exitCode}): ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill(signal);
  const status = await exited;
  return { status, files: walk(out), out, stderr };
}

function expectWholeOutputs(out: string, files: string[]): void {
  expect(files.filter((f) => !f.endsWith('.json'))).toEqual([]); // no .tmp or anything else
  expect(files.length).toBeLessThan(120); // it really was interrupted
  for (const file of files) {
    const text = readFileSync(join(out, file), 'utf8');
    expect(text.endsWith('\n'), file).toBe(true);
    expect(() => JSON.parse(text), file).not.toThrow();
  }
}

describe.skipIf(!BUILT)('CLI: interrupted and unsafe runs', () => {
  it('SIGTERM mid-run (worker pool): dies of SIGTERM, only whole .json files, no temp files', async () => {
    const { status, files, out } = await interruptCli('SIGTERM', 2);
    expect(status).toBe('SIGTERM');
    expectWholeOutputs(out, files);
  }, 60_000);

  it('SIGINT mid-run (worker pool): dies of SIGINT, only whole .json files, no temp files', async () => {
    const { status, files, out, stderr } = await interruptCli('SIGINT', 2);
    expect(status).toBe('SIGINT');
    // What was written before the interrupt, on stderr.
    expect(stderr).toMatch(new RegExp(`interrupted: ${files.length} of 120 written`));
    expectWholeOutputs(out, files);
  }, 60_000);

  it('SIGTERM mid-run (--jobs 1, main thread): dies of SIGTERM, only whole .json files, no temp files', async () => {
    // The main-thread loop must yield to the event loop between files, or the signal is only seen after the last one.
    const { status, files, out } = await interruptCli('SIGTERM', 1);
    expect(status).toBe('SIGTERM');
    expectWholeOutputs(out, files);
  }, 60_000);

  it('an output folder holding a symlink that points outside is not written through', () => {
    const input = join(dir, 'in-link');
    const out = join(dir, 'out-link');
    const outside = join(dir, 'outside');
    mkdirSync(join(input, 'sub'), { recursive: true });
    mkdirSync(out, { recursive: true });
    mkdirSync(outside, { recursive: true });
    copyFileSync(SEED, join(input, 'sub', 'plan.txt'));
    copyFileSync(SEED, join(input, 'top.txt'));
    symlinkSync(outside, join(out, 'sub'));
    const run = spawnSync(process.execPath, [BIN, input, '-o', out, '--quiet'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/symbolic link|outside/);
    expect(readdirSync(outside)).toEqual([]);
    // The other file of the run is still written.
    expect(existsSync(join(out, 'top.txt.json'))).toBe(true);
  }, 30_000);

  it('an output folder that cannot be created (a file is in the way): exit 2 with a clear message', () => {
    const input = join(dir, 'in-blocked');
    mkdirSync(input, { recursive: true });
    copyFileSync(SEED, join(input, 'plan.txt'));
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'x');
    const run = spawnSync(process.execPath, [BIN, input, '-o', join(blocker, 'out'), '--quiet'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a folder|ENOTDIR|not a directory/i);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);

  it('bad inputs in a folder: each reported, the good file still written, exit non-zero', () => {
    const input = join(dir, 'in-mixed');
    const out = join(dir, 'out-mixed');
    mkdirSync(input, { recursive: true });
    copyFileSync(SEED, join(input, 'good.txt'));
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'scan.pdf'), '%PDF-1.7\n1 0 obj\n');
    writeFileSync(join(input, 'blob.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 8, 7, 0]));
    const run = spawnSync(process.execPath, [BIN, input, join(dir, 'missing.txt'), '-o', out], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/empty/);
    expect(run.stderr).toMatch(/PDF/);
    expect(run.stderr).toMatch(/binary/);
    expect(run.stderr).toMatch(/missing\.txt/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'good.txt.json'))).toBe(true);
    expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});
