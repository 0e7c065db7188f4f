/**
 * Issue #16, through the CLI: memory bounded by the input's size on a wide
 * table, and a `validate` batch that goes on past a file with more warnings
 * than a spread into a call can take (~125,000).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { built, cli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'plan-parse-bounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!built)('bounded by the input', () => {
  // A tab KPI table with 1,000 year columns, 4 MB: it took 120–230× its size
  // in memory (8 MB → 1.87 GB RSS).  Now it parses within a 96 MB heap (24×).
  //   > | 關鍵策略目標\t關鍵績效指標\t衡量標準\t100\t101\t…\t1099
  //   > | 1、策略\t指標0\t人數\t0%\t1%\t…\t999%
  it('a 4 MB tab table with 1,000 year columns parses within --max-memory 96M', () => {
    const years = Array.from({ length: 1000 }, (_, i) => String(100 + i));
    const head = `彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）\n\n三、關鍵績效指標、衡量標準及年度目標值\n\n關鍵策略目標\t關鍵績效指標\t衡量標準\t${years.join('\t')}\n`;
    const rows: string[] = [];
    for (let r = 0, size = head.length; size < 4e6; r++) {
      const row = `${(r % 9) + 1}、策略\t指標${r}\t人數\t${years.map((_, c) => `${c}%`).join('\t')}`;
      rows.push(row);
      size += Buffer.byteLength(row) + 1;
    }
    const file = path.join(tmp, 'years.txt');
    writeFileSync(file, `${head}${rows.join('\n')}\n`);
    const out = path.join(tmp, 'years-out');
    const run = cli([file, '-o', out, '-q', '--max-memory', '96M', '--timeout', '0'], { timeout: 240_000 });
    expect(run.stderr).not.toMatch(/out-of-memory/);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, 'years.txt.json'), 'utf8'));
    expect(result.documents[0].kpis).toHaveLength(rows.length);
    expect(result.documents[0].tables[0].header).toHaveLength(1003);
  }, 300_000);

  // 260,000 restarting section numbers give 130,000 warnings (section 1.
  // repeats or goes back after 2.): the pretty reporter threw on them
  // (`Math.max(...)`), ending the batch with exit 2, later files unreported, no summary.
  //   > | 1、項目
  //   > | 2、項目
  //   > | 1、項目   ← section-numbering-gap
  it('validate: a file with 130,000 warnings is reported, and so is the file after it, with the summary', () => {
    writeFileSync(path.join(tmp, 'a-many.txt'), `${Array.from({ length: 260_000 }, (_, i) => `${(i % 2) + 1}、項目`).join('\n')}\n`);
    writeFileSync(path.join(tmp, 'b-after.txt'), '說明文字，沒有計畫。\n');
    const run = cli(['validate', 'a-many.txt', 'b-after.txt', '--timeout', '0'], { cwd: tmp, timeout: 240_000 });
    expect(run.code).toBe(0);
    const many = run.stderr.indexOf('a-many.txt\n');
    const after = run.stderr.indexOf('b-after.txt\n');
    expect(many).toBeGreaterThanOrEqual(0);
    expect(after).toBeGreaterThan(many);
    expect(run.stderr.match(/section-numbering-gap\n/g)!.length).toBeGreaterThan(125_000);
    expect(run.stderr.slice(after)).toMatch(/no-document/);
    expect(run.stderr).toMatch(/2 files: 0 ok, 2 with warnings, 0 with errors/);
  }, 300_000);
});
