/**
 * MuPDF's text (`mutool draw -F txt`) of LibreOffice work-plan and report
 * tables: Writer justifies narrow CJK cells with spaces, and MuPDF keeps
 * them, on the real input the doc comments show
 * (fixtures/extractors/mutool-draw-lo/65_…-lo.txt and 66_…-lo.txt).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { joinWrappedTitles } from '../src/tables/wrapped-titles.js';
import { isHeaderCell } from '../src/tables/reading-order.js';
import { root } from './helpers/seeds.js';

const dir = path.join(root, 'fixtures/extractors/mutool-draw-lo');

describe('MuPDF text of LibreOffice tables with justified cells', () => {
  it('reads `一 、 組 織 編` / `制 及 任 免 遷` / `調` as one category and leaves the unit note in the header', () => {
    const document = parse(readFileSync(path.join(dir, '65_chiayi-west-district-personnel-112-workplan-lo.txt')), { path: '65.txt' }).documents[0];
    const first = document.workItems[0];
    expect(first.path).toEqual(['一、組織編制及任免遷調']);
    expect(first.item).toBe('依據中央訂頒之各類職稱及官等職等員額配置準則，辦理編制及人力調配。');
    // `(單位：` / `千元)` under `預算金` / `額`: the header's, no item.
    expect(document.workItems.map((item) => item.item)).not.toContain('(單位：');
    expect(document.tables[0].header[3]).toBe('預算金額 (單位：千元)');
  });

  it('joins a unit note wrapped right after a wrapped title', () => {
    const blocks = [
      { lines: [0], texts: ['實施內容'], pageStart: false },
      { lines: [2], texts: ['預算金'], pageStart: false },
      { lines: [4], texts: ['額'], pageStart: false },
      { lines: [6, 7], texts: ['(單位：', '千元)'], pageStart: false },
    ];
    expect(joinWrappedTitles(blocks, isHeaderCell).map((block) => block.texts)).toEqual([['實施內容'], ['預算金額'], ['(單位：千元)']]);
  });

  it('reads `肆、 會計` / `部門` as one 類 label, not two cells', () => {
    const document = parse(readFileSync(path.join(dir, '66_chiayi-east-district-109-report-accounting-personnel-admin-lo.txt')), { path: '66.txt' }).documents[0];
    expect(document.reportItems.some((item) => item.path[0] === '肆、會計部門')).toBe(true);
    expect(document.reportItems.some((item) => item.path[0] === '肆、部門')).toBe(false);
  });
});
