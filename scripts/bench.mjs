#!/usr/bin/env node
// Benchmark of the built CLI, end to end (process start to exit):
//
//   npm run bench            (builds first)
//   node scripts/bench.mjs [--quick] [--keep]
//
// Measures throughput (MB/s) and peak RSS on the seeds and on corpora of 1×,
// 10× and 100× the seed bytes (replicated seeds in a temp folder), cold start
// on one 10 KB file, --jobs 1 vs --jobs 2 on 1,000 files, a 5 MB single line
// and a file of one million blank lines (each also at half size, to show the
// time is linear).  Prints a table and writes bench/results/latest.json.
//
// Peak RSS is the process's maxRSS (worker threads included), reported by a
// small preload module through an environment variable, so no external tool
// is needed.  --quick skips the 100× corpus and uses fewer repetitions.
//
// Growth exponents (issue #16): every stress family of the scaling harness
// (test/helpers/stress.ts, loaded through tsx) parsed in this process by the
// built parser at n and 4n; exponent = log4(time(4n) / time(n)), 1 for linear,
// 2 for quadratic.  `--growth` runs this section alone; `--memory` only the
// peak RSS of one big file and of one huge table (10 and 40 MB, 3 and 13 MB).

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { leanBench } from './bench-lean.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(root, 'bin/plan-parse.js');
const seedDir = path.join(root, 'fixtures/seeds');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const growthOnly = args.includes('--growth');

const work = mkdtempSync(path.join(tmpdir(), 'plan-parse-bench-'));
const rssFile = path.join(work, 'rss.txt');
const preload = path.join(work, 'rss-preload.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => { try { writeFileSync(process.env.PLAN_PARSE_BENCH_RSS, String(process.resourceUsage().maxRSS)); } catch {} });
`,
);

const seeds = readdirSync(seedDir).filter((name) => !name.startsWith('.')).sort();
const seedBytes = seeds.reduce((sum, name) => sum + statSync(path.join(seedDir, name)).size, 0);
const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;

/** Run the CLI once; wall seconds, peak RSS (MB), exit code. */
function runCli(cliArgs, { rss = true } = {}) {
  const nodeArgs = rss ? ['--import', pathToFileURL(preload).href, bin, ...cliArgs] : [bin, ...cliArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, nodeArgs, {
    env: { ...env, PLAN_PARSE_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssMB = null;
  if (rss) {
    try {
      rssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      rmSync(rssFile);
    } catch {
      // the process died before writing it
    }
  }
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`plan-parse ${cliArgs.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 2000)}`);
  }
  return { seconds, rssMB, code: result.status };
}

function best(times, fn) {
  let top = null;
  for (let i = 0; i < times; i++) {
    const r = fn();
    if (!top || r.seconds < top.seconds) top = r;
  }
  return top;
}

function corpus(name, copies) {
  const dir = path.join(work, name);
  for (let c = 0; c < copies; c++) {
    const sub = path.join(dir, `copy${String(c).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (const seed of seeds) copyFileSync(path.join(seedDir, seed), path.join(sub, seed));
  }
  return dir;
}

