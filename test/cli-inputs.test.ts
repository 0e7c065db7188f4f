/**
 * Collecting inputs: the glob matcher behind --include / --exclude, and the
 * folder walk (sorted, hidden entries and the -o folder skipped, symlink loops).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGlob, expandBraces } from '../src/cli/glob.js';
import { collectInputs } from '../src/cli/inputs.js';

describe('glob matcher', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'deep/er/a.txt', true], // no slash: matches the name at any depth
    ['*.txt', 'a.txt.json', false],
    ['sub/*.txt', 'sub/a.txt', true],
    ['sub/*.txt', 'sub/x/a.txt', false],
    ['sub/**/*.txt', 'sub/a.txt', true],
    ['sub/**/*.txt', 'sub/x/y/a.txt', true],
    ['**/draft*', 'a/b/draft-1.md', true],
    ['sub/', 'sub/x/a.txt', true],
    ['?.md', 'a.md', true],
    ['?.md', 'ab.md', false],
    ['[0-9][0-9][0-9]_*', '002_x.txt', true],
    ['[!0-9]*', '002_x.txt', false],
    ['*.{txt,md}', 'x.md', true],
    ['*.{txt,md}', 'x.csv', false],
    ['中程*計畫.txt', '中程施政計畫.txt', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['[abc', '[abc', true],
  ];
  it.each(cases)('%s ~ %s → %s', (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  it('stays fast on pathological patterns (no exponential backtracking)', () => {
    const match = compileGlob(`${'*a'.repeat(30)}*b`);
    const start = performance.now();
    expect(match('a'.repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
    const deep = compileGlob(`${'**/'.repeat(20)}x`);
    expect(deep(`${'d/'.repeat(500)}y`)).toBe(false);
  });

  it('expands braces, nested, with a cap', () => {
    expect(expandBraces('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef']);
    expect(expandBraces('{x}')).toEqual(['{x}']);
    expect(expandBraces('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}').length).toBeLessThanOrEqual(256);
  });
});

describe('collectInputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plan-parse-inputs-'));
    for (const file of ['b.txt', 'a.txt', 'sub/c.md', 'sub/deep/d.txt', '.hidden/e.txt', '.f.txt', 'out/old.txt.json', 'drafts/g.txt']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x');
    }
    symlinkSync(dir, path.join(dir, 'sub/loop'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rel = (files: { display: string }[]) => files.map((f) => path.relative(dir, f.display));

  it('walks folders in sorted order, skipping hidden entries, the -o folder and symlink loops', () => {
    const { files, errors } = collectInputs([dir], { include: [], exclude: [], outDir: path.join(dir, 'out') });
    expect(errors).toEqual([]);
    expect(rel(files)).toEqual(['a.txt', 'b.txt', 'drafts/g.txt', 'sub/c.md', 'sub/deep/d.txt']);
    expect(files.every((f) => f.root === dir)).toBe(true);
  });

  it('applies --include and --exclude (folders too)', () => {
    expect(rel(collectInputs([dir], { include: ['*.txt'], exclude: ['drafts'], outDir: path.join(dir, 'out') }).files)).toEqual(['a.txt', 'b.txt', 'sub/deep/d.txt']);
    expect(rel(collectInputs([dir], { include: ['sub/**'], exclude: [] }).files)).toEqual(['sub/c.md', 'sub/deep/d.txt']);
  });

  it('keeps files as given, stdin once, duplicates once; reports missing paths', () => {
    const a = path.join(dir, 'a.txt');
    const { files, errors } = collectInputs([a, '-', a, '-', path.join(dir, 'nope.txt')], { include: [], exclude: [] });
    expect(files.map((f) => f.display)).toEqual([a, '-']);
    expect(files[0].root).toBe(dir);
    expect(files[1].stdin).toBe(true);
    expect(errors).toEqual([`${path.join(dir, 'nope.txt')}: no such file or directory`]);
  });
});
