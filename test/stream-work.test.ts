/**
 * Work-plan tables in content-stream order (`pdftotext -raw`, fixtures/extractors/
 * pdftotext-raw/ and pdftotext-raw-lo/): each cell's lines one after the other, row
 * by row, two cells on one line only when the first is one line tall.  The rows come
 * back from the order of the cells and the columns' widths (src/tables/stream-work.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { findTables } from '../src/tables/index.js';
import { unjustify } from '../src/tables/stream-work.js';
import { root } from './helpers/seeds.js';

const workPlan = { kind: 'work-plan' as const, title: null, agency: null, period: null, revision: null, titleLines: [] };

function rows(text: string): string[][] {
  const source = normalize(text);
  const table = findTables(source, { ...workPlan, start: 0, end: source.lines.length })[0];
  return table?.rows.map((row) => row.cells) ?? [];
}

function fixture(file: string): string {
  return readFileSync(path.join(root, 'fixtures/extractors', file), 'utf8');
}

function items(file: string): { path: string[]; item: string; budget: string | null }[] {
  const result = parse(readFileSync(path.join(root, 'fixtures/extractors', file)), { path: file });
  return result.documents.flatMap((document) => document.workItems.map((item) => ({ path: item.path, item: item.item, budget: item.budget?.raw ?? null })));
}

// 65_chiayi-west-district-personnel-112-workplan.txt, its first rows.
const PERSONNEL = `機關工作項目 重要工作計畫項目 實施內容
預算金額
(單位：千元)
一、組織編制及任免
遷調
依據中央訂頒之各類職稱
及官等職等員額配置準
則，辦理編制及人力調
配。
1. 為健全機關組織，合理配置員額，依據
「地方行政機關組織準則」之規定，研訂
組織編制及員額配置，以有效運用人力。
2. 修編時除依相關規定辦理外，並考量本
機關業務特性及工作量等因素，合理配置
人力。
1. 本所人員出缺除公開甄選外補人員辦理
商調或內部人員陞任外，一律申請分配考
試錄取人員。
貫徹考試用人政策。 1. 為健全機關組織，合理配置員額，依據
「地方行政機關組織準則」之規定，研訂
組織編制及員額配置，以有效運用人力。
貫徹分層負責授權，建立
承辦人責任制。
加實務訓練人員能確實接受實務經驗傳
授，以提高其任事能力，增進行政效率。
勵行人事公開。 加實務訓練人員能確實接受實務經驗傳
授，以提高其任事能力，增進行政效率。
`;

describe('work-plan rows from content-stream text', () => {
  it('reads each cell to the line that does not fill its column, and a one-line item beside its content', () => {
    const cells = rows(PERSONNEL);
    expect(cells.map((row) => row.slice(0, 2))).toEqual([
      ['一、組織編制及任免遷調', '依據中央訂頒之各類職稱及官等職等員額配置準則，辦理編制及人力調配。'],
      ['', '貫徹考試用人政策。'],
      ['', '貫徹分層負責授權，建立承辦人責任制。'],
      ['', '勵行人事公開。'],
    ]);
    expect(cells[0][2]).toMatch(/^1\. 為健全機關組織.*一律申請分配考試錄取人員。$/u);
    expect(cells[1][2]).toMatch(/^1\. 為健全機關組織/u);
  });

  it('takes the next number of the item list after content for the next row, and a budget after the content', () => {
    // 63_chiayi-west-district-social-112-workplan.txt (the whole table: the columns' widths are learned from it):
    //   > | (四)各項社會救助。 1. 辦理社會救助調查。 辦理社會救助調查，確定低收入者身份，
    //   > | 擴大照顧低收入民眾生活。
    //   > | 13,799
    //   > | 2. 受理民眾申請急難紓困
    //       ^^ the list of the item column goes on
    //   > | 及急難救助。
    //   > | 針對遭逢急難之民眾及時給予救助金以解
    //   > | 決民困。
    //   > | 3. 災害救助業務。 辦理遭遇災害之民眾，依救助核發規定核
    const all = rows(fixture('pdftotext-raw/63_chiayi-west-district-social-112-workplan.txt'));
    const from = all.findIndex((row) => row[0] === '(四)各項社會救助。');
    expect(all.slice(from, from + 9).map((row) => [row[0], row[1], row[3]])).toEqual([
      ['(四)各項社會救助。', '1. 辦理社會救助調查。', '13,799'],
      ['', '2. 受理民眾申請急難紓困及急難救助。', ''],
      ['', '3. 災害救助業務。', ''],
      ['', '4. 就地安養生活補助。', ''],
      ['', '5. 辦理低收入戶喪葬補助。', ''],
      ['', '6. 辦理低收及中低收入戶醫療補助。', ''],
      ['', '7. 辦理民間慈善團體物資救助。', ''],
      ['', '8. 辦理災民收容救濟業務。', ''],
      ['五、社區業務', '輔導社區發展協會成立。', '13,799'],
    ]);
  });

  it('joins the lines Writer justified, and a budget wrapped in its narrow cell', () => {
    // 65_chiayi-west-district-personnel-112-workplan-lo.txt
    expect(unjustify('員 服 務 品 質 及 敬 業 精')).toBe('員服務品質及敬業精');
    expect(unjustify('調 依據中央訂頒之各類職')).toBe('調 依據中央訂頒之各類職');
    //   > | 三 、 福 利 待
    //   > | 遇登記 配合中央調整待遇，加
    //   > | 強辦理各項福利保險。
    //   > | ，加強為民服務觀念與倫理法治。
    //   > | …
    //   > | 市府統
    //   > | 籌款
    //       ^^^^ the budget's second line
    const all = rows(fixture('pdftotext-raw-lo/65_chiayi-west-district-personnel-112-workplan-lo.txt'));
    const from = all.findIndex((row) => row[0] === '三、福利待遇登記');
    expect(all.slice(from).map((row) => [row[0], row[1], row[3]])).toEqual([
      ['三、福利待遇登記', '配合中央調整待遇，加強辦理各項福利保險。', '市府統籌款'],
      ['', '加強辦理退休資遣，促進人員新陳代謝。', '市府統籌款'],
      ['', '加強辦理文康活動，增進員工身心靈健康。', '市府統籌款'],
      ['', '線上維護人事管理資訊系統，以提高人事業務效率。', ''],
    ]);
  });

  it('takes a wrapped header cell for the repeated header, and an item cut by the page break on', () => {
    // 63_chiayi-west-district-social-112-workplan-lo.txt
    //   > | 辦理健保保險對象「經 1. 申請對象： (1) 第 5 類人口係指符合社會救助
    //   > | 機關工作項
    //   > | 目
    //       ^ 機關工作項目, the repeated header's first cell
    //   > | 重要工作計畫項目 實施內容
    //   > | …
    //   > | 濟困難或經濟特殊困難
    //       ^ the item goes on
    const all = rows(fixture('pdftotext-raw-lo/63_chiayi-west-district-social-112-workplan-lo.txt'));
    expect(all.map((row) => row[1])).toContain('辦理健保保險對象「經濟困難或經濟特殊困難資格認定」。');
    expect(all.flat().some((cell) => /機關工作項|預算金額/u.test(cell))).toBe(false);
  });
});

describe('a header wrapped in narrow cells (Writer)', () => {
  it('finds the table under `機關工作` / `項目`, `預算金` / `額`, and reads the rows after a page break', () => {
    // 64_chiayi-west-district-military-112-workplan-lo.txt
    //   > | 機關工作
    //   > | 項目
    //   > | 重要工作計畫項目 實施內容
    //   > | 預算金
    //   > | 額
    //       ^ 預算金額
    //   > | (單
    //   > | 位：千
    //   > | 元)
    const all = rows(fixture('pdftotext-raw-lo/64_chiayi-west-district-military-112-workplan-lo.txt'));
    expect(all[0].slice(0, 2)).toEqual(['一、編練業務', '國民兵異動管理。']);
    expect(all[0][3]).toBe('279');
    //   > | 役政人員資料更
    //   > | 新 及 訓 練 、 研
    //   > | (repeated header)
    //   > | 習。
    //   > | 申請國軍部隊支
    //       ^ after the item's end on the next page: the next row (its content came before the break)
    //   > | 援救災。
    const items = all.map((row) => row[1]);
    expect(items).toContain('役政人員資料更新及訓練、研習。');
    expect(items).toContain('申請國軍部隊支援救災。');
    //   > | 辦理 112 年度 後
    //                   ^ a lone character: the justified line goes on, no cell starts
    expect(items).toContain('辦理112年度後備軍人清查。');
  });
});

describe('whole documents', () => {
  it('reads every work item and budget of the Chromium PDFs’ text', () => {
    const got = items('pdftotext-raw/63_chiayi-west-district-social-112-workplan.txt');
    expect(got).toHaveLength(31);
    expect(got.filter((item) => item.budget !== null).map((item) => item.budget)).toEqual(['449(健保局補助)', '13,799', '13,799', '140', '15,500']);
    expect(got[10]).toEqual({ path: ['四、社會福利與救助', '(二)辦理老人福利'], item: '中低老人生活津貼。', budget: null });
  });
});

describe('an item centred beside a taller content cell (reading-order text)', () => {
  it('starts a row at an item line printed amid the content', () => {
    // fixtures/corpus/text/64_chiayi-west-district-military-112-workplan-raw.txt
    //   > | 電腦通報。1. 國民兵證書，如有遺失申請
    //   > | 國民兵國民身分證明書核
    //       ^^^^^^^^^^^^^^^^^^^^^^ fills the item column, ends no sentence; the content goes on below
    //   > | 補發、汙損換發等，隨到隨辦。2. 受理國
    //   > | (換補)發。
    const result = parse(readFileSync(path.join(root, 'fixtures/corpus/text/64_chiayi-west-district-military-112-workplan-raw.txt')), { path: 'raw.txt' });
    const got = result.documents.flatMap((document) => document.workItems.map((item) => item.item));
    expect(got).toContain('國民兵國民身分證明書核 (換補)發。');
    expect(got).toContain('在營軍人家屬各項補助及災害救助。');
    expect(got).toContain('貧困徵屬全民健康保險醫療費補助。');
  });
});

describe('a one-line item beside content that starts with a numbered entry (reading-order text)', () => {
  it('parts the sentence from the entries at a block start', () => {
    // fixtures/corpus/text/64_chiayi-west-district-military-112-workplan-raw.txt
    //   > | 受理各種役男申請案件。 1. 依規定分別通知檢查，未到檢者，適時
    //                           ^ the item ends, the content starts with its entry 1.
    //   > | 通知辦理補檢。
    const result = parse(readFileSync(path.join(root, 'fixtures/corpus/text/64_chiayi-west-district-military-112-workplan-raw.txt')), { path: 'raw.txt' });
    const got = result.documents.flatMap((document) => document.workItems.map((item) => item.item));
    expect(got).toContain('受理各種役男申請案件。');
  });
});
