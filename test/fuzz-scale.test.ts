/**
 * Issue #6 — pathological structure and size: thousands of numbering levels,
 * thousands of columns or rows, very long lines, a million blank lines.
 *
 * Each input must go through parse → validate → canonical JSON without
 * throwing (no stack overflow on deep trees), and the work must grow
 * linearly: the same generator at size N and 10 N may take at most
 * LINEAR_BOUND times longer (10 × 3 = 30: generous so CI is not flaky, while a
 * quadratic stage gives ≈ 100).  Sizes are small enough that the file runs in
 * well under a minute on a 2-core machine when everything is linear.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { validateResult } from '../src/validate.js';
import type { ParseResult, Section } from '../src/types.js';

const LINEAR_BOUND = 30;
/** Times under this are measurement noise: compare against it instead. */
const NOISE_MS = 5;

function run(input: string | Uint8Array): ParseResult {
  const result = parse(input, { path: 'scale.txt' });
  expect(validateResult(result)).toEqual([]);
  const json = canonicalJson(result);
  expect(json.endsWith('\n')).toBe(true);
  return result;
}

function timeParse(input: string): number {
  const start = performance.now();
  parse(input);
  return performance.now() - start;
}

/** Best of `times` runs (the minimum is the least noisy estimate). */
function best(input: string, times: number): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) min = Math.min(min, timeParse(input));
  return min;
}

/** Time ratio of the generator at 10 n vs n (after a warm-up run at n); each the best of three runs, so one preempted run on a busy machine does not decide it. */
function growth(generate: (n: number) => string, n: number): { small: number; large: number; ratio: number } {
  const smallInput = generate(n);
  const largeInput = generate(10 * n);
  timeParse(smallInput); // warm up the JIT
  const small = best(smallInput, 3);
  const large = best(largeInput, 3);
  return { small, large, ratio: large / Math.max(small, NOISE_MS) };
}

function depth(sections: Section[]): number {
  let max = 0;
  const stack: Array<[Section[], number]> = [[sections, 1]];
  while (stack.length) {
    const [list, level] = stack.pop()!;
    for (const section of list) {
      max = Math.max(max, level);
      stack.push([section.children, level + 1]);
    }
  }
  return max;
}

const cjkDigit = (i: number) => '一二三四五六七八九'[i % 9];

/** Generators taking a size in characters (roughly). */
const GENERATORS: Record<string, (n: number) => string> = {
  'one long CJK line': (n) => '一'.repeat(n),
  'one long line of spaces between CJK': (n) => `一${' '.repeat(n)}a`,
  'one long line of dots (dot leader without a page number)': (n) => `目錄\n壹、任務${'.'.repeat(n)}x`,
  'one long line of ellipses': (n) => `${'…'.repeat(n)}x`,
  'one long line of digits': (n) => `${'1'.repeat(n)}x`,
  'one long line of "<p " without a closing bracket': (n) => `${'<p '.repeat(Math.ceil(n / 3))}x`,
  'one long line of spaces and pipes': (n) => `|${' '.repeat(n)}x`,
  'one long line of "1.1.1.…"': (n) => `${'1.'.repeat(Math.ceil(n / 2))} 標題`,
  'one long line of nested "(一)"': (n) => `${'(一)'.repeat(Math.ceil(n / 3))}內容`,
  'blank lines': (n) => '\n'.repeat(n),
  'thousands of "一、" lines': (n) => Array.from({ length: Math.ceil(n / 8) }, (_, i) => `${cjkDigit(i)}、項目${i}`).join('\n'),
  'thousands of "(一)" lines': (n) => Array.from({ length: Math.ceil(n / 8) }, (_, i) => `(一)內容${i}`).join('\n'),
  'nested (一)(一)… markers at line start': (n) => Array.from({ length: Math.ceil(n / 40) }, (_, i) => `${'(一)'.repeat((i % 10) + 1)}內容`).join('\n'),
  'deepening 1.1.1.1… numbering': (n) => Array.from({ length: Math.ceil(n / 60) }, (_, i) => `${Array.from({ length: (i % 25) + 1 }, () => '1').join('.')} 標題`).join('\n'),
  'a table with thousands of columns': (n) => Array.from({ length: 10 }, (_, r) => Array.from({ length: Math.ceil(n / 60) }, (_, c) => `r${r}c${c}`).join('\t')).join('\n'),
  'a table with thousands of rows': (n) => `關鍵策略目標\t關鍵績效指標\t衡量標準\t108\t109\n${Array.from({ length: Math.ceil(n / 20) }, (_, i) => `${cjkDigit(i)}\t指標${i}\t人數\t${i}\t${i + 1}`).join('\n')}`,
  'a cell-per-line table with thousands of cells': (n) =>
    `關鍵策略目標\n關鍵績效指標\n衡量標準\n${Array.from({ length: Math.ceil(n / 6) }, (_, i) => `\t${i % 7 === 0 ? cjkDigit(i) : `值${i}`}`).join('\n')}`,
  'a flattened KPI header followed by junk': (n) =>
    `中程施政計畫\n壹、關鍵績效指標\n關鍵策略目標\n關鍵績效指標\n衡量標準\n年度目標值\n108\n109\n110\n111\n${Array.from({ length: Math.ceil(n / 6) }, (_, i) => (i % 5 === 0 ? `${i}` : `垃圾${i}`)).join('\n')}`,
  'many document titles': (n) => Array.from({ length: Math.ceil(n / 40) }, (_, i) => `嘉義市政府民政處中程(108至111年度)施政計畫\n壹、任務${i}`).join('\n'),
  'page numbers and running headers': (n) => Array.from({ length: Math.ceil(n / 20) }, (_, i) => `- ${i % 999} -\n\n嘉義市政府民政處\n內容${i}`).join('\n'),
  'markdown pipe rows': (n) => `| a | b | c |\n|---|---|---|\n${Array.from({ length: Math.ceil(n / 12) }, (_, i) => `| ${i} | x | y |`).join('\n')}`,
  'HTML cells in tab rows': (n) => `類\t項\t辦理情形\t完成程度\n${Array.from({ length: Math.ceil(n / 40) }, (_, i) => `一、\t(一)\t<ol><li>辦理${i}</li><li>完成</li></ol>\t100%`).join('\n')}`,
};

