/**
 * DOCX and ODT tables read cell by cell: merged cells, header rows, ordinal
 * columns under one header, nested tables, one-column frames.
 */
import { describe, expect, it } from 'vitest';
import { docxFrontEnd } from '../src/formats/docx.js';
import { odtFrontEnd } from '../src/formats/odt.js';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import type { Rendition } from '../src/types.js';
import { makeDocx, makeOdt, p } from './helpers/office.js';

const header = '<w:trPr><w:tblHeader/></w:trPr>';
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${text.split('\n').map((line) => p(line)).join('')}</w:tc>`;
const tr = (cells: string, trPr = '') => `<w:tr>${trPr}${cells}</w:tr>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = '<w:vMerge/>';

// A KPI table as LibreOffice writes it to DOCX: 關鍵策略目標 over an ordinal
// column and a text column, the years as a second header row, the strategy
// merged down over its two indicators.
const KPI_TABLE =
  '<w:tbl>' +
  tr(tc('關鍵策略目標', span(2) + restart) + tc('關鍵績效指標', restart) + tc('衡量標準', restart) + tc('年度目標值', span(2)), header) +
  tr(tc('', span(2) + cont) + tc('', cont) + tc('', cont) + tc('108年') + tc('109年'), header) +
  tr(tc('一', restart) + tc('正確辦理各項戶籍登記', restart) + tc('受理戶籍登記案件') + tc('正確率') + tc('98%') + tc('99%')) +
  tr(tc('', cont) + tc('', cont) + tc('提升服務品質') + tc('滿意度\n(問卷調查)') + tc('85%') + tc('90%')) +
  '</w:tbl>';

function read(rendition: Rendition | Promise<Rendition>): Rendition {
  return rendition as Rendition;
}

describe('DOCX tables', () => {
  it('joins header rows per column, folds the ordinal column, writes merged cells once', () => {
    const rendition = read(docxFrontEnd.read(makeDocx(p('參、關鍵績效指標') + KPI_TABLE), {}));
    const [table] = rendition.tables;
    expect(table.layout).toBe('docx');
    expect(table.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['一、正確辦理各項戶籍登記', '受理戶籍登記案件', '正確率', '98%', '99%'],
      ['', '提升服務品質', '滿意度\n(問卷調查)', '85%', '90%'],
    ]);
    // One line per row, cells at tabs, a cell's paragraphs on one line.
    const lines = rendition.text.split('\n');
    expect(lines[table.rows[1].start]).toBe('\t提升服務品質\t滿意度 (問卷調查)\t85%\t90%');
    expect([table.start, table.end]).toEqual([1, 5]);
  });

  it('gives the records stage a KPI per indicator, the strategy carried down', () => {
    const result = parse(makeDocx(p('嘉義市政府民政處中程(108至111年度)施政計畫') + p('參、關鍵績效指標') + KPI_TABLE));
    expect(validateResult(result)).toEqual([]);
    const kpis = result.documents[0].kpis;
    expect(kpis.map((kpi) => [kpi.strategy.text, kpi.indicator.text, kpi.measure, kpi.targets.map((t) => t.value)])).toEqual([
      ['正確辦理各項戶籍登記', '受理戶籍登記案件', '正確率', [98, 99]],
      ['正確辦理各項戶籍登記', '提升服務品質', '滿意度 (問卷調查)', [85, 90]],
    ]);
    expect(result.documents[0].tables[0].layout).toBe('docx');
  });

  it('keeps the columns under a spanning header apart when the rows hold a value in each (年度目標值 over unlabeled years)', () => {
    const table =
      '<w:tbl>' +
      tr(tc('關鍵策略目標') + tc('關鍵績效指標') + tc('衡量標準') + tc('年度目標值', span(3)), header) +
      tr(tc('一、正確辦理各項戶籍登記') + tc('受理戶籍登記案件') + tc('正確率') + tc('98%') + tc('98%') + tc('99%')) +
      '</w:tbl>';
    const docx = makeDocx(p('嘉義市政府民政處中程(108至110年度)施政計畫') + p('參、關鍵績效指標') + table);
    const [read1] = read(docxFrontEnd.read(docx, {})).tables;
    expect(read1.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值', '年度目標值', '年度目標值']);
    const [kpi] = parse(docx).documents[0].kpis;
    expect(kpi.targets.map((target) => [target.year, target.value])).toEqual([[108, 98], [109, 98], [110, 99]]);
  });

  it('skips grid columns before a row (gridBefore) and drops a repeated header row', () => {
    const table =
      '<w:tbl>' +
      tr(tc('機關工作項目') + tc('重要工作計畫項目') + tc('實施內容'), header) +
      tr(tc('一、一般行政') + tc('文書處理') + tc('公文線上簽核')) +
      tr(tc('機關工作項目') + tc('重要工作計畫項目') + tc('實施內容')) +
      tr(tc('檔案管理') + tc('檔案清查'), '<w:trPr><w:gridBefore w:val="1"/></w:trPr>') +
      '</w:tbl>';
    const [read1] = read(docxFrontEnd.read(makeDocx(table), {})).tables;
    expect(read1.rows.map((row) => row.cells)).toEqual([
      ['一、一般行政', '文書處理', '公文線上簽核'],
      ['', '檔案管理', '檔案清查'],
    ]);
  });

  it('reads a first row that is one cell across the table as a caption above it, not as the header', () => {
    const table = '<w:tbl>' + tr(tc('表1 重要工作計畫', span(3))) + tr(tc('機關工作項目') + tc('重要工作計畫項目') + tc('實施內容')) + tr(tc('一、一般行政') + tc('文書處理') + tc('公文線上簽核')) + '</w:tbl>';
    const rendition = read(docxFrontEnd.read(makeDocx(table), {}));
    expect(rendition.text.split('\n')[0]).toBe('表1 重要工作計畫');
    expect(rendition.tables[0].header).toEqual(['機關工作項目', '重要工作計畫項目', '實施內容']);
    expect(rendition.tables[0].start).toBe(1);
  });

  it('reads a one-column table (a frame around the text) as paragraphs, and flattens a nested table into its cell', () => {
    const nested = `<w:tbl>${tr(tc('甲') + tc('乙'))}${tr(tc('丙') + tc('丁'))}</w:tbl>`;
    const inner = `<w:tbl>${tr(tc('項目') + tc('說明'))}${tr(`<w:tc>${p('明細')}${nested}</w:tc>` + tc('內容'))}</w:tbl>`;
    const frame = `<w:tbl>${tr(`<w:tc>${p('壹、計畫目標')}${p('本文')}${inner}</w:tc>`)}</w:tbl>`;
    const rendition = read(docxFrontEnd.read(makeDocx(frame), {}));
    expect(rendition.text.split('\n').slice(0, 2)).toEqual(['壹、計畫目標', '本文']);
    expect(rendition.tables).toHaveLength(1);
    expect(rendition.tables[0].rows[0].cells).toEqual(['明細\n甲 乙\n丙 丁', '內容']);
  });

  it('leaves out deleted revisions, text boxes, hidden text and field codes; a tab is a space', () => {
    const body =
      '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>刪除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隱藏</w:t></w:r><w:r><w:tab/><w:t>之後</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文字方塊</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>';
    expect(read(docxFrontEnd.read(makeDocx(body), {})).text).toBe('保留插入 之後');
  });
});

