#!/usr/bin/env node
// README excerpts are real output: each fenced block after a
// `<!-- generated:NAME -->` line is what the built CLI prints today.
//
//   node scripts/readme-excerpts.mjs           rewrite the blocks (npm run readme)
//   node scripts/readme-excerpts.mjs --check   exit 1 when a block is stale (test/readme-excerpts.test.ts)
//
// Timings (MB, seconds, MB/s) vary from run to run and are compared masked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const readmePath = join(root, 'README.md');
const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
delete env.GITHUB_STEP_SUMMARY;

function cli(args) {
  const run = spawnSync(process.execPath, [join(root, 'bin/plan-parse.js'), ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status };
}

const SEED0 = 'fixtures/seeds/000_41429686ef6f927b.txt';
const SEED2 = 'fixtures/seeds/002_518a493018a85667.txt';
const SEED4 = 'fixtures/seeds/004_68055337084019e7.txt';

/** Real output trimmed for reading: first element of each array, positions and hashes elided. */
function trimmed(value, key = '') {
  if (Array.isArray(value)) return value.length === 0 ? [] : value.length === 1 ? [trimmed(value[0])] : [trimmed(value[0]), `… ${value.length - 1} more`];
  if (value && typeof value === 'object') {
    if (key === 'position') return '…';
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = trimmed(v, k);
    return out;
  }
  if (key === 'sha256') return '…';
  if (typeof value === 'string' && value.length > 60) return `${value.slice(0, 59)}…`;
  return value;
}

const generators = {
  summary: () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-parse-readme-'));
    try {
      const run = cli(['fixtures/seeds', '-o', out]);
      return run.stderr.trimEnd().split('\n').pop().replace(out, 'out');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  'kpis-csv': () => cli(['kpis', SEED0, '--csv']).stdout.split('\r\n').slice(0, 2).join('\n'),
  'output-model': () => {
    const result = JSON.parse(cli([SEED0, '-q']).stdout);
    // Schema order for reading (the file itself is in canonical, sorted order).
    const order = ['schemaVersion', 'source', 'documents', 'diagnostics'];
    const document = result.documents[0];
    const documentOrder = ['kind', 'title', 'agency', 'period', 'revision', 'position', 'sections', 'tables', 'kpis', 'workItems', 'reportItems'];
    const shown = {};
    for (const key of order) shown[key] = key === 'documents' ? [Object.fromEntries(documentOrder.map((k) => [k, trimmed(document[k], k)]))] : trimmed(result[key], key);
    return JSON.stringify(shown, null, 2);
  },
  pretty: () => {
    const lines = cli(['validate', SEED4]).stderr.split('\n');
    return lines.slice(0, 4).join('\n');
  },
  tally: () => {
    const lines = cli(['validate', 'fixtures/seeds']).stderr.trimEnd().split('\n');
    const start = lines.findIndex((line) => /^[✖⚠] \d+ problems/.test(line));
    return lines.slice(start).join('\n');
  },
  github: () => cli(['validate', SEED2, '-r', 'github']).stdout.split('\n').find((line) => line.includes('kpi-target-count')),
};

const mask = (text) => text.replace(/\d+(?:\.\d+)? MB in \d+(?:\.\d+)? s \(\d+(?:\.\d+)? MB\/s\)/g, 'N MB in N s (N MB/s)');

const check = process.argv.includes('--check');
let readme = readFileSync(readmePath, 'utf8');
const stale = [];
// The fence, then everything up to the closing fence (a block may be empty before its first generation).
const BLOCK = /<!-- generated:([a-z-]+) -->\n(```[a-z]*)\n((?:(?!```)[^])*)```/g;
readme = readme.replace(BLOCK, (whole, name, fence, rawBody) => {
  const body = rawBody.replace(/\n$/, '');
  const generate = generators[name];
  if (!generate) {
    stale.push(`${name}: no such generator`);
    return whole;
  }
  const fresh = generate();
  if (mask(fresh) !== mask(body)) stale.push(`${name}:\n--- README\n${body}\n--- real output\n${fresh}`);
  return `<!-- generated:${name} -->\n${fence}\n${fresh}\n\`\`\``;
});
if (check) {
  if (stale.length) {
    console.error(`README excerpts differ from real output (run npm run readme):\n${stale.join('\n\n')}`);
    process.exit(1);
  }
  console.log('README excerpts match real output');
} else {
  writeFileSync(readmePath, readme);
  console.log(stale.length ? `updated ${stale.length} excerpt(s)` : 'README excerpts already up to date');
}
