/**
 * The web-copy reader: tables in text copied from a web page (a browser's
 * `innerText` of the corpus pages, fixtures/webcopy/), on the inputs its doc
 * comments show, and scored against the corpus gold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { findTables } from '../src/tables/index.js';
import { tsvReader } from '../src/tables/tsv.js';
import { webCopyReader } from '../src/tables/web-copy.js';
import { joinRows } from '../src/tables/web-copy-rows.js';
import { scoreWebCopy } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';
import { STRESS_FAMILIES } from './helpers/stress.js';

const webcopyDir = path.join(root, 'fixtures/webcopy');

function read(lines: string[]) {
  const source = normalize(`${lines.join('\n')}\n`);
  return webCopyReader.read(source.lines, 0, source.lines.length, source);
}

function fixture(browser: string, prefix: string): { name: string; text: string } {
  const name = readdirSync(path.join(webcopyDir, browser)).find((file) => file.startsWith(prefix))!;
  return { name, text: readFileSync(path.join(webcopyDir, browser, name), 'utf8') };
}

// Short real inputs: Chromium's innerText of corpus pages 52, 51, 63 and 66.
const KPI = [
  '關鍵策略目標\t關鍵績效指標\t衡量標準\t年度目標值',
  '108年\t109年\t110年\t111年',
  '一\t區域排水、雨水下水道及水環境改善計畫\t1\t區域排水、雨水下水道疏濬清淤\t清疏工程辦理進度\t100%\t100%\t100%\t100%',
  '2\t雨水下水道興建工程\t雨水下水道興建長度(公尺)\t300\t300\t300\t300',
  '二\t八米計畫道路之徵收及生活圈道路開闢與提升道路品質計畫\t1\t計畫道路用地取得條數\t計畫道路取得條數/3\t33%\t33%\t33%\t33%',
];
const WORK = [
  '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額',
  '(單位：千元)',
  '',
  '三、全民健康保險',
  '\t受理第五、六類人口全民健康保險之加退保、轉入、轉出、停保及復保等。\t',
  '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。',
  '協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難或經濟特殊困難認定，並送件至健保局辦理健保費紓困貸款。',
  '\t449(健保局補助)',
  '辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。\t',
  '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。',
  '\t',
];

describe('web-copy rows', () => {
  it('joins a row broken by a cell’s paragraphs and starts a row at text before a TAB', () => {
    const source = normalize(`${WORK.join('\n')}\n`);
    const rows = joinRows(source.lines, 0, source.lines.length);
    expect(rows.map((row) => row.cells.length)).toEqual([4, 4, 3]);
    expect(rows[0].cells[3]).toBe('預算金額\n(單位：千元)');
    expect(rows[1].cells).toEqual([
      '三、全民健康保險',
      '受理第五、六類人口全民健康保險之加退保、轉入、轉出、停保及復保等。',
      '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。\n協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難或經濟特殊困難認定，並送件至健保局辦理健保費紓困貸款。',
      '449(健保局補助)',
    ]);
    expect(rows[2].cells[0]).toBe('辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。');
  });

  it('joins a header cell’s `<br>` back (完成程度<br>百分比) and keeps the row of 類 項 目 under it', () => {
    const table = read([
      '計畫名稱\t辦理情形\t完成程度',
      '百分比\t備註',
      '類\t項\t目',
      '肆、會計部門\t一、歲計\t(一)編製預算\t',
      '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。',
      '\t100%\t',
      '(二)辦理分配預算\t',
      '依實施計畫按月分配, 均於預算實施前為之。',
      '\t100%\t',
    ])!;
    expect(table.header).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度 百分比', '備註']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['肆、會計部門', '一、歲計', '(一)編製預算', '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。', '100%', ''],
      ['', '', '(二)辦理分配預算', '依實施計畫按月分配, 均於預算實施前為之。', '100%', ''],
    ]);
  });
});

describe('web-copy rows without the blank line before a paragraph row (a selection’s text)', () => {
  it('breaks a row wider than the table before the paragraphs that came after its opened last cell', () => {
    // Firefox's selection text of page 63: `二、工商財稅業務` follows the empty budget cell's TAB.
    const source = normalize(
      `${[
        '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額',
        '(單位：千元)',
        '一、貫徹農地農用政策',
        '\t辦理農業天然災害\t',
        '受理農民災害申報，會同主管機關實地農災勘查。',
        '\t',
        '二、工商財稅業務',
        '\t財稅業務\t',
        '受理農民災害申報，會同主管機關實地農災勘查。',
        '\t',
      ].join('\n')}\n`,
    );
    const rows = joinRows(source.lines, 0, source.lines.length);
    expect(rows.map((row) => row.cells[0])).toEqual(['機關工作項目', '一、貫徹農地農用政策', '二、工商財稅業務']);
    expect(rows[0].cells[3]).toBe('預算金額\n(單位：千元)');
    expect(rows.map((row) => row.cells.length)).toEqual([4, 4, 4]);
  });
});

describe('web-copy rows of Chromium’s selection text (a copy: TABs that would start a line dropped)', () => {
  it('goes on with a row after a cell’s paragraphs while the row has room', () => {
    // Chromium's clipboard text of page 66 (getSelection().toString() gives the same).
    const table = read([
      '計畫名稱\t辦理情形\t完成程度',
      '百分比\t備註',
      '類\t項\t目',
      '肆、會計部門\t一、歲計\t(一)編製預算\t',
      '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。',
      '100%\t',
      '(二)辦理分配預算\t',
      '依實施計畫按月分配, 均於預算實施前為之。',
      '100%\t',
      '伍、人事部門',
      '嘉義市東區區公所109年度工作總報告',
      '計畫名稱\t辦理情形\t完成程度',
    ])!;
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['肆、會計部門', '一、歲計', '(一)編製預算', '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。', '100%', ''],
      ['', '', '(二)辦理分配預算', '依實施計畫按月分配, 均於預算實施前為之。', '100%', ''],
    ]);
    // The next table's header ends it, with the lines before it.
    expect(table.end).toBe(9);
  });
});

describe('web-copy rows of paragraph cells (LibreOffice’s HTML in a browser)', () => {
  it('reads a TAB alone between blank lines as a cell break and two blank lines or more as a row break', () => {
    // Chromium's innerText of LibreOffice's HTML export of page 63.
    const table = read([
      '機關工作項目', '', '\t', '', '重要工作計畫項目', '', '\t', '', '實施內容', '', '\t', '', '預算金額', '(單位：千元)', '', '', '', '',
      '三、全民健康保險', '', '\t', '', '受理第五、六類人口全民健康保險之加退保、轉入、轉出、停保及復保等。', '', '\t', '',
      '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。', '', '協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難或經濟特殊困難認定。', '', '\t', '', '449(健保局補助)', '', '', '', '',
      '辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。', '', '\t', '', '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。', '', '\t', '', '',
      '四、社會福利與救助', '', '\t', '', '加強辦理兒童及少年福利。', '', '\t', '', '3. 受理兒童及少年生活扶助。', '', '\t',
      '伍、人事部門',
    ])!;
    expect(table.header).toEqual(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額 (單位：千元)']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['三、全民健康保險', '受理第五、六類人口全民健康保險之加退保、轉入、轉出、停保及復保等。', '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。\n協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難或經濟特殊困難認定。', '449(健保局補助)'],
      ['', '辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。', '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。', ''],
      ['四、社會福利與救助', '加強辦理兒童及少年福利。', '3. 受理兒童及少年生活扶助。', ''],
    ]);
    // Text right after the last TAB (`伍、人事部門`, line 57) is past the table.
    expect(table.end).toBe(57);
  });
});

describe('web-copy grid', () => {
  it('spreads the header over the years, folds the ordinal columns and puts a short row’s ordinal in its column', () => {
    const table = read(KPI)!;
    expect(table.layout).toBe('web-copy');
    expect(table.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(table.rows.map((row) => row.cells.slice(0, 3))).toEqual([
      ['一、區域排水、雨水下水道及水環境改善計畫', '1.區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度'],
      ['', '2.雨水下水道興建工程', '雨水下水道興建長度(公尺)'],
      ['二、八米計畫道路之徵收及生活圈道路開闢與提升道路品質計畫', '1.計畫道路用地取得條數', '計畫道路取得條數/3'],
    ]);
    expect(table.rows[1].cells.slice(3)).toEqual(['300', '300', '300', '300']);
  });

  it('keeps a strategy ordinal at the left of a row whose indicator spans the ordinal column (page 51)', () => {
    const table = read([
      ...KPI.slice(0, 2),
      '一\t落實美感教育\t發展校本美感課程及空間改造\t推動美感教育課程及計畫之校數\t10\t18\t27\t27',
      '五\t營造英語學習環境\t1\t國小四、五年級學生每學期至英語學院遊學\t每學期至英語學院遊學校數\t20\t20\t20\t20',
      '2\t國中小共聘外師巡迴教學\t國中小辦理外師巡迴教學校數\t8\t8\t27\t27',
    ])!;
    expect(table.rows.map((row) => row.cells.slice(0, 4))).toEqual([
      ['一、落實美感教育', '發展校本美感課程及空間改造', '推動美感教育課程及計畫之校數', '10'],
      ['五、營造英語學習環境', '1.國小四、五年級學生每學期至英語學院遊學', '每學期至英語學院遊學校數', '20'],
      ['', '2.國中小共聘外師巡迴教學', '國中小辦理外師巡迴教學校數', '8'],
    ]);
  });

  it('places a short work-plan row at the right end, under the merged category', () => {
    const table = read(WORK)!;
    expect(table.rows.map((row) => row.cells[0])).toEqual(['三、全民健康保險', '']);
    expect(table.rows[1].cells.slice(1, 3)).toEqual(['辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。', '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。']);
  });
});

describe('web-copy reader claims only the browser’s shape', () => {
  it('leaves a converter’s tab export, empty leading cells written, to the tsv reader (seed 001)', () => {
    const lines = [
      '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額 (單位：千元)',
      '(二)民政管理\t1. 里鄰長全民健康保險。\t選舉選務期程表辦理。 (1)辦理里鄰長及其眷屬全民健康保險。 (2)保費收繳。\t8,359',
      '\t2. 里長健康檢查及保險費之申請。\t(1)辦理里長健康檢查及保險費之申請及核銷。\t1,395',
      '\t3. 里鄰長死亡慰助金之核發。\t(1)里長每人15,000元。 (2)鄰長每人10,000元。\t180',
    ];
    expect(read(lines)).toBeNull();
    const source = normalize(`${lines.join('\n')}\n`);
    const tables = findTables(source, { kind: 'work-plan', title: null, agency: null, period: null, revision: null, start: 0, end: source.lines.length, titleLines: [] });
    expect(tables.map((table) => table.layout)).toEqual([tsvReader.layout]);
    expect(tables[0].rows).toHaveLength(3);
  });

  it('declines the LibreOffice page’s `<p>` cells (a TAB alone between blank lines)', () => {
    expect(read(['關鍵策略目標\t關鍵績效指標\t衡量標準', '', '\t', '', '一', '', '\t', '', '區域排水'])).toBeNull();
  });
});


// Floors are a ratchet: the measured scores, never lowered.
describe('web-copy accuracy on the 16 corpus pages', () => {
  for (const browser of ['chromium', 'firefox']) {
    it(`${browser} innerText: every record`, () => {
      const totals = scoreWebCopy(browser);
      for (const metric of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
    });
  }

  it('firefox selection (no blank line before a row that starts with a paragraph)', () => {
    const totals = scoreWebCopy('firefox-selection');
    for (const metric of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
  });

  it('chromium selection (the clipboard text: TABs that would start a line and blank lines dropped)', () => {
    const totals = scoreWebCopy('chromium-selection');
    // Work plans and reports read since the clipboard rows (web-copy-clipboard.ts).
    for (const metric of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
  });

  it('chromium innerText of the LibreOffice HTML export (cells as paragraphs)', () => {
    const totals = scoreWebCopy('chromium-libreoffice');
    for (const metric of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
  });

  it('reads page 63’s work items with their budgets', () => {
    const { name, text } = fixture('chromium', '63_');
    expect(text).toContain('\t449(健保局補助)\n辦理健保保險對象');
    const items = parse(text, { path: name }).documents.flatMap((document) => document.workItems);
    const item = items.find((entry) => entry.item.startsWith('受理第五、六類人口'))!;
    expect(item.budget?.raw).toBe('449(健保局補助)');
    expect(items.find((entry) => entry.item === '財稅業務')).toBeTruthy();
  });
});

describe('web-copy stress families read what they stand for', () => {
  it('their tables are read by the web-copy reader (or, for the declined one, not)', () => {
    const families = STRESS_FAMILIES.filter((family) => family.stage === 'web-copy');
    expect(families).toHaveLength(5);
    const layouts = families.map((family) => {
      const result = parse(family.make(60) as string, { path: 'stress.txt' });
      const tables = result.documents.flatMap((document) => document.tables);
      return { web: tables.filter((table) => table.layout === 'web-copy').length, kpis: result.documents.flatMap((document) => document.kpis).length, items: result.documents.flatMap((document) => document.workItems).length };
    });
    expect(layouts[0]).toMatchObject({ web: 1, kpis: 61 });
    expect(layouts[1].web).toBe(1);
    expect(layouts[1].items).toBe(60);
    expect(layouts[2].web).toBe(0);
    expect(layouts[3].web).toBe(1);
    expect(layouts[3].items).toBe(60);
    expect(layouts[4].web).toBe(0);
  });
});
