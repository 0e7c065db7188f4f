// PDF section of the benchmark (called by scripts/bench.mjs; runs alone too:
// `node scripts/bench-pdf.mjs`).  End-to-end pages per second of the CLI on
// the corpus and real PDFs (fixtures/corpus, plus ../shared/corpus or $PLAN_PARSE_SHARED/corpus when
// there), --jobs 1 and --jobs 2, beside `pdftotext -layout` when poppler is
// installed (a yardstick only; plan-parse never needs it).  Pages per CPU
// second (user + system time of the process and its worker threads) is
// reported too: on a shared, loaded machine it is the per-core figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(root, 'bin/plan-parse.js');

function pdfsIn(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.pdf')).map((name) => path.join(dir, name)) : [];
}

/** The PDFs measured: the shared corpus when present, else the fixtures (no file twice). */
function inputs() {
  const byName = new Map();
  const shared = process.env.PLAN_PARSE_SHARED ?? path.join(root, '../shared');
  for (const dir of [path.join(root, 'fixtures/corpus/files'), path.join(root, 'fixtures/corpus/real'), path.join(shared, 'corpus/files'), path.join(shared, 'corpus/real')]) {
    for (const file of pdfsIn(dir)) byName.set(path.basename(file), file);
  }
  return [...byName.values()].sort();
}

async function pageCount(files) {
  const { loadPdfJs } = await import(path.join(root, 'dist/formats/pdf/load.js'));
  const { pdfjs } = await loadPdfJs();
  let pages = 0;
  for (const file of files) {
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 });
    const document = await task.promise;
    pages += document.numPages;
    await task.destroy();
  }
  return pages;
}

function time(command, args, env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, env });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Wall and CPU seconds of one CLI run (CPU from a preload that reports resourceUsage at exit). */
function timeCli(args, work) {
  const cpuFile = path.join(work, 'cpu.txt');
  const preload = path.join(work, 'cpu-preload.mjs');
  writeFileSync(preload, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.PLAN_PARSE_BENCH_CPU, String((u.userCPUTime + u.systemCPUTime) / 1e6)); });\n");
  const wall = time(process.execPath, ['--import', pathToFileURL(preload).href, bin, ...args], { ...process.env, PLAN_PARSE_BENCH_CPU: cpuFile });
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

export async function benchPdf({ quick = false } = {}) {
  const files = inputs();
  const pages = await pageCount(files);
  const work = mkdtempSync(path.join(tmpdir(), 'plan-parse-bench-pdf-'));
  const out = path.join(work, 'out');
  const repeat = quick ? 1 : 2;
  const best = (fn) => Math.min(...Array.from({ length: repeat }, fn));
  const bestRun = (fn) => Array.from({ length: repeat }, fn).sort((a, b) => a.wall - b.wall)[0];
  try {
    const run1 = bestRun(() => timeCli([...files, '-q', '-o', out, '--jobs', '1'], work));
    const run2 = bestRun(() => timeCli([...files, '-q', '-o', out, '--jobs', '2'], work));
    const j1 = run1.wall;
    const j2 = run2.wall;
    let poppler = null;
    if (spawnSync('pdftotext', ['-v']).status === 0) {
      poppler = best(() => {
        let seconds = 0;
        for (const file of files) seconds += time('pdftotext', ['-layout', '-enc', 'UTF-8', file, path.join(out, 'pdftotext.txt')]);
        return seconds;
      });
    }
    const result = {
      files: files.length,
      pages,
      'jobs1-seconds': round(j1),
      'jobs1-pages-per-second': round(pages / j1),
      'jobs1-cpu-seconds': round(run1.cpu),
      'pages-per-cpu-second': round(pages / run1.cpu),
      'jobs2-seconds': round(j2),
      'jobs2-pages-per-second': round(pages / j2),
      'pdftotext-layout-pages-per-second': poppler === null ? null : round(pages / poppler),
    };
    const lines = [
      '',
      `| PDF (${files.length} files, ${pages} pages) | seconds | pages/s |`,
      '|:--|--:|--:|',
      `| plan-parse --jobs 1 | ${result['jobs1-seconds']} | ${result['jobs1-pages-per-second']} |`,
      `| plan-parse --jobs 1, CPU time | ${result['jobs1-cpu-seconds']} | ${result['pages-per-cpu-second']} |`,
      `| plan-parse --jobs 2 | ${result['jobs2-seconds']} | ${result['jobs2-pages-per-second']} |`,
      poppler === null ? '| pdftotext -layout | not installed | |' : `| pdftotext -layout (one process per file) | ${round(poppler)} | ${result['pdftotext-layout-pages-per-second']} |`,
      `| target: ≥ 25 pages/s per core (pages per CPU second, --jobs 1) | | ${result['pages-per-cpu-second'] >= 25 ? '✔' : '✖'} |`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function round(n) {
  return Math.round(n * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPdf({ quick: process.argv.includes('--quick') });
