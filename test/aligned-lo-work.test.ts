/**
 * Work-plan tables in `pdftotext -layout` text of LibreOffice's PDFs
 * (corpus 63–65, fixtures/corpus/text/*-lo-layout.txt): narrow item cells
 * justified glyph by glyph, one space before the next column.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { returnRunOnText } from '../src/tables/aligned-budgets.js';
import { settleStacked } from '../src/tables/aligned-straddle.js';
import { joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';
import { gridOf } from './helpers/aligned-cells.js';
import { columnOf } from '../src/tables/geometry/columns.js';
import { corpusText } from './helpers/corpus.js';

const words = (line: string, inner: boolean) => joinSpacedOut(lineRuns(line, 0, 1), inner).map((run) => run.text);

describe('a justified chain of glyphs through a bracket or a number (work-plan and report cells)', () => {
  //   > |        證 明 書 核 ( 換 補 ) 申請補發、汙損換發等，隨到隨辦。2. 受理國民兵請領或補
  //                       ^       ^ half-width brackets spaced out with the glyphs
  it('goes on through half-width brackets', () => {
    expect(words('       證 明 書 核 ( 換 補 ) 申請補發、汙損換發等，', true)).toEqual(['證明書核(換補)', '申請補發、汙損換發等，']);
  });
  //   > |        辦 理 112 年 度 後 辦理登錄更正。
  //                    ^^^
  it('goes on through a short number between two glyphs', () => {
    expect(words('       辦 理 112 年 度 後 辦理登錄更正。', true)).toEqual(['辦理112年度後', '辦理登錄更正。']);
  });
  it('stops before a parenthesised numeral: the next column\'s label', () => {
    //   > |     出 納 ( 一 ) 各 種 代 收 付 功能之正確。
    expect(words('    出 納 ( 一 ) 各 種 代 收 付 功能之正確。', true)).toEqual(['出', '納', '(', '一', ')', '各種代收付', '功能之正確。']);
  });
  it('is left as it was in KPI tables', () => {
    expect(words('       辦 理 112 年 度 後 辦理登錄更正。', false)).toEqual(['辦', '理', '112', '年度後', '辦理登錄更正。']);
  });
});

describe('LibreOffice work plan through pdftotext -layout (corpus 64, 兵役課)', () => {
  const result = parse(corpusText('64_chiayi-west-district-military-112-workplan-lo-layout.txt'), { path: '64.txt' });
  // (Lines of a cell join with a space after a half-width bracket: `核(換補) 發。`.)
  const items = result.documents[0].workItems.map((item) => item.item.replace(/\s/gu, ''));
  it('reads justified items with brackets and numbers whole', () => {
    expect(items).toContain('國民兵國民身分證明書核(換補)發。');
    expect(items).toContain('辦理112年度後備軍人清查。');
  });
});

describe('a row laid out left of the page\'s columns (corpus 65, 人事室)', () => {
  //   > | 遇登記   配合中央調整待遇，加 4.遴選公務人員參加晉升官等訓練。     市府統
  //                                 ^ 實施內容, one space after the item   ^ 預算金額
  //   > |       強辦理各項福利保險。 5.加強現職人員英語能力之培訓，提升公務人 籌款
  const result = parse(corpusText('65_chiayi-west-district-personnel-112-workplan-lo-layout.txt'), { path: '65.txt' });
  const item = result.documents[0].workItems.find((entry) => entry.item.startsWith('配合中央調整待遇'));
  it('ends the item at a numbered entry one space after it', () => {
    expect(item?.item).toBe('配合中央調整待遇，加強辦理各項福利保險。');
  });
  it('gives the budget stacked over the next line\'s to the budget column', () => {
    expect(item?.budget?.raw).toBe('市府統籌款');
  });
});

describe('a short value ending its line, stacked over the next column\'s text', () => {
  // Each line's own column starts (LibreOffice's rows drift): 實施內容 from 17, 預算金額 from 45
  // on the first line (its 市府統 stands left of it), from 39 on the second.
  const cellsOf = (lines: string[], starts: number[][]) => gridOf(lines, 4, { column: (run, i) => columnOf(run.x0, starts[i]) });
  const lines = ['遇登記   配合中央調整待遇，加 4.遴選公務人員參加晉升官等訓練。     市府統', '      強辦理各項福利保險。 5.加強現職人員英語能力之培訓，提升公務人 籌款'];
  const starts = [
    [5, 17, 45],
    [5, 17, 39],
  ];

  it('goes to the next column', () => {
    const cells = cellsOf(lines, starts);
    expect(cells[0][2]?.text).toBe('4.遴選公務人員參加晉升官等訓練。 市府統');
    settleStacked(cells, 0, cells.length, 1);
    expect(cells[0][3]?.text).toBe('市府統');
    expect(cells[0][2]?.text).toBe('4.遴選公務人員參加晉升官等訓練。');
  });

  it('stays when nothing of the next column stands under it', () => {
    const cells = cellsOf([lines[0], '      強辦理各項福利保險。'], starts);
    settleStacked(cells, 0, cells.length, 1);
    expect(cells[0][3]).toBeNull();
  });
});

describe('glyphs run on from the content into the budget column', () => {
  // Content, then 預算金額 from `budget` (the page's), one row laid out right of it.
  const cellsOf = (lines: string[], budget: number) => gridOf(lines, 2, { column: (run) => columnOf(run.x0, [budget]) });

  it('go back to the content when its line stops at an entry\'s number or mid-sentence', () => {
    //   > |                        1. 列管異動登記、移轉隨時辦理。2. 電腦登打、傳輸。3. 每
    //   > |        國民兵國民身分 月執行列管人數統計、電腦通報。1. 國民兵證書，如有遺失
    const cells = cellsOf(['                       1. 列管異動登記、移轉隨時辦理。2. 電腦登打、傳輸。3. 每', '               月執行列管人數統計、電腦通報。1. 國民兵證書，如有遺失'], 50);
    expect(cells[0][1]?.text).toBe('每');
    returnRunOnText(cells, 0, 1, 1);
    expect(cells[0][1]).toBeNull();
    expect(cells[0][0]?.text.endsWith('傳輸。3. 每')).toBe(true);
  });

  it('stay after a closed sentence, or when the note wraps over the budget column\'s lines', () => {
    //   > |        加強辦理文康活動，增 5. 配合辦理 40 歲以上公教人員身體健康檢查。 市府統
    //   > |        進員工身心靈健康。  1. 依法辦理公務人員退休案件，對已屆退休人 籌款
    const cells = cellsOf(['               5. 配合辦理 40 歲以上公教人員身體健康檢查。               市府統', '               1. 依法辦理公務人員退休案件，對已屆退休人 籌款'], 38);
    returnRunOnText(cells, 0, 1, 1);
    expect(cells[0][1]?.text).toBe('市府統');
    expect(cells[1][1]?.text).toBe('籌款');
  });
});

describe('a line longer than its column is wide (corpus 63, 社建課)', () => {
  const result = parse(corpusText('63_chiayi-west-district-social-112-workplan-lo-layout.txt'), { path: '63.txt' });
  const items = result.documents[0].workItems.map((entry) => entry.item);

  it('is the content\'s, though it starts in the item column\'s span', () => {
    //   > | 助。                 凡符合者，依款別發給喪葬補助金。
    //                          ^ 16 glyphs from x = 19: not in 重要工作計畫項目's 13 columns
    expect(items).toContain('辦理低收入戶喪葬補助。');
    expect(items).not.toContain('辦理低收入戶喪葬補凡符合者，依款別發給喪葬補助金。');
  });

  it('counts a number one space apart with the words around it', () => {
    //   > | 福 利 與 救 加強身心障礙福利服務
    //   > |                    年滿 65 歲且設籍本區之長者及身障者，可申辦
    //                          ^^ two glyphs, but the line runs on through 65
    expect(items).toContain('推行身心障礙者福利，加強身心障礙福利服務工作。');
  });
});

describe('a justified line spaced out in groups of one or two glyphs (corpus 63)', () => {
  //   > | 政策              經實 地會 勘審 查後 ，符 合者 依規 定發 給證 明
  it('is one word in work-plan and report cells', () => {
    expect(words('政策              經實 地會 勘審 查後 ，符 合者 依規 定發 給證 明', true)).toEqual(['政策', '經實地會勘審查後，符合者依規定發給證明']);
  });
  it('not two groups, nor in KPI tables', () => {
    expect(words('     地 方務        作坊」。', true)).toEqual(['地', '方務', '作坊」。']);
    expect(words('政策              經實 地會 勘審 查後', false)).toEqual(['政策', '經實', '地會', '勘審', '查後']);
  });
  it('goes to the content, wider than the item column though it starts there', () => {
    const result = parse(corpusText('63_chiayi-west-district-social-112-workplan-lo-layout.txt'), { path: '63.txt' });
    const items = result.documents[0].workItems.map((entry) => entry.item);
    expect(items).toContain('農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。');
  });
});

describe('a cell\'s line cut by a gutter, its second part under the next column beside it', () => {
  it('gives that part to the next column (corpus 63, Chromium\'s PDF)', () => {
    //   > | 四、社會福利與救助 推行身心障礙者福利，加 輔導被保險人國民所得未達一定標準者，
    //                                             ^ 實施內容 starts here on this row
    //   > |           強身心障礙福利服務工  提出保險費減免之申請。
    //                                      ^ past a gutter, under 輔導: 實施內容
    const result = parse(corpusText('63_chiayi-west-district-social-112-workplan-layout.txt'), { path: '63.txt' });
    const items = result.documents[0].workItems.map((entry) => entry.item);
    expect(items).toContain('推行身心障礙者福利，加強身心障礙福利服務工作。');
  });
});
