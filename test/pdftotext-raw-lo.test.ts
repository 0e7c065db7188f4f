/**
 * `pdftotext -raw` of the corpus's LibreOffice Writer PDFs (fixtures/extractors/
 * pdftotext-raw-lo/, made as the folder's README says): another producer under the
 * same extractor.  Writer sets a year apart from its `年` in the KPI header
 * (`108 年 109 年 …`, or `108` / `年` wrapped in a narrow cell) and wraps a title in its
 * cell (`關鍵績效指` / `標`); the flattened reader's header takes each as one word.  Scored with fixtures/score.mjs against the
 * PDFs' gold; the floors are a ratchet — the scores reached, to be raised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { findTables } from '../src/tables/index.js';
import { validateResult } from '../src/validate.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const base = path.join(root, 'fixtures/extractors');
const dir = path.join(base, 'pdftotext-raw-lo');

describe('pdftotext -raw text of the Writer PDFs', () => {
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  const entries = names.map((name) => {
    const result = parse(readFileSync(path.join(dir, name)), { path: name });
    return { name, result, gold: path.join(base, 'gold', `${name.replace(/\.txt$/u, '')}.pdf.gold.json`) };
  });
  const { totals } = scoreResults(entries);

  it('finds every document, valid, with its outline', () => {
    expect(names.length).toBe(16);
    for (const entry of entries) expect(validateResult(entry.result)).toEqual([]);
    expect(totals.docs).toBe(1);
    expect(totals.outline).toBeGreaterThanOrEqual(0.99);
  });

  it('KPI tables (floors: the scores reached)', () => {
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.815);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.905);
  });

  it('work-plan tables (floors: the scores reached)', () => {
    expect(totals.work).toBeGreaterThanOrEqual(0.98);
    expect(totals.budgets).toBeGreaterThanOrEqual(1);
  });

  it('work-report tables (floor: the score reached)', () => {
    expect(totals.report).toBeGreaterThanOrEqual(0.93);
  });
});

describe('a year set apart from its 年 in the KPI header', () => {
  function header(text: string): string[] | undefined {
    const source = normalize(text);
    return findTables(source, { kind: 'mid-term-plan', title: null, agency: null, period: null, revision: null, start: 0, end: source.lines.length, titleLines: [] })[0]?.header;
  }

  it('reads `108 年 109 年 …` on one line as the year columns', () => {
    // 52_chiayi-public-works-108-111-kpi-lo.txt
    const text = '關鍵策略目標 關鍵績效指標 衡量標準\n年度目標值\n108 年 109 年 110 年 111 年\n一\n區域排水、雨水下水道\n及水環境改善計畫\n1\n區域排水、雨水\n下水道疏濬清淤\n清疏工程辦理進度 100% 100% 100% 100%\n';
    expect(header(text)).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
  });

  it('reads `108` / `年` wrapped in a narrow cell as one year column', () => {
    // 51_chiayi-education-108-111-kpi-lo.txt
    const text = '關鍵策略目標 關鍵績效指標 衡量標準\n年度目標值\n108\n年\n109\n年\n110\n年\n111\n年\n一 落實美感教育\n發展校本美感課\n程及空間改造\n推動美感教育課程及計畫之校數 10 18 27 27\n';
    expect(header(text)).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
  });
  it('reads a header word wrapped in its cell (`關鍵績效指` / `標`)', () => {
    // 55_chiayi-admin-108-111-kpi-lo.txt: each title on lines of its own, the indicator's wrapped.
    const text = '關鍵策略目標\n關鍵績效指\n標\n衡量標準\n年度目標值\n108\n年\n109\n年\n110\n年\n111 年\n一\n精進文書作業效率，加強\n政府資訊公開\n';
    expect(header(text)).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
  });
});
