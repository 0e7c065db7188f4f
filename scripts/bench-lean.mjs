// The "lean and fast" part of `npm run bench` (issue 14), called by
// scripts/bench.mjs: warm throughput beside the floor scripts with per-stage
// shares (scripts/bench-warm.mjs), cold start in CPU time against bare node,
// default options against --jobs 1 on each corpus (paired, alternating
// runs), peak RSS per input MB on one big file, and growth exponents.
//
// The project machine has 2 cores shared with other busy processes, so wall
// time is noisy: every comparison here is paired (the two runs alternate, so
// a busy spell slows both) and reported in CPU time (user + system of the
// whole process, worker threads and V8's background threads included) as
// well as wall time; medians of several rounds.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function leanBench({ root, bin, work, seedDir, quick, env, memoryOnly = false }) {
  const usageFile = path.join(work, 'usage.json');
  const preload = path.join(work, 'usage-preload.mjs');
  writeFileSync(
    preload,
    `import { writeFileSync } from 'node:fs';
process.on('exit', () => { try { const c = process.cpuUsage(); writeFileSync(process.env.PLAN_PARSE_BENCH_USAGE, JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024, cpu: (c.user + c.system) / 1e6 })); } catch {} });
`,
  );

  /** One CLI run: wall and CPU seconds, peak RSS MB. */
  const run = (cliArgs) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, bin, ...cliArgs], {
      env: { ...env, PLAN_PARSE_BENCH_USAGE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`plan-parse ${cliArgs.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 2000)}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    rmSync(usageFile);
    return { wall, cpu: usage.cpu, rssMB: usage.rssMB };
  };

  /**
   * CPU time per run of a command (no preload: nothing added to start-up),
   * from the shell's `times` over a loop of runs: children's user + system.
   */
  const cpuPerRun = (command, runs) => {
    const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
    const script = `for i in $(seq ${runs}); do ${quoted} >/dev/null 2>&1; done; times`;
    const start = process.hrtime.bigint();
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env });
    const wall = Number(process.hrtime.bigint() - start) / 1e9 / runs;
    const children = result.stdout.trim().split('\n').pop().match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
    if (!children) return null;
    const cpu = Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]);
    return { cpu: cpu / runs, wall };
  };

  /** Live heap at each stage boundary of one parse of `file` (JSON from scripts/bench-memory-stages.mjs), or null. */
  const memoryStages = (file) => {
    const result = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'scripts/bench-memory-stages.mjs'), file], { encoding: 'utf8', env });
    return result.status === 0 ? JSON.parse(result.stdout) : null;
  };

  const out = { note: 'CPU = user + system seconds of the whole process (workers and V8 background threads included); medians of paired, alternating rounds on a shared 2-core machine' };
  const rows = [];
  if (memoryOnly) {
    memorySections();
    return { out, rows };
  }

  // 1. Warm throughput and the floors, per-stage shares.
  {
    const warm = spawnSync(process.execPath, [path.join(root, 'scripts/bench-warm.mjs'), '--profile', '--seconds', quick ? '3' : '8', seedDir], { encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 });
    if (warm.status !== 0) throw new Error(`bench-warm failed: ${warm.stderr}`);
    out.warm = JSON.parse(warm.stdout);
    for (const [name, r] of Object.entries(out.warm.runs)) rows.push([`warm, seeds: ${name}`, `${r.cpuMBps} MB/s CPU`, `${r.wallMBps} MB/s wall`]);
    rows.push(['warm plan-parse ÷ read-decode-split-write floor', `${out.warm.ratioToFloor}× slower`, '']);
  }

  // 2. Cold start: bare node, --version, one small file (CPU per run).
  {
    const small = path.join(seedDir, readdirSync(seedDir).sort((a, b) => statSync(path.join(seedDir, a)).size - statSync(path.join(seedDir, b)).size)[0]);
    const rounds = quick ? 3 : 5;
    const perRound = quick ? 5 : 10;
    const series = { node: [], version: [], file: [], worker: [] };
    for (let i = 0; i < rounds; i++) {
      series.node.push(cpuPerRun([process.execPath, '-e', '0'], perRound));
      series.version.push(cpuPerRun([process.execPath, bin, '--version'], perRound));
      series.file.push(cpuPerRun([process.execPath, bin, small, '-q'], perRound));
      // A budget the file could reach (200 ms × 50 KB/s = 10 KB < 11 KB): parsed in a worker, as every file was before.
      series.worker.push(cpuPerRun([process.execPath, bin, small, '-q', '--timeout', '200ms'], perRound));
    }
    if (series.node.every(Boolean)) {
      const pick = (list, key) => median(list.map((r) => r[key]));
      out.coldStart = {
        file: path.basename(small),
        kb: round(statSync(small).size / 1000, 1),
        nodeCpuMs: round(pick(series.node, 'cpu') * 1000, 1),
        versionCpuMs: round(pick(series.version, 'cpu') * 1000, 1),
        fileCpuMs: round(pick(series.file, 'cpu') * 1000, 1),
        workerCpuMs: round(pick(series.worker, 'cpu') * 1000, 1),
        nodeWallMs: round(pick(series.node, 'wall') * 1000, 1),
        fileWallMs: round(pick(series.file, 'wall') * 1000, 1),
      };
      out.coldStart.ratio = round(out.coldStart.fileCpuMs / out.coldStart.nodeCpuMs);
      rows.push([`cold start, ${out.coldStart.kb} KB file (CPU ms) vs node -e 0`, `${out.coldStart.fileCpuMs} vs ${out.coldStart.nodeCpuMs}`, `${out.coldStart.ratio}×`]);
      rows.push([`cold start, same file parsed in a worker (--timeout 200ms)`, `${out.coldStart.workerCpuMs}`, `${round(out.coldStart.workerCpuMs / out.coldStart.nodeCpuMs)}×`]);
    }
  }

  // 3. Default options vs --jobs 1 on each corpus, paired.
  out.defaultVsJobs1 = {};
  const corpora = [['seeds', seedDir]];
  for (const name of ['x10', 'x100', 'many']) if (safeIsDir(path.join(work, name))) corpora.push([name, path.join(work, name)]);
  for (const [name, dir] of corpora) {
    const bytes = folderBytes(dir);
    const rounds = name === 'x100' ? (quick ? 1 : 2) : quick ? 2 : 4;
    const runs = { default: [], jobs1: [] };
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always gets the quieter moment.
      const order = i % 2 ? ['jobs1', 'default'] : ['default', 'jobs1'];
      for (const which of order) {
        const outDir = path.join(work, `lean-out-${name}-${which}`);
        runs[which].push(run([dir, '-o', outDir, '-q', ...(which === 'jobs1' ? ['--jobs', '1'] : [])]));
        rmSync(outDir, { recursive: true, force: true });
      }
    }
    const summary = (list) => ({ wall: round(median(list.map((r) => r.wall)), 3), cpu: round(median(list.map((r) => r.cpu)), 3), rssMB: round(Math.max(...list.map((r) => r.rssMB)), 0) });
    const entry = { mb: round(bytes / 1e6, 2), default: summary(runs.default), jobs1: summary(runs.jobs1) };
    entry.default.mbPerSecond = round(bytes / 1e6 / entry.default.wall);
    entry.jobs1.mbPerSecond = round(bytes / 1e6 / entry.jobs1.wall);
    entry.wallRatio = round(entry.default.wall / entry.jobs1.wall);
    entry.neverSlower = entry.default.wall <= entry.jobs1.wall * 1.05;
    out.defaultVsJobs1[name] = entry;
    rows.push([`${name} (${entry.mb} MB) -o: default / --jobs 1, wall s`, `${entry.default.wall} / ${entry.jobs1.wall} (${entry.default.mbPerSecond} / ${entry.jobs1.mbPerSecond} MB/s)`, `CPU ${entry.default.cpu} / ${entry.jobs1.cpu} s, RSS ${entry.default.rssMB} / ${entry.jobs1.rssMB} MB`]);
  }

  memorySections();
  return { out, rows };

  // Sections 4 and 5 (`node scripts/bench.mjs --memory` runs them alone).
  function memorySections() {
  // 4. One big file: peak RSS per input MB, and how time and memory grow.
  {
    const seeds = readdirSync(seedDir).sort().map((name) => readFileSync(path.join(seedDir, name)));
    const unit = Buffer.concat(seeds);
    const sizes = quick ? [10e6] : [10e6, 40e6];
    out.bigFile = [];
    for (const size of sizes) {
      const copies = Math.ceil(size / unit.length);
      let text = Buffer.concat(Array.from({ length: copies }, () => unit)).subarray(0, size);
      text = text.subarray(0, text.lastIndexOf(0x0a) + 1);
      const file = path.join(work, `big-${size / 1e6}MB.txt`);
      writeFileSync(file, text);
      const r = run([file, '-o', path.join(work, 'lean-big-out'), '-q']);
      rmSync(path.join(work, 'lean-big-out'), { recursive: true, force: true });
      // Where the memory goes, on the smaller file: live heap per stage (scripts/bench-memory-stages.mjs).
      if (size === sizes[0]) out.memoryStages = memoryStages(file);
      rmSync(file);
      const entry = { mb: round(text.length / 1e6, 1), wall: round(r.wall, 2), cpu: round(r.cpu, 2), peakRssMB: round(r.rssMB, 0), rssPerInputMB: round(r.rssMB / (text.length / 1e6), 1) };
      out.bigFile.push(entry);
      rows.push([`one ${entry.mb} MB file -o: peak RSS`, `${entry.peakRssMB} MB (${entry.rssPerInputMB} MB per input MB)`, `${entry.wall} s wall, ${entry.cpu} s CPU`]);
    }
    if (out.memoryStages) {
      const m = out.memoryStages;
      rows.push([`live heap per stage, one ${m.inputMB} MB file (${m.lines} lines)`, `decoded text ${m.decodedTextMB} MB, line table ${m.lineTableMB} MB (${m.bytesPerLine} bytes a line; line objects for every line would be ${m.lineObjectsMB} MB, ${m.bytesPerLineObject} bytes a line), whole parse ${m.parseLivePeakMB} MB`, '']);
    }
    if (out.bigFile.length === 2) {
      const [a, b] = out.bigFile;
      const k = Math.log(b.mb / a.mb);
      out.growth = { bigFileCpu: round(Math.log(b.cpu / a.cpu) / k), bigFileRss: round(Math.log(b.peakRssMB / a.peakRssMB) / k) };
    }
  }

  // 5. One document of one huge table (issue 16): a tab KPI table with 1,000
  // year columns, one record per row and 1,000 targets per record, at two
  // sizes; bound 4× the input + 80 MB.
  {
    const years = Array.from({ length: 1000 }, (_, i) => String(100 + i));
    const head = `嘉義市政府民政處中程(108至111年度)施政計畫\n一、關鍵策略目標及共同性目標\n關鍵策略目標\t關鍵績效指標\t衡量標準\t${years.join('\t')}\n`;
    const row = (r) => `${r + 1}、策略\t指標${r}\t人數\t${years.map((_, c) => `${c}%`).join('\t')}\n`;
    out.yearColumns = [];
    for (const count of quick ? [650] : [650, 2600]) {
      const text = head + Array.from({ length: count }, (_, r) => row(r)).join('');
      const file = path.join(work, `years-${count}.txt`);
      writeFileSync(file, text);
      const bytes = Buffer.byteLength(text);
      const r = run([file, '-o', path.join(work, 'lean-years-out'), '-q']);
      rmSync(path.join(work, 'lean-years-out'), { recursive: true, force: true });
      rmSync(file);
      const entry = { mb: round(bytes / 1e6, 1), wall: round(r.wall, 2), cpu: round(r.cpu, 2), peakRssMB: round(r.rssMB, 0), rssPerInputMB: round(r.rssMB / (bytes / 1e6), 1), boundMB: round((4 * bytes) / 1e6 + 80, 0) };
      out.yearColumns.push(entry);
      rows.push([`a ${entry.mb} MB tab table of 1,000 year columns -o: peak RSS`, `${entry.peakRssMB} MB (${entry.rssPerInputMB} MB per input MB; bound ${entry.boundMB})`, `${entry.wall} s wall, ${entry.cpu} s CPU`]);
    }
    if (out.yearColumns.length === 2) {
      const [a, b] = out.yearColumns;
      out.growth = { ...out.growth, yearColumnsCpu: round(Math.log(b.cpu / a.cpu) / Math.log(b.mb / a.mb)), yearColumnsRss: round(Math.log(b.peakRssMB / a.peakRssMB) / Math.log(b.mb / a.mb)) };
    }
  }
  }
}

function safeIsDir(dir) {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function folderBytes(dir) {
  let sum = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) sum += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  return sum;
}
