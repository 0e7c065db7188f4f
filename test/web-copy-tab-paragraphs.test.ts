/**
 * Paragraph cells in Firefox's selection text (LibreOffice's HTML export
 * selected whole): a TAB alone after each cell but a row's last, the row's
 * end a blank line like a paragraph break (fixtures/webcopy/firefox-libreoffice-selection).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { webCopyReader } from '../src/tables/web-copy.js';
import { startsTabParagraphTable } from '../src/tables/web-copy-tab-paragraphs.js';
import { scoreWebCopy } from './helpers/corpus.js';

function read(lines: string[]) {
  const source = normalize(`${lines.join('\n')}\n`);
  return webCopyReader.read(source.lines, 0, source.lines.length, source);
}

// Firefox's selection of LibreOffice's HTML export of page 63 (shortened cells).
const WORK = [
  '機關工作項目', '\t', '', '重要工作計畫項目', '\t', '', '實施內容', '\t', '', '預算金額', '(單位：千元)', '',
  '六、小型工程', '\t', '', '配合里辦公處巡查通報機制，辦理道路坑洞修補。', '\t', '', '道路坑洞於通報後4小時內填補', '\t', '', '140', '',
  '針對西區所有道路附屬設施依規定維護。', '\t', '', '1. 本區道路路面維護及搶修。', '\t', '',
  '辦理農業天然災害', '\t', '', '受理農民災害申報，會同主管機關實地農災勘查。', '', '由市政府統一公告受理申請期限。', '\t', '',
  '七、里鄰業務', '\t', '', '里辦公處業務。', '\t', '', '辦理里鄰長業務。', '\t', '', '15,500', '', '',
  '伍、人事部門',
];

describe('Firefox selection of paragraph cells', () => {
  it('splits the paragraphs after a row’s last TAB into its value and the next row’s first cell', () => {
    const table = read(WORK)!;
    expect(table.header).toEqual(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額 (單位：千元)']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['六、小型工程', '配合里辦公處巡查通報機制，辦理道路坑洞修補。', '道路坑洞於通報後4小時內填補', '140'],
      ['', '針對西區所有道路附屬設施依規定維護。', '1. 本區道路路面維護及搶修。', ''],
      ['', '辦理農業天然災害', '受理農民災害申報，會同主管機關實地農災勘查。\n由市政府統一公告受理申請期限。', ''],
      ['七、里鄰業務', '里辦公處業務。', '辦理里鄰長業務。', '15,500'],
    ]);
    // The table ends after the last row's value: `伍、人事部門` is past it.
    expect(table.end).toBe(WORK.indexOf('15,500') + 1);
  });

  it('leaves innerText’s layout (a blank line before the TAB) and a KPI header of two rows alone', () => {
    const innerText = normalize('關鍵策略目標\n\n\t\n\n一\n');
    expect(startsTabParagraphTable(innerText.lines, 0, innerText.lines.length)).toBe(false);
    expect(read(['關鍵策略目標', '\t', '', '關鍵績效指標', '\t', '', '衡量標準', '\t', '', '年度目標值', '', '108年', '\t', '', '109年', '\t', '', '一', '\t', '', '區域排水'])).toBeNull();
  });
});

describe('firefox-libreoffice-selection accuracy on the 16 corpus pages', () => {
  it('reads the work plans whole', () => {
    const totals = scoreWebCopy('firefox-libreoffice-selection');
    // Floors are a ratchet: the measured scores, never lowered.
    for (const metric of ['docs', 'outline', 'work', 'budgets', 'meta']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.65);
    expect(totals.report).toBeGreaterThanOrEqual(0.935);
  });
});
