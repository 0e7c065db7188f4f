/**
 * The reading-order reader (`pdftotext` without `-layout`): its block
 * helpers on the inputs their doc comments show, variants of the corpus
 * text the way other extractors and page geometries write it, and its cost
 * at two sizes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { blockValues, lineParts, splitTwoColumns } from '../src/tables/reading-order-cells.js';
import type { Kpi, ParseResult } from '../src/types.js';
import { validateResult } from '../src/validate.js';
import { root } from './helpers/seeds.js';

const textDir = path.join(root, 'fixtures/corpus/text');
const goldDir = path.join(root, 'fixtures/corpus/gold');
const read = (name: string) => readFileSync(path.join(textDir, name), 'utf8');

interface GoldKpi {
  strategy: string;
  indicator: string;
  measure: string;
  targets: Record<string, string>;
}
interface GoldDocument {
  title: string;
  period: { from: number; to: number };
  kpis: GoldKpi[];
}

function gold(name: string): GoldDocument {
  return (JSON.parse(readFileSync(path.join(goldDir, `${name}.gold.json`), 'utf8')) as { documents: GoldDocument[] }).documents[0];
}

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').replace(/^(?:[一二三四五六七八九十]+、|[0-9]+\.)/u, '');

/** Gold rows the output has exactly (strategy, indicator, measure, every target). */
function exactKpis(result: ParseResult, expected: readonly GoldKpi[]): number {
  const kpis: Kpi[] = result.documents.flatMap((document) => document.kpis);
  let exact = 0;
  for (const row of expected) {
    // Two indicators may read the same: the measure tells them apart.
    const at = kpis.findIndex((kpi) => squash(kpi.indicator.text) === squash(row.indicator) && squash(kpi.measure ?? '') === squash(row.measure));
    if (at < 0) continue;
    const [match] = kpis.splice(at, 1);
    const targets = Object.fromEntries(match.targets.map((target) => [String(target.year), target.raw]));
    const same =
      squash(match.strategy.text) === squash(row.strategy) &&
      squash(match.measure ?? '') === squash(row.measure) &&
      Object.entries(row.targets).every(([year, raw]) => squash(targets[year] ?? '') === squash(raw));
    if (same) exact++;
  }
  return exact;
}

function parsed(text: string, name = 'variant.txt'): ParseResult {
  const result = parse(text, { path: name });
  expect(validateResult(result)).toEqual([]);
  return result;
}

describe('reading-order blocks', () => {
  it('splits a line at the space between two cells, not inside one', () => {
    expect(lineParts('計畫道路用地取得條 計畫道路取得條數/3')).toEqual(['計畫道路用地取得條', '計畫道路取得條數/3']);
    expect(lineParts('完工之路平工程件數 /路')).toEqual(['完工之路平工程件數 /路']);
    expect(lineParts('較基期年 (104年) EUI不')).toEqual(['較基期年 (104年) EUI不']);
    // A numbered entry after a sentence goes on in the same cell.
    expect(lineParts('人、國中29人編班。 2.1')).toEqual(['人、國中29人編班。 2.1']);
    expect(lineParts('(1) 第5類人口係指符合社')).toEqual(['(1) 第5類人口係指符合社']);
  });

  it('joins target values wrapped in a narrow column and values side by side', () => {
    expect(blockValues(['10', '0%'])).toEqual(['100%']);
    expect(blockValues(['2,00', '0'])).toEqual(['2,000']);
    expect(blockValues(['1000 1250 1500', '人次 人次 人次'])).toEqual(['1000人次', '1250人次', '1500人次']);
    expect(blockValues(['2.3% 2.0%'])).toEqual(['2.3%', '2.0%']);
    expect(blockValues(['5MW', '(累', '積)'])).toEqual(['5MW(累積)']);
    expect(blockValues(['辦理暑期科學營', '隊'])).toBeNull();
  });

  it('splits a block of two cells by the geometry that fills their columns', () => {
    // Centred cells, one line apart: left, right, left.
    expect(splitTwoColumns(['辦理嘉義大車站發展', '完成整體規劃構想', '計畫'], { left: 9, right: 11 })).toMatchObject({
      left: ['辦理嘉義大車站發展', '計畫'],
      right: ['完成整體規劃構想'],
    });
    // Top-aligned cells: shared lines first, the taller cell's last line after.
    expect(splitTwoColumns(['區域排水、雨水下水 清疏工程辦理進度', '道疏濬清淤'], { left: 9, right: 11 })).toMatchObject({
      left: ['區域排水、雨水下水', '道疏濬清淤'],
      right: ['清疏工程辦理進度'],
    });
    // A bracket left open continues its cell.
    expect(splitTwoColumns(['雨水下水道興建工程 雨水下水道興建長度(公', '尺)'], { left: 9, right: 11 })).toMatchObject({
      left: ['雨水下水道興建工程'],
      right: ['雨水下水道興建長度(公', '尺)'],
    });
  });
});

