/** Work-plan tables → WorkItems, on snippets of real converter output (seed 001). */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { readRecords } from '../src/records/index.js';
import { splitTopLabel, workColumns } from '../src/records/work-items.js';
import { tsvReader } from '../src/tables/tsv.js';
import type { RawTable } from '../src/types.js';

const HEADER = '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額 (單位：千元)';

function tsvTable(lines: string[]): RawTable {
  const source = normalize(`${lines.join('\n')}\n`);
  const table = tsvReader.read(source.lines, 0, source.lines.length, source);
  if (!table) throw new Error('snippet is not a tsv table');
  return table;
}

function items(lines: string[]) {
  const records = readRecords(tsvTable([HEADER, ...lines]), { documentKind: 'work-plan', sectionPath: [], years: null });
  expect(records.kind).toBe('work-items');
  return records;
}

const brief = (lines: string[]) => items(lines).workItems.map((item) => [item.path.join(' > '), item.item, item.budget?.raw ?? null]);

describe('work-plan columns', () => {
  it('recognises the 機關工作項目 / 重要工作計畫項目 / 實施內容 / 預算金額 header', () => {
    expect(workColumns(HEADER.split('\t'))).toEqual({ category: 0, item: 1, content: 2, budget: 3 });
  });
  it('takes 工作項目 for the items when no column names them apart from categories', () => {
    //   > | 工作項目   計畫內容   經費(千元)
    expect(workColumns(['工作項目', '計畫內容', '經費(千元)'])).toEqual({ category: -1, item: 0, content: 1, budget: 2 });
    const records = readRecords(tsvTable(['工作項目\t計畫內容\t經費(千元)', '1.辦理里長聯繫會報\t每季召開一次。\t120', '2.推動里政資訊化\t建置里政網站。\t350']), { documentKind: 'work-plan', sectionPath: [], years: null });
    expect(records.workItems.map((item) => [item.item, item.content, item.budget?.value, item.budget?.unit])).toEqual([
      ['辦理里長聯繫會報', '每季召開一次。', 120, '千元'],
      ['推動里政資訊化', '建置里政網站。', 350, '千元'],
    ]);
  });
  it('leaves a report header to the report reader', () => {
    expect(workColumns(['工作項目', '辦理情形', '完成程度'])).toBeNull();
  });
  it('leaves KPI headers alone', () => {
    expect(workColumns(['序號', '關鍵策略目標', '關鍵績效指標', '衡量標準'])).toBeNull();
  });
});

