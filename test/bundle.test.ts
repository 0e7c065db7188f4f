/**
 * The bundled CLI (dist/cli.cjs + its V8 code cache dist/cli.cache, made by
 * `npm run build`): bin/plan-parse.js runs it, and falls back to the plain tsc
 * output when the bundle is missing or stale; a cache V8 rejects is made
 * again.  Each case runs on a copy of bin/ and dist/ so the real build is
 * never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, seedDir } from './helpers/seeds.js';

const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
delete env.PLAN_PARSE_WRITE_CODE_CACHE;

let install: string;

beforeAll(() => {
  install = mkdtempSync(path.join(tmpdir(), 'plan-parse-bundle-'));
  for (const entry of ['bin', 'dist', 'schemas', 'package.json']) cpSync(path.join(root, entry), path.join(install, entry), { recursive: true, preserveTimestamps: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(install, 'node_modules'));
});

afterAll(() => {
  rmSync(install, { recursive: true, force: true });
});

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(install, 'bin/plan-parse.js'), ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The plain tsc output, run without the bundle. */
function runPlain(args: string[]): string {
  const main = path.join(root, 'dist/cli/main.js');
  const script = `import { main } from ${JSON.stringify(main)}; process.exitCode = await main(process.argv.slice(1));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}

describe('bundled CLI', () => {
  it('gives the same bytes as the plain build, in one thread and with workers, with nothing on stderr', () => {
    const plain = runPlain(['fixtures/seeds', '--jobs', '1', '-q']);
    expect(plain.length).toBeGreaterThan(100_000);
    for (const jobs of ['1', '2']) {
      const bundled = run(['fixtures/seeds', '--jobs', jobs, '-q']);
      expect(bundled.stderr).toBe('');
      expect(bundled.code).toBe(0);
      expect(bundled.stdout).toBe(plain);
    }
  }, 60_000);

  it('reads PDF, DOCX and ODT files (pdf.js imported from inside the bundle) as the plain build does', () => {
    const files = ['51_chiayi-education-108-111-kpi.pdf', '51_chiayi-education-108-111-kpi.docx', '51_chiayi-education-108-111-kpi.odt'].map((name) => path.join(root, 'fixtures/corpus/files', name));
    const plain = runPlain([...files, '--jobs', '1', '-q']);
    expect(plain.split('\n').filter(Boolean)).toHaveLength(3);
    const bundled = run([...files, '--jobs', '1', '-q']);
    expect(bundled.stderr).toBe('');
    expect(bundled.stdout).toBe(plain);
  }, 60_000);

  it('a cache V8 rejects costs only the compile, and is made again', () => {
    const cache = path.join(install, 'dist/cli.cache');
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const file = path.join(seedDir, '000_41429686ef6f927b.txt');
    const out = run([file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(runPlain([file]));
    const remade = readFileSync(cache);
    expect(remade.length).toBeGreaterThan(4096);
    expect(remade.equals(Buffer.alloc(4096, 7))).toBe(false);
  }, 30_000);

  it('falls back to dist/cli/main.js when the bundle is older than it, or missing', () => {
    const file = path.join(seedDir, '003_778b9b4aea791543.txt');
    const expected = runPlain([file]);
    const bundle = path.join(install, 'dist/cli.cjs');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(bundle, past, past);
    // A stale bundle that would fail if it ran: the plain output must be used.
    writeFileSync(bundle, 'throw new Error("stale bundle ran");\n');
    utimesSync(bundle, past, past);
    const stale = run([file]);
    expect(stale.stderr).not.toContain('stale bundle ran');
    expect(stale.code).toBe(0);
    expect(stale.stdout).toBe(expected);
    rmSync(bundle);
    expect(existsSync(bundle)).toBe(false);
    expect(run([file]).stdout).toBe(expected);
  }, 30_000);
});
