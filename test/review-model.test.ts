/**
 * The review page's data (src/review/model.ts, html.ts, page.ts,
 * index-page.ts), without a browser: spans, cells found again in the source,
 * page marks, warnings flagged on records, escaping.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { failedEntry, indexEntry, renderIndexPage } from '../src/review/index-page.js';
import { embedJson, escapeHtml } from '../src/review/html.js';
import { flagFinder, locateCells, pageMarks, reviewModel, searchKey, spanOf, type ReviewModel } from '../src/review/model.js';
import { FILE_PAGE_SCRIPT } from '../src/review/page-script.js';
import { renderFilePage } from '../src/review/page.js';
import { parse, sourceTextOf } from '../src/parse.js';
import type { ParseResult, Position } from '../src/types.js';
import { seedBytes } from './helpers/seeds.js';

const SEED_000 = '000_41429686ef6f927b.txt';
const SEED_002 = '002_518a493018a85667.txt';
const SEED_004 = '004_68055337084019e7.txt';

function modelOf(name: string): ReviewModel {
  const result = parse(seedBytes(name), { path: name });
  return reviewModel(result, sourceTextOf(result)!);
}

/** The compared text of a span's lines. */
function spanKey(model: ReviewModel, at: [number, number]): string {
  return searchKey(model.lines.slice(at[0] - 1, at[1]).join('\n'));
}

function position(startLine: number, startColumn: number, endLine: number, endColumn: number): Position {
  return { start: { line: startLine, column: startColumn, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } };
}

describe('spans', () => {
  it('cover the lines of a position; an end at column 1 stops before its line', () => {
    expect(spanOf(position(3, 2, 5, 7), 10)).toEqual([3, 5]);
    expect(spanOf(position(3, 1, 5, 1), 10)).toEqual([3, 4]);
    expect(spanOf(position(4, 1, 4, 1), 10)).toEqual([4, 4]);
    expect(spanOf(position(8, 1, 30, 4), 10)).toEqual([8, 10]);
  });

  it('every KPI of seed 000 spans the lines that hold its indicator, measure and targets', () => {
    const model = modelOf(SEED_000);
    const kpis = model.documents.flatMap((d) => d.kpis);
    expect(kpis).toHaveLength(17);
    // The first KPI as the Word export writes it: its strategy marker on line 61, targets on 65–68.
    expect(kpis[0].at).toEqual([61, 68]);
    expect(model.lines[60].trim()).toBe('一');
    for (const kpi of kpis) {
      const text = spanKey(model, kpi.at);
      expect(text).toContain(searchKey(kpi.indicator.text));
      for (const target of kpi.targets) expect(text).toContain(searchKey(target.raw));
    }
  });

  it('every report item of seed 004 spans the line that holds its status', () => {
    const model = modelOf(SEED_004);
    const items = model.documents.flatMap((d) => d.reportItems);
    expect(items.length).toBe(353);
    for (const item of items) expect(spanKey(model, item.at)).toContain(searchKey(item.status).slice(0, 6));
  });

  it('keeps the source lines as written, split like positions count them', () => {
    const result = parse('甲\r\n乙\r丙\n', { path: 't' });
    const model = reviewModel(result, sourceTextOf(result)!);
    expect(model.lines).toEqual(['甲', '乙', '丙']);
  });
});

