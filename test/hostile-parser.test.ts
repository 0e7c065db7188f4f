/**
 * Issue #16, parser side: what an upload from a stranger could do to the
 * parser before — crash it with spread arguments or recursion, leave holes in
 * `cells`, misread a short Big5 or UTF-16 line, return a schema-invalid result
 * for `encoding: ''` — each with the input that showed it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { append, maxOf, minOf } from '../src/arrays.js';
import { parse, sourceTextOf } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { htmlCellText, MAX_HTML_DEPTH, nestingDepth } from '../src/tables/html-cell.js';
import { plainTable } from '../src/tables/markdown.js';
import { validateResult } from '../src/validate.js';
import type { ParseResult } from '../src/types.js';
import { root, seedText } from './helpers/seeds.js';

const LONG = 120_000;

function valid(result: ParseResult): ParseResult {
  expect(validateResult(result)).toEqual([]);
  return result;
}

const codes = (result: ParseResult) => result.diagnostics.map((d) => d.code);

describe('HTML in a table cell: iterative, depth-bounded', () => {
  it('reads nested lists within the bound as before (numbers written for <ol> items)', () => {
    expect(htmlCellText('<ol><li>召開會報。</li><li>辦理表揚。</li></ol>')).toBe('1. 召開會報。\n2. 辦理表揚。');
    expect(htmlCellText('<ol><li>辦理<ol><li>初審</li><li>複審</li></ol></li></ol>')).toBe('1. 辦理\n1. 初審\n2. 複審');
  });

  it('measures depth in one pass: siblings and void elements do not nest', () => {
    expect(nestingDepth('<ol><li>a<li>b<li>c</ol>', 99)).toBe(2);
    expect(nestingDepth('<p>a<br>b<br/>c</p><p>d</p>', 99)).toBe(1);
    expect(nestingDepth('<ol><li>'.repeat(10), 99)).toBe(20);
    expect(nestingDepth('</div>'.repeat(5) + '<span>x</span>', 99)).toBe(1);
  });

  //   > | 一、\t(一)\t<ol><li><ol><li>…辦理\t100%
  it('a report row with 20 000 nested lists: the tags are dropped, the text kept, warning html-too-deep', () => {
    const input = `嘉義市東區區公所 109 年度工作總報告\n計畫名稱\t\t\t辦理情形\t完成程度 百分比\t備註\n類\t項\t目\t\t\t\n壹、民政部門\t一、一般民政\t(一)選舉業務\t${'<ol><li>'.repeat(20_000)}辦理里長補選。\t100%\t\n`;
    const result = valid(parse(input));
    const warning = result.diagnostics.find((d) => d.code === 'html-too-deep');
    expect(warning?.message).toContain(`more than ${MAX_HTML_DEPTH}`);
    expect(warning?.position?.start.line).toBe(4);
    expect(result.documents[0].reportItems.map((item) => item.status)).toEqual(['辦理里長補選。']);
  });

  it('keeps entities and breaks in a cell too deep to parse', () => {
    expect(htmlCellText(`${'<div>'.repeat(40)}甲&amp;乙<br>丙&#x4E01;`)).toBe('甲&乙\n丙丁');
  });
});

describe('markdown pipe tables', () => {
  it('splits cells without inline markdown at their pipes, <br> as a line break', () => {
    expect(plainTable(['| 關鍵策略目標 | 108年 |', '|---|--:|', '| 一、原住民 | 500<br>550 |'])).toEqual({ header: ['關鍵策略目標', '108年'], body: [{ line: 2, cells: ['一、原住民', '500\n550'] }] });
    // Escapes, code, emphasis: left to the markdown parser.
    expect(plainTable(['| a | b |', '|---|---|', '| `x|y` | **z** |'])).toBeNull();
  });

  //   > | | x | *a_*a_*a_… |
  it('a cell of thousands of emphasis marks is read as text, warning markdown-emphasis-ignored', () => {
    const result = valid(parse(`| 項目 | 說明 |\n|---|---|\n| x | ${'*a_'.repeat(5_000)} |\n`));
    expect(codes(result)).toContain('markdown-emphasis-ignored');
    expect(result.documents[0].tables[0].rows[0][1]).toBe('*a_'.repeat(5_000).trim());
  });

  it('emphasis in an ordinary table is still read', () => {
    const result = valid(parse('| 項目 | 說明 |\n|---|---|\n| x | **重要**工作 |\n'));
    expect(result.documents[0].tables[0].rows[0]).toEqual(['x', '重要工作']);
    expect(codes(result)).not.toContain('markdown-emphasis-ignored');
  });
});

describe('no spread of unbounded arrays into calls', () => {
  it('append / maxOf / minOf take any number of items', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(append([-1], many).length).toBe(300_001);
    expect(maxOf(many)).toBe(299_999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
  });

  it('src/ has no push(...x), unshift(...x), Math.max(...x), Math.min(...x) or fromCharCode(...x) outside the CLI', () => {
    // src/cli is another module's (its reporters are being changed in parallel).
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'cli') walk(file);
        } else if (file.endsWith('.ts')) {
          readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/^\s*(?:\/\/|\*)/.test(line)) return;
              if (/\b(?:push|unshift|max|min|fromCharCode|fromCodePoint)\((?:[^(){}[\]]*,\s*)?\.\.\./.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(path.join(root, 'src'));
    expect(offenders).toEqual([]);
  });

  it(`${LONG.toLocaleString('en')} section restarts (an info diagnostic each) do not overflow the stack`, () => {
    const input = Array.from({ length: LONG }, (_, i) => `${(i % 2) + 1}、項目`).join('\n');
    const result = valid(parse(input));
    expect(result.diagnostics.length).toBeGreaterThan(LONG / 3);
  }, 120_000);

  it(`${LONG.toLocaleString('en')} KPI rows in a tab table give as many KPIs`, () => {
    const header = '彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）\n關鍵策略目標\t關鍵績效指標\t衡量標準\t107\t108\t109\t110\n';
    const rows = Array.from({ length: LONG }, (_, i) => `${i + 1}、正確辦理戶籍登記\t1.受理案件\t正確率\t98%\t98%\t98%\t98%`).join('\n');
    const result = valid(parse(`${header}${rows}\n`));
    expect(result.documents[0].kpis.length).toBe(LONG);
  }, 120_000);

  it(`${LONG.toLocaleString('en')} rows of a Word cell-per-line table`, () => {
    const header = '嘉義市政府民政處中程(108至111年度)施政計畫\n\t關鍵策略目標\n\t關鍵績效指標\n\t衡量標準\n\t108年\n\n';
    const rows = Array.from({ length: LONG }, (_, i) => `\t${i + 1}、策略\n\t1.指標\n\t人數\n\t500\n`).join('\n');
    const result = valid(parse(`${header}${rows}`));
    expect(result.documents[0].tables[0].rows.length).toBe(LONG);
  }, 120_000);

  it(`${LONG.toLocaleString('en')} rows of a pipe table`, () => {
    const rows = Array.from({ length: LONG }, (_, i) => `| ${i} | x |`).join('\n');
    const result = valid(parse(`| a | b |\n|---|---|\n${rows}\n`));
    expect(result.documents[0].tables[0].rows.length).toBe(LONG);
  }, 120_000);
});

describe('the same result whatever the stack size (main thread or a worker, any --jobs)', () => {
  it('deeply nested HTML and long tables parse identically on a 1 MB stack', async () => {
    const input = `嘉義市東區區公所 109 年度工作總報告\n計畫名稱\t\t\t辦理情形\t完成程度 百分比\t備註\n類\t項\t目\t\t\t\n壹、民政部門\t一、一般民政\t(一)選舉業務\t${'<ol><li>'.repeat(30)}辦理。${'</li></ol>'.repeat(30)}${'<span>'.repeat(3000)}補選\t100%\t\n${Array.from({ length: 20_000 }, (_, i) => `\t\t\t${i + 1}. 辦理。\t100%\t`).join('\n')}\n`;
    const here = canonicalJson(parse(input));
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.parse).then(async ({ parse }) => {
        const { canonicalJson } = await import(workerData.serialize);
        parentPort.postMessage(canonicalJson(parse(workerData.input)));
      }, (error) => parentPort.postMessage('failed: ' + error.message));`;
    const there = await new Promise<string>((resolve, reject) => {
      const worker = new Worker(script, {
        eval: true,
        resourceLimits: { stackSizeMb: 1 },
        workerData: { input, parse: new URL('../dist/parse.js', import.meta.url).href, serialize: new URL('../dist/serialize.js', import.meta.url).href },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(there).toBe(here);
  }, 120_000);
});

describe('continuation rows', () => {
  //   > | 3\t約聘僱員額…\t1\t約聘僱員額成長率\t…
  //   > | \t\t\t\t\t\t算及基金…\r…      ← a stray CR splits the row; the rest is wider
  it('a stray CR inside any tab row of seed 003 never leaves holes in cells', () => {
    const lines = seedText('003_778b9b4aea791543.txt').split('\n');
    let mutations = 0;
    lines.forEach((line, i) => {
      if (!line.includes('\t')) return;
      for (let at = line.indexOf('\t'); at !== -1; at = line.indexOf('\t', at + 1)) {
        const mutated = [...lines];
        mutated[i] = `${line.slice(0, at + 1)}\r${line.slice(at + 1)}`;
        const result = parse(mutated.join('\n'));
        expect(validateResult(result), `line ${i + 1}, after the tab at ${at}`).toEqual([]);
        mutations++;
      }
    });
    expect(mutations).toBeGreaterThan(300);
  }, 120_000);
});

describe('encodings decided with a margin', () => {
  //   > | 家數×100%     (Big5 bytes; as GB18030: 產计⊙100%)
  //       ^^^^
  it('a short Big5 line is read as Big5, with warning encoding-uncertain', () => {
    const result = valid(parse(iconv.encode('家數×100%\n', 'big5')));
    expect(result.source.encoding).toBe('cp950');
    expect(codes(result)).toContain('encoding-uncertain');
  });

  it('a long Big5 text is decided without a warning', () => {
    const result = valid(parse(iconv.encode(seedText('003_778b9b4aea791543.txt'), 'big5')));
    expect(result.source.encoding).toBe('cp950');
    expect(codes(result)).not.toContain('encoding-uncertain');
  });

  it('a one-line BOM-less UTF-16LE file (no ASCII, one NUL byte from 一) is text, not binary', () => {
    const result = valid(parse(iconv.encode('一、辦理戶籍登記業務', 'utf16le')));
    expect(result.source.encoding).toBe('utf-16le');
    expect(codes(result)).toContain('encoding-uncertain');
    expect(sourceTextOf(result)).toBe('一、辦理戶籍登記業務');
  });

  it('random bytes with a NUL are still binary', () => {
    const bytes = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 0xff));
    bytes[0] = 0;
    expect(parse(bytes).source.encoding).toBe('binary');
  });

  it("parse(bytes, { encoding: '' }) is an unknown-encoding error in a schema-valid result", () => {
    const result = valid(parse(Buffer.from('一、測試'), { encoding: '' }));
    expect(result.source.encoding).toBe('unknown');
    expect(codes(result)).toEqual(['unknown-encoding']);
  });
});

describe('long runs that overflowed the regex engine', () => {
  it('a line of 4 million spaces after a page number, a bullet or a TOC leader', () => {
    const spaces = ' '.repeat(4_000_000);
    for (const line of [`第1頁${spaces}x`, `${spaces}頁`, `- ${spaces}頁`, `..${spaces}x....1`]) valid(parse(line));
  }, 120_000);

  it('a long run of combining marks of mixed classes is bounded (UAX #15 stream-safe)', () => {
    const result = valid(parse(`一、項目a${'\u0301\u0316'.repeat(50_000)}\n二、項目b\n`));
    expect(result.documents[0].sections[0].title).toContain('\u034f');
  });
});
