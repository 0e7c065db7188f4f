/**
 * A numbered line alone at the left margin inside a space-aligned table: the
 * first line of a strategy cell set above its row (Writer centres the other
 * cells), not a heading that ends the table.  Real text: seed 000 laid out by
 * Writer, `pdftotext -layout` (fixtures/writer-html/layout).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const text = readFileSync(new URL('../fixtures/writer-html/layout/000-r00-layout.txt', import.meta.url), 'utf8');

describe('a strategy cell whose first line stands above its row', () => {
  //   > | 二、結合宗教團體
  //       ^^^^^^^^^^^^^^^^ alone on its line, at the left margin
  //   > | 舉辦特色宗教節慶   1.辦理「嘉義市千盞燈、 每年持續辦理，延 每年 …
  const [document] = parse(text).documents;

  it('keeps the table going past it', () => {
    const strategies = [...new Set(document.kpis.map((kpi) => kpi.strategy.text))];
    expect(strategies[0]).toBe('原住民歲時祭儀及客家節慶活動廣為宣傳');
    expect(strategies.length).toBeGreaterThanOrEqual(4);
    expect(strategies[1]).toMatch(/^結合宗教團體舉辦特色宗教節慶活動/u);
  });

  it('still ends a table at a heading followed by prose', () => {
    const table = ['關鍵策略目標    關鍵績效指標    衡量標準    108年  109年', '一、提升效率    1.結案率    結案數/收案數    90%   92%', '', '三、未來重點', '本處將持續推動各項業務，提升服務品質。'].join('\n');
    const [only] = parse(`嘉義市政府民政處中程(108至109年度)施政計畫\n\n${table}\n`).documents;
    expect(only.kpis.map((kpi) => kpi.indicator.text)).toEqual(['結案率']);
    // The table ends on its row's line (line 4 of the file), before the heading on line 6.
    expect(only.tables[0].position.end.line).toBe(4);
  });
});
