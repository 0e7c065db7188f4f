/**
 * Issue #6 — write failures that cannot be produced for real in a test
 * (full disk, read-only file system, a signal while a temp file is open) are
 * injected by wrapping node:fs.  Each must leave no temp file behind and
 * surface a clear message with the system code.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/** Which fs call to break next, and how. */
const inject: { call: string | null; code: string; during?: () => void } = { call: null, code: '' };

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const wrap = <F extends (...args: never[]) => unknown>(name: string, fn: F): F =>
    ((...args: Parameters<F>) => {
      if (inject.call === name) {
        inject.during?.();
        if (inject.code) {
          const error = new Error(`${inject.code}: injected failure, ${name}`) as NodeJS.ErrnoException;
          error.code = inject.code;
          throw error;
        }
      }
      return fn(...args);
    }) as F;
  return {
    ...real,
    default: real,
    writeSync: wrap('writeSync', real.writeSync),
    fsyncSync: wrap('fsyncSync', real.fsyncSync),
    renameSync: wrap('renameSync', real.renameSync),
    mkdirSync: wrap('mkdirSync', real.mkdirSync),
    openSync: wrap('openSync', real.openSync),
  };
});

const { writeFileAtomic, removePendingTemps, pendingTempFiles } = await import('../src/io/output.js');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-parse-ioerr-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  inject.call = null;
  inject.code = '';
  inject.during = undefined;
});

function failure(fn: () => void): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error('expected writeFileAtomic to fail');
}

describe('writeFileAtomic under injected failures', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['writeSync', 'ENOSPC', /no space left|disk full/],
    ['fsyncSync', 'EIO', /flushing|EIO/],
    ['openSync', 'EROFS', /read-only file system/],
    ['openSync', 'EACCES', /permission denied/],
    ['mkdirSync', 'EROFS', /read-only/],
    ['renameSync', 'EXDEV', /renaming|EXDEV/],
    ['writeSync', 'EDQUOT', /quota/],
  ];
  for (const [call, code, message] of cases) {
    it(`${call} fails with ${code}: clear message, code kept, old content intact, no temp file`, () => {
      const sub = join(dir, `${call}-${code}`);
      const target = join(sub, 'plan.txt.json');
      if (call !== 'mkdirSync') writeFileAtomic(target, 'old\n');
      inject.call = call;
      inject.code = code;
      const error = failure(() => writeFileAtomic(target, 'new content\n'));
      inject.call = null;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(target);
      expect(pendingTempFiles()).toEqual([]);
      if (call !== 'mkdirSync') {
        expect(readFileSync(target, 'utf8')).toBe('old\n');
        expect(readdirSync(sub)).toEqual(['plan.txt.json']);
      } else {
        expect(existsSync(target)).toBe(false);
      }
    });
  }

  it('a temp file in flight is tracked and removePendingTemps deletes it (what the signal handler does)', () => {
    const target = join(dir, 'inflight', 'plan.txt.json');
    let seen: string[] = [];
    inject.call = 'fsyncSync';
    inject.during = () => {
      seen = pendingTempFiles();
      expect(seen).toHaveLength(1);
      expect(existsSync(seen[0])).toBe(true);
      expect(seen[0]).toMatch(/\/\.plan\.txt\.json\.\d+\.[0-9a-f]+\.tmp$/);
      removePendingTemps();
    };
    // The handler removed the temp file, so the rename fails; the write reports it, nothing is left.
    const error = failure(() => writeFileAtomic(target, 'x'));
    expect(error.code).toBe('ENOENT');
    expect(existsSync(seen[0])).toBe(false);
    expect(readdirSync(join(dir, 'inflight'))).toEqual([]);
    expect(pendingTempFiles()).toEqual([]);
  });
});
