/**
 * Batches: the worker pool gives the same bytes, in input order, whatever
 * --jobs is; a bad file in the middle changes nothing for the others.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/cli/batch.js';
import type { RunConfig, TaskResult } from '../src/cli/task.js';
import { root, seedDir, seedNames } from './helpers/seeds.js';

const bin = path.join(root, 'bin/plan-parse.js');
const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
const names: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-parse-batch-'));
  // 40 files of mixed sizes (the small seeds, several copies), a bad one in the middle.
  const small = [seedNames[0], seedNames[3]].map((name) => readFileSync(path.join(seedDir, name)));
  for (let i = 0; i < 40; i++) {
    const name = `f${String(i).padStart(2, '0')}.txt`;
    mkdirSync(path.join(dir, 'in', `g${i % 3}`), { recursive: true });
    writeFileSync(path.join(dir, 'in', `g${i % 3}`, name), i === 17 ? Buffer.alloc(0) : small[i % 2]);
    names.push(`g${i % 3}/${name}`);
  }
  names.sort();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('worker pool', { timeout: 30_000 }, () => {
  it('NDJSON is identical and in input order for --jobs 1, 2 and 4; the bad file is skipped and reported', async () => {
    const input = path.join(dir, 'in');
    const [one, two, four] = await Promise.all([run([input, '-j', '1', '-q']), run([input, '-j', '2', '-q']), run([input, '-j', '4', '-q'])]);
    for (const r of [one, two, four]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/f17\.txt: error: .*empty/);
    }
    expect(two.stdout).toBe(one.stdout);
    expect(four.stdout).toBe(one.stdout);
    const paths = one.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).source.path);
    expect(paths).toEqual(names.filter((n) => !n.endsWith('f17.txt')).map((n) => `${input}/${n}`));
  });

  it('-o writes the same files whatever --jobs is', async () => {
    const input = path.join(dir, 'in');
    const [a, b] = await Promise.all([run([input, '-o', path.join(dir, 'o1'), '-j', '1', '-q']), run([input, '-o', path.join(dir, 'o3'), '-j', '3', '-q'])]);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    for (const group of ['g0', 'g1', 'g2']) {
      const listed = readdirSync(path.join(dir, 'o1', group)).sort();
      expect(readdirSync(path.join(dir, 'o3', group)).sort()).toEqual(listed);
      for (const file of listed) expect(readFileSync(path.join(dir, 'o3', group, file), 'utf8')).toBe(readFileSync(path.join(dir, 'o1', group, file), 'utf8'));
    }
    expect(readdirSync(path.join(dir, 'o1', 'g2'))).not.toContain('f17.txt.json');
  });
});

describe('runBatch in the main thread', { timeout: 30_000 }, () => {
  it('delivers in order and waits for an async deliver before the next', async () => {
    const config: RunConfig = { mode: 'parse', convert: true, maxBytes: 1 << 26, json: true, pretty: false, quality: false, snippets: false, csv: null, csvAsJson: false };
    const tasks = seedNames.slice(0, 3).map((name, index) => ({ index, path: path.join(seedDir, name), display: name }));
    const seen: string[] = [];
    let busy = false;
    await runBatch(tasks, config, { jobs: 1 }, async (result: TaskResult) => {
      expect(busy).toBe(false);
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(result.path);
      expect(result.status).toBe('ok');
      expect(Buffer.concat(result.json!).toString('utf8')).toMatch(/^\{"diagnostics":/);
      busy = false;
    });
    expect(seen).toEqual(seedNames.slice(0, 3));
  });

  it('a missing file is an io-error result, not a throw', async () => {
    const config: RunConfig = { mode: 'parse', convert: true, maxBytes: 1 << 26, json: true, pretty: false, quality: false, snippets: false, csv: null, csvAsJson: false };
    const results: TaskResult[] = [];
    await runBatch([{ index: 0, path: path.join(dir, 'missing.txt'), display: 'missing.txt' }], config, { jobs: 4 }, (r) => {
      results.push(r);
    });
    expect(results[0]).toMatchObject({ status: 'io-error', errors: 1 });
    expect(results[0].diagnostics[0].message).toMatch(/no such file/);
  });
});
