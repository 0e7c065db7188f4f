/** Work-report tables → ReportItems, on snippets of real converter output (seed 004). */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { readRecords } from '../src/records/index.js';
import { completionValues, reportColumns } from '../src/records/report-items.js';
import { tsvReader } from '../src/tables/tsv.js';
import type { RawTable } from '../src/types.js';

const HEADER = ['計畫名稱\t\t\t辦理情形\t完成程度 百分比\t備註', '類\t項\t目\t\t\t'];

function tsvTable(lines: string[]): RawTable {
  const source = normalize(`${lines.join('\n')}\n`);
  const table = tsvReader.read(source.lines, 0, source.lines.length, source);
  if (!table) throw new Error('snippet is not a tsv table');
  return table;
}

function report(lines: string[]) {
  const records = readRecords(tsvTable([...HEADER, ...lines]), { documentKind: 'work-report', sectionPath: [], years: null });
  expect(records.kind).toBe('report-items');
  return records;
}

const brief = (lines: string[]) => report(lines).reportItems.map((item) => [item.path.join(' > '), item.status, item.completion?.raw ?? null]);

describe('work-report columns', () => {
  it('reads the two-row 計畫名稱 (類/項/目) header', () => {
    expect(reportColumns(tsvTable([...HEADER, '壹、民政部門\t一、一般民政\t(一) 選舉業務\t辦理補選。\t100%\t']).header)).toEqual({
      levels: [0, 1, 2],
      status: 3,
      completion: 4,
      note: 5,
    });
  });

  it('knows the other names agencies give 辦理情形 and 完成程度', () => {
    expect(reportColumns(['工作項目', '執行概況', '執行進度', '備註'])).toEqual({ levels: [-1, -1, 0], status: 1, completion: 2, note: 3 });
    expect(reportColumns(['類', '項', '實施情形', '達成度'])).toEqual({ levels: [0, 1, -1], status: 2, completion: 3, note: -1 });
    const records = readRecords(tsvTable(['工作項目\t執行概況\t執行進度', '一、選舉業務\t辦理里長補選。\t100%']), { documentKind: 'work-report', sectionPath: [], years: null });
    expect(records.reportItems.map((item) => [item.path, item.status, item.completion?.value])).toEqual([[['一、選舉業務'], '辦理里長補選。', 100]]);
  });
});

