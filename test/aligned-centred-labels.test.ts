/**
 * LibreOffice centres a merged category cell on its rows: in its PDF through
 * `pdftotext -layout` the label stands in the middle of its rows, and the
 * rows above it on its page are its own (the label before stands on an
 * earlier page, cut at the break).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { corpusText } from './helpers/corpus.js';

function workOf(name: string) {
  const result = parse(corpusText(name), { path: name });
  return result.documents.flatMap((document) => document.workItems ?? []);
}

describe('a category label centred on its rows', () => {
  it('takes the rows above it on its page', () => {
    //   > |       後備軍人退伍作
    //             ^ the label's first row, eleven lines above it
    //   > | 四 、 管 免役、回役、除
    //   > | 理業務 役、禁役。
    const items = workOf('64_chiayi-west-district-military-112-workplan-lo-layout.txt');
    const first = items.find((entry) => entry.item.startsWith('後備軍人退伍'));
    expect(first?.path).toEqual(['四、管理業務']);
    // The row before, on the page before the label's, keeps its own category.
    const before = items.find((entry) => entry.item.startsWith('役男輸送入營'));
    expect(before?.path).toEqual(['三、勤務業務']);
  });

  it('takes the row just above it after a page break', () => {
    //   > |         指 導 社 區 召 開 各 項 會 輔導社區理監事會及會員大會按時召開，健全
    //   > |         議。                組織功能。
    //   > | 五 、 社 區 輔導社區申請衛生福利 積極 輔導 各社 區申 請 衛 生福 利 部 各項 補助 申
    //       ^ 五、社區業務
    const items = workOf('63_chiayi-west-district-social-112-workplan-lo-layout.txt');
    const row = items.find((entry) => entry.item.startsWith('指導社區召開'));
    expect(row?.path).toEqual(['五、社區業務']);
  });
});
