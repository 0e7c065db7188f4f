/**
 * MuPDF's text (`mutool draw -F txt`) of a LibreOffice KPI table: the year
 * titles wrapped as `108` / `年` in their narrow cells, and an ordinal printed
 * beside its strategy's first line, each on the real input the doc comments show
 * (fixtures/extractors/mutool-draw-lo/51_chiayi-education-108-111-kpi-lo.txt).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { paragraphs } from '../src/tables/reading-order-cells.js';
import { isStacked, stackedLines } from '../src/tables/reading-order-stacked.js';
import type { Line } from '../src/types.js';
import { root } from './helpers/seeds.js';

function linesOf(text: string): Line[] {
  return text.split('\n').map((line, index) => ({ text: line, index, role: line.trim() === '' ? 'blank' : 'content' }) as Line);
}

const firstRow = '一 落實美感教育\n發展校本美感課\n程及空間改造\n推動美感教育課程及計畫之校數\n10\n18\n27\n27\n\n二\n\n提 升 本 市 公 共\n化 教 保 服 務 之\n質量\n\n四 辦 理 暑 期 科 學\n\n營隊';

describe('MuPDF text of a LibreOffice KPI table', () => {
  it('reads `108` / `年` blocks as the year columns of the header', () => {
    const text = readFileSync(path.join(root, 'fixtures/extractors/mutool-draw-lo/51_chiayi-education-108-111-kpi-lo.txt'));
    const result = parse(text, { path: '51.txt' });
    const table = result.documents[0].tables[0];
    expect(table.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    const first = result.documents[0].kpis[0];
    expect(first.strategy?.ordinal).toBe(1);
    expect(first.strategy?.text).toBe('落實美感教育');
    expect(first.targets.map((target) => target.raw)).toEqual(['10', '18', '27', '27']);
    const second = result.documents[0].kpis[1];
    expect(second.strategy?.text).toBe('提升本市公共化教保服務之質量');
    expect(second.indicator?.text).toBe('增加公立幼兒園班級數');
  });

  it('takes ordinals beside their text as stacked blocks only when the header is stacked too', () => {
    const lines = linesOf(firstRow);
    const blocks = paragraphs(lines, 0, lines.length);
    expect(isStacked(blocks, true)).toBe(true);
    // pdfminer prints `一 落實美感教育` too, but its header cells stand apart.
    expect(isStacked(blocks, false)).toBe(false);
  });

  it('gives the ordinal a line of its own', () => {
    const lines = linesOf(firstRow);
    const { body } = stackedLines(paragraphs(lines, 0, lines.length), lines, 4);
    expect(body.slice(0, 2).map((line) => line.text)).toEqual(['一', '落實美感教育']);
  });
});

describe('MuPDF text of a LibreOffice work-plan table', () => {
  it('keeps the budget column\'s wrapped unit note `(單位：千` / `元)` in the header', () => {
    const text = readFileSync(path.join(root, 'fixtures/extractors/mutool-draw-lo/63_chiayi-west-district-social-112-workplan-lo.txt'));
    const table = parse(text, { path: '63.txt' }).documents[0].tables[0];
    // Joined like the other extractors' header of the same PDF (MuPDF's Chromium text, pdftotext -raw).
    expect(table.header).toEqual(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額 (單位：千元)']);
    const cells = table.rows.flat();
    expect(cells).not.toContain('(單位：千');
    expect(cells).not.toContain('元)');
    expect(cells).not.toContain('預算金額');
  });
});
