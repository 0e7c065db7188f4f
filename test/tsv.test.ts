/** The tab-separated table reader, on snippets of real converter output (seeds 001, 003, 004). */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { htmlCellText } from '../src/tables/html-cell.js';
import { isDelimiterRow, tsvReader } from '../src/tables/tsv.js';

function read(lines: string[]) {
  const source = normalize(`${lines.join('\n')}\n`);
  return tsvReader.read(source.lines, 0, source.lines.length, source);
}

describe('tsv reader', () => {
  it('joins a header with its row of years (KPI tables, seed 003)', () => {
    const table = read([
      '序號\t關鍵策略目標\t編號\t關鍵績效指標\t衡量標準\t年度績效目標值\t\t\t',
      '\t\t\t\t\t107\t108\t109\t110',
      '1\t正確辦理各項戶籍登記\t1\t受理戶籍登記案件\t件數\t100%\t100%\t100%\t100%',
    ])!;
    expect(table.header.slice(5)).toEqual(['年度績效目標值/107', '年度績效目標值/108', '年度績效目標值/109', '年度績效目標值/110']);
    expect(table.rows).toHaveLength(1);
  });

  it('drops the header repeated after a page break and keeps one RawRow per source row', () => {
    const table = read([
      '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額 (單位：千元)',
      '(二)民政管理\t1. 里鄰長全民健康保險。\t保費收繳。\t8,359',
      '',
      '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額 (單位：千元)',
      '\t2. 里長健康檢查。\t辦理核銷。\t1,395',
    ])!;
    expect(table.rows.map((row) => row.lines)).toEqual([[1], [4]]);
  });

  it('drops markdown delimiter rows between pages (seed 004)', () => {
    const table = read([
      '計畫名稱\t\t\t辦理情形\t完成程度 百分比\t備註',
      '類\t項\t目\t\t\t',
      '\t\t(七) 廳舍管理\t1. 加強保養。\t100%\t',
      '--\t--\t--\t---\t---\t--',
      '',
      '\t\t(七) 車輛管理\t1. 統籌管理。\t100%\t',
    ])!;
    expect(table.header).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度 百分比', '備註']);
    expect(table.rows.map((row) => row.cells[2])).toEqual(['(七) 廳舍管理', '(七) 車輛管理']);
  });

  it('turns HTML cells into lines', () => {
    const table = read(['a\tb\tc', '<p>二、宗教禮俗</p> <p>(一)輔導宗教團體</p>\t<p>1,751</p>\tx'])!;
    expect(table.rows[0].cells.slice(0, 2)).toEqual(['二、宗教禮俗\n(一)輔導宗教團體', '1,751']);
  });
});

describe('isDelimiterRow', () => {
  it('recognises dashes with alignment colons', () => {
    expect(isDelimiterRow(['--', ':---:', '', '---'])).toBe(true);
    expect(isDelimiterRow(['--', '100%'])).toBe(false);
    expect(isDelimiterRow(['', ''])).toBe(false);
  });
});

describe('htmlCellText', () => {
  it('writes the numbers of an <ol> whose items carry none', () => {
    expect(htmlCellText('<ol><li>召開會報。</li><li>辦理表揚。</li></ol>')).toBe('1. 召開會報。\n2. 辦理表揚。');
  });
  it('keeps the written numbers of a list-style-type: none list', () => {
    expect(htmlCellText('<ol style="list-style-type: none"> <li>1. 加強督導。</li> <li>2. 召開會報。</li> </ol>')).toBe('1. 加強督導。\n2. 召開會報。');
  });
  it('leaves text without tags alone (no HTML parse)', () => {
    expect(htmlCellText('40 < 252')).toBe('40 < 252');
  });
});