describe('cells found again in the source', () => {
  const found = (model: ReviewModel): { cells: number; found: number; right: number } => {
    let cells = 0;
    let located = 0;
    let right = 0;
    for (const document of model.documents) {
      for (const table of document.tables) {
        table.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!searchKey(cell)) return;
            cells++;
            const at = table.cells[r][c];
            if (!at) return;
            located++;
            if (spanKey(model, at).includes(searchKey(cell).slice(0, 3))) right++;
          }),
        );
      }
    }
    return { cells, found: located, right };
  };

  // Floors measured on the seeds: they only go up.
  it.each([
    [SEED_000, 1],
    [SEED_004, 1],
    [SEED_002, 0.74],
  ])('%s: share of cells located ≥ %d, each on a line holding its text', (name, floor) => {
    const stats = found(modelOf(name));
    expect(stats.found / stats.cells).toBeGreaterThanOrEqual(floor);
    expect(stats.right).toBe(stats.found);
  });

  it('a cell-per-line cell with its marker on a line of its own spans both lines', () => {
    // Seed 000's Word export: `一` on one line, the strategy on the next; the table reader joins them as `一、…`.
    const lines = ['\t一', '\t原住民歲時祭儀及客家節慶活動廣為宣傳', '\t提高市民參加原住民歲時祭儀及客家節慶活動之參與度', '\t500'];
    const cells = locateCells({ rows: [['一、原住民歲時祭儀及客家節慶活動廣為宣傳', '提高市民參加原住民歲時祭儀及客家節慶活動之參與度', '500']], position: position(1, 1, 4, 5) }, lines);
    expect(cells).toEqual([[[1, 2], [3, 3], [4, 4]]]);
  });

  it('a value repeated in the next row is found on its own row', () => {
    const lines = ['1.辦理市民集團結婚\t參加對數\t20', '2.辦理成年禮\t報名參加人數\t20'];
    const cells = locateCells({ rows: [['1.辦理市民集團結婚', '參加對數', '20'], ['2.辦理成年禮', '報名參加人數', '20']], position: position(1, 1, 2, 20) }, lines);
    expect(cells[1][2]).toEqual([2, 2]);
  });

  it('compares without spacing, punctuation, pipes, HTML tags; full-width digits as half-width', () => {
    expect(searchKey('| 1. 辦理 <br> 春、秋二季 |')).toBe('1辦理春秋二季');
    expect(searchKey('１２３％')).toBe('123％');
    expect(searchKey('a < b')).toBe('a<b');
  });
});

describe('page marks', () => {
  it('start a page at each form feed, as pdftotext writes them', () => {
    const text = '壹、機關任務\n內容\n\f貳、施政重點\n\f參、關鍵績效指標\n';
    const result = parse(text, { path: 'p.txt' });
    const model = reviewModel(result, sourceTextOf(result)!);
    expect(model.pages).toEqual([
      { page: 1, line: 1 },
      { page: 2, line: 3 },
      { page: 3, line: 4 },
    ]);
  });

  it('come from `start.page` on positions when a front end records pages', () => {
    const result = parse('壹、機關任務\n內容\n貳、施政重點\n', { path: 'p.txt' });
    const section = result.documents[0]?.sections[1] ?? result.documents[0]?.sections[0];
    expect(section).toBeDefined();
    (section!.position.start as { page?: number }).page = 2;
    result.diagnostics.push({ severity: 'warning', code: 'x', message: 'm', position: { start: { line: 1, column: 1, offset: 0, page: 1 } as Position['start'], end: { line: 1, column: 2, offset: 1 } } });
    expect(pageMarks(result, ['壹、機關任務', '內容', '貳、施政重點'])).toEqual([
      { page: 1, line: 1 },
      { page: 2, line: section!.position.start.line },
    ]);
  });

  it('are absent from a text without pages', () => {
    expect(modelOf(SEED_000).pages).toEqual([]);
  });
});

