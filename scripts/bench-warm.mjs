#!/usr/bin/env node
// Warm throughput in one process, beside the floor scripts (called by
// scripts/bench.mjs; prints one JSON object on stdout):
//
//   node scripts/bench-warm.mjs [--seconds S] [--profile] [files or folders…]
//
// - plan-parse: read → parse → validate → serialize → UTF-8 → write
//   (/dev/null), the work the CLI does per file, after a warm-up.
// - floor "read-decode-split-write": read, decode UTF-8, split lines, write the
//   lines as JSON: what any tool that reads text files line by line pays.
// - floor "line objects": the same with one object per line (index, line
//   number, offset, text, role), as the parser's first stage builds.
// Each is run round-robin in rounds (paired, so a busy machine slows all
// alike); MB/s are from CPU time of this thread's process (user + system,
// which includes V8's background compiler and GC threads) and from wall time.
// --profile: per-stage shares of a warm run's CPU profile (self time by the
// source module it is spent in, grouped into the pipeline's stages).
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const seconds = Number(flag('--seconds') ?? 3);
const profile = args.includes('--profile') ? (args.splice(args.indexOf('--profile'), 1), true) : false;
const inputs = args.length ? args : [path.join(root, 'fixtures/seeds')];

const files = [];
for (const input of inputs) {
  if (statSync(input).isDirectory()) for (const name of readdirSync(input).sort()) files.push(path.join(input, name));
  else files.push(input);
}
const totalBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

const dist = (file) => pathToFileURL(path.join(root, 'dist', file)).href;
const { parse } = await import(dist('parse.js'));
const { validateResult } = await import(dist('validate.js'));
const { canonicalJson } = await import(dist('serialize.js'));

const sink = openSync('/dev/null', 'w');
const decoder = new TextDecoder();
const encoder = new TextEncoder();

const runs = {
  'plan-parse': (file) => {
    const bytes = readFileSync(file);
    const result = parse(bytes, { path: file });
    validateResult(result);
    writeSync(sink, encoder.encode(canonicalJson(result)));
  },
  'floor: read-decode-split-write': (file) => {
    const text = decoder.decode(readFileSync(file));
    writeSync(sink, encoder.encode(JSON.stringify(text.split(/\r\n|\r|\n/))));
  },
  'floor: line objects': (file) => {
    const text = decoder.decode(readFileSync(file));
    const lines = [];
    let offset = 0;
    const parts = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      lines.push({ index: i, line: i + 1, offset, text: part, role: part.trim() === '' ? 'blank' : 'content' });
      offset += part.length + 1;
    }
    writeSync(sink, encoder.encode(JSON.stringify(lines)));
  },
};

const pass = (fn) => {
  for (const file of files) fn(file);
};
// Warm-up: until the JIT has seen every path (a few passes each).
for (const fn of Object.values(runs)) for (let i = 0; i < 8; i++) pass(fn);

const totals = Object.fromEntries(Object.keys(runs).map((name) => [name, { cpu: 0, wall: 0, passes: 0 }]));
const deadline = Date.now() + seconds * 1000;
do {
  for (const [name, fn] of Object.entries(runs)) {
    const cpu = process.cpuUsage();
    const wall = process.hrtime.bigint();
    pass(fn);
    const used = process.cpuUsage(cpu);
    totals[name].cpu += (used.user + used.system) / 1e6;
    totals[name].wall += Number(process.hrtime.bigint() - wall) / 1e9;
    totals[name].passes++;
  }
} while (Date.now() < deadline);

const mb = totalBytes / 1e6;
const out = { files: files.length, mb: Math.round(mb * 1000) / 1000, runs: {} };
for (const [name, t] of Object.entries(totals)) {
  out.runs[name] = { passes: t.passes, cpuMBps: round((mb * t.passes) / t.cpu), wallMBps: round((mb * t.passes) / t.wall) };
}
out.ratioToFloor = round(out.runs['floor: read-decode-split-write'].cpuMBps / out.runs['plan-parse'].cpuMBps);

if (profile) out.stages = await stageShares();
closeSync(sink);
process.stdout.write(`${JSON.stringify(out)}\n`);

function round(n) {
  return Math.round(n * 100) / 100;
}

/** Where a warm run's CPU goes, by pipeline stage (self time by source module). */
async function stageShares() {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  const until = Date.now() + Math.max(1000, seconds * 500);
  let cycles = 0;
  do {
    pass(runs['plan-parse']);
    cycles++;
  } while (Date.now() < until);
  const { profile: cpuProfile } = await post('Profiler.stop');
  session.disconnect();
  const stageOf = (url, name) => {
    if (name === '(garbage collector)') return 'gc';
    if (name === '(program)' || name === '(idle)' || name === '(root)') return 'other (runtime)';
    const at = url.includes('/node_modules/') ? -1 : url.indexOf('/dist/');
    if (at < 0) {
      if (url.includes('schema-validator')) return 'validate';
      if (/node_modules\/(hast|parse5|unified|remark|micromark|mdast|entities|property-information|vfile)/.test(url)) return 'tables (html/markdown parsers)';
      if (url.includes('bench-warm.mjs')) return 'read/write + UTF-8 (bench loop)';
      if (/^node:(internal\/)?(fs|encoding|buffer)/.test(url)) return 'read/write + UTF-8';
      if (/^node:(internal\/)?crypto/.test(url)) return 'hash';
      return 'other (runtime)';
    }
    const file = url.slice(at + 6);
    if (file.startsWith('decode/')) return 'decode';
    if (file.startsWith('normalize/') || file === 'lines.js') return 'normalize';
    if (file.startsWith('tables/')) return 'tables';
    if (file === 'documents.js') return 'documents';
    if (file === 'sections.js' || file === 'markers.js') return 'sections + markers';
    if (file.startsWith('records/')) return 'records';
    if (file.startsWith('formats/')) return 'front ends';
    if (file === 'validate.js' || file === 'schema-validator.cjs') return 'validate';
    if (file === 'serialize.js') return 'serialize';
    return file;
  };
  const byId = new Map(cpuProfile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpuProfile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // A sample in native code or a regular expression (no URL) counts for the
  // nearest caller that has one (the stage that ran it).
  const stageOfNode = (id) => {
    const start = byId.get(id);
    const name = start.callFrame.functionName;
    if (name === '(garbage collector)' || name === '(program)' || name === '(idle)') return stageOf('', name);
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node.callFrame.url) return stageOf(node.callFrame.url, node.callFrame.functionName);
    }
    return stageOf('', name);
  };
  const shares = new Map();
  let total = 0;
  for (let i = 0; i < cpuProfile.samples.length; i++) {
    const dt = cpuProfile.timeDeltas[i];
    const stage = stageOfNode(cpuProfile.samples[i]);
    shares.set(stage, (shares.get(stage) ?? 0) + dt);
    total += dt;
  }
  return { cycles, shares: Object.fromEntries([...shares].sort((a, b) => b[1] - a[1]).map(([stage, t]) => [stage, Math.round((1000 * t) / total) / 10])) };
}