describe('scale: pathological structure goes through the whole pipeline', () => {
  for (const [name, generate] of Object.entries(GENERATORS)) {
    it(`${name} (20 000 characters): valid result, no stack overflow`, () => {
      run(generate(20_000));
    });
  }

  it('10 000 nested "(一)" / "1." / "一、" headings do not build a 10 000-deep tree that overflows the stack', () => {
    const input = Array.from({ length: 10_000 }, (_, i) => ['(一)內容', '1. 標題', '一、項目'][i % 3]).join('\n');
    const result = run(input);
    for (const document of result.documents) expect(depth(document.sections)).toBeLessThan(200);
  });
});

describe('scale: work grows linearly with the input', () => {
  for (const [name, generate] of Object.entries(GENERATORS)) {
    it(`${name}: 10x input takes < ${LINEAR_BOUND}x time`, () => {
      const { small, large, ratio } = growth(generate, 4_000);
      expect(ratio, `4 000 chars: ${small.toFixed(1)} ms, 40 000 chars: ${large.toFixed(1)} ms`).toBeLessThan(LINEAR_BOUND);
    });
  }

  it('a 5 MB single line: 500 KB vs 5 MB', () => {
    const line = (n: number) => '計畫 內容，'.repeat(Math.ceil(n / 6)).slice(0, n);
    timeParse(line(50_000));
    const small = best(line(500_000), 2);
    const large = best(line(5_000_000), 1);
    expect(large / Math.max(small, NOISE_MS), `500 KB: ${small.toFixed(0)} ms, 5 MB: ${large.toFixed(0)} ms`).toBeLessThan(LINEAR_BOUND);
  });

  it('one million blank lines: 100k vs 1M lines', () => {
    const blank = (n: number) => '\n'.repeat(n);
    const small = best(blank(100_000), 2);
    const large = best(blank(1_000_000), 1);
    expect(large / Math.max(small, NOISE_MS), `100k: ${small.toFixed(0)} ms, 1M: ${large.toFixed(0)} ms`).toBeLessThan(LINEAR_BOUND);
    run(`一、標題${'\n'.repeat(1_000_000)}內容`);
  });

  it('one million short content lines: 100k vs 1M lines', () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    timeParse(lines(10_000));
    const small = best(lines(100_000), 2);
    const large = best(lines(1_000_000), 1);
    expect(large / Math.max(small, NOISE_MS), `100k: ${small.toFixed(0)} ms, 1M: ${large.toFixed(0)} ms`).toBeLessThan(LINEAR_BOUND);
  });
});
