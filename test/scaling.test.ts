/**
 * Issue #16 — the scaling harness: every stress family (test/helpers/stress.ts,
 * one or more per stage) is parsed at a size and at 4× that size, in process,
 * and the CPU time of the larger must stay near 4× the smaller.
 *
 * CPU time (process.cpuUsage), medians of three runs after a warm-up, and a
 * smaller size grown until it takes a measurable time: a loaded 2-core
 * machine shifts both sizes alike, so the ratio holds where absolute times do
 * not.  Linear work gives ≈ 4; the bound is 8 (a quadratic stage gives ≈ 16,
 * a cubic one ≈ 64).  A family over the bound is measured once more before it
 * fails, so one descheduled run cannot fail the suite.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { validateResult } from '../src/validate.js';
import { STRESS_FAMILIES, type StressFamily } from './helpers/stress.js';

const SIZE_RATIO = 4;
const MAX_TIME_RATIO = 8;
/** The smaller size is doubled until one parse takes at least this much CPU. */
const MIN_SMALL_MS = 10;
/** Per test: a loaded 2-core machine may take many times the quiet-machine time. */
const TIMEOUT_MS = 120_000;
/** …but not past this many doublings. */
const MAX_DOUBLINGS = 8;

function cpuMs(input: string | Uint8Array): number {
  const start = process.cpuUsage();
  parse(input, { path: 'stress.txt' });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(input: string | Uint8Array, runs: number): number {
  const times = Array.from({ length: runs }, () => cpuMs(input)).sort((a, b) => a - b);
  return times[runs >> 1];
}

export interface Growth {
  n: number;
  small: number;
  large: number;
  ratio: number;
}

/** CPU-time growth of a family from n to SIZE_RATIO × n. */
export function growth(family: StressFamily): Growth {
  let n = family.n;
  let small = family.make(n);
  cpuMs(small);
  for (let doublings = 0; doublings < MAX_DOUBLINGS && cpuMs(small) < MIN_SMALL_MS; doublings++) {
    n *= 2;
    small = family.make(n);
    cpuMs(small);
  }
  const large = family.make(SIZE_RATIO * n);
  const smallMs = median(small, 3);
  const largeMs = median(large, 3);
  return { n, small: smallMs, large: largeMs, ratio: largeMs / Math.max(smallMs, 1) };
}

describe('scaling: every stress family runs in time linear in its size', () => {
  for (const family of STRESS_FAMILIES) {
    it(`${family.stage}: ${family.name} (${SIZE_RATIO}× input → < ${MAX_TIME_RATIO}× CPU time)`, () => {
      let measured = growth(family);
      if (measured.ratio >= MAX_TIME_RATIO) measured = growth(family);
      const { n, small, large, ratio } = measured;
      expect(ratio, `n=${n}: ${small.toFixed(1)} ms, ${SIZE_RATIO}n: ${large.toFixed(1)} ms (×${ratio.toFixed(1)})`).toBeLessThan(MAX_TIME_RATIO);
    }, TIMEOUT_MS);
  }
});

describe('scaling: every stress family gives a schema-valid result', () => {
  for (const family of STRESS_FAMILIES) {
    it(`${family.stage}: ${family.name}`, () => {
      const result = parse(family.make(4 * family.n), { path: 'stress.txt' });
      expect(validateResult(result)).toEqual([]);
      expect(canonicalJson(result).endsWith('\n')).toBe(true);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }, TIMEOUT_MS);
  }
});

describe('scaling: the harness catches super-linear work', () => {
  // The bound must separate linear from quadratic on this machine: a loop
  // that rescans everything before each line, measured the same way.
  it('a stage that rescans its input per line grows ≥ 8× at 4× size', () => {
    let n = 400;
    const work = (lines: number) => {
      const start = process.cpuUsage();
      let sink = 0;
      for (let i = 0; i < lines; i++) for (let k = 0; k < i; k++) sink += k & 1;
      const used = process.cpuUsage(start);
      return { ms: (used.user + used.system) / 1000, sink };
    };
    while (work(n).ms < MIN_SMALL_MS && n < 1 << 20) n *= 2;
    const small = work(n).ms;
    const large = work(SIZE_RATIO * n).ms;
    expect(large / small).toBeGreaterThan(MAX_TIME_RATIO);
  }, TIMEOUT_MS);
});
