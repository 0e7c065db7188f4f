/**
 * Issue 15 — the README's output excerpts are real output: every block after
 * a `<!-- generated:NAME -->` line must equal what the built CLI prints today
 * (timings masked).  `npm run readme` regenerates them.  Also the packaging
 * promises the README makes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { built } from './helpers/cli.js';
import { root } from './helpers/seeds.js';

describe.skipIf(!built)('README excerpts', () => {
  it('match real output (scripts/readme-excerpts.mjs --check)', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/readme-excerpts.mjs'), '--check'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  it('there are excerpts to check, the output model among them', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const names = [...readme.matchAll(/<!-- generated:([a-z-]+) -->/g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['summary', 'kpis-csv', 'output-model', 'pretty', 'tally', 'github']));
    expect(readme).not.toMatch(/"marker": "壹、", "style": "cjk-formal"/);
  });
});

describe('packaging', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('has a LICENSE file matching package.json', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.files).toContain('LICENSE');
  });

  it('exports the schema and package.json', () => {
    expect(pkg.exports['./schemas/plan-document.schema.json']).toBe('./schemas/plan-document.schema.json');
    expect(pkg.exports['./package.json']).toBe('./package.json');
    expect(existsSync(path.join(root, pkg.exports['./schemas/plan-document.schema.json']))).toBe(true);
  });

  it('runs no build on install (no prepare), but npm start and npm pack build first', () => {
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.prestart).toMatch(/npm run build/);
    expect(pkg.scripts.prepack).toMatch(/npm run build/);
  });

  it('quick start and CI use npm ci; usage says npx', () => {
    expect(readme).toMatch(/npm ci && npm start/);
    expect(readFileSync(path.join(root, '.ci/run'), 'utf8')).toMatch(/^npm ci\b/m);
    expect(readme).toMatch(/npx plan-parse/);
  });

  it('the docs the project points at are inside it', () => {
    expect(readme).not.toMatch(/\(SPEC §2\)/);
    expect(existsSync(path.join(root, 'docs/output-conventions.md'))).toBe(true);
    const gold = readFileSync(path.join(root, 'fixtures/gold/README.md'), 'utf8');
    for (const link of gold.matchAll(/`(\.\.\/[^`]+)`/g)) expect(existsSync(path.join(root, 'fixtures/gold', link[1])), link[1]).toBe(true);
  });

  it('the lockfile is in sync with package.json (what npm ci checks)', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const rootEntry = lock.packages[''];
    expect(rootEntry.dependencies).toEqual(pkg.dependencies);
    expect(rootEntry.devDependencies).toEqual(pkg.devDependencies);
  });
});
