/**
 * HTML files (src/formats/html.ts, html-blocks.ts) and HTML tables inside
 * text exports (src/tables/html-table.ts): recognised by their start, decoded
 * like text, tables read cell by cell with their spans by the engine DOCX
 * and ODT share.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlFrontEnd } from '../src/formats/html.js';
import { parse, sourceTextOf } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { root } from './helpers/seeds.js';

const page = (name: string) => readFileSync(path.join(root, 'fixtures/corpus/html', name));
const kpiPage = '52_chiayi-public-works-108-111-kpi.html';

describe('recognising an HTML file', () => {
  it.each([
    ['<!DOCTYPE html>\n<html lang="zh-Hant-TW">'],
    ['\ufeff<!-- saved from url=(0014)about:internet -->\n<HTML>\n<HEAD>'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">'],
    // pandoc -t html (no -s): a body fragment, tags wrapped at 72 columns.
    ['<p>嘉義市政府教育處</p>\n<p>中程(108至111年度)施政計畫</p>\n<h1\nid="嘉義市政府教育處中程108至111年度施政計畫">嘉義市政府教育處中程(108至111年度)施政計畫</h1>'],
  ])('by its start: %j', (start) => expect(htmlFrontEnd.sniff(Buffer.from(start))).toBe(true));

  it.each([
    ['# 嘉義市政府中程施政計畫\n\n<table><tr><td>a</td></tr></table>'],
    ['壹、機關任務\n<html> is mentioned in the text'],
    ['<p align="center">嘉義市政府</p>\n\n# 中程施政計畫\n\n| 策略 | 指標 |'],
  ])('not text that holds HTML: %j', (start) => expect(htmlFrontEnd.sniff(Buffer.from(start))).toBe(false));
});

describe('an HTML page', () => {
  const result = parse(page(kpiPage), { path: kpiPage });
  const [document] = result.documents;

  it('is read as html, schema-valid, with its document', () => {
    expect(result.source.format).toBe('html');
    expect(result.source.encoding).toBe('utf-8');
    expect(validateResult(result)).toEqual([]);
    expect(document.kind).toBe('mid-term-plan');
    expect(document.title).toContain('中程');
  });

  it('reads its table cell by cell: a strategy spanning two rows carried, years from the header row under 年度目標值', () => {
    const table = document.tables.find((t) => t.kind === 'kpi')!;
    expect(table.layout).toBe('html');
    expect(document.kpis).toHaveLength(12);
    const second = document.kpis[1];
    expect(second.strategy.text).toBe(document.kpis[0].strategy.text);
    expect(second.indicator.text).toBe('雨水下水道興建工程');
    expect(second.targets.map((target) => [target.year, target.raw])).toEqual([[108, '300'], [109, '300'], [110, '300'], [111, '300']]);
  });

  it('reads the same from Big5 bytes, and from a string', () => {
    const big5 = iconv.encode(page(kpiPage).toString('utf8').replace('charset="utf-8"', 'charset="big5"'), 'big5');
    const fromBig5 = parse(big5, { path: 'big5.html' });
    expect(fromBig5.source.format).toBe('html');
    expect(fromBig5.source.encoding).not.toBe('utf-8');
    expect(fromBig5.documents[0].kpis).toEqual(document.kpis.map((kpi) => ({ ...kpi, position: expect.anything() })));
    expect(parse(page(kpiPage).toString('utf8')).documents[0].kpis).toHaveLength(12);
  });

  it('leaves out scripts, styles and page chrome (nav, header, footer)', () => {
    const html = `<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
      <header>市政府首頁</header><nav><ul><li>壹、最新消息</li><li>貳、機關介紹</li></ul></nav>
      <h1>嘉義市政府財政稅務局中程(108至111年度)施政計畫</h1>
      <h2>壹、機關任務及願景</h2><p>說明。</p><script>var 壹 = 1;</script>
      <footer>貳、網站導覽</footer></body></html>`;
    const sections = parse(html).documents[0].sections;
    expect(sections.map((section) => section.title)).toEqual(['機關任務及願景']);
  });

  it('numbers ordered list items the way a browser shows them, unless the text carries its own marker', () => {
    const html = `<!DOCTYPE html><html><body><h1>嘉義市政府中程施政計畫</h1><h2>壹、機關任務</h2>
      <ol><li>落實美感教育。</li><li>推動雙語教育。</li></ol><ol style="list-style-type:none"><li>(一)辦理研習。</li></ol></body></html>`;
    const rendition = sourceTextOf(parse(html))!.split('\n');
    expect(rendition).toEqual(expect.arrayContaining(['1.落實美感教育。', '2.推動雙語教育。', '(一)辦理研習。']));
  });

  it('gives a truncated page what it has, and binary bytes after <html> an error, never a crash', () => {
    const truncated = page(kpiPage).subarray(0, 9000);
    const cut = parse(truncated, { path: 'cut.html' });
    expect(cut.source.format).toBe('html');
    expect(cut.documents[0].kpis.length).toBeGreaterThan(0);
    expect(cut.documents[0].kpis.length).toBeLessThan(12);
    const binary = Buffer.concat([Buffer.from('<html><body>'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))]);
    const result = parse(binary, { path: 'binary.html' });
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('reads through a layout table (a menu column beside the content) to the headings and the data table in it', () => {
    const body = page(kpiPage).toString('utf8').replace(/^[\s\S]*?<body>/, '').replace(/<\/body>[\s\S]*$/, '');
    const html = `<!DOCTYPE html><html><body><table width="100%"><tr><td width="150"><a href="/">首頁</a><br><a href="/news">最新消息</a></td><td>${body}</td></tr></table></body></html>`;
    const framed = parse(html).documents[0];
    expect(framed.sections.map((section) => section.title)).toEqual(document.sections.map((section) => section.title));
    expect(framed.kpis.map((kpi) => kpi.indicator.text)).toEqual(document.kpis.map((kpi) => kpi.indicator.text));
  });

  it('bounds nested tables: 40 tables one inside another parse without error', () => {
    const html = `<!DOCTYPE html><html><body>${'<table><tr><td>'.repeat(40)}深${'</td></tr></table>'.repeat(40)}</body></html>`;
    const result = parse(html);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('HTML tables inside a markdown export (pandoc -t gfm)', () => {
  const name = '63_chiayi-west-district-social-112-workplan.pandoc-gfm.md';
  const text = readFileSync(path.join(root, 'fixtures/converters', name), 'utf8');
  const result = parse(text, { path: name });
  const [document] = result.documents;

  it('reads the <table> block cell by cell, rowspans carried', () => {
    const table = document.tables.find((t) => t.kind === 'work-items')!;
    expect(table.layout).toBe('html');
    expect(document.workItems).toHaveLength(31);
    expect(document.workItems.slice(0, 5).every((item) => item.path[0] === '一、貫徹農地農用政策')).toBe(true);
  });

  it('points each row at its <tr> lines', () => {
    const lines = text.split('\n');
    const first = document.workItems[0].position.start.line;
    expect(lines[first - 1]).toMatch(/^<tr/);
  });
});

describe('HTML mutations', () => {
  // A small linear congruential generator: the same mutations on every run.
  let seed = 20261128;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const source = page('66_chiayi-east-district-109-report-accounting-personnel-admin.html').toString('utf8');
  const mutations: [string, (html: string) => string][] = [
    ['cut anywhere', (html) => html.slice(0, random(html.length))],
    ['a tag dropped', (html) => {
      const at = html.indexOf('<t', random(html.length));
      return at < 0 ? html : html.slice(0, at) + html.slice(html.indexOf('>', at) + 1);
    }],
    ['spans out of range', (html) => html.replace(/rowspan="\d+"/g, () => `rowspan="${['0', '-1', '99999', 'x', '2.5'][random(5)]}"`).replace(/<td>/g, () => (random(8) === 0 ? '<td colspan="1000">' : '<td>'))],
    ['cells and rows duplicated', (html) => html.replace(/<\/tr>/g, () => (random(4) === 0 ? '</tr><tr><td></td></tr>' : '</tr>')).replace(/<td/g, () => (random(10) === 0 ? '<td></td><td' : '<td'))],
    ['unclosed tables and lists', (html) => html.replace(/<\/table>|<\/ol>|<\/li>/g, () => (random(3) === 0 ? '' : '</table>'))],
  ];
  it.each(mutations)('%s: a schema-valid result, never a throw', (_, mutate) => {
    for (let round = 0; round < 12; round++) {
      const result = parse(Buffer.from(mutate(source)), { path: 'mutated.html' });
      expect(validateResult(result)).toEqual([]);
    }
  });
});

