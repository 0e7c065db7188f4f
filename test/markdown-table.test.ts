import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

describe('markdown pipe tables', () => {
  const text = [
    '# 某市政府某局中程(110至113年度)施政計畫',
    '',
    '## 壹、關鍵績效指標',
    '',
    '| 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 110年 | 111年 |',
    '|---|:---:|---|---|---|',
    '| 一、推動數位服務 | 線上申辦件數 | 件數 \\| 年度 | 1,200 | 1,500<br>(累計) |',
    '',
    '本表為示例。',
  ].join('\n');
  const result = parse(text, { path: 'example.md' });

  it('reads the table with remark, escapes and <br> included', () => {
    const [table] = result.documents[0].tables;
    expect(table.layout).toBe('markdown');
    expect(table.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '110年', '111年']);
    expect(table.rows[0][2]).toBe('件數 | 年度');
    expect(table.rows[0][4]).toBe('1,500\n(累計)');
    expect(table.position.start.line).toBe(5);
    expect(table.position.end.line).toBe(7);
    expect(table.section).toBe('壹、關鍵績效指標');
  });

  it('leaves the table out of the section text', () => {
    const [section] = result.documents[0].sections;
    expect(section.body).toEqual(['本表為示例。']);
    expect(result.source.format).toBe('markdown');
  });
});

describe('a pipe table with a second header row and rows wider than the header', () => {
  const text = [
    '# 嘉義市政府民政處中程(108至111年度)施政計畫',
    '',
    '| 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 年度目標值 |',
    '|---|---|---|---|',
    '|  |  |  | 108年 | 109年 |',
    '| 一 | 原住民歲時祭儀及客家節慶活動廣為宣傳 | 提高市民參加原住民歲時祭儀及客家節慶活動之參與度 | 參與人數 | 500 | 550 |',
    '| 二 | 結合宗教團體舉辦特色宗教節慶活動 | 1 | 辦理「嘉義市千盞燈、照亮眾學生」助學計畫 | 每年持續辦理 | 每年一次 | 每年一次 |',
  ].join('\n');
  const [document] = parse(text).documents;

  it('keeps the cells GFM would drop, joins the year row into the header and lines the rows up', () => {
    expect(document.tables[0].header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年']);
    expect(document.kpis.map((k) => [k.strategy.marker, k.indicator.marker, k.indicator.text.slice(0, 4), k.measure, k.targets.map((t) => `${t.year}:${t.raw}`).join(' ')])).toEqual([
      ['一', null, '提高市民', '參與人數', '108:500 109:550'],
      ['二', '1', '辦理「嘉', '每年持續辦理', '108:每年一次 109:每年一次'],
    ]);
  });
});