describe('warnings on records', () => {
  it('a report entry without completion is flagged with the quality warning at its line', async () => {
    const { checkQuality } = await import('../src/quality/index.js');
    const result = parse(seedBytes(SEED_004), { path: SEED_004 });
    const diagnostics = [...result.diagnostics, ...checkQuality(result)];
    const model = reviewModel(result, sourceTextOf(result)!, diagnostics);
    const flagged = model.documents[0].reportItems.filter((item) => item.flags.length);
    expect(flagged.length).toBeGreaterThan(0);
    for (const item of flagged) {
      for (const index of item.flags) {
        const d = model.diagnostics[index];
        expect(d.severity).not.toBe('info');
        expect(d.at![0]).toBeGreaterThanOrEqual(item.at[0]);
        expect(d.at![0]).toBeLessThanOrEqual(item.at[1]);
      }
    }
    // The README's example: line 148, 「中低收入戶符合427件。」 has no completion.
    const entry = model.documents[0].reportItems.find((item) => item.at[0] === 148);
    expect(entry?.completion).toBeNull();
    expect(entry?.flags.map((i) => model.diagnostics[i].code)).toContain('missing-completion');
    expect(model.counts.warnings).toBe(diagnostics.filter((d) => d.severity === 'warning').length);
  });

  it('finds the diagnostics starting inside a span', () => {
    const finder = flagFinder([
      { severity: 'warning', code: 'a', message: '', at: [5, 5] },
      { severity: 'info', code: 'b', message: '', at: [6, 6] },
      { severity: 'error', code: 'c', message: '', at: [9, 12] },
      { severity: 'warning', code: 'd', message: '', at: null },
    ]);
    expect(finder([1, 4])).toEqual([]);
    expect(finder([5, 9])).toEqual([0, 2]);
    expect(finder([6, 8])).toEqual([]);
  });
});

describe('escaping', () => {
  const hostile = '壹、機關任務\n<script>alert(1)</script> </textarea> <!-- & "quoted" \u2028\n貳、<img src=x onerror=alert(2)>\n';

  it('embeds JSON with no `<` left and reads back the same value', () => {
    const value = { text: hostile, tag: '</script><script>alert(3)</script>' };
    const json = embedJson(value);
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('a file page shows a document holding <script> and </textarea> as text: only the page script runs', () => {
    const result = parse(hostile, { path: '<script>alert(4)</script>.txt' });
    const html = renderFilePage(reviewModel(result, sourceTextOf(result)!), { indexHref: '"><script>alert(5)</script>' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(2); // the JSON data and the page script
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([FILE_PAGE_SCRIPT]);
    const hash = createHash('sha256').update(FILE_PAGE_SCRIPT).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    // The data block reads back to the source lines as written.
    const data = /<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect((JSON.parse(data) as ReviewModel).lines[1]).toBe('<script>alert(1)</script> </textarea> <!-- & "quoted" \u2028');
  });

  it('the page script is valid JavaScript', () => {
    expect(() => new Function(FILE_PAGE_SCRIPT)).not.toThrow();
  });
});

describe('index rows', () => {
  it('count documents, records and problems; a file without a page keeps its first error', () => {
    const model = modelOf(SEED_004);
    const entry = indexEntry(model, '004.txt.html');
    expect(entry).toMatchObject({ path: SEED_004, href: '004.txt.html', documents: 1, kinds: ['work-report'], reportItems: 353, kpis: 0 });
    const failed = failedEntry('bin.pdf', 'failed', [{ severity: 'error', code: 'wrong-file-type', message: 'this is a PDF file', position: null }]);
    expect(failed).toMatchObject({ href: null, errors: 1, codes: ['wrong-file-type'], problem: 'this is a PDF file' });
    const html = renderIndexPage([entry, { ...failed, path: '</script><b>x</b>.pdf' }]);
    expect(html).not.toContain('<b>x');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('the multi-document seed lists every document kind once', () => {
    const model = modelOf(SEED_002);
    const entry = indexEntry(model, 'x.html');
    expect(entry.documents).toBe(21);
    expect(entry.kinds).toEqual(['mid-term-plan', 'revision-summary']);
  });
});

// A result not made by `parse` in this thread has no source text: the page still renders.
it('a result without its text gives an empty source', () => {
  const result: ParseResult = JSON.parse(JSON.stringify(parse(seedBytes(SEED_000), { path: SEED_000 })));
  expect(sourceTextOf(result)).toBeUndefined();
  const model = reviewModel(result, '');
  expect(model.lines).toEqual(['']);
  expect(model.documents[0].kpis[0].at).toEqual([1, 1]);
});