describe('report items', () => {
  it('reads one item per row with the path carried down', () => {
    const records = report([
      '壹、 民政 部門\t一、一般民 政\t(一) 選舉業務\t1. 1月4日辦理里長補選。\t100%\t',
      '\t\t\t2. 1月11日辦理總統副總統選舉。\t100%\t',
    ]);
    expect(records.reportItems.map((item) => [item.path, item.status, item.completion])).toEqual([
      [['壹、民政部門', '一、一般民政', '(一)選舉業務'], '1月4日辦理里長補選。', { raw: '100%', value: 100 }],
      [['壹、民政部門', '一、一般民政', '(一)選舉業務'], '1月11日辦理總統副總統選舉。', { raw: '100%', value: 100 }],
    ]);
    expect(records.reportItems[1].position.start.line).toBe(4);
  });

  it('decides the path level by marker style, not by column', () => {
    expect(
      brief([
        '壹、民政部門\t一、一般民政\t(一) 選舉業務\t辦理補選。\t100%\t',
        '二、民政管理\t(一) 里鄰長健保業務\t辦理健保異動事宜。\t100%\t\t',
        '\t\t2. 內政部辦理表揚大會。\t100%',
        '三、違規事件之查報\t山坡地違規事件之查報\t\t1. 以里為單位巡查。\t100%\t',
      ]).map(([path, status]) => [path, status]),
    ).toEqual([
      ['壹、民政部門 > 一、一般民政 > (一)選舉業務', '辦理補選。'],
      ['壹、民政部門 > 二、民政管理 > (一)里鄰長健保業務', '辦理健保異動事宜。'],
      ['壹、民政部門 > 二、民政管理 > (一)里鄰長健保業務', '內政部辦理表揚大會。'],
      ['壹、民政部門 > 三、違規事件之查報 > 山坡地違規事件之查報', '以里為單位巡查。'],
    ]);
  });

  it('matches completion values to entries in order; blank is null', () => {
    expect(
      brief([
        '壹、兵役部門\t一、編練業務\t(六) 自治行政\t1. 辦理參訪活動。 2. 辦理參訪行程。 3. 拍攝宣導影片。\t100% 90% 80%\t',
        '\t\t\t4. 中低收入戶符合 427 件。\t\t',
      ]).map(([, , completion]) => completion),
    ).toEqual(['100%', '90%', '80%', null]);
  });

  it('keeps (1) sub-entries inside their entry and merges an entry cut by a page break', () => {
    const records = report([
      '壹、民政部門\t一、一般民政\t(四) 選拔績優鄰長\t依規定選拔績優鄰長並接受表揚： 1. 特優里長 5 人。 2. 10 月 27 日內政部假新北市政\t100%\t',
      '',
      '\t\t\t府辦理表揚大會。\t\t',
      '\t\t(八) 替代役管理\t1. 落實替代役男生活管理。\t\t',
      '\t\t\t2. 推動役男從事公益活動：\t\t',
      '\t\t\t(1) 關懷弱勢課後輔導作業。\t100%\t',
    ]);
    expect(records.reportItems.map((item) => [item.status, item.completion?.raw ?? null])).toEqual([
      ['依規定選拔績優鄰長並接受表揚：', '100%'],
      ['特優里長5人。', '100%'],
      ['10月27日內政部假新北市政府辦理表揚大會。', '100%'],
      ['落實替代役男生活管理。', null],
      ['推動役男從事公益活動： (1) 關懷弱勢課後輔導作業。', '100%'],
    ]);
    expect(records.diagnostics.map((d) => d.code)).toContain('report-item-page-join');
  });

  it('joins a path label cut by a page break', () => {
    expect(
      brief([
        '四、民防業\t民防團業務\t\t1. 民防團幹部異動時，均\t100%\t',
        '',
        '\t務\t\t<p>能隨時迅速補充。</p> <p>2. 8月19日舉行基本訓練。</p>\t100%\t',
      ]),
    ).toEqual([
      ['四、民防業務 > 民防團業務', '民防團幹部異動時，均能隨時迅速補充。', '100%'],
      ['四、民防業務 > 民防團業務', '8月19日舉行基本訓練。', '100%'],
    ]);
  });

  it('moves entries that restart the numbering to the next path when its row has none', () => {
    const records = report([
      '四、民防業務\t民防團業務\t\t<p>1. 民防團幹部異動。</p> <p>2. 舉行基本訓練。</p> <p>1. 結合社區端午節活動宣導。</p>\t100%\t',
      '五、防災業務\t\t(一) 辦理防災宣導工作\t\t100%\t',
      '\t\t\t2. 更新疏散避難地圖。\t100%\t',
    ]);
    expect(records.reportItems.map((item) => [item.path.join(' > '), item.status])).toEqual([
      ['四、民防業務 > 民防團業務', '民防團幹部異動。'],
      ['四、民防業務 > 民防團業務', '舉行基本訓練。'],
      ['五、防災業務 > (一)辦理防災宣導工作', '結合社區端午節活動宣導。'],
      ['五、防災業務 > (一)辦理防災宣導工作', '更新疏散避難地圖。'],
    ]);
    expect(records.diagnostics.map((d) => d.code)).toContain('report-item-moved');
  });
});

describe('completionValues', () => {
  it('reads every percentage of a cell', () => {
    expect(completionValues('100%\n95.5％')).toEqual([
      { raw: '100%', value: 100 },
      { raw: '95.5%', value: 95.5 },
    ]);
  });
  it('reads bare numbers up to 100 as percentages (a column headed 完成百分比)', () => {
    expect(completionValues('100')).toEqual([{ raw: '100', value: 100 }]);
    expect(completionValues('85.5 100')).toEqual([{ raw: '85.5', value: 85.5 }, { raw: '100', value: 100 }]);
    expect(completionValues('120')).toEqual([{ raw: '120', value: null }]);
  });

  it('keeps text that is not a percentage, value null', () => {
    expect(completionValues('持續辦理')).toEqual([{ raw: '持續辦理', value: null }]);
  });
});