describe('reading-order variants', () => {
  const name = '55_chiayi-admin-108-111-kpi-raw.txt';
  const expected = gold(name).kpis;

  it('the corpus file: every KPI row', () => {
    expect(exactKpis(parsed(read(name), name), expected)).toBe(expected.length);
  });

  it('without form feeds (an extractor that marks no page ends)', () => {
    expect(exactKpis(parsed(read(name).replace(/\f/gu, ''), name), expected)).toBe(expected.length);
  });

  it('without blank lines between cells (an extractor that writes no paragraph breaks)', () => {
    const text = read(name)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
    const result = parsed(text, name);
    expect(result.documents[0].tables[0].layout).toBe('reading-order');
    expect(exactKpis(result, expected)).toBe(expected.length);
  });

  it('with CRLF line ends', () => {
    expect(exactKpis(parsed(read(name).replace(/\n/gu, '\r\n'), name), expected)).toBe(expected.length);
  });

  it('row by row, one cell per block, as pdftotext orders a table whose cells do not overlap', () => {
    // Rebuilt from another document's gold: header cells, then each row's
    // strategy ordinal and text, indicator, measure and targets.
    const document = gold('52_chiayi-public-works-108-111-kpi-raw.txt');
    const years = Object.keys(document.kpis[0].targets);
    const blocks = ['關鍵策略目標', '關鍵績效指標', '衡量標準', `年度目標值\n${years.map((year) => `${year}年`).join(' ')}`];
    let previous = '';
    let strategy = 0;
    let indicator = 0;
    for (const row of document.kpis) {
      if (row.strategy !== previous) {
        strategy++;
        indicator = 0;
        blocks.push('一二三四五六七八九'[strategy - 1], row.strategy);
        previous = row.strategy;
      }
      indicator++;
      const many = document.kpis.filter((other) => other.strategy === row.strategy).length > 1;
      if (many) blocks.push(String(indicator));
      blocks.push(row.indicator, row.measure.replace(/\n/gu, ''), ...years.map((year) => row.targets[year] || '-'));
    }
    const text = `${document.title}\n\n壹、關鍵績效指標\n\n${blocks.join('\n\n')}\n`;
    const result = parsed(text);
    const blanks = document.kpis.filter((row) => Object.values(row.targets).some((raw) => raw === '')).length;
    expect(exactKpis(result, document.kpis)).toBeGreaterThanOrEqual(document.kpis.length - blanks);
    expect(result.documents[0].tables[0].layout).toBe('reading-order');
  });

  it("seed 003's 序號 / 評估體制 / 評估方式 form and its 共同性指標 table, one cell per block", () => {
    // The tab-separated tables rewritten the way a reading-order extractor
    // prints a table whose cells do not overlap: every cell a block of its own.
    const seed = readFileSync(path.join(root, 'fixtures/seeds/003_778b9b4aea791543.txt'), 'utf8');
    const blocks = seed
      .split('\n')
      .map((line) => (line.includes('\t') ? `${line.split('\t').map((cell) => cell.trim()).filter(Boolean).join('\n\n')}\n` : line))
      .join('\n');
    const key = (kpi: Kpi) => [kpi.strategy.text, kpi.indicator.text, kpi.measure, kpi.assessment?.system, kpi.assessment?.method, kpi.common, kpi.targets.map((target) => target.raw).join('|')].join(' ¦ ');
    const expected = parsed(seed, '003').documents.flatMap((document) => document.kpis).map(key);
    const result = parsed(blocks, '003-blocks');
    const got = result.documents.flatMap((document) => document.kpis).map(key);
    expect(expected.length).toBe(19);
    // Known miss: three rows cut by a page break (their measure goes on after the break).
    expect(got.filter((row) => expected.includes(row)).length).toBeGreaterThanOrEqual(16);
    expect(result.documents[0].tables.map((table) => table.kind)).toEqual(['kpi', 'common-kpi']);
  });

  it('a header with a body that cannot be read gives a warning, not silence', () => {
    const text = '嘉義市政府測試處中程(108至111年度)施政計畫\n\n壹、關鍵績效指標\n\n關鍵策略目標\n\n關鍵績效指標\n\n衡量標準\n\n年度目標值\n108年 109年\n';
    const result = parsed(text);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'table-body-unread' && diagnostic.position)).toBe(true);
  });

  it('an uncertain row still comes out, with a warning at its position', () => {
    // The first row loses one of its four targets (a cell the extractor dropped).
    const text = read(name).replace('10\n0%\n\n10\n0%\n\n10\n0%\n\n10\n0%', '10\n0%\n\n10\n0%\n\n10\n0%');
    expect(text).not.toBe(read(name));
    const result = parsed(text, name);
    const warning = result.diagnostics.find((diagnostic) => diagnostic.code === 'kpi-row-uncertain');
    expect(warning?.position?.start.line).toBeGreaterThan(0);
    expect(result.documents[0].kpis.length).toBeGreaterThanOrEqual(expected.length - 1);
  });
});

describe('reading-order cost', () => {
  /** A reading-order KPI table of `rows` rows (the corpus's own blocks, repeated). */
  function table(rows: number): string {
    const body: string[] = ['嘉義市政府測試處中程(108至111年度)施政計畫', '壹、關鍵績效指標', '關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值\n108年 109年 110年 111年'];
    for (let i = 0; i < rows; i++) {
      body.push('一二三四五六七八九'[i % 9], `建立本府依法行\n政體系${i}`, `人民請求國家賠償及訴\n願案件數${i}`, '收案後依限辦結件數 /總\n辦結案件數×100%', '10\n0%', '10\n0%', '10\n0%', '10\n0%');
      if (i % 20 === 19) body.push(`9-${i}`, '\f關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值\n108年 109年 110年 111年');
    }
    return `${body.join('\n\n')}\n`;
  }

  function cpu(text: string): number {
    const start = process.cpuUsage();
    parse(text, { path: 'scale.txt' });
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  }

  it('reads every row', () => {
    expect(parsed(table(50)).documents[0].kpis.length).toBe(50);
  });

  it('10x the rows take < 30x the CPU time', () => {
    const small = table(200);
    const large = table(2000);
    cpu(small); // warm up the JIT
    const a = Math.min(cpu(small), cpu(small));
    const b = cpu(large);
    expect(b / Math.max(a, 5), `200 rows: ${a.toFixed(1)} ms, 2000 rows: ${b.toFixed(1)} ms`).toBeLessThan(30);
  });
});
