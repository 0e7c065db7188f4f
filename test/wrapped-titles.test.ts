/**
 * Header titles wrapped over MuPDF's blocks (`關鍵績效指` / `標`), on the real
 * input the doc comments show (fixtures/extractors/mutool-draw-lo/55_chiayi-admin-108-111-kpi-lo.txt,
 * `mutool draw -F txt` of a LibreOffice PDF).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { paragraphs } from '../src/tables/reading-order-cells.js';
import { isHeaderCell } from '../src/tables/reading-order.js';
import { joinWrappedTitles, wrappedTitleAt, wrappedTitleLength } from '../src/tables/wrapped-titles.js';
import type { Line } from '../src/types.js';
import { root } from './helpers/seeds.js';

function linesOf(text: string): Line[] {
  return text.split('\n').map((line, index) => ({ text: line, index, role: line.trim() === '' ? 'blank' : 'content' }) as Line);
}

const header = '關鍵策略目標\n關鍵績效指\n\n標\n衡量標準\n\n年度目標值\n\n108\n年\n\n一 精進文書作業效率，加強';

describe('header titles wrapped over blocks', () => {
  it('joins `關鍵績效指` / `標` across the blank line into one title', () => {
    const lines = linesOf(header);
    expect(wrappedTitleAt(lines, 1, lines.length, isHeaderCell)).toEqual({ text: '關鍵績效指標', end: 4 });
    // A title whole on its line, and a year over its `年`, are no wrapped title.
    expect(wrappedTitleAt(lines, 0, lines.length, isHeaderCell)).toBeNull();
    expect(wrappedTitleLength(['108', '年'], 0, isHeaderCell)).toBe(0);
  });

  it('leaves the header blocks holding header cells only', () => {
    const lines = linesOf(header);
    const blocks = joinWrappedTitles(paragraphs(lines, 0, lines.length), isHeaderCell);
    expect(blocks.map((block) => block.texts)).toEqual([['關鍵策略目標', '關鍵績效指標'], ['衡量標準'], ['年度目標值'], ['108', '年'], ['一 精進文書作業效率，加強']]);
    expect(blocks[0].lines).toEqual([0, 1]);
  });

  it('joins short body lines only beside a header cell', () => {
    // `完成` / `程度` would spell a title, but no header cell stands beside it.
    const lines = linesOf('辦理情形說明文字很長的一段\n\n完成\n程度\n\n本所依規定辦理完畢');
    const blocks = joinWrappedTitles(paragraphs(lines, 0, lines.length), isHeaderCell);
    expect(blocks.map((block) => block.texts)).toEqual([['辦理情形說明文字很長的一段'], ['完成', '程度'], ['本所依規定辦理完畢']]);
  });

  it('finds the KPI table whose header wraps a title over blocks', () => {
    const text = readFileSync(path.join(root, 'fixtures/extractors/mutool-draw-lo/55_chiayi-admin-108-111-kpi-lo.txt'));
    const document = parse(text, { path: '55.txt' }).documents[0];
    expect(document.tables[0].header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(document.kpis.length).toBeGreaterThanOrEqual(7);
    expect(document.kpis[0].indicator?.text).toBe('發行市府公報並數位化');
  });
});
