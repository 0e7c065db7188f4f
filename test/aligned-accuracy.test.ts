/**
 * Issue 9 — space-aligned PDF text (`pdftotext -layout`), scored with
 * fixtures/score.mjs against the corpus gold (fixtures/corpus, copied from
 * ../shared/corpus): Chromium PDFs (`-layout.txt`), LibreOffice PDFs
 * (`-lo-layout.txt`), and the Chromium ones re-spaced the way an extractor
 * on a half-em grid writes them (MuPDF-style: a CJK character two columns,
 * every word at twice its column).  A ratchet: raise the floors as the
 * reader improves, never lower them.
 *
 * LibreOffice's PDFs come out of pdftotext with each table row laid out on
 * its own (columns drift by up to 20 columns from row to row, cells run into
 * each other one space apart): those floors are far lower and recorded as
 * such.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { corpusFiles, corpusText, scoreCorpus } from './helpers/corpus.js';

const chromium = corpusFiles((name) => name.endsWith('-layout.txt') && !name.endsWith('-lo-layout.txt'));
const libreOffice = corpusFiles((name) => name.endsWith('-lo-layout.txt'));

const isWide = (code: number) => (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60);

/**
 * The same page as an extractor on a half-em grid writes it: every cell at
 * twice its column (pdftotext's columns are one em wide), a CJK character
 * two columns wide, words of one cell one space apart.
 */
export function halfEmGrid(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const feed = line.startsWith('\f') ? '\f' : '';
      const body = feed ? line.slice(1) : line;
      let out = '';
      let width = 0;
      let previous = '';
      for (const match of body.matchAll(/\S+/gu)) {
        const column = 2 * [...body.slice(0, match.index)].length;
        // One space between words of a cell stays one (it is narrower than a
        // column); between two CJK words it is a gutter (CJK text has no spaces).
        const single = previous !== '' && body[match.index - 1] === ' ' && body[match.index - 2] !== ' ';
        const inCell = single && !(isWide(previous.codePointAt(previous.length - 1)!) && isWide(match[0].codePointAt(0)!));
        const pad = inCell ? 1 : width === 0 ? column : Math.max(column - width, 1);
        previous = match[0];
        out += ' '.repeat(pad) + match[0];
        width += pad;
        for (const ch of match[0]) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
      }
      return feed + out;
    })
    .join('\n');
}

describe('space-aligned PDF text: pdftotext -layout of Chromium PDFs', () => {
  const score = scoreCorpus(chromium);
  it('finds every document and its outline', () => {
    expect(score.totals.docs).toBe(1);
    expect(score.totals.outline).toBeGreaterThanOrEqual(0.988);
  });
  it('KPI rows and cells', () => {
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.973);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.992);
  });
  it('work items and budgets', () => {
    expect(score.totals.work).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.999);
  });
  it('report items', () => expect(score.totals.report).toBeGreaterThanOrEqual(0.999));
});

describe('space-aligned PDF text: the same pages on a half-em grid (MuPDF-style spacing)', () => {
  const score = scoreCorpus(chromium, halfEmGrid);
  it('finds every document', () => expect(score.totals.docs).toBe(1));
  it('KPI rows and cells', () => {
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.956);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.987);
  });
  it('work and report items', () => {
    expect(score.totals.work).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.report).toBeGreaterThanOrEqual(0.991);
  });
});

describe('space-aligned PDF text: without form feeds', () => {
  const score = scoreCorpus(chromium, (text) => text.replace(/\f/gu, ''));
  it('holds the same accuracy', () => {
    expect(score.totals.docs).toBe(1);
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.973);
    expect(score.totals.work).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.report).toBeGreaterThanOrEqual(0.991);
  });
});

describe('space-aligned PDF text: pdftotext -layout of LibreOffice PDFs', () => {
  const score = scoreCorpus(libreOffice);
  it('finds every document', () => expect(score.totals.docs).toBe(1));
  it('KPI rows and cells (rows laid out one by one: low, a ratchet)', () => {
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.514);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.682);
  });
  it('work, budget and report items (a ratchet)', () => {
    expect(score.totals.work).toBeGreaterThanOrEqual(0.971);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.report).toBeGreaterThanOrEqual(0.999);
  });
});