/** CPU-time growth exponents of the stress families, in this process, with the built parser. */
async function growthExponents() {
  const { tsImport } = await import('tsx/esm/api');
  const { STRESS_FAMILIES } = await tsImport('../test/helpers/stress.ts', import.meta.url);
  const { parse } = await import(pathToFileURL(path.join(root, 'dist/parse.js')).href);
  const cpuMs = (input) => {
    const start = process.cpuUsage();
    parse(input);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const median = (input, runs) => Array.from({ length: runs }, () => cpuMs(input)).sort((a, b) => a - b)[runs >> 1];
  const out = [];
  for (const family of STRESS_FAMILIES) {
    let n = family.n;
    let small = family.make(n);
    cpuMs(small);
    for (let k = 0; k < 8 && cpuMs(small) < (quick ? 20 : 50); k++) small = family.make((n *= 2));
    const large = family.make(4 * n);
    const smallMs = median(small, quick ? 1 : 3);
    const largeMs = median(large, quick ? 1 : 3);
    const exponent = Math.log(largeMs / Math.max(smallMs, 0.5)) / Math.log(4);
    out.push({ stage: family.stage, name: family.name, n, kb: round(small.length / 1024, 0), smallMs: round(smallMs, 1), largeMs: round(largeMs, 1), largeKb: round(large.length / 1024, 0), exponent: round(exponent, 2) });
    process.stderr.write(`  growth ${family.stage}: ${family.name}: ${exponent.toFixed(2)}\n`);
  }
  return out;
}

function growthTable(growth) {
  const lines = ['| stage | family | n | KB | ms at n | ms at 4n | exponent |', '|:--|:--|--:|--:|--:|--:|--:|'];
  for (const g of growth) lines.push(`| ${g.stage} | ${g.name} | ${g.n} | ${g.kb} | ${g.smallMs} | ${g.largeMs} | ${g.exponent.toFixed(2)} |`);
  const worst = Math.max(0, ...growth.map((g) => g.exponent));
  lines.push('', `largest exponent ${worst.toFixed(2)} (linear: 1; 4× size in ≤ 5× time: ≤ ${(Math.log(5) / Math.log(4)).toFixed(2)})`);
  return lines.join('\n');
}

const results = { date: null, node: process.version, cpus: (() => { try { return availableParallelism(); } catch { return cpus().length; } })(), seedBytes, runs: {} };
const rows = [];
const mb = (bytes) => bytes / 1e6;
const add = (key, label, bytes, run, extra = {}) => {
  const entry = { seconds: round(run.seconds, 3), mb: round(mb(bytes), 2), mbPerSecond: bytes ? round(mb(bytes) / run.seconds, 2) : null, peakRssMB: run.rssMB === null ? null : round(run.rssMB, 1), exit: run.code, ...extra };
  results.runs[key] = entry;
  rows.push([label, entry.mb.toFixed(2), entry.seconds.toFixed(3), entry.mbPerSecond === null ? '–' : entry.mbPerSecond.toFixed(2), entry.peakRssMB === null ? '–' : entry.peakRssMB.toFixed(0)]);
  process.stderr.write(`  ${label}: ${entry.seconds.toFixed(2)} s\n`);
  return entry;
};
const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

try {
  process.stderr.write(`plan-parse bench in ${work}\n`);
  const reps = quick ? 2 : 3;
  if (args.includes('--memory')) {
    // Peak RSS per input MB on one big file and on one huge table, alone.
    const { rows: memoryRows, out } = leanBench({ root, bin, work, seedDir, quick, env, memoryOnly: true });
    process.stdout.write(`${['| run | peak RSS | time |', '|:--|--:|--:|', ...memoryRows.map((row) => `| ${row.join(' | ')} |`)].join('\n')}\ngrowth exponents (∝ size^k): ${JSON.stringify(out.growth ?? {})}\n`);
    process.exit(0);
  }
  if (growthOnly) {
    process.stdout.write(`${growthTable(await growthExponents())}\n`);
    process.exit(0);
  }

  // Seeds, as the scorer runs them.
  add('seeds', 'seeds -o (default jobs)', seedBytes, best(reps, () => runCli([seedDir, '-o', path.join(work, 'out-seeds'), '-q'])));
  add('seeds-j1', 'seeds -o --jobs 1', seedBytes, best(reps, () => runCli([seedDir, '-o', path.join(work, 'out-seeds1'), '-q', '--jobs', '1'])));

  // 1×, 10×, 100× the seed bytes, single-threaded end to end, with -o.
  const scales = quick ? [1, 10] : [1, 10, 100];
  for (const k of scales) {
    const dir = corpus(`x${k}`, k);
    const run = best(k === 100 ? 1 : reps, () => runCli([dir, '-o', path.join(work, `out-x${k}`), '-q', '--jobs', '1']));
    add(`x${k}-j1`, `${k}× seeds -o --jobs 1`, seedBytes * k, run);
    rmSync(path.join(work, `out-x${k}`), { recursive: true, force: true });
  }
  if (!quick) {
    const dir = path.join(work, 'x100');
    add('x100', '100× seeds -o (default jobs)', seedBytes * 100, runCli([dir, '-o', path.join(work, 'out-x100'), '-q']));
    add('x100-stdout', '100× seeds → NDJSON stdout (default jobs)', seedBytes * 100, runCli([dir, '-q']));
    rmSync(path.join(work, 'out-x100'), { recursive: true, force: true });
  }

  // DOCX and ODT files read directly (the corpus conversions, 20 copies), --jobs 1, NDJSON on
  // stdout: 640 files of ~10 KB, where -o would mostly time an fsync per output file.
  {
    const officeDir = path.join(root, 'fixtures/corpus/files');
    const dir = path.join(work, 'office');
    let officeBytes = 0;
    for (let c = 0; c < 20; c++) {
      const sub = path.join(dir, `copy${String(c).padStart(2, '0')}`);
      mkdirSync(sub, { recursive: true });
      for (const name of readdirSync(officeDir).filter((file) => /\.(?:docx|odt)$/.test(file))) {
        copyFileSync(path.join(officeDir, name), path.join(sub, name));
        officeBytes += statSync(path.join(sub, name)).size;
      }
    }
    add('office-j1', 'DOCX/ODT corpus ×20 → NDJSON stdout --jobs 1', officeBytes, best(reps, () => runCli([dir, '-q', '--jobs', '1'])));
  }

  // PDF text extractions (pdftotext with and without -layout, 48 files of the
  // corpus), 1× and 10× copies, --jobs 1: the aligned and reading-order readers'
  // throughput, and its growth from 1× to 10×.
  {
    const textDir = path.join(root, 'fixtures/corpus/text');
    const names = readdirSync(textDir).filter((file) => file.endsWith('.txt'));
    for (const copies of [1, 10]) {
      const dir = path.join(work, `pdf-text-x${copies}`);
      let textBytes = 0;
      for (let c = 0; c < copies; c++) {
        const sub = path.join(dir, `copy${String(c).padStart(2, '0')}`);
        mkdirSync(sub, { recursive: true });
        for (const name of names) {
          copyFileSync(path.join(textDir, name), path.join(sub, name));
          textBytes += statSync(path.join(sub, name)).size;
        }
      }
      add(`pdf-text-x${copies}`, `PDF text extractions ×${copies} → NDJSON stdout --jobs 1`, textBytes, best(reps, () => runCli([dir, '-q', '--jobs', '1'])));
    }
  }

  // Cold start: one 10 KB file, best of N (and bare node for reference).
  const small = path.join(seedDir, seeds.reduce((a, b) => (statSync(path.join(seedDir, a)).size <= statSync(path.join(seedDir, b)).size ? a : b)));
  const coldReps = quick ? 5 : 15;
  const bare = best(coldReps, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, rssMB: null, code: 0 };
  });
  add('node-baseline', 'node -e 0 (baseline)', 0, bare);
  add('version', 'plan-parse --version', 0, best(coldReps, () => runCli(['--version'], { rss: false })));
  add('cold-start', `cold start, one ${Math.round(statSync(small).size / 1000)} KB file`, statSync(small).size, best(coldReps, () => runCli([small, '-q'], { rss: false })));
  add('cold-start-validate', 'cold start, validate one file', statSync(small).size, best(coldReps, () => runCli(['validate', small, '-q'], { rss: false })));

  // --jobs 1 vs --jobs 2 on 1,000 files (the two small seeds, alternating).
  const many = path.join(work, 'many');
  mkdirSync(many, { recursive: true });
  const smallSeeds = seeds.map((s) => path.join(seedDir, s)).sort((a, b) => statSync(a).size - statSync(b).size).slice(0, 2);
  let manyBytes = 0;
  for (let i = 0; i < 1000; i++) {
    const from = smallSeeds[i % 2];
    copyFileSync(from, path.join(many, `f${String(i).padStart(4, '0')}.txt`));
    manyBytes += statSync(from).size;
  }
  const j1 = add('files1000-j1', '1,000 files --jobs 1', manyBytes, best(quick ? 1 : 2, () => runCli([many, '-q', '--jobs', '1'])));
  const j2 = add('files1000-j2', '1,000 files --jobs 2', manyBytes, best(quick ? 1 : 2, () => runCli([many, '-q', '--jobs', '2'])));
  results.jobsSpeedup = round(j1.seconds / j2.seconds, 2);

  // How many cores this machine really gives us right now (a shared CI box may give far less than it has):
  // one CPU-bound process alone vs two at once.
  const spin = ['-e', 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7;'];
  const timeSpin = (count) => {
    const start = process.hrtime.bigint();
    const children = Array.from({ length: count }, () => spawn(process.execPath, spin, { stdio: 'ignore' }));
    return Promise.all(children.map((child) => new Promise((resolve) => child.on('close', resolve)))).then(() => Number(process.hrtime.bigint() - start) / 1e9);
  };
  const alone = await timeSpin(1);
  const pair = await timeSpin(2);
  results.effectiveCores = round((2 * alone) / pair, 2);
  process.stderr.write(`  effective cores for two CPU-bound processes: ${results.effectiveCores}\n`);

  // Pathological shapes, each at half and full size: time should double, not square.
  const sentence = '本府為提升市民參與度，辦理各項活動並檢討成效，';
  const line = (bytes) => {
    const unit = Buffer.from(sentence);
    return Buffer.concat(Array.from({ length: Math.ceil(bytes / unit.length) }, () => unit)).subarray(0, Math.floor(bytes / 3) * 3);
  };
  for (const [key, label, make] of [
    ['single-line', 'single line', (n) => line(n)],
    ['blank-lines', 'blank lines', (n) => Buffer.concat([Buffer.from('嘉義市政府中程施政計畫\n'), Buffer.alloc(n, 0x0a), Buffer.from('壹、結語\n')])],
  ]) {
    const sizes = key === 'single-line' ? [2_500_000, 5_000_000] : [500_000, 1_000_000];
    const timings = [];
    for (const size of sizes) {
      const file = path.join(work, `${key}-${size}.txt`);
      writeFileSync(file, make(size));
      const bytes = statSync(file).size;
      const run = best(quick ? 1 : 2, () => runCli([file, '-q', '--max-bytes', '64M']));
      const name = key === 'single-line' ? `${(size / 1e6).toFixed(1)} MB single line` : `${(size / 1e6).toFixed(1)}M blank lines`;
      timings.push(add(`${key}-${size}`, name, bytes, run));
    }
    results[`${key}Ratio`] = round(timings[1].seconds / timings[0].seconds, 2);
  }

  // PDF files: pages per second, beside pdftotext -layout (scripts/bench-pdf.mjs).
  results.pdf = await (await import('./bench-pdf.mjs')).benchPdf({ quick });

  // Growth exponents of the stress families.
  results.growth = await growthExponents();

  // Issue 14 (lean and fast): warm speed and floors, stage shares, cold start
  // in CPU time, default vs --jobs 1 on each corpus, one big file, growth.
  const lean = leanBench({ root, bin, work, seedDir, quick, env });
  results.lean = lean.out;
  {
    const r = results.runs;
    const exponent = (a, b, k) => (r[a] && r[b] ? round(Math.log(r[b].seconds / r[a].seconds) / Math.log(k), 2) : null);
    results.lean.growth = { ...results.lean.growth, corpus1to10: exponent('x1-j1', 'x10-j1', 10), corpus10to100: exponent('x10-j1', 'x100-j1', 10) };
  }

  // Targets.
  const r = results.runs;
  const x10 = r['x10-j1'];
  results.targets = {
    'throughput 10× --jobs 1 ≥ 10 MB/s': { value: x10.mbPerSecond, ok: x10.mbPerSecond >= 10 },
    ...(r['x100-j1'] ? { '100× time ≤ 110 × 1× time': { value: round(r['x100-j1'].seconds / r['x1-j1'].seconds, 1), ok: r['x100-j1'].seconds <= 110 * r['x1-j1'].seconds } } : {}),
    ...(r.x100 ? { 'peak RSS on 100× with -o ≤ 250 MB': { value: Math.max(r.x100.peakRssMB ?? 0, r['x100-j1'].peakRssMB ?? 0), ok: Math.max(r.x100.peakRssMB ?? 0, r['x100-j1'].peakRssMB ?? 0) <= 250 } } : {}),
    ...(r['office-j1'] ? { 'DOCX/ODT --jobs 1 ≥ 5 MB/s': { value: r['office-j1'].mbPerSecond, ok: r['office-j1'].mbPerSecond >= 5 } } : {}),
    'cold start (one 10 KB file) ≤ 150 ms': { value: round(r['cold-start'].seconds * 1000, 0), ok: r['cold-start'].seconds <= 0.15 },
    [`--jobs 2 ≥ 1.7× faster than --jobs 1 (1,000 files; effective cores ${results.effectiveCores})`]: { value: results.jobsSpeedup, ok: results.jobsSpeedup >= 1.7 },
    'single line: 2× size ≤ 2.5× time': { value: results['single-lineRatio'], ok: results['single-lineRatio'] <= 2.5 },
    'blank lines: 2× size ≤ 2.5× time': { value: results['blank-linesRatio'], ok: results['blank-linesRatio'] <= 2.5 },
    'stress families: 4× size ≤ 5× CPU time (exponent ≤ 1.16)': { value: Math.max(...results.growth.map((g) => g.exponent)), ok: results.growth.every((g) => g.exponent <= Math.log(5) / Math.log(4)) },
  };

  {
    const l = results.lean;
    const warm = l.warm.runs['plan-parse'];
    const big = l.bigFile.find((b) => b.mb >= 39) ?? null;
    const x10 = l.defaultVsJobs1.x10;
    Object.assign(results.targets, {
      'warm ≥ 20 MB/s on the seeds (parse + validate + serialize, CPU time)': { value: warm.cpuMBps, ok: warm.cpuMBps >= 20 },
      'warm ≤ 5× the read-decode-split-write floor': { value: l.warm.ratioToFloor, ok: l.warm.ratioToFloor <= 5 },
      ...(l.coldStart ? { 'cold start (11 KB file) ≤ 1.5× node -e 0 (CPU time)': { value: l.coldStart.ratio, ok: l.coldStart.ratio <= 1.5 } } : {}),
      ...(x10 ? { '10× seeds, default options ≥ 8 MB/s': { value: x10.default.mbPerSecond, ok: x10.default.mbPerSecond >= 8 } } : {}),
      'default options never slower than --jobs 1 (every corpus, wall, 5% noise)': { value: Object.entries(l.defaultVsJobs1).map(([k, v]) => `${k} ${v.wallRatio}`).join(', '), ok: Object.values(l.defaultVsJobs1).every((v) => v.neverSlower) },
      ...(big ? { 'peak RSS on a 40 MB file ≤ 240 MB': { value: big.peakRssMB, ok: big.peakRssMB <= 240 } } : {}),
    });
  }

  // Report.
  const header = ['run', 'MB', 'seconds', 'MB/s', 'peak RSS MB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const fmt = (row) => `| ${row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`;
  const lines = [fmt(header), `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`, ...rows.map(fmt), ''];
  lines.push('| target | measured | ok |', '|:--|--:|:-:|');
  for (const [name, { value, ok }] of Object.entries(results.targets)) lines.push(`| ${name} | ${value} | ${ok ? '✔' : '✖'} |`);
  lines.push('', '| lean and fast (issue 14) | measured | |', '|:--|--:|--:|', ...lean.rows.map((row) => `| ${row.join(' | ')} |`));
  lines.push('', `stage shares of a warm run (CPU profile, %): ${Object.entries(results.lean.warm.stages?.shares ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`growth exponents (time ∝ size^k): ${Object.entries(results.lean.growth ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push('', growthTable(results.growth));
  lines.push('', `node ${process.version}, ${results.cpus} CPUs, load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  results.date = new Date().toISOString();
  const outDir = path.join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`wrote ${path.relative(root, path.join(outDir, 'latest.json'))}\n`);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
