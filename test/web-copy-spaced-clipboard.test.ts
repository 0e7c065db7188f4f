/**
 * Chromium's clipboard text of pandoc's HTML (a cell of several paragraphs
 * as `<p>`s, a blank line after each): read without the blank lines inside
 * the table, the text after it left alone.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { webCopyReader } from '../src/tables/web-copy.js';
import { spacedClipboard, withoutInnerBlanks } from '../src/tables/web-copy-spaced-clipboard.js';

// Chromium's selection text of page 63 through pandoc's HTML (shortened cells).
const WORK = [
  '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額',
  '(單位：千元)',
  '一、貫徹農地農用政策\t農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。\t配合上級農林漁牧業調查作業。\t',
  '農業用地作農業使用證明書之核發。\t配合上級農林漁牧業調查作業。\t',
  '農業用地作農業設施容許使用申請同意書之核發。\t',
  '申請農業用地作農業設施容許使用者，檢附相關證明文件。',
  '',
  '受理農民災害申報，會同主管機關實地農災勘查。',
  '',
  '二、工商財稅業務\t財稅業務\t',
  '申請農業用地作農業設施容許使用者，檢附相關證明文件。',
  '',
  '受理農民災害申報，會同主管機關實地農災勘查。',
  '',
  '三、全民健康保險\t受理第五、六類人口全民健康保險之加退保。\t',
  '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。',
  '',
  '協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難認定。',
  '',
  '449(健保局補助)',
  '(四)各項社會救助。\t1. 辦理社會救助調查。\t辦理社會救助調查，確定低收入戶資格。\t13,799',
  '',
  '參、預期成果',
  '',
  '本所將持續推動各項業務。',
];

describe('Chromium clipboard text with spaced paragraphs', () => {
  it('reads the rows across the blank lines inside the table', () => {
    const source = normalize(`${WORK.join('\n')}\n`);
    expect(spacedClipboard(source.lines, 0, source.lines.length)).toBe(true);
    const table = webCopyReader.read(source.lines, 0, source.lines.length, source)!;
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['一、貫徹農地農用政策', '農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。', '配合上級農林漁牧業調查作業。', ''],
      ['', '農業用地作農業使用證明書之核發。', '配合上級農林漁牧業調查作業。', ''],
      ['', '農業用地作農業設施容許使用申請同意書之核發。', '申請農業用地作農業設施容許使用者，檢附相關證明文件。\n受理農民災害申報，會同主管機關實地農災勘查。', ''],
      ['二、工商財稅業務', '財稅業務', '申請農業用地作農業設施容許使用者，檢附相關證明文件。\n受理農民災害申報，會同主管機關實地農災勘查。', ''],
      ['三、全民健康保險', '受理第五、六類人口全民健康保險之加退保。', '1. 申請對象： (1) 第5類人口係指符合社會救助法規定之低收入戶成員。\n協助低收入戶及中低收入戶積欠保費民眾辦理經濟困難認定。', '449(健保局補助)'],
      ['(四)各項社會救助。', '1. 辦理社會救助調查。', '辦理社會救助調查，確定低收入戶資格。', '13,799'],
    ]);
    // The rows' lines are the source's line indexes; the table ends at its last row, the text after it left out.
    expect(table.rows[4].lines).toContain(WORK.indexOf('449(健保局補助)'));
    // A row ends with the blank line after its block: no gap before the next row (a gap is a page break to the records).
    expect(table.rows[2].lines.at(-1)).toBe(WORK.indexOf('二、工商財稅業務\t財稅業務\t') - 1);
    expect(table.end).toBe(WORK.indexOf('參、預期成果') - 1);
  });

  it('keeps the blank lines after the table’s last line with a TAB', () => {
    const source = normalize(`${WORK.join('\n')}\n`);
    const view = withoutInnerBlanks(source.lines, 0, source.lines.length);
    expect(view.filter((line) => line.role === 'blank').map((line) => line.index)).toEqual([21, 23]);
  });

  it('leaves innerText (lines starting with TAB) to the other rules', () => {
    const source = normalize('機關工作項目\t重要工作計畫項目\t實施內容\n一、貫徹\t辦理\t\n申請\n\n受理\n\t100\n');
    expect(spacedClipboard(source.lines, 0, source.lines.length)).toBe(false);
  });
});
