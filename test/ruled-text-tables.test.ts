/**
 * Tables drawn with text rules (src/tables/grid-text.ts, dashed.ts,
 * ruled-text.ts), columns a lost colspan split (spanned-columns.ts) and
 * pandoc's heading attributes (normalize/markdown.ts), on the inputs their
 * doc comments show.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { withoutHashes } from '../src/normalize/markdown.js';
import { parse } from '../src/parse.js';
import { dashedReader } from '../src/tables/dashed.js';
import { gridTextReader } from '../src/tables/grid-text.js';
import { cellText, displayColumns } from '../src/tables/ruled-text.js';
import { foldSpannedColumns } from '../src/tables/spanned-columns.js';
import { isSubHeader, joinHeader } from '../src/tables/tsv.js';
import type { RawTable } from '../src/types.js';

const read = (reader: typeof gridTextReader, text: string) => {
  const source = normalize(text);
  return reader.read(source.lines, 0, source.lines.length, source);
};

describe('grid tables', () => {
  const grid = [
    '+-------+------------------+------+',
    '| 機關  | 重要工作計畫項目 | 預   |',
    '| 工作  |                  | 算金 |',
    '| 項目  |                  | 額\\  |',
    '|       |                  | (千  |',
    '|       |                  | 元)  |',
    '+=======+==================+======+',
    '| 一、  | 農林漁           | 2    |',
    '| 貫徹  | 牧調查統計陳報， | 7    |',
    '| 農地  | 俾利上級研擬農林 | 9    |',
    '| 農用  | 漁牧政策之參考。 |      |',
    '+-------+------------------+------+',
    '|       | 農業用地作農業使 |      |',
    '|       | 用證明書之核發。 |      |',
    '+-------+------------------+------+',
  ].join('\n');

  it('cuts cells at the border\'s + by display column and joins each cell\'s wrapped lines', () => {
    const table = read(gridTextReader, grid)!;
    expect(table.layout).toBe('grid');
    expect(table.header).toEqual(['機關工作項目', '重要工作計畫項目', '預算金額 (千元)']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['一、貫徹農地農用', '農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。', '279'],
      ['', '農業用地作農業使用證明書之核發。', ''],
    ]);
    expect(table.rows[1].lines).toEqual([12, 13]);
    expect(table.end).toBe(15);
  });

  it('is no table without rows', () => expect(read(gridTextReader, '+---+---+---+\n| a | b | c |\n+---+---+---+')).toBeNull());
});

describe('multiline and simple dashed tables', () => {
  const multiline = [
    '  ----------------------------------------------------------',
    '  關鍵策略目標                 關鍵績效指標   衡量標準   年度目標值',
    '  -------------- ------------- -------------- ---------- -----',
    '                                                         108年',
    '',
    '  一             區域排水、雨水 1              清疏工程辦 100%',
    '                 下水道改善                    理進度',
    '',
    '                                2              雨水下水道 300',
    '  ----------------------------------------------------------',
  ].join('\n');

  // The empty header cell is the strategy's text column: the table stage folds it (foldSpannedColumns).
  it('takes the columns from the dash runs, rows from the blank lines, and the second header row under the first', () => {
    const table = read(dashedReader, multiline)!;
    expect(table.layout).toBe('dashed');
    expect(table.header).toEqual(['關鍵策略目標', '', '關鍵績效指標', '衡量標準', '年度目標值/108年']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['一', '區域排水、雨水下水道改善', '1', '清疏工程辦理進度', '100%'],
      ['', '', '2', '雨水下水道', '300'],
    ]);
  });

  it('reads a simple table (no rule on top) to the blank line', () => {
    const table = read(dashedReader, '  類別   項目       完成程度\n  ------ ---------- --------\n  民政   戶籍登記   100%\n  社會   急難救助   95%\n\n之後的段落')!;
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['民政', '戶籍登記', '100%'],
      ['社會', '急難救助', '95%'],
    ]);
  });
});

describe('cell text of wrapped lines', () => {
  it('joins CJK without spaces, a number cut over lines into one, and keeps paragraphs apart', () => {
    expect(cellText(['農林漁', '牧調查', '', '1\\. 嚴格執行。'])).toBe('農林漁牧調查\n1. 嚴格執行。');
    expect(cellText(['2,00', '0'])).toBe('2,000');
  });

  it('measures CJK as two columns', () => expect([...displayColumns('一a二')]).toEqual([0, 2, 3, 5]));
});

describe('columns a lost colspan split', () => {
  const table = (header: string[], rows: string[][]): RawTable => ({
    layout: 'markdown',
    header,
    rows: rows.map((cells) => ({ cells, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, lines: [] })),
    start: 0,
    end: 0,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    diagnostics: [],
  });

  it('folds an ordinal column under a spanning header cell into the text beside it', () => {
    const folded = foldSpannedColumns(table(['關鍵策略目標', '', '關鍵績效指標', '', '衡量標準'], [
      ['一', '區域排水、雨水下水道及水環境改善計畫', '1', '區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度'],
      ['', '', '2', '雨水下水道興建工程', '雨水下水道興建長度(公尺)'],
      ['四', '推展藝術節慶', '辦理嘉義市國際管樂節', '', '舉辦藝術節慶活動場次'],
    ]));
    expect(folded.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準']);
    expect(folded.rows.map((row) => row.cells)).toEqual([
      ['一、區域排水、雨水下水道及水環境改善計畫', '1.區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度'],
      ['', '2.雨水下水道興建工程', '雨水下水道興建長度(公尺)'],
      ['四、推展藝術節慶', '辦理嘉義市國際管樂節', '舉辦藝術節慶活動場次'],
    ]);
  });

  it('reads spans copied into every place they cover the same way', () => {
    const folded = foldSpannedColumns(table(['關鍵策略目標', '關鍵策略目標', '關鍵績效指標', '關鍵績效指標', '衡量標準', '年度目標值/108年'], [
      ['一', '區域排水、雨水下水道及水環境改善計畫', '1', '區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度', '100%'],
      ['一', '區域排水、雨水下水道及水環境改善計畫', '2', '雨水下水道興建工程', '雨水下水道興建長度(公尺)', '100%'],
      ['四', '推展藝術節慶', '辦理嘉義市國際管樂節', '辦理嘉義市國際管樂節', '舉辦藝術節慶活動場次', '10場'],
    ]));
    expect(folded.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年']);
    expect(folded.rows.map((row) => row.cells)).toEqual([
      ['一、區域排水、雨水下水道及水環境改善計畫', '1.區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度', '100%'],
      ['', '2.雨水下水道興建工程', '雨水下水道興建長度(公尺)', '100%'],
      ['四、推展藝術節慶', '辦理嘉義市國際管樂節', '舉辦藝術節慶活動場次', '10場'],
    ]);
  });

  it('keeps a row that repeats the one above whole, and values that repeat', () => {
    const rows = [['甲', '100%', '100%'], ['甲', '100%', '100%'], ['乙', '100%', '90%']];
    expect(foldSpannedColumns(table(['項目', '108年', '109年'], rows)).rows.map((row) => row.cells)).toEqual(rows);
  });

  it('leaves year columns and columns of text alone', () => {
    const years = table(['關鍵績效指標', '年度目標值', '', ''], [['a', '30', '12', '1']]);
    expect(foldSpannedColumns(years)).toBe(years);
    const text = table(['項目', '', '說明'], [['辦理研習', '每年兩次', '說明']]);
    expect(foldSpannedColumns(text)).toBe(text);
  });
});

describe('header rows with spans copied', () => {
  it('a second row that repeats the first above its years is a header row, joined once', () => {
    const top = ['關鍵策略目標', '關鍵策略目標', '衡量標準', '年度目標值', '年度目標值'];
    const second = ['關鍵策略目標', '關鍵策略目標', '衡量標準', '108年', '109年'];
    expect(isSubHeader(second, top)).toBe(true);
    expect(joinHeader([top, second])).toEqual(['關鍵策略目標', '關鍵策略目標', '衡量標準', '年度目標值/108年', '年度目標值/109年']);
  });
});

describe('pandoc heading attributes', () => {
  it('are not part of the title', () => {
    expect(withoutHashes('## 壹、機關任務及願景 {#壹機關任務及願景 .list-paragraph}')).toBe('壹、機關任務及願景');
    expect(withoutHashes('### 一、機關任務 ###')).toBe('一、機關任務');
    expect(withoutHashes('## 參、預算 {單位：千元}')).toBe('參、預算 {單位：千元}');
  });

  it('leave the outline as written', () => {
    const text = '# 嘉義市政府工務處中程(108至111年度)施政計畫\n\n## 壹、機關任務及願景 {#壹機關任務及願景 .list-paragraph}\n\n說明。\n';
    expect(parse(text).documents[0].sections[0].title).toBe('機關任務及願景');
  });
});
