/**
 * Report tables in `pdftotext -layout` text of LibreOffice's PDFs: every
 * cell is centred on its rows, so a merged 類 / 項 / 目 label stands below the
 * first row it spans, and a value beside a two-line cell is rounded to its
 * first line.  Excerpt: fixtures/lolayout/excerpts (corpus 66, 肆、會計部門).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { cutChainsAtNext, splitJustifiedLabels } from '../src/tables/aligned-justified.js';
import { longLineStart, pageShifts } from '../src/tables/aligned-page-shift.js';
import { spanningLabels } from '../src/tables/aligned-spans.js';
import { settleUnderNext } from '../src/tables/aligned-straddle.js';
import { gridOf } from './helpers/aligned-cells.js';
import { columnOf } from '../src/tables/geometry/columns.js';
import { corpusText } from './helpers/corpus.js';
import { joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';
import { root } from './helpers/seeds.js';

const excerpt = (name: string) => readFileSync(path.join(root, 'fixtures/lolayout/excerpts', name), 'utf8');

describe('a merged label over another merged column, centred on its rows', () => {
  //   > |             (一)確實執行會計制度簡       ← (一): 二、會計's rows start here
  //   > |             (二)加強內部審核、公款 1. 嚴格執行內部審核。
  //   > |                                    2. 均於期限內完成款項支付。
  //   > |       二、會 (三)編製單位決算       依限完成 108 年度單位決算
  it('starts where the lower column numbering restarts above it', () => {
    // Rows 0–6; 目 labels (一) on rows 0 and 2, (二) on 1, (三) on 4; 項 labels printed on rows 1 and 4.
    const texts = [null, '一、歲', '計', null, '二、會', '計', null];
    const starts = [0, 1, 2, 3, 4, 5, 6];
    const lower = [1, 2, 1, 2, null, 3, null];
    const labels = spanningLabels(texts, new Array(7).fill(0), starts, new Array(7).fill(null), false, lower);
    expect([...labels]).toEqual([
      [0, '一、歲計'],
      [2, '二、會計'],
    ]);
  });

  it('stays where it stands without a restart above it', () => {
    const labels = spanningLabels([null, null, '二、會計'], [0, 0, 0], [0, 1, 2], [null, null, null], false, [null, 3, 4]);
    expect([...labels]).toEqual([[2, '二、會計']]);
  });
});

describe('LibreOffice report table through pdftotext -layout (corpus 66, 肆、會計部門)', () => {
  const result = parse(excerpt('66-accounting-lo-layout.txt'), { path: '66-accounting-lo-layout.txt' });
  const items = result.documents[0].reportItems;
  const paths = (status: string) => items.find((item) => item.status.startsWith(status))?.path;

  it('gives the first rows the 類 label centred lower on the page', () => {
    //   > |              (一)編製預算         9,000 元 , 歲 出 預 算 數 1 億 2,003 萬 100%
    //   > | 肆、會計
    //       ^ centred on the whole table: its rows start at the first
    expect(paths('編製110年度預算')).toEqual(['肆、會計部門', '一、歲計', '(一)編製預算']);
  });

  it('cuts a two-line cell whose value stands on its first line as a centred row', () => {
    //   > |                              依實施計畫按月分配, 均於預算實施 100%
    //   > |              (二)辦理分配預算
    //   > |                              前為之。
    //   > |              (一)確實執行會計制度簡     ← the next row starts here, above its status
    //   > |                           依會計法及相關法令執行。                      100%
    expect(paths('依實施計畫按月分配')).toEqual(['肆、會計部門', '一、歲計', '(二)辦理分配預算']);
    expect(paths('依會計法及相關法令執行')).toEqual(['肆、會計部門', '二、會計', '(一)確實執行會計制度簡化會計處理程序']);
  });

  it('cuts a block of status lines holding two completions into two rows', () => {
    //   > |                             依限完成 108 年度單位決算, 歲入決
    //   > |       二、會 (三)編製單位決算         算數 83 萬 9,966 元, 歲出決算數 1 億 100%
    //   > |       計                     3,007 萬 7,081 元
    //   > |                             依規定每月 10 日前編造會計報告, 每 100%
    //                                   ^ no sentence end above: the second completion starts the row
    //   > |             (四)編造會計報告
    expect(paths('依限完成108年度單位決算')).toEqual(['肆、會計部門', '二、會計', '(三)編製單位決算']);
    expect(paths('依規定每月10日前編造會計報告')).toEqual(['肆、會計部門', '二、會計', '(四)編造會計報告']);
  });
});

describe('a page laid out shifted (its left columns empty)', () => {
  const runsOf = (lines: string[]) => lines.map((text, i) => joinSpacedOut(lineRuns(text, i, 1)));

  it('tells where a page\'s long lines start, not a narrow column one space before its neighbour', () => {
    //   > |         農業用地作農業使用證 彙整統計後陳報市政府。申請人檢附相關文件
    //                                    ^ 實施內容 (the item's 10 glyphs are no long line)
    const page = runsOf([
      '                   配合上級農林漁牧業調查作業，並實地調查，',
      '        農業用地作農業使用證 彙整統計後陳報市政府。申請人檢附相關文件',
      '        明書之核發。     經實 地會 勘審 查後 ，符 合者 依規 定發 給證 明',
      '                   書。',
      '        農業用地作農業設施容 申請農業用地作農業設施容許使用者，檢附相',
    ]);
    expect(longLineStart(page)).toBe(19);
  });

  it('shifts only a page far from the others', () => {
    expect(pageShifts([22, 21, 8])).toEqual([0, 0, -13]);
    expect(pageShifts([14, 14, 21, 18])).toEqual([0, 0, 0, 0]);
    // Two pages do not tell which one moved.
    expect(pageShifts([22, 8])).toEqual([0, 0]);
  });

  it('centres a row on its completion, not on the middle of its block (corpus 66)', () => {
    //   > |                      1. 本所訓練進修均係針對業務需要及同仁需求
    //   > |                      依相關規定並配合機關施政計畫（編列預算）
    //   > |                      辦理，例如辦理「環境教育訓練」、「里幹事
    //   > |                      業務講習或災情查報、通報人員訓練」、「民 100%
    //                                                                ^ the row's middle
    //   > |                      …
    //   > |              (二)加強在職
    //   > |     獎懲               定訓練進修計畫確實執行。
    const result = parse(excerpt('66-personnel-lo-layout.txt'), { path: '66-personnel-lo-layout.txt' });
    const item = result.documents[0].reportItems.find((entry) => entry.status.includes('定訓練進修計畫確實執行'));
    expect(item?.status.startsWith('本所訓練進修均係針對業務需要及同仁需求')).toBe(true);
    expect(item?.path).toEqual(['伍、人事部門', '二、考核獎懲', '(二)加強在職人員訓練']);
  });

  it('reads the shifted last page of 伍、人事部門 under the right columns (corpus 66)', () => {
    //   > | \f        遺族之遺屬年金(月撫慰金)、月撫卹金及公保
    //   > | (三)加強辦理
    //       ^ 目, 13 columns left of where the header has it
    const result = parse(excerpt('66-personnel-lo-layout.txt'), { path: '66-personnel-lo-layout.txt' });
    const items = result.documents[0].reportItems;
    const item = (status: string) => items.find((entry) => entry.status.startsWith(status));
    expect(item('依規定辦理本所退休人員')?.status).toBe('依規定辦理本所退休人員之月退休金、領卹遺族之遺屬年金(月撫慰金)、月撫卹金及公保養老給付請領作業。');
    expect(item('鼓勵員工休假旅遊')?.path).toEqual(['伍、人事部門', '三、福利待遇登記', '(三)加強辦理文康活動增進員工身心健康']);
    expect(item('109年度辦理1次全所同仁歲末聯歡餐會')?.completion?.raw).toBe('100%');
  });
});

describe('a row laid out left of the page (corpus 66, 六、地方創生)', () => {
  //   > |     六 、 辦理地方創生業 1. 5 月 28 日派員參與市府舉辦「地方創生推動工 100%
  //   > |     地 方務        作坊」。
  //   > |     創生          2. 6 月 30 日至 7 月 1 日參加於嘉義市政府文化局
  //   > |                 音樂廳及嘉義文創園區辦理之 2020 台灣地方創生 100%
  const lines = [
    '    六 、 辦理地方創生業 1. 5 月 28 日派員參與市府舉辦「地方創生推動工 100%',
    '    地 方務        作坊」。',
    '    創生          2. 6 月 30 日至 7 月 1 日參加於嘉義市政府文化局',
    '                音樂廳及嘉義文創園區辦理之 2020 台灣地方創生 100%',
  ];
  // The page's columns: 項 from 1, 目 from 8, 辦理情形 from 20, 完成程度 from 51; this row's 辦理情形 starts at 16.
  const cells = gridOf(lines, 5, {
    spacedOut: 'inner',
    // As the reader does for these lines: markers and what follows them in the text column.
    column: (run, _, previous) => Math.max(previous, 0, /^[0-9]\.$/u.test(run.text) ? 3 : columnOf(run.x0, [1, 8, 20, 51])),
  });

  it('gives a line standing under the text column\'s first words to that column', () => {
    expect(cells[1][2]?.text).toBe('作坊」。');
    expect(cells[3][2]?.text).toBe('音樂廳及嘉義文創園區辦理之');
    settleUnderNext(cells, 0, cells.length, 3, 1);
    expect(cells[1][2]).toBeNull();
    expect(cells[1][3]?.text).toBe('作坊」。');
    expect(cells[3][3]?.text).toBe('音樂廳及嘉義文創園區辦理之 2020 台灣地方創生 100%');
    // The label's own line stays.
    expect(cells[0][2]?.text).toBe('辦理地方創生業');
  });

  it('reads the statuses whole (the number after a marker stays with it)', () => {
    const result = parse(corpusText('66_chiayi-east-district-109-report-accounting-personnel-admin-lo-layout.txt'), { path: '66.txt' });
    const statuses = result.documents[0].reportItems.map((item) => item.status.replace(/\s/gu, ''));
    expect(statuses).toContain('5月28日派員參與市府舉辦「地方創生推動工作坊」。');
    expect(statuses).toContain('6月30日至7月1日參加於嘉義市政府文化局音樂廳及嘉義文創園區辦理之2020台灣地方創生年會。');
  });
});

describe('a narrow label cell justified glyph by glyph (corpus 66, 六、地方創生)', () => {
  // 項 from 0, 目 from 8, 辦理情形 from 16 (the row's own columns).
  const cellsOf = (lines: string[]) => gridOf(lines, 3, { spacedOut: 'inner', column: (run) => columnOf(run.x0, [8, 16]) });

  it('gives a glyph past the places of the line above to the next column', () => {
    //   > |     六 、 辦理地方創生業
    //   > |     地 方務
    //                ^ 務: 目's last glyph
    const cells = cellsOf(['    六 、 辦理地方創生業', '    地 方務', '    創生']);
    expect(cells[1][0]?.text).toBe('地 方務');
    splitJustifiedLabels(cells, 0, cells.length, 2, 1);
    expect(cells[1][0]?.text).toBe('地 方');
    expect(cells[1][1]?.text).toBe('務');
  });

  it('leaves a line whose glyphs keep to the places above', () => {
    const cells = cellsOf(['    六 、 辦理地方創生業', '    地 方', '    創生']);
    splitJustifiedLabels(cells, 0, cells.length, 2, 1);
    expect(cells[1][0]?.text).toBe('地 方');
    expect(cells[1][1]).toBeNull();
  });

  it('reads the labels of the rows whole', () => {
    const result = parse(corpusText('66_chiayi-east-district-109-report-accounting-personnel-admin-lo-layout.txt'), { path: '66.txt' });
    const item = result.documents[0].reportItems.find((entry) => entry.status.startsWith('參加智慧科技處'));
    expect(item?.path).toEqual(['柒、行政部門', '六、地方創生', '辦理地方創生業務']);
  });
});

describe('a justified line spaced out through the gutter (corpus 66, (二)公文收發繕校)', () => {
  //   > |                             印，共計收文 1 萬 904 件。其中發文 7,195 件，平
  //   > |             ( 二 ) 公 文 收 發 繕 請 案 件 120 件 、 陳 情 案 件 108 件 、 訴 願 案 件 5
  //                                     ^ 請 stands where 辦理情形 starts on the lines beside it
  const lines = [
    '                            印，共計收文 1 萬 904 件。其中發文 7,195 件，平',
    '            ( 二 ) 公 文 收 發 繕 請 案 件 120 件 、 陳 情 案 件 108 件 、 訴 願 案 件 5',
    '            校               件）。',
  ];
  const raw = lines.map((text, i) => lineRuns(text, i, 1));
  // 目 from 10, 辦理情形 from 28 (where its lines start), 完成程度 far right.
  const cells = gridOf(lines, 3, { spacedOut: 'inner', column: (run) => columnOf(run.x0, [10, 28, 200]) - 1 });

  it('is cut at the glyph standing where the next column starts beside it', () => {
    expect(cells[1][1]).toBeNull();
    cutChainsAtNext(cells, raw, 0, cells.length, 1, 1);
    expect(cells[1][0]?.text).toBe('( 二 ) 公文收發繕');
    expect(cells[1][1]?.text).toBe('請案件120件、陳情案件108件、訴願案件5');
  });

  it('gives the rows below their own label', () => {
    const result = parse(corpusText('66_chiayi-east-district-109-report-accounting-personnel-admin-lo-layout.txt'), { path: '66.txt' });
    const item = result.documents[0].reportItems.find((entry) => entry.status.startsWith('全面推動公文線上簽核作業'));
    expect(item?.path).toEqual(['柒、行政部門', '一、一般行政', '(二)公文收發繕校']);
  });
});

describe('rows of 柒、行政部門 (corpus 66)', () => {
  const result = parse(corpusText('66_chiayi-east-district-109-report-accounting-personnel-admin-lo-layout.txt'), { path: '66.txt' });
  const item = (status: string) => result.documents[0].reportItems.find((entry) => entry.status.startsWith(status));

  it('keeps a list inside a cell going after a sentence end', () => {
    //   > |                    2. 檔案清理：
    //   > |                    (1) 辦理 96 至 100 年屆滿保存年限 3 年之檔案清理
    //   > |                    2,435 件。                                  100%
    //   > |                    (2) 辦理 97 年屆滿保存年限 5 年之檔案清理 7,817
    //                          ^ (2) after (1): the same cell
    const entry = item('檔案清理');
    expect(entry?.status.replace(/\s/gu, '')).toBe('檔案清理：(1)辦理96至100年屆滿保存年限3年之檔案清理2,435件。(2)辦理97年屆滿保存年限5年之檔案清理7,817件。(3)辦理80年永久檔案清查。');
    expect(entry?.path).toEqual(['柒、行政部門', '一、一般行政', '(三)檔案管理']);
  });

  it('gives a value alone on its line in the text column to the value column', () => {
    //   > |          (三)檔案管理                        100%
    //                                                   ^ alone, left of 完成程度
    //   > |                    3. 完成 109 年度檔案編目建檔 1 萬 6,689 件。
    expect(item('完成109年度檔案編目建檔')?.completion?.raw).toBe('100%');
    expect(result.documents[0].reportItems.some((entry) => entry.status === '100%')).toBe(false);
  });
});

describe('a lead sentence ending in a colon before a numbered list', () => {
  it('opens the rows of the label whose list it introduces', () => {
    // Rows: 4. (of the label before), 辦理本所資訊安全業務：, 1., 2.; the label printed on row 3.
    const texts = [null, null, null, '(一)資訊安全'];
    const labels = spanningLabels(texts, [0, 0, 0, 0], [0, 1, 2, 3], [4, null, 1, 2], false, null, [false, true, false, false]);
    expect([...labels]).toEqual([[1, '(一)資訊安全']]);
  });

  it('reads 五、資訊業務 from its first sentence (corpus 66)', () => {
    //   > |                    辦理本所資訊安全業務：             100%
    //   > |                    1. 提報本所 109 年資通安全維護計畫。          100%
    const result = parse(corpusText('66_chiayi-east-district-109-report-accounting-personnel-admin-lo-layout.txt'), { path: '66.txt' });
    const item = result.documents[0].reportItems.find((entry) => entry.status === '辦理本所資訊安全業務：');
    expect(item?.path).toEqual(['柒、行政部門', '五、資訊業務', '(一)資訊安全']);
  });
});
