/**
 * Tables without drawn borders read from glyph positions (layout
 * `pdf-aligned`, src/formats/pdf/borderless.ts): the steps on real excerpts
 * (pdf.js's runs of the LibreOffice PDFs in fixtures/corpus/files, positions
 * in points, y from the top), and accuracy floors (a ratchet) on the eight
 * borderless corpus PDFs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Block, type CellLine, cellBlocks, cellLines, isCentred, linePitch, placeSpanning, rowBands } from '../src/formats/pdf/cell-blocks.js';
import type { TextRun } from '../src/formats/pdf/page.js';
import { wordsOf } from '../src/formats/pdf/words.js';
import { parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { columnBoundaries, columnOf } from '../src/tables/geometry/columns.js';
import { scoreResults } from './helpers/corpus.js';
import { corpusDir } from './helpers/pdf.js';

function run(x0: number, x1: number, text: string, y = 540, size = 12): TextRun {
  return { text, x: x0, y, width: x1 - x0, size };
}

/** A column's lines from `[y, x0, x1, text]` runs. */
function column(runs: [number, number, number, string][]): CellLine[] {
  return cellLines(runs.flatMap(([y, x0, x1, text]) => wordsOf(run(x0, x1, text, y), 0)));
}

describe('words of a run', () => {
  it('cuts the targets of four columns set as one run at its spaces', () => {
    // 52, page 3: the next row's values stand at 412.7, 445.2, 477.6, 510.9.
    const words = wordsOf(run(412.7, 538.9, '100% 100% 100% 100%'), 0);
    expect(words.map((word) => word.text.trim())).toEqual(['100%', '100%', '100%', '100%']);
    const starts = words.map((word) => word.x);
    [412.7, 445.2, 477.6, 510.9].forEach((x, k) => expect(Math.abs(starts[k] - x)).toBeLessThan(5));
  });

  it('cuts a measure from the first target in one run', () => {
    // 52: `計畫道路取得條數/3` ends in the measure column, `33%` starts the 108 one (at 412.7).
    const [measure, target] = wordsOf(run(399.5, 434.7, '/3 33%'), 0);
    expect(measure.text.trim()).toBe('/3');
    expect(target.text).toBe('33%');
    expect(target.x).toBeGreaterThan(410);
  });

  it('keeps spaced-out ideographs one word, and an ordinal apart from unspaced text', () => {
    expect(wordsOf(run(303.5, 369.3, '雨 水 下 水 道'), 0).map((word) => word.text)).toEqual(['雨水下水道']);
    // 56: `一 提高大眾運輸使用率`, the ordinal in its own sub-column.
    const [ordinal, text] = wordsOf(run(52.5, 178.6, '一 提高大眾運輸使用率'), 0);
    expect(ordinal.text.trim()).toBe('一');
    expect(text.text).toBe('提高大眾運輸使用率');
    expect(text.x).toBeGreaterThan(ordinal.x + ordinal.width);
  });
});

describe('column boundaries in points', () => {
  it('puts the measure | 108 boundary in the gutter the body leaves, not inside a justified line', () => {
    // 54, page 2: header centres of 衡量標準 and 108年, and body words around the gutter.
    const lines: [number, number, string][] = [
      [312.1, 395.4, '里程增加數(km)'],
      [422.6, 428.6, '5'],
      [380.3, 419.6, '景 區 文'],
      [312.1, 406.0, '化、生態及健康'],
      [407.6, 419.6, '旅'],
      [422.6, 440.6, '300'],
    ];
    const runs = lines.map(([x0, x1, text], line) => ({ line, x0, x1, text }));
    const [boundary] = columnBoundaries([366.0, 434.8], runs);
    expect(boundary).toBeGreaterThanOrEqual(419.6);
    expect(boundary).toBeLessThanOrEqual(422.6);
    expect(columnOf(407.6, [boundary])).toBe(0);
    expect(columnOf(422.6, [boundary])).toBe(1);
  });
});

