/**
 * LibreOffice justifies CJK text; `pdftotext -layout` cuts a justified line
 * into groups of glyphs wherever they were set apart (`策辦優 質演 藝`, or
 * glyph by glyph: `社 會 救`), and one space is all that separates a cell
 * from the next.  These tests hold what the aligned reader makes of that on
 * the corpus's `*-lo-layout.txt` (fixtures/corpus/text, gold beside it).
 * Floors are a ratchet: the measured scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { isSpacedOut, joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';
import { validateResult } from '../src/validate.js';
import { corpusFiles, corpusText, scoreCorpus, scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

function kpisOf(name: string) {
  const result = parse(corpusText(name), { path: name });
  return result.documents.flatMap((document) => document.kpis ?? []);
}

describe('a line spaced out glyph by glyph', () => {
  it('is wider than its characters once joined', () => {
    //   > | 社 會 救 5. 辦理低收入戶喪葬補
    const runs = joinSpacedOut(lineRuns('社 會 救 5. 辦理低收入戶喪葬補', 0, 1));
    expect(runs.map((run) => run.text)).toEqual(['社會救', '5.', '辦理低收入戶喪葬補']);
    expect(isSpacedOut(runs[0], 1)).toBe(true);
    expect(isSpacedOut(runs[2], 1)).toBe(false);
  });

  it('is not a value joined to its unit', () => {
    // The units module joins `10 月` into one word: digits are not glyphs set apart.
    expect(isSpacedOut({ line: 0, x0: 0, x1: 4, text: '10月' }, 1)).toBe(false);
  });
});

describe('justified cells in drifted KPI rows', () => {
  it('keeps the groups of a justified line in their cell', () => {
    //   > |             策辦優 質演 藝        11 萬 人 12 萬 人          14 萬 人
    //   > |           1          參與觀眾人數
    const kpi = kpisOf('59_chiayi-culture-108-111-kpi-lo-layout.txt').find((row) => row.indicator.text.startsWith('策辦優'));
    expect(kpi?.indicator.text).toBe('策辦優質演藝活動');
    expect(kpi?.measure).toBe('參與觀眾人數');
  });

  it('gives a wrapped last glyph standing where the next column starts to that column', () => {
    //   > |   辦理青年培育與磁吸 等
    //   > |              支持青年團隊在地
    const kpi = kpisOf('57_chiayi-smart-tech-108-111-kpi-lo-layout.txt').find((row) => row.indicator.text.startsWith('各項工作坊'));
    expect(kpi?.strategy?.text).toBe('辦理青年培育與磁吸青年人才等活動');
  });

  it('reads each row of a strategy with its own columns', () => {
    //   > |              1 位決算於 2 月 20 日前送達
    //   > |     屬單位決算及綜計表       地方總決算書於 4 月底前
    //   > |                   2 分送行政院主計總處及審
    const kpis = kpisOf('58_chiayi-budget-108-111-kpi-lo-layout.txt');
    const second = kpis.find((row) => row.indicator.text.startsWith('地方總決算書'));
    expect(second?.indicator.text).toBe('地方總決算書於4月底前分送行政院主計總處及審計機關');
    expect(second?.measure).toBe('依限完成發函作業');
  });

  it('starts the indicator at its number inside the strategy column', () => {
    //   > |   體消防戰力 2 充實救災裝備 規劃購置救災裝備器 ≧91% ≧91% ≧91% ≧91%
    const kpis = kpisOf('62_chiayi-fire-108-111-kpi-lo-layout.txt');
    const kpi = kpis.find((row) => row.indicator.text.startsWith('充實救災'));
    expect(kpi?.strategy?.text).toBe('加強災害應變能力，提升整體消防戰力');
    expect(kpi?.indicator.text).toBe('充實救災裝備器材');
    expect(kpi?.measure).toBe('規劃購置救災裝備器材預算金額執行率');
  });
});

describe('pdftotext -layout of the LibreOffice PDFs: floors', () => {
  const score = scoreCorpus(corpusFiles((name) => name.endsWith('-lo-layout.txt')));
  const file = (prefix: string) => score.files.find((entry) => entry.file.startsWith(prefix));
  it('all files', () => {
    expect(score.totals.docs).toBe(1);
    expect(score.totals.outline).toBe(1);
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.681);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.816);
    expect(score.totals.work).toBeGreaterThanOrEqual(0.971);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.report).toBeGreaterThanOrEqual(0.999);
  });
  it('the files with justified cells', () => {
    const kpi = (prefix: string) => file(prefix) as unknown as { kpiRows: { f1: number }; kpiCells: number };
    expect(kpi('59_').kpiRows.f1).toBeGreaterThanOrEqual(0.384);
    expect(kpi('59_').kpiCells).toBeGreaterThanOrEqual(0.637);
    expect(kpi('61_').kpiRows.f1).toBeGreaterThanOrEqual(0.857);
    expect(kpi('61_').kpiCells).toBeGreaterThanOrEqual(0.897);
    expect(kpi('62_').kpiRows.f1).toBeGreaterThanOrEqual(0.75);
    expect(kpi('62_').kpiCells).toBeGreaterThanOrEqual(0.785);
    const budgets = (prefix: string) => (file(prefix) as unknown as { budgets: { f1: number } }).budgets.f1;
    expect(budgets('63_')).toBeGreaterThanOrEqual(0.999);
    expect(budgets('64_')).toBeGreaterThanOrEqual(0.999);
  });
});

describe('pdftotext -layout -r 150 of the LibreOffice PDFs (fixtures/lolayout/r150)', () => {
  const base = path.join(root, 'fixtures/lolayout');
  const names = readdirSync(path.join(base, 'r150')).filter((name) => name.endsWith('.txt'));
  const score = scoreResults(
    names.map((name) => {
      const result = parse(readFileSync(path.join(base, 'r150', name)), { path: name });
      expect(validateResult(result)).toEqual([]);
      return { name, result, gold: path.join(base, 'gold', `${name.replace(/-layout-r150\.txt$/u, '')}.pdf.gold.json`) };
    }),
  );
  it('reads all 16', () => expect(names).toHaveLength(16));
  it('floors', () => {
    expect(score.totals.docs).toBe(1);
    expect(score.totals.outline).toBe(1);
    expect(score.totals.kpiRows).toBeGreaterThanOrEqual(0.672);
    expect(score.totals.kpiCells).toBeGreaterThanOrEqual(0.82);
    expect(score.totals.work).toBeGreaterThanOrEqual(0.971);
    expect(score.totals.budgets).toBeGreaterThanOrEqual(0.999);
    expect(score.totals.report).toBeGreaterThanOrEqual(0.999);
  });
});
