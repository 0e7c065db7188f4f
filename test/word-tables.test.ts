/**
 * Work reports and work plans exported from Word: one TAB-prefixed cell per
 * line, a blank line between rows, a cell's later paragraphs on untabbed
 * lines.  (Seed 004's and 001's tables written that way.)
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';

const cells = (...row: string[]) => row.map((cell) => `\t${cell}`).join('\n');

describe('a Word-exported work report', () => {
  const text = [
    '嘉義市東區區公所 109 年度工作總報告',
    '',
    '民 政 部 門',
    '',
    cells('計畫名稱', '', '', '辦理情形', '完成程度 百分比', '備註'),
    '',
    cells('類', '項', '目', '', '', ''),
    '',
    cells('壹、 民政 部門', '一、一般民 政', '(一) 選舉業務', '1. 1月4日辦理嘉義市第十屆東區朝陽里里長補選。', '100%', ''),
    '',
    cells('', '', '', '2. 1月11日辦理第十五任總統副總統及第十屆立法委員選舉。', '100%', ''),
    '',
    cells('', '', '(一) 輔導宗教團體健全組織', '1. 依照監督寺廟條例輔導寺廟教堂，健全組織管理完善'),
    '財務制度。',
    '2. 至 109 年底共協助本區 10 間寺廟完成換領寺廟登記證作業。',
    cells('100%', ''),
    '',
    '社 建 部 門',
    '',
    cells('計畫名稱', '', '', '辦理情形', '完成程度 百分比', '備註'),
    '',
    cells('類', '項', '目', '', '', ''),
    '',
    cells('貳、社建部門', '一、健保及國民年金保險', '(一) 第五、六類全民健保', '1. 辦理第五類全民健保，轉入、轉出等異動計 336 件。', '100%', ''),
  ].join('\n');
  const result = parse(text);
  const [document] = result.documents;

  it('joins the 類/項/目 row into the header and reads the report items', () => {
    expect(document.tables.map((t) => [t.kind, t.layout])).toEqual([['report-items', 'cell-per-line'], ['report-items', 'cell-per-line']]);
    expect(document.tables[0].header).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度百分比', '備註']);
    expect(document.reportItems.map((r) => [r.path.join(' > '), r.status, r.completion?.raw])).toEqual([
      ['壹、民政部門 > 一、一般民政 > (一)選舉業務', '1月4日辦理嘉義市第十屆東區朝陽里里長補選。', '100%'],
      ['壹、民政部門 > 一、一般民政 > (一)選舉業務', '1月11日辦理第十五任總統副總統及第十屆立法委員選舉。', '100%'],
      ['壹、民政部門 > 一、一般民政 > (一)輔導宗教團體健全組織', '依照監督寺廟條例輔導寺廟教堂，健全組織管理完善財務制度。', '100%'],
      ['壹、民政部門 > 一、一般民政 > (一)輔導宗教團體健全組織', '至109年底共協助本區10間寺廟完成換領寺廟登記證作業。', '100%'],
      ['貳、社建部門 > 一、健保及國民年金保險 > (一)第五、六類全民健保', '辦理第五類全民健保，轉入、轉出等異動計336件。', '100%'],
    ]);
  });

  it('ends a table at a heading set apart by blank lines, so departments stay sections', () => {
    expect(document.sections.map((s) => s.title)).toEqual(['民政部門', '社建部門']);
  });
});