describe('cell blocks and rows', () => {
  // 58, page 3: an indicator of three lines at the ideographs' pitch, the
  // targets `100` over `%` set tighter.
  const indicator = column([
    [450.1, 201.3, 339.7, '總預算案暨附屬單位預算'],
    [467.4, 188.7, 278.3, '及綜計表於每年'],
    [484.6, 188.7, 284.7, '前送請市議會審議'],
    [508.9, 200.0, 340.0, '年度預付費用及存入保證'],
    [526.2, 200.0, 339.8, '金(押標金、履約保證金及'],
    [543.4, 200.0, 312.0, '保固金)催辦核銷次數'],
  ]);
  const target = column([
    [459.6, 440.1, 458.1, '100'],
    [473.4, 440.1, 450.1, '%'],
    [525.3, 440.1, 446.1, '6'],
  ]);

  it('takes each column’s own line pitch', () => {
    const ideographs = linePitch(indicator, 20);
    expect(ideographs).toBeGreaterThan(17);
    expect(ideographs).toBeLessThan(19);
    expect(linePitch(target, 20)).toBeLessThan(15);
  });

  it('groups a column’s lines into cells by their spacing', () => {
    const blocks = cellBlocks(indicator, linePitch(indicator, 20), 1);
    expect(blocks.map((block) => block.lines.length)).toEqual([3, 3]);
    expect(cellBlocks(target, linePitch(target, 20), 3).map((block) => block.lines.length)).toEqual([2, 1]);
  });

  it('makes rows of the blocks beside each other, and gives a merged cell the first row it is centred on', () => {
    // 52, page 3: strategy 一 centred beside two indicators, strategy 二 beside the next two.
    const strategy = column([
      [552.8, 70.6, 197.7, '區域排水、雨水下水道'],
      [570.0, 70.6, 166.6, '及水環境改善計畫'],
      [635.9, 70.6, 197.7, '八米計畫道路之徵收及'],
      [653.1, 70.6, 197.8, '生活圈道路開闢與提升'],
      [670.4, 70.6, 142.6, '道路品質計畫'],
    ]);
    const indicators = column([
      [532.0, 211.9, 300.7, '區域排水、雨水'],
      [549.3, 211.9, 295.9, '下水道疏濬清淤'],
      [573.6, 211.9, 300.7, '雨水下水道興建'],
      [590.8, 211.9, 235.9, '工程'],
      [615.1, 211.9, 300.7, '計畫道路用地取'],
      [632.4, 211.9, 247.9, '得條數'],
      [656.7, 211.9, 300.7, '辦理嘉義市東義'],
      [673.9, 211.9, 300.7, '路及盧山橋改建'],
      [691.2, 211.9, 235.9, '工程'],
    ]);
    const targets = column([
      [539.8, 412.7, 436.7, '100%'],
      [581.3, 412.7, 430.7, '300'],
      [622.9, 412.7, 434.7, '33%'],
      [673.0, 412.7, 428.7, '0%'],
    ]);
    const blocks: Block[][] = [strategy, indicators, targets].map((lines, c) => cellBlocks(lines, linePitch(lines, 17.8), c));
    const bands = rowBands(blocks, 1);
    expect(bands).toHaveLength(4);
    expect(blocks[0].every((block) => block.spanning)).toBe(true);
    expect(isCentred(blocks, bands)).toBe(true);
    placeSpanning(blocks, bands, true);
    expect(blocks[0].map((block) => block.row)).toEqual([0, 2]);
    expect(blocks[2].map((block) => block.row)).toEqual([0, 1, 2, 3]);
  });
});

