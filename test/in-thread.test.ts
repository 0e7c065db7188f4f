/**
 * Which files a batch may parse in the main thread and still honour
 * `--timeout` and `--max-memory` (src/cli/batch.ts `withinBudget`): text files
 * too small to reach either bound; never a PDF or a DOCX/ODT package.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IN_THREAD_MAX_BYTES, SAFE_BYTES_PER_SECOND, withinBudget } from '../src/cli/batch.js';

const small = 'fixtures/seeds/000_41429686ef6f927b.txt'; // 11 KB
const medium = 'fixtures/seeds/001_fcb2d661580278da.txt'; // 50 KB
const task = (path: string, bytes?: Uint8Array) => ({ index: 0, path, display: path, bytes });

describe('withinBudget', () => {
  it('a small text file at the default budgets runs in the main thread', () => {
    expect(withinBudget(task(small), { timeout: 60, maxMemoryMb: 2048 })).toBe(true);
    expect(withinBudget(task(medium), { timeout: 60, maxMemoryMb: 2048 })).toBe(true);
  });

  it('a short --timeout sends a file to a worker once it could reach it', () => {
    const seconds = 0.4;
    expect(statSync(small).size).toBeLessThan(seconds * SAFE_BYTES_PER_SECOND);
    expect(statSync(medium).size).toBeGreaterThan(seconds * SAFE_BYTES_PER_SECOND);
    expect(withinBudget(task(small), { timeout: seconds })).toBe(true);
    expect(withinBudget(task(medium), { timeout: seconds })).toBe(false);
  });

  it('a small --max-memory does too', () => {
    expect(withinBudget(task(medium), { timeout: 0, maxMemoryMb: 16 })).toBe(true);
    expect(withinBudget(task(medium), { timeout: 0, maxMemoryMb: 2 })).toBe(false);
  });

  it('no file above IN_THREAD_MAX_BYTES, whatever the budgets', () => {
    const big = new Uint8Array(IN_THREAD_MAX_BYTES + 1).fill(0x41);
    expect(withinBudget(task('stdin', big), { timeout: 0 })).toBe(false);
    expect(withinBudget(task('stdin', big.subarray(1)), { timeout: 0 })).toBe(true);
  });

  it('PDFs and DOCX/ODT packages always run in a worker, by their bytes, not their names', () => {
    for (const file of ['51_chiayi-education-108-111-kpi.pdf', '51_chiayi-education-108-111-kpi.docx', '51_chiayi-education-108-111-kpi.odt']) {
      const bytes = readFileSync(`fixtures/corpus/files/${file}`);
      expect(withinBudget(task('upload.txt', bytes.subarray(0, 64 * 1024)), { timeout: 0 })).toBe(false);
    }
    // `%PDF-` after some junk, within the first kilobyte
    const junk = new TextEncoder().encode(`${' '.repeat(500)}%PDF-1.7\n`);
    expect(withinBudget(task('upload.txt', junk), { timeout: 60 })).toBe(false);
  });

  it('an unreadable path is left to the task, which reports it', () => {
    expect(withinBudget(task('fixtures/no-such-file.txt'), { timeout: 60 })).toBe(true);
  });
});