describe('ODT tables', () => {
  const cell = (text: string, attributes = '') => `<table:table-cell${attributes}>${text.split('\n').map((line) => `<text:p>${line}</text:p>`).join('')}</table:table-cell>`;
  const covered = '<table:covered-table-cell/>';
  const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;

  it('reads spans, covered cells and header rows like DOCX', () => {
    const table =
      '<table:table table:name="T1"><table:table-column table:number-columns-repeated="6"/>' +
      '<table:table-header-rows>' +
      row(cell('計畫名稱', ' table:number-columns-spanned="3"') + covered + covered + cell('辦理情形', ' table:number-rows-spanned="2"') + cell('完成程度百分比', ' table:number-rows-spanned="2"') + cell('備註', ' table:number-rows-spanned="2"')) +
      row(cell('類') + cell('項') + cell('目') + covered + covered + covered) +
      '</table:table-header-rows>' +
      row(cell('肆、會計部門', ' table:number-rows-spanned="2"') + cell('一、歲計', ' table:number-rows-spanned="2"') + cell('(一)編製預算') + cell('編製110年度預算。') + cell('100%') + cell('')) +
      row(covered + covered + cell('(二)辦理分配預算') + cell('1. 依實施計畫按月分配。\n2. 均於預算實施前為之。') + cell('100%') + cell('')) +
      '</table:table>';
    const [read1] = read(odtFrontEnd.read(makeOdt(table), {})).tables;
    expect(read1.layout).toBe('odt');
    expect(read1.header).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度百分比', '備註']);
    expect(read1.rows.map((r) => r.cells)).toEqual([
      ['肆、會計部門', '一、歲計', '(一)編製預算', '編製110年度預算。', '100%', ''],
      ['', '', '(二)辦理分配預算', '1. 依實施計畫按月分配。\n2. 均於預算實施前為之。', '100%', ''],
    ]);
  });

  it('repeats a cell number-columns-repeated times and collapses text:s to spaces', () => {
    const table = `<table:table>${row(cell('甲') + cell('乙') + cell('丙'))}${row(cell('a<text:s text:c="2"/>b') + cell('同', ' table:number-columns-repeated="2"'))}</table:table>`;
    const [read1] = read(odtFrontEnd.read(makeOdt(table), {})).tables;
    expect(read1.rows[0].cells).toEqual(['a  b', '同', '同']);
  });

  it('leaves out notes, annotations and tracked deletions', () => {
    const body =
      '<text:p>正文<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>註腳</text:p></text:note-body></text:note><office:annotation><text:p>批註</text:p></office:annotation>結束</text:p>' +
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>刪除</text:p></text:deletion></text:changed-region></text:tracked-changes>';
    expect(read(odtFrontEnd.read(makeOdt(body), {})).text).toBe('正文結束');
  });
});
