/**
 * Issue #6 — safe input and output: reading refuses folders, FIFOs and
 * oversized files; output paths never escape `-o`; writes are atomic; an
 * interrupted run (SIGINT / SIGTERM) exits 130 / 143 and leaves no temp files.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from './helpers/files.js';
import { outputPathFor, pendingTempFiles, writeFileAtomic } from '../src/io/output.js';
import { DEFAULT_MAX_BYTES, readInput } from '../src/io/read.js';

const ROOT = new URL('..', import.meta.url).pathname;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-parse-io-'));
});
afterAll(() => {
  try {
    chmodSync(join(dir, 'ro'), 0o755);
  } catch {
    // not created
  }
  rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): { code: string | undefined; message: string } {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error('expected an error');
}

const isRoot = process.getuid?.() === 0;

describe('readInput', () => {
  it('reads a regular file', () => {
    const path = join(dir, 'plain.txt');
    writeFileSync(path, '壹、任務\n');
    expect(Buffer.from(readInput(path, DEFAULT_MAX_BYTES)).toString('utf8')).toBe('壹、任務\n');
  });

  it('reads an empty file as zero bytes (the decoder reports empty-file)', () => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    expect(readInput(path, DEFAULT_MAX_BYTES).byteLength).toBe(0);
  });

  it('has a sensible default limit', () => {
    expect(DEFAULT_MAX_BYTES).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    expect(DEFAULT_MAX_BYTES).toBeLessThanOrEqual(1024 * 1024 * 1024);
  });

  it('refuses a missing path with ENOENT and names it', () => {
    const path = join(dir, 'missing.txt');
    const { code, message } = codeOf(() => readInput(path, DEFAULT_MAX_BYTES));
    expect(code).toBe('ENOENT');
    expect(message).toContain(path);
    expect(message).toMatch(/no such file/i);
  });

  it('refuses a directory with EISDIR', () => {
    const { code, message } = codeOf(() => readInput(dir, DEFAULT_MAX_BYTES));
    expect(code).toBe('EISDIR');
    expect(message).toContain(dir);
    expect(message).toMatch(/directory/i);
  });

  it('refuses a FIFO without blocking (not-a-file)', () => {
    const fifo = join(dir, 'pipe');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system
    const started = Date.now();
    const { code, message } = codeOf(() => readInput(fifo, DEFAULT_MAX_BYTES));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(code).toBe('not-a-file');
    expect(message).toContain(fifo);
    expect(message).toMatch(/pipe|FIFO/i);
  });

  it('refuses a character device (not-a-file)', () => {
    if (!existsSync('/dev/zero')) return;
    const { code, message } = codeOf(() => readInput('/dev/zero', DEFAULT_MAX_BYTES));
    expect(code).toBe('not-a-file');
    expect(message).toMatch(/device/);
  });

  it('refuses a file above the limit (too-large) with the size, the limit and --max-bytes', () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, Buffer.alloc(4096, 0x61));
    expect(readInput(path, 4096).byteLength).toBe(4096);
    const { code, message } = codeOf(() => readInput(path, 4095));
    expect(code).toBe('too-large');
    expect(message).toContain(path);
    expect(message).toContain('4096');
    expect(message).toContain('4095');
    expect(message).toContain('--max-bytes');
  });

  it('refuses an unreadable file with EACCES (skipped as root)', () => {
    if (isRoot) return;
    const path = join(dir, 'secret.txt');
    writeFileSync(path, 'x');
    chmodSync(path, 0o000);
    const { code, message } = codeOf(() => readInput(path, DEFAULT_MAX_BYTES));
    expect(code).toBe('EACCES');
    expect(message).toMatch(/permission denied/);
  });

  it('refuses a path through a file with ENOTDIR', () => {
    const path = join(dir, 'plain.txt', 'child.txt');
    expect(codeOf(() => readInput(path, DEFAULT_MAX_BYTES)).code).toBe('ENOTDIR');
  });
});

describe('outputPathFor', () => {
  it('mirrors the input path under the output folder with .json appended', () => {
    expect(outputPathFor('/out', '/in', '/in/a/b.txt')).toBe('/out/a/b.txt.json');
    // Relative names (root and input alike) are relative to the working directory.
    expect(outputPathFor('/out', 'plans', 'plans/a/b.txt')).toBe('/out/a/b.txt.json');
    expect(outputPathFor('out', 'plans', 'plans/x/y.md')).toBe(join(process.cwd(), 'out/x/y.md.json'));
  });

  it('a file given directly: root is its directory', () => {
    expect(outputPathFor('/out', '/in/docs', '/in/docs/plan.txt')).toBe('/out/plan.txt.json');
  });

  it('keeps CJK and unusual but safe names', () => {
    expect(outputPathFor('/out', '/in', '/in/民政處/中程 計畫 (1).txt')).toBe('/out/民政處/中程 計畫 (1).txt.json');
    expect(outputPathFor('/out', '/in', '/in/..hidden/...txt')).toBe('/out/..hidden/...txt.json');
  });

  it('rejects inputs outside the root (.. segments)', () => {
    for (const input of ['/in/../etc/passwd', '../x.txt', '/etc/passwd', '/in/a/../../b.txt']) {
      const { code, message } = codeOf(() => outputPathFor('/out', '/in', input));
      expect(code, input).toBe('unsafe-output-path');
      expect(message.length).toBeGreaterThan(10);
    }
  });

  it('rejects a NUL byte in a name', () => {
    expect(codeOf(() => outputPathFor('/out', '/in', '/in/a\0b.txt')).code).toBe('unsafe-output-path');
  });

  it('rejects a symlinked folder inside the output folder that points outside', () => {
    const out = join(dir, 'out-symlink');
    const outside = join(dir, 'outside');
    mkdirSync(out, { recursive: true });
    mkdirSync(outside, { recursive: true });
    symlinkSync(outside, join(out, 'sub'));
    const { code, message } = codeOf(() => outputPathFor(out, '/in', '/in/sub/plan.txt'));
    expect(code).toBe('unsafe-output-path');
    expect(message).toMatch(/symbolic link/);
    // Deeper, not yet existing folders below the link are caught too.
    expect(codeOf(() => outputPathFor(out, '/in', '/in/sub/new/deeper/plan.txt')).code).toBe('unsafe-output-path');
    // A sibling folder that is not a link is fine.
    expect(outputPathFor(out, '/in', '/in/other/plan.txt')).toBe(join(out, 'other/plan.txt.json'));
  });

  it('rejects an output file that is a symlink pointing outside', () => {
    const out = join(dir, 'out-filelink');
    mkdirSync(out, { recursive: true });
    symlinkSync('/etc/passwd', join(out, 'plan.txt.json'));
    expect(codeOf(() => outputPathFor(out, '/in', '/in/plan.txt')).code).toBe('unsafe-output-path');
  });

  it('accepts an output folder that is itself a symlink (the user chose it)', () => {
    const real = join(dir, 'real-out');
    mkdirSync(real, { recursive: true });
    symlinkSync(real, join(dir, 'link-out'));
    expect(outputPathFor(join(dir, 'link-out'), '/in', '/in/a/plan.txt')).toBe(join(dir, 'link-out/a/plan.txt.json'));
  });
});

describe('writeFileAtomic', () => {
  it('creates parent folders, writes the content, leaves no temp file', () => {
    const target = join(dir, 'w1', 'a', 'b', 'plan.txt.json');
    writeFileAtomic(target, '{"a":1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    expect(walk(join(dir, 'w1'))).toEqual(['a/b/plan.txt.json']);
    expect(pendingTempFiles()).toEqual([]);
  });

  it('replaces existing content whole (bytes too)', () => {
    const target = join(dir, 'w2', 'x.json');
    writeFileAtomic(target, 'old content that is longer\n');
    writeFileAtomic(target, new Uint8Array([0x6e, 0x65, 0x77, 0x0a]));
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(walk(join(dir, 'w2'))).toEqual(['x.json']);
  });

  it('a reader never sees partial content while another process rewrites the file', async () => {
    const target = join(dir, 'w3', 'x.json');
    const a = `${'a'.repeat(1 << 20)}\n`;
    const b = `${'b'.repeat(1 << 19)}\n`;
    writeFileAtomic(target, a);
    // A child rewrites the file in a tight loop; we read it concurrently.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'src/io/output.ts'))};
      const a = 'a'.repeat(1 << 20) + '\\n', b = 'b'.repeat(1 << 19) + '\\n';
      for (let i = 0; i < 60; i++) writeFileAtomic(${JSON.stringify(target)}, i % 2 ? a : b);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let reads = 0;
    let exited = false;
    void done.then(() => (exited = true));
    while (!exited) {
      const content = readFileSync(target, 'utf8');
      expect(content === a || content === b).toBe(true);
      reads++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await done).toBe(0);
    expect(reads).toBeGreaterThan(0);
    expect(walk(join(dir, 'w3'))).toEqual(['x.json']);
  }, 30_000);

  it('fails clearly when a part of the output path is a file (ENOTDIR), leaving nothing behind', () => {
    const blocker = join(dir, 'w4-file');
    writeFileSync(blocker, 'not a folder');
    const { code, message } = codeOf(() => writeFileAtomic(join(blocker, 'sub', 'x.json'), 'x'));
    expect(code).toBe('ENOTDIR');
    expect(message).toContain(blocker);
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
    expect(pendingTempFiles()).toEqual([]);
  });

  it('fails clearly when the target is a folder (EISDIR), removing its temp file', () => {
    const target = join(dir, 'w5', 'x.json');
    mkdirSync(target, { recursive: true });
    const { code, message } = codeOf(() => writeFileAtomic(target, 'x'));
    // Refused before any temp file is made: only a regular file is ever replaced (issue 15).
    expect(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'unsafe-output-path']).toContain(code);
    expect(message).toContain(target);
    expect(walk(join(dir, 'w5'))).toEqual([]);
    expect(pendingTempFiles()).toEqual([]);
  });

  it('fails clearly in a read-only folder (EACCES; skipped as root, where chmod does not bite)', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro, { recursive: true });
    chmodSync(ro, 0o555);
    try {
      writeFileSync(join(ro, 'probe'), 'x');
      return; // root: permissions are not enforced; ENOTDIR above covers the failure path
    } catch {
      // permissions are enforced
    }
    const { code, message } = codeOf(() => writeFileAtomic(join(ro, 'x.json'), 'x'));
    expect(['EACCES', 'EPERM', 'EROFS']).toContain(code);
    expect(message).toMatch(/permission denied|read-only/);
    expect(readdirSync(ro)).toEqual([]);
  });
});

describe('interrupted runs', () => {
  /**
   * A child writes files with writeFileAtomic in a loop (yielding between
   * writes so signals are delivered) after installSignalHandlers; we signal
   * it once it is busy and check its exit status and the folder.
   */
  async function interrupt(signal: 'SIGINT' | 'SIGTERM'): Promise<{ status: NodeJS.Signals | number | null; files: string[]; stderr: string }> {
    const out = join(dir, `sig-${signal}`);
    mkdirSync(out, { recursive: true });
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'src/io/output.ts'))};
      import { installSignalHandlers } from ${JSON.stringify(join(ROOT, 'src/io/signals.ts'))};
      installSignalHandlers(() => process.stderr.write('interrupted\\n'));
      const data = 'x'.repeat(1 << 18);
      let i = 0;
      const step = () => {
        writeFileAtomic(${JSON.stringify(out)} + '/f' + (i % 50) + '.json', data);
        if (++i === 5) process.stdout.write('ready\\n');
        setImmediate(step);
      };
      step();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill(signal);
    // The handler cleans up, then dies of the signal itself (re-raised), as a shell loop needs.
    const status = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, killed) => resolve(killed ?? code)));
    return { status, files: walk(out), stderr };
  }

  it('SIGINT: dies of SIGINT (re-raised), no temp files, every written file whole', async () => {
    const { status, files, stderr } = await interrupt('SIGINT');
    expect(status).toBe('SIGINT');
    expect(stderr).toContain('interrupted');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of files) expect(readFileSync(join(dir, 'sig-SIGINT', f), 'utf8').length).toBe(1 << 18);
  }, 30_000);

  it('SIGTERM: dies of SIGTERM (re-raised), no temp files', async () => {
    const { status, files } = await interrupt('SIGTERM');
    expect(status).toBe('SIGTERM');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  }, 30_000);
});
