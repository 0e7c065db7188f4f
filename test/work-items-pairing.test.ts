/**
 * Issue 15 — seed 001 around line 282: `地方創生。` got `content: null` and its
 * 實施內容 paragraph went to the item before it.  Contents are paired with
 * items by their numbering: a list starts at (1), an unnumbered paragraph
 * after a list starts the next item's content, and numbered paragraphs
 * before the first (1) continue the item before the row.
 */
import { describe, expect, it } from 'vitest';
import { numberedRuns } from '../src/records/work-items.js';
import { parsedSeed } from './helpers/seeds.js';

describe('numberedRuns', () => {
  it('splits the seed-001 row: carried (3), the (1)(2) list, then the unnumbered paragraph', () => {
    const parts = ['(3) 按月製作公文報表，送市府彙辦。', '(1) 各項人民申請案件，一律依照處理時限辦理。', '(2) 於公所網站便民服務專欄提供申請表件電子檔。', '承接市府政策，宣導地方創生相關概念。'];
    expect(numberedRuns(parts)).toEqual({ carried: [parts[0]], groups: [[parts[1], parts[2]], [parts[3]]] });
  });

  it('unnumbered paragraphs in a row stay one content', () => {
    expect(numberedRuns(['第一段。', '第二段。']).groups).toEqual([['第一段。', '第二段。']]);
  });
});

describe('seed 001 work items', () => {
  const items = parsedSeed('001_fcb2d661580278da.txt').documents.flatMap((document) => document.workItems);
  const find = (text: string) => items.find((item) => item.item === text)!;

  it('地方創生。 gets its own 實施內容', () => {
    expect(find('地方創生。').content).toMatch(/^承接市府政策，宣導地方創生相關概念/);
  });

  it('加強人民申請案件時限管制。 gets (1) and (2) only; the carried (3) goes back to the item it continues', () => {
    expect(find('加強人民申請案件時限管制。').content).toMatch(/^\(1\) 各項人民申請案件.*\(2\) 於公所網站.*流程。$/);
    expect(find('辦理公文處理時效統計分析。').content).toMatch(/\(2\) 對逾期公文.*即按情節輕重簽處。 \(3\) 按月製作公文報表，送市府彙辦。$/);
  });

  it('rows with two items and two numbered lists give each item its list (line 190)', () => {
    expect(find('貫徹考試用人政策。').content).toMatch(/^1\. 本所人員出缺/);
    expect(find('依據中央訂頒之各類職稱及官等職等員額配置準則，辦理編制及人力調配。').content).not.toMatch(/本所人員出缺/);
  });
});
