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
