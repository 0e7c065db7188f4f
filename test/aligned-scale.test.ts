/**
 * Issue 9 — the aligned reader stays linear: a space-aligned KPI table of n
 * rows (header repeated after every page break, a page number before it) and
 * of 10 n rows; the second may take at most LINEAR_BOUND times longer (a
 * quadratic stage gives ≈ 100).  CPU time ratio, not absolute time.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const LINEAR_BOUND = 30;
const NOISE_MS = 5;
const HEADER = ['                                                     年度目標值', '    關鍵策略目標        關鍵績效指標           衡量標準', '                                               108年 109年 110年 111年', ''];
const CJK = '一二三四五六七八九十';

function layoutTable(rows: number): string {
  const lines = ['嘉義市政府教育處中程(108至111年度)施政計畫', '', '壹、關鍵績效指標', ...HEADER];
  for (let r = 0; r < rows; r++) {
    if (r > 0 && r % 30 === 0) lines.push('', '', `                             3-${r / 30}`, `\f${HEADER[0]}`, ...HEADER.slice(1));
    const ordinal = CJK[r % 10];
    lines.push(`              發展校本美感課程${r}     推動美感教育課程及計畫`);
    lines.push(`${ordinal}   落實美感教育                                      10   18    27    27`);
    lines.push('              間改造            之校數');
  }
  return lines.join('\n');
}

function cpu(input: string): number {
  const start = process.cpuUsage();
  parse(input, { path: 'scale.txt' });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('aligned reader scaling', () => {
  it('reads every row, and 10× the rows take at most 30× the CPU time', () => {
    const small = layoutTable(300);
    const large = layoutTable(3000);
    const result = parse(small, { path: 'scale.txt' });
    expect(result.source.format).toBe('pdf-layout-text');
    expect(result.documents[0].kpis).toHaveLength(300);
    cpu(small); // warm up the JIT
    const smallMs = Math.min(cpu(small), cpu(small), cpu(small));
    const largeMs = cpu(large);
    expect(largeMs / Math.max(smallMs, NOISE_MS)).toBeLessThan(LINEAR_BOUND);
  }, 120_000);
});
