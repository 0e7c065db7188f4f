/**
 * Issue #16 — the scaling harness through the CLI: stress families of issue
 * #16's table, written to files at a quarter of the issue's largest size and
 * at that size, parsed by the built CLI (`-o`: read, worker, parse, validate,
 * serialize, write).  The in-process harness (scaling.test.ts) times the
 * parser alone; this one catches what only the CLI adds per byte (the worker
 * hand-over, the output written in blocks, a spilled output copied in).
 *
 * CPU time of the whole child process (worker threads included), reported by
 * a preload module at exit, less the CPU time of a run on a one-line file
 * (start-up): ratios, not absolute times, on a loaded 2-core machine.  4× the
 * size must take < 8× the CPU time (linear ≈ 4, quadratic ≈ 16).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, bin, built } from './helpers/cli.js';
import { STRESS_FAMILIES } from './helpers/stress.js';

const SIZE_RATIO = 4;
const MAX_TIME_RATIO = 8;

/**
 * Issue #16's largest size of the families timed here, in KB: those whose
 * parse at a quarter of it takes well over the CLI's start-up (the smaller
 * ones, a few KB, are timed in process by scaling.test.ts).
 */
const LARGEST_KB: Record<string, number> = {
  'many small pipe tables between paragraphs': 542,
  'Word cell-per-line rows of a single cell': 690,
  'numbered sections each with a small tab table': 1300,
  'a cell-per-line row with thousands of cells': 789,
};
/** Parse CPU time (start-up taken off) the smaller size must reach for a ratio to mean something. */
const MIN_SMALL_MS = 40;

const work = mkdtempSync(path.join(tmpdir(), 'plan-parse-scaling-cli-'));
const preload = path.join(work, 'cpu.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.PLAN_PARSE_CPU_FILE, String((u.user + u.system) / 1000)); });\n`,
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const byteLength = (input: string | Uint8Array) => (typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength);

/** CPU ms of one CLI run on `file`, and its exit code. */
function cliCpuMs(file: string): { ms: number; code: number | null } {
  const cpuFile = path.join(work, 'cpu.txt');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, bin, file, '-o', path.join(work, 'out'), '-q'], {
    env: { ...baseEnv, PLAN_PARSE_CPU_FILE: cpuFile },
    stdio: 'ignore',
    timeout: 120_000,
  });
  return { ms: Number(readFileSync(cpuFile, 'utf8')), code: run.status };
}

function median(file: string, runs: number): number {
  const times = Array.from({ length: runs }, () => cliCpuMs(file).ms).sort((a, b) => a - b);
  return times[runs >> 1];
}

describe.skipIf(!built)('scaling through the CLI: issue #16 families at ¼ and all of their largest size', () => {
  const startFile = path.join(work, 'one-line.txt');
  writeFileSync(startFile, '一、項目\n');
  let startMs: number | null = null;

  for (const family of STRESS_FAMILIES.filter((f) => LARGEST_KB[f.name] !== undefined)) {
    it(`${family.stage}: ${family.name} (${LARGEST_KB[family.name]} KB; ${SIZE_RATIO}× input → < ${MAX_TIME_RATIO}× CPU time)`, () => {
      startMs ??= median(startFile, 3);
      const unitBytes = byteLength(family.make(family.n));
      const n = Math.max(1, Math.round((family.n * LARGEST_KB[family.name] * 1024) / unitBytes / SIZE_RATIO));
      const small = path.join(work, `${family.stage}-small.txt`);
      const large = path.join(work, `${family.stage}-large.txt`);
      writeFileSync(small, family.make(n));
      writeFileSync(large, family.make(SIZE_RATIO * n));
      // Both parse cleanly (exit 0: ok or warnings only).
      expect(cliCpuMs(large).code).toBe(0);
      const measure = () => {
        const smallMs = median(small, 3) - startMs!;
        const largeMs = median(large, 3) - startMs!;
        return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 1) };
      };
      let measured = measure();
      // One descheduled run must not fail the suite: measure once more before failing.
      if (measured.ratio >= MAX_TIME_RATIO) measured = measure();
      const { smallMs, largeMs, ratio } = measured;
      expect(smallMs, 'the smaller size must take measurable CPU time past start-up').toBeGreaterThan(MIN_SMALL_MS);
      console.log(`${family.name}: start-up ${startMs!.toFixed(0)} ms; +${smallMs.toFixed(0)} / +${largeMs.toFixed(0)} ms CPU (×${ratio.toFixed(1)})`);
      expect(ratio, `start-up ${startMs!.toFixed(0)} ms; n=${n}: +${smallMs.toFixed(0)} ms, ${SIZE_RATIO}n: +${largeMs.toFixed(0)} ms CPU (×${ratio.toFixed(1)})`).toBeLessThan(MAX_TIME_RATIO);
    }, 240_000);
  }
});
