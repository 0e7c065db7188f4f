/**
 * Tables in a browser's clipboard text: Chromium's (TABs that would start a
 * line, the lines they leave empty and blank lines dropped) and Firefox's
 * selection text (no blank line before a row that starts with a paragraph),
 * on the inputs the doc comments show and scored against the corpus gold.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { clipboardRows } from '../src/tables/web-copy-clipboard.js';
import { webCopyReader } from '../src/tables/web-copy.js';
import { joinRows } from '../src/tables/web-copy-rows.js';
import { scoreWebCopy } from './helpers/corpus.js';

function source(lines: string[]) {
  return normalize(`${lines.join('\n')}\n`);
}

function read(lines: string[]) {
  const text = source(lines);
  return webCopyReader.read(text.lines, 0, text.lines.length, text);
}

// Chromium's clipboard text of corpus page 63 (a work plan).
const WORK = [
  '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額',
  '(單位：千元)',
  '一、貫徹農地農用政策',
  '農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。\t',
  '配合上級農林漁牧業調查作業，並實地調查，彙整統計後陳報市政府。',
  '農業用地作農業使用證明書之核發。\t',
  '配合上級農林漁牧業調查作業，並實地調查，彙整統計後陳報市政府。',
  '辦理農業天然災害\t',
  '受理農民災害申報，會同主管機關實地農災勘查。',
  '二、工商財稅業務',
  '財稅業務\t',
  '受理農民災害申報，會同主管機關實地農災勘查。',
  '三、全民健康保險',
  '受理第五、六類人口全民健康保險之加退保、轉入、轉出、停保及復保等。\t',
  '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。',
  '協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難或經濟特殊困難認定。',
  '449(健保局補助)',
  '辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。\t',
  '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。',
];

// Chromium's clipboard text of corpus page 66 (a work report).
const REPORT = [
  '計畫名稱\t辦理情形\t完成程度',
  '百分比\t備註',
  '類\t項\t目',
  '肆、會計部門\t一、歲計\t(一)編製預算\t',
  '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。',
  '100%\t',
  '二、會計\t(二)加強內部審核、公款支付時限, 勵行經費公開\t',
  '1. 嚴格執行內部審核。',
  '100%\t',
  '2. 均於期限內完成款項支付。',
  '100%\t',
  '伍、人事部門',
];

describe('Chromium clipboard rows', () => {
  it('starts a row at a line of cells that overflows the row above, takes the category and the budget off the paragraphs', () => {
    const table = read(WORK)!;
    expect(table.header).toEqual(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額 (單位：千元)']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['一、貫徹農地農用政策', '農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。', '配合上級農林漁牧業調查作業，並實地調查，彙整統計後陳報市政府。', ''],
      ['', '農業用地作農業使用證明書之核發。', '配合上級農林漁牧業調查作業，並實地調查，彙整統計後陳報市政府。', ''],
      ['', '辦理農業天然災害', '受理農民災害申報，會同主管機關實地農災勘查。', ''],
      ['二、工商財稅業務', '財稅業務', '受理農民災害申報，會同主管機關實地農災勘查。', ''],
      [
        '三、全民健康保險',
        '受理第五、六類人口全民健康保險之加退保、轉入、轉出、停保及復保等。',
        '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。\n協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難或經濟特殊困難認定。',
        '449(健保局補助)',
      ],
      ['', '辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。', '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。', ''],
    ]);
    // The last row's block runs to the end of the text.
    expect(table.end).toBe(WORK.length);
  });

  it('goes on with a row after its block where the cells fit the columns, and places a row that starts with a block', () => {
    const table = read(REPORT)!;
    expect(table.header).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度 百分比', '備註']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['肆、會計部門', '一、歲計', '(一)編製預算', '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。', '100%', ''],
      ['', '二、會計', '(二)加強內部審核、公款支付時限, 勵行經費公開', '1. 嚴格執行內部審核。', '100%', ''],
      ['', '', '', '2. 均於期限內完成款項支付。', '100%', ''],
    ]);
    // `伍、人事部門` after a closed row is past the table.
    expect(table.end).toBe(REPORT.length - 1);
  });

  it('keeps a long last paragraph, or one with sentence punctuation, in the block', () => {
    const text = source(['一、編練業務', '國民兵異動管理。\t', '1. 列管異動登記、移轉隨時辦理。', '每月執行列管', '替代役備役管理。\t', '依規定辦理。', '279']);
    const rows = clipboardRows(text.lines, 0, text.lines.length, 4);
    // `每月執行列管`: short, no punctuation: read as the budget (the format cannot tell).
    expect(rows.map((row) => row.cells)).toEqual([
      ['一、編練業務', '國民兵異動管理。', '1. 列管異動登記、移轉隨時辦理。', '每月執行列管'],
      ['替代役備役管理。', '依規定辦理。', '279'],
    ]);
  });

  it('leaves innerText (TABs starting lines) to the line-by-line rules', () => {
    const text = source(['機關工作項目\t重要工作計畫項目\t實施內容\t預算金額', '(單位：千元)', '', '三、全民健康保險', '\t受理第五、六類人口全民健康保險之加退保。\t', '1. 申請對象。', '\t449(健保局補助)']);
    const rows = joinRows(text.lines, 0, text.lines.length);
    expect(rows[1].cells).toEqual(['三、全民健康保險', '受理第五、六類人口全民健康保險之加退保。', '1. 申請對象。', '449(健保局補助)']);
  });
});

describe('rows of pandoc’s HTML in a browser (a cell of several paragraphs as `<p>`s)', () => {
  it('keeps the paragraphs after the TAB that opened their cell in its row, blank lines between them', () => {
    // Chromium's innerText of corpus DOCX 64 through pandoc.
    const table = read([
      '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額',
      '(單位：千元)',
      '二、徵集業務\t94年次役男兵籍調查。\t1. 舉辦兵籍調查講習。\t',
      '役男徵兵檢查。\t',
      '',
      '1. 依規定分別通知檢查，未到檢者，適時通知辦理補檢。',
      '',
      '2. 受理役男體位複檢申請。',
      '',
      '\t',
      '112年役男抽籤。\t',
      '',
      '1. 依規定分別通知檢查。',
      '',
      '\t',
    ])!;
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['二、徵集業務', '94年次役男兵籍調查。', '1. 舉辦兵籍調查講習。', ''],
      ['', '役男徵兵檢查。', '1. 依規定分別通知檢查，未到檢者，適時通知辦理補檢。\n2. 受理役男體位複檢申請。', ''],
      ['', '112年役男抽籤。', '1. 依規定分別通知檢查。', ''],
    ]);
  });
});

describe('rows of pandoc’s HTML in Chromium’s innerText: a row that starts with `<p>`s', () => {
  it('starts a row at paragraphs two blank lines after a row’s trailing TAB', () => {
    // Chromium's innerText of corpus DOCX 66 through pandoc (shortened cells).
    const table = read([
      '計畫名稱\t辦理情形\t完成程度',
      '百分比\t備註',
      '類\t項\t目',
      '柒、行政部門\t一、一般行政\t(一)印信典守\t各種公文監印，經決行後依規定用印。\t100%\t',
      '(二)公文收發繕校\t',
      '',
      '1. 總收發文件均由專人輸入電腦。',
      '',
      '2. 全面推動公文線上簽核作業。',
      '',
      '\t100%\t',
      '(三)檔案管理\t1. 完成108年機關檔案管理調查。\t100%\t',
      '',
      '',
      '2. 檔案清理：',
      '',
      '(1) 辦理96至100年屆滿保存年限3年之檔案清理2,435件。',
      '',
      '(2) 辦理80年永久檔案清查。',
      '',
      '\t100%\t',
      '3. 完成109年度檔案編目建檔1萬6,689件。\t100%\t',
    ])!;
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['柒、行政部門', '一、一般行政', '(一)印信典守', '各種公文監印，經決行後依規定用印。', '100%', ''],
      ['', '', '(二)公文收發繕校', '1. 總收發文件均由專人輸入電腦。\n2. 全面推動公文線上簽核作業。', '100%', ''],
      ['', '', '(三)檔案管理', '1. 完成108年機關檔案管理調查。', '100%', ''],
      ['', '', '', '2. 檔案清理：\n(1) 辦理96至100年屆滿保存年限3年之檔案清理2,435件。\n(2) 辦理80年永久檔案清查。', '100%', ''],
      ['', '', '', '3. 完成109年度檔案編目建檔1萬6,689件。', '100%', ''],
    ]);
  });
});

describe('rows of pandoc’s HTML in Firefox’s selection: a row that starts with `<p>`s', () => {
  it('starts a row at paragraphs after a line that ends like the first body row (a value, then the empty last cell)', () => {
    // Firefox's selection text of corpus DOCX 66 through pandoc (shortened cells).
    const table = read([
      '計畫名稱\t辦理情形\t完成程度',
      '百分比\t備註',
      '類\t項\t目',
      '柒、行政部門 \t一、一般行政 \t(一)印信典守 \t各種公文監印，經決行後依規定用印。 \t100% \t',
      '(三)檔案管理 \t1. 完成108年機關檔案管理調查。 \t100% \t',
      '',
      '2. 檔案清理：',
      '',
      '(1) 辦理96至100年屆滿保存年限3年之檔案清理2,435件。',
      '',
      '(2) 辦理80年永久檔案清查。',
      '\t100% \t',
      '3. 完成109年度檔案編目建檔1萬6,689件。 \t100% \t',
    ])!;
    expect(table.rows.map((row) => row.cells.slice(2, 5))).toEqual([
      ['(一)印信典守', '各種公文監印，經決行後依規定用印。', '100%'],
      ['(三)檔案管理', '1. 完成108年機關檔案管理調查。', '100%'],
      ['', '2. 檔案清理：\n(1) 辦理96至100年屆滿保存年限3年之檔案清理2,435件。\n(2) 辦理80年永久檔案清查。', '100%'],
      ['', '3. 完成109年度檔案編目建檔1萬6,689件。', '100%'],
    ]);
  });
});

describe('Firefox selection rows', () => {
  it('starts a row after a line shaped like the first body row’s last', () => {
    const table = read([
      '計畫名稱\t辦理情形\t完成程度',
      '百分比\t備註',
      '類\t項\t目',
      '肆、會計部門\t一、歲計\t(一)編製預算\t',
      '編製110年度預算。',
      '\t100%\t',
      '(二)加強內部審核\t',
      '1. 嚴格執行內部審核。',
      '\t100%\t',
      '2. 均於期限內完成款項支付。',
      '\t100%\t',
    ])!;
    expect(table.rows.map((row) => row.cells.slice(2, 5))).toEqual([
      ['(一)編製預算', '編製110年度預算。', '100%'],
      ['(二)加強內部審核', '1. 嚴格執行內部審核。', '100%'],
      ['', '2. 均於期限內完成款項支付。', '100%'],
    ]);
  });
});


// Floors are a ratchet: the measured scores, never lowered.
describe('clipboard text accuracy on the 16 corpus pages', () => {
  for (const browser of ['chromium-selection', 'firefox-selection']) {
    it(`${browser}: every record`, () => {
      const totals = scoreWebCopy(browser);
      for (const metric of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
    });
  }

  // The LibreOffice exports' selections: cells as paragraphs, their rows only
  // told apart by the TAB lines (Firefox) or not at all (Chromium).  Chromium's
  // work plans are not read (every cell a paragraph: items and their contents
  // alike); Firefox's are (test/web-copy-tab-paragraphs.test.ts).
  it('chromium selection of the LibreOffice export', () => {
    const totals = scoreWebCopy('chromium-libreoffice-selection');
    for (const metric of ['docs', 'outline', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.946);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.919);
    expect(totals.report).toBeGreaterThanOrEqual(0.935);
  });

  // pandoc's HTML (only cells of several paragraphs are `<p>`, set off by blank
  // lines in the browser's text); Chromium's selection of it read without the
  // blank lines inside the table (web-copy-spaced-clipboard.ts).
  const PANDOC: Record<string, Record<string, number>> = {
    'chromium-pandoc': { outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 },
    'chromium-pandoc-selection': { outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 0.988 },
    'firefox-pandoc-selection': { outline: 1, kpiRows: 1, kpiCells: 1, work: 1, budgets: 1, report: 1 },
  };
  for (const [folder, floors] of Object.entries(PANDOC)) {
    it(`${folder} (the DOCX files through pandoc's HTML)`, () => {
      const totals = scoreWebCopy(folder);
      expect(totals.docs).toBe(1);
      expect(totals.meta).toBe(1);
      for (const [metric, floor] of Object.entries(floors)) expect(totals[metric], metric).toBeGreaterThanOrEqual(floor);
    });
  }

  it('firefox selection of the LibreOffice export', () => {
    const totals = scoreWebCopy('firefox-libreoffice-selection');
    for (const metric of ['docs', 'outline', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.65);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.772);
    expect(totals.report).toBeGreaterThanOrEqual(0.935);
  });
});