describe('space-aligned PDF text: what the reader reports', () => {
  it('tells the format and reads the tables as aligned, never as flattened', () => {
    for (const name of [...chromium, ...libreOffice]) {
      const result = parse(corpusText(name), { path: name });
      expect(result.source.format, name).toBe('pdf-layout-text');
      const layouts = result.documents.flatMap((document) => document.tables.map((table) => table.layout));
      expect(layouts, name).not.toContain('flattened');
      expect(layouts, name).toContain('aligned');
    }
  });

  it('reads a space-aligned table in a file of mostly prose (the format test does not see the layout there)', () => {
    const name = chromium.find((file) => file.startsWith('51_'))!;
    const text = corpusText(name);
    const prose = '本處持續推動各項教育政策，並依據年度計畫辦理相關業務，以提升施政品質與服務效能。'.repeat(1);
    const padded = text.replace('壹、', `${Array.from({ length: 600 }, () => prose).join('\n')}\n壹、`);
    const result = parse(padded, { path: name });
    expect(result.source.format).not.toBe('pdf-layout-text');
    const tables = result.documents.flatMap((document) => document.tables);
    expect(tables.map((table) => table.layout)).toEqual(['aligned']);
    expect(result.documents.flatMap((document) => document.kpis)).toHaveLength(8);
  });

  it('reads the 序號 / 評估體制 / 評估方式 form and its 共同性指標 table', () => {
    // fixtures/aligned/assessment-form.txt: seed 003's columns laid out the way pdftotext -layout prints them.
    const text = readFileSync(new URL('../fixtures/aligned/assessment-form.txt', import.meta.url), 'utf8');
    const result = parse(text, { path: 'assessment-form.txt' });
    const [document] = result.documents;
    expect(document.tables.map((table) => [table.kind, table.layout])).toEqual([
      ['kpi', 'aligned'],
      ['common-kpi', 'aligned'],
    ]);
    const first = document.kpis[0];
    expect([first.strategy.ordinal, first.strategy.text, first.indicator.text, first.measure]).toEqual([1, '提升為民服務品質', '民眾滿意度', '滿意度調查結果 (滿意人數/總人數)']);
    expect(first.assessment).toEqual({ method: '統計數據', system: '1' });
    expect(document.kpis.map((kpi) => kpi.targets.map((target) => target.raw).join(' '))).toEqual(['85% 86%', '90% 91%', '1,200 1,300', '20 20', '-1% -1%']);
    expect(document.kpis.filter((kpi) => kpi.common).map((kpi) => kpi.indicator.text)).toEqual(['終身學習時數', '用電成長率']);
  });

  it('warns at the row it is unsure of, and at a header whose body it cannot read', () => {
    const name = libreOffice.find((file) => file.startsWith('59_'))!;
    const result = parse(corpusText(name), { path: name });
    const uncertain = result.diagnostics.filter((d) => d.code === 'kpi-row-uncertain');
    expect(uncertain.length).toBeGreaterThan(0);
    for (const diagnostic of uncertain) expect(diagnostic.position?.start.line).toBeGreaterThan(0);

    const header = ['                                                     年度目標值', '    關鍵策略目標        關鍵績效指標           衡量標準', '                                               108年 109年 110年 111年'];
    const text = ['嘉義市政府教育處中程(108至111年度)施政計畫', '', '壹、關鍵績效指標', ...header, '', '貳、附錄', '    本計畫之附錄     另行公告', '    本計畫之附錄     另行公告', '    本計畫之附錄     另行公告'].join('\n');
    const bare = parse(text, { path: 'bare.txt' });
    expect(bare.source.format).toBe('pdf-layout-text');
    const unread = bare.diagnostics.filter((d) => d.code === 'aligned-table-unread');
    expect(unread).toHaveLength(1);
    expect(unread[0].position?.start.line).toBe(4);
  });
});