describe('work items', () => {
  it('splits an <ol> item cell into one item per entry, budget on the first', () => {
    const records = items([
      '一、一般行政 (一)自治行政管理\t<ol style="list-style-type: none"> <li>1. 加強督導里幹事服勤。</li> <li>2. 召開里幹事工作會報。</li> </ol>\t<p>依據要點加強督導考核。</p> <p>每周三召開工作會報。</p>\t40',
    ]);
    expect(records.workItems.map((item) => [item.path, item.item, item.content, item.budget?.value ?? null])).toEqual([
      [['一、一般行政', '(一)自治行政管理'], '加強督導里幹事服勤。', '依據要點加強督導考核。', 40],
      [['一、一般行政', '(一)自治行政管理'], '召開里幹事工作會報。', '每周三召開工作會報。', null],
    ]);
    expect(records.workItems[0].budget).toEqual({ raw: '40', value: 40, unit: '千元', note: null });
    expect(records.workItems[0].position.start.line).toBe(2);
  });

  it('takes several labels of one cell in turn as the numbering restarts', () => {
    expect(
      brief([
        '<p>二、宗教禮俗</p> <p>(一)輔導宗教團體</p> <p>(二)端正禮俗</p>\t<p>1. 輔導寺廟教堂健全組織。</p> <p>2. 輔導祭典節約。</p> <p>1. 改善民間祭典。</p>\t\t<p>1,751</p>',
      ]),
    ).toEqual([
      ['二、宗教禮俗 > (一)輔導宗教團體', '輔導寺廟教堂健全組織。', '1,751'],
      ['二、宗教禮俗 > (一)輔導宗教團體', '輔導祭典節約。', null],
      ['二、宗教禮俗 > (二)端正禮俗', '改善民間祭典。', null],
    ]);
  });

  it('keeps items that continue the numbering under the previous category', () => {
    expect(
      brief([
        '一、貫徹農地農用政策\t(一)農林漁牧調查統計陳報。  (二)農業用地作農業使用證明書之核發。\t\t',
        '二、工商財稅業務\t<p>(三) 農業用地容許使用同意書之核發。</p> <p>財稅業務</p>\t\t',
      ]).map(([path, item]) => [path, item]),
    ).toEqual([
      ['一、貫徹農地農用政策', '農林漁牧調查統計陳報。'],
      ['一、貫徹農地農用政策', '農業用地作農業使用證明書之核發。'],
      ['一、貫徹農地農用政策', '農業用地容許使用同意書之核發。'],
      ['二、工商財稅業務', '財稅業務'],
    ]);
  });

  it('makes an item followed by a deeper list a sub-heading, and passes its budget on', () => {
    expect(
      brief([
        '四、社會福利與救助\t<p>(一)加強辦理兒童及少年福利。</p> <p>(二)各項社會救助。</p>\t\t13,799',
        '\t1. 辦理社會救助調查。\t\t',
        '\t(三) 推行身心障礙者福利。\t\t',
      ]),
    ).toEqual([
      ['四、社會福利與救助', '加強辦理兒童及少年福利。', '13,799'],
      ['四、社會福利與救助 > (二)各項社會救助。', '辦理社會救助調查。', null],
      ['四、社會福利與救助', '推行身心障礙者福利。', null],
    ]);
  });

  it('joins a label cut by a page break', () => {
    const records = items([
      '(三)2~未滿5歲育兒津貼及幼兒就學補\t受理育兒津貼之申請。\t\t',
      '',
      HEADER,
      '助作業  (四)配合毒品 危害防制 宣導\t配合辦理反毒教育相關 宣導活動。\t\t',
    ]);
    expect(records.workItems.map((item) => [item.path.join(' > '), item.item])).toEqual([
      ['(三)2~未滿5歲育兒津貼及幼兒就學補助作業', '受理育兒津貼之申請。'],
      ['(四)配合毒品危害防制宣導', '配合辦理反毒教育相關宣導活動。'],
    ]);
    expect(records.diagnostics.map((d) => d.code)).toContain('work-item-label-page-join');
  });

  it('joins an item cut by a page break, with its content and budget', () => {
    const records = items([
      '(七)廳舍管理\t1. 加強辦公廳舍之保養\t(1) 依據行政院與所屬\t',
      '',
      HEADER,
      '(八)車輛管理\t維護及充實內部設施。\t各機關辦公處所規劃原則。\t437,910',
      '\t1. 完善車輛管理。\t依照「車輛管理手冊」辦理。\t118',
    ]);
    expect(records.workItems.map((item) => [item.path.join(' > '), item.item, item.budget?.value])).toEqual([
      ['(七)廳舍管理', '加強辦公廳舍之保養維護及充實內部設施。', 437910],
      ['(八)車輛管理', '完善車輛管理。', 118],
    ]);
    expect(records.workItems[0].content).toBe('(1) 依據行政院與所屬各機關辦公處所規劃原則。');
    expect(records.workItems[0].position.end.line).toBe(5);
    expect(records.diagnostics.map((d) => d.code)).toContain('work-item-page-join');
  });

  it('gives two budgets of one cell (40 252) to the row items in order', () => {
    expect(
      brief(['九、防災 災害防救及防火宣導\t1. 配合辦理災害防救演習。 2. 成立應變小組。 3. 滅火器管理與維護。\t\t40 252']).map(([, , budget]) => budget),
    ).toEqual(['40', '252', null]);
  });

  it('reads a row shifted one column left', () => {
    const records = items([
      '(四)財產管理\t辦理區政革新。\t\t',
      '1. 建立完善的財產管理及清查。  2. 按規定期限陳報財產增減報表。\t依照國有公用財產管理手冊規定辦理。\t\t',
    ]);
    expect(records.workItems.map((item) => [item.item, item.content])).toEqual([
      ['辦理區政革新。', null],
      ['建立完善的財產管理及清查。', '依照國有公用財產管理手冊規定辦理。'],
      ['按規定期限陳報財產增減報表。', null],
    ]);
    expect(records.diagnostics.map((d) => d.code)).toContain('work-item-row-shifted');
  });

  it('reports 實施內容 that does not align with the items', () => {
    const records = items(['一、文書管理\t1. 各種公文監印。 2. 套印印信文件管理。\t依規定用印並造冊列管\t']);
    expect(records.workItems[0].content).toBe('依規定用印並造冊列管');
    expect(records.diagnostics.map((d) => d.code)).toEqual(['work-item-content-unaligned']);
  });
});

describe('splitTopLabel', () => {
  it('splits an unnumbered sub-heading written after a top label', () => {
    expect(splitTopLabel('防災 災害防救及防火宣導')).toEqual(['防災', '災害防救及防火宣導']);
  });
  it('keeps a label whose tail is too short to be a heading', () => {
    expect(splitTopLabel('一般 行政')).toEqual(['一般 行政', '']);
  });
});