describe('top-aligned cells', () => {
  it('makes the same rows when every cell starts at its row’s top, and starts a merged cell there', () => {
    // Chromium, an HTML table without borders and `vertical-align: top`
    // (file 52's DOCX through `soffice --convert-to html`, printed with
    // `chromium --headless --print-to-pdf`): cells start level, a target's
    // Latin baseline three points above the ideographs'.
    const strategy = column([
      [626.1, 72.5, 203.7, '區域排水、雨水下水道及'],
      [643.1, 72.5, 155.4, '水環境改善計畫'],
      [726.9, 72.5, 191.8, '八米計畫道路之徵收及'],
    ]);
    const indicators = column([
      [626.1, 212.3, 304.9, '區 域 排 水 、 雨 水'],
      [643.1, 212.3, 295.3, '下水道疏濬清淤'],
      [676.5, 212.3, 304.9, '雨水下水道興建'],
      [693.5, 212.3, 236.0, '工程'],
      [726.9, 212.3, 300.0, '計畫道路用地取'],
    ]);
    const targets = column([
      [623.1, 412.9, 440.5, '100%'],
      [673.5, 412.9, 430.7, '300'],
      [723.9, 412.9, 434.6, '33%'],
    ]);
    const blocks: Block[][] = [strategy, indicators, targets].map((lines, c) => cellBlocks(lines, linePitch(lines, 17.5), c));
    const bands = rowBands(blocks, 1);
    expect(bands).toHaveLength(3);
    expect(isCentred(blocks, bands)).toBe(false);
    placeSpanning(blocks, bands, false, 1);
    expect(blocks[0].map((block) => block.row)).toEqual([0, 2]);
    expect(blocks[2].map((block) => block.row)).toEqual([0, 1, 2]);
  });
});

describe('borderless PDF accuracy', () => {
  const filesDir = path.join(corpusDir, 'files');
  // LibreOffice's PDFs of the even-numbered documents draw no borders.
  const names = readdirSync(filesDir)
    .filter((name) => /^\d*[02468]_.*-lo\.pdf$/.test(name))
    .sort();
  const results = new Map<string, ParseResult>();

  beforeAll(async () => {
    for (const name of names) results.set(name, await parseAsync(readFileSync(path.join(filesDir, name)), { path: name }));
  }, 120_000);

  function score(): Record<string, number | null> {
    return scoreResults(names.map((name) => ({ name, result: results.get(name)!, gold: path.join(corpusDir, 'gold', `${name}.gold.json`) }))).totals;
  }

  it('reads every table of the eight PDFs from glyph positions, at the floors', () => {
    expect(names).toHaveLength(8);
    for (const name of names) {
      const layouts = results.get(name)!.documents.flatMap((d) => d.tables.map((t) => t.layout));
      expect(layouts.length, name).toBeGreaterThan(0);
      expect(layouts.every((layout) => layout === 'pdf-aligned'), name).toBe(true);
    }
    const totals = score();
    expect(totals.docs).toBe(1);
    expect(totals.outline).toBeGreaterThanOrEqual(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(1);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(1);
    expect(totals.work).toBeGreaterThanOrEqual(1);
    expect(totals.budgets).toBeGreaterThanOrEqual(1);
    expect(totals.report).toBeGreaterThanOrEqual(0.98);
    expect(totals.meta).toBeGreaterThanOrEqual(1);
  });

  it('flags every row it read incompletely', () => {
    for (const name of names) {
      const result = results.get(name)!;
      const flagged = (code: string) => result.diagnostics.filter((d) => d.code === code).length;
      let kpiGaps = 0;
      let reportGaps = 0;
      for (const table of result.documents.flatMap((d) => d.tables)) {
        const years = table.header.flatMap((label, c) => (/\d{3}年$/u.test(label) ? [c] : []));
        const completion = table.header.findIndex((label) => /完成程度/u.test(label));
        for (const row of table.rows) {
          if (table.kind === 'kpi' && years.some((c) => !row[c]?.trim())) kpiGaps++;
          if (table.kind === 'report-items' && completion >= 0 && !row[completion]?.trim()) reportGaps++;
        }
      }
      expect(flagged('kpi-row-uncertain'), name).toBeGreaterThanOrEqual(kpiGaps);
      expect(flagged('report-item-uncertain'), name).toBeGreaterThanOrEqual(reportGaps);
    }
  });
});
