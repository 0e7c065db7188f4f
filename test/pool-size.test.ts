/**
 * The default number of batch workers: only as many as pay for themselves
 * (src/cli/pool-size.ts); --jobs forces it.
 */
import { describe, expect, it } from 'vitest';
import { FILE_COST, PDF_WEIGHT, poolSize, WORK_PER_WORKER } from '../src/cli/pool-size.js';

const seeds = { files: 5, textBytes: 443_274, pdfBytes: 0 };

describe('poolSize', () => {
  it('runs the seeds in the main thread, on 2 cores or 64', () => {
    expect(poolSize(seeds, 2)).toBe(0);
    expect(poolSize(seeds, 64)).toBe(0);
  });

  it('never more workers than cores - 1: none on one core, one on two', () => {
    const big = { files: 500, textBytes: 44_000_000, pdfBytes: 0 };
    expect(poolSize(big, 1)).toBe(0);
    expect(poolSize(big, 2)).toBe(1);
    expect(poolSize(big, 4)).toBe(3);
  });

  it('one worker per WORK_PER_WORKER of work, so a 10× seed corpus gets one or two, not one per core', () => {
    const x10 = { files: 50, textBytes: 4_432_740, pdfBytes: 0 };
    const units = x10.textBytes + x10.files * FILE_COST;
    expect(poolSize(x10, 16)).toBe(Math.floor(units / WORK_PER_WORKER));
    expect(poolSize(x10, 16)).toBeLessThanOrEqual(2);
  });

  it('many small files count for their per-file cost', () => {
    const many = { files: 1000, textBytes: 13_350_000, pdfBytes: 0 };
    expect(poolSize(many, 8)).toBe(Math.min(7, Math.floor((many.textBytes + many.files * FILE_COST) / WORK_PER_WORKER)));
  });

  it('PDF bytes weigh more than text bytes', () => {
    const pdfs = { files: 20, textBytes: 0, pdfBytes: 3_000_000 };
    expect(poolSize(pdfs, 8)).toBe(Math.floor((pdfs.pdfBytes * PDF_WEIGHT + pdfs.files * FILE_COST) / WORK_PER_WORKER));
    expect(poolSize({ ...pdfs, textBytes: 3_000_000, pdfBytes: 0 }, 8)).toBe(0);
  });

  it('never more workers than files; one file always in the main thread', () => {
    expect(poolSize({ files: 2, textBytes: 200_000_000, pdfBytes: 0 }, 16)).toBe(2);
    expect(poolSize({ files: 1, textBytes: 60_000_000, pdfBytes: 0 }, 16)).toBe(0);
  });

  it('--jobs forces the number (capped by the files), --jobs 1 runs in the main thread', () => {
    expect(poolSize(seeds, 2, 4)).toBe(4);
    expect(poolSize(seeds, 2, 8)).toBe(5);
    expect(poolSize(seeds, 64, 1)).toBe(0);
    expect(poolSize({ ...seeds, files: 1 }, 64, 4)).toBe(0);
  });
});
