/**
 * Work-plan tables in text that ends every paragraph with a blank line
 * (mammoth's extractRawText of a DOCX, src/tables/spaced-work-cells.ts): the
 * input of the reader's doc comment, and a work plan through the whole parser.
 * Accuracy on the 16 corpus files is in converters-accuracy.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/lines.js';
import { parse } from '../src/parse.js';
import { spacedWorkCellsReader } from '../src/tables/spaced-work-cells.js';
import type { Line, SourceText } from '../src/types.js';
import { root } from './helpers/seeds.js';

function read(paragraphs: readonly string[], lead: readonly string[] = FILLER) {
  // mammoth writes each paragraph followed by a blank line.
  const text = [...lead, ...paragraphs].map((paragraph) => `${paragraph}\n\n`).join('');
  const lines: Line[] = splitLines(text).map((line) => ({ ...line, role: line.text.trim() === '' ? 'blank' : 'content' }));
  const start = lead.length * 2;
  return spacedWorkCellsReader.read(lines, start, lines.length, { text, lines, format: 'text' } as SourceText);
}

// Paragraphs before the table: the text is judged paragraph-spaced as a whole.
const FILLER = Array.from({ length: 20 }, (_, i) => `第${i + 1}段說明文字。`);

// 64's table, as the reader's doc comment shows it ('' is an empty paragraph: an empty cell).
const TABLE = [
  '機關工作項目', '重要工作計畫項目', '實施內容', '預算金額(單位：千元)',
  '一、編練業務', '國民兵異動管理。', '1. 列管異動登記、移轉隨時辦理。2. 電腦登打、傳輸。', '279',
  '國民兵國民身分證明書核(換補)發。', '1. 列管異動登記、移轉隨時辦理。', '',
  '二、徵集業務', '94年次役男兵籍調查。', '1. 舉辦兵籍調查講習。', '2. 使用戶役政電腦轉錄役男名冊。', '',
  '參、預期效益',
];

describe('a work plan written a paragraph per cell', () => {
  const table = read(TABLE);

  it('reads the header and one row per item, the category once, in the row it starts in', () => {
    expect(table?.header).toEqual(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額(單位：千元)']);
    expect(table?.rows.map((row) => row.cells)).toEqual([
      ['一、編練業務', '國民兵異動管理。', '1. 列管異動登記、移轉隨時辦理。2. 電腦登打、傳輸。', '279'],
      ['', '國民兵國民身分證明書核(換補)發。', '1. 列管異動登記、移轉隨時辦理。', ''],
      ['二、徵集業務', '94年次役男兵籍調查。', '1. 舉辦兵籍調查講習。\n2. 使用戶役政電腦轉錄役男名冊。', ''],
    ]);
  });

  it('maps rows back to the source lines, the blank lines between rows included, and ends before the heading', () => {
    const first = FILLER.length * 2 + 8;
    expect(table?.rows[0].lines[0]).toBe(first);
    expect(table?.rows[1].lines[0]).toBe(table!.rows[0].lines.at(-1)! + 1);
    expect(table?.end).toBe(FILLER.length * 2 + TABLE.length * 2 - 2);
  });

  it('takes an amount with a note for the budget cell', () => {
    const rows = read([...TABLE.slice(0, 4), ...TABLE.slice(8, 11), ...TABLE.slice(4, 5), '協助辦理健保費紓困貸款。', '送件至健保局。', '449(健保局補助)', '參、預期效益'])?.rows.slice(1);
    expect(rows?.map((row) => row.cells)).toEqual([['一、編練業務', '協助辦理健保費紓困貸款。', '送件至健保局。', '449(健保局補助)']]);
  });

  it('takes a (二) paragraph for a category when the item after it is numbered and its 實施內容 numbers from 1 again', () => {
    const group = ['(二)辦理老人福利', '1. 辦理孤苦無依老人救助、安置。', '1. 受理第二、三款低收入戶兒童按月發放生活補助費。', '2. 受理兒童及少年生活扶助。', ''];
    const own = ['(三)推動志願服務。', '1. 招募志工。', '2. 辦理志工訓練。', ''];
    const rows = read([...TABLE.slice(0, 4), ...group, ...own, '參、預期效益'])?.rows;
    expect(rows?.map((row) => row.cells.slice(0, 2))).toEqual([
      ['(二)辦理老人福利', '1. 辦理孤苦無依老人救助、安置。'],
      ['', '(三)推動志願服務。'],
    ]);
  });

  it('takes the fund a row is paid from for its budget cell', () => {
    const rows = read([...TABLE.slice(0, 4), ...TABLE.slice(8, 11), '三、福利待遇登記', '配合中央調整待遇，加強辦理各項福利保險。', '5. 配合辦理40歲以上公教人員身體健康檢查。', '市府統籌款', '加強辦理退休資遣，促進人員新陳代謝。', '1. 依法辦理公務人員退休案件。', '市府統籌款', '參、預期效益'])?.rows;
    expect(rows?.slice(1).map((row) => [row.cells[1], row.cells[3]])).toEqual([
      ['配合中央調整待遇，加強辦理各項福利保險。', '市府統籌款'],
      ['加強辦理退休資遣，促進人員新陳代謝。', '市府統籌款'],
    ]);
  });

  it('is not tried where the lines after the header are not paragraph-spaced (a cell per line, as Writer writes)', () => {
    const text = `${TABLE.slice(0, 4).join('\n\n')}\n\n${TABLE.slice(4).join('\n')}\n`;
    const lines: Line[] = splitLines(text).map((line) => ({ ...line, role: line.text.trim() === '' ? 'blank' : 'content' }));
    expect(spacedWorkCellsReader.read(lines, 0, lines.length, { text, lines, format: 'text' } as SourceText)).toBeNull();
  });

  it('gives the work items through the parser, with their budgets', () => {
    const name = '64_chiayi-west-district-military-112-workplan.mammoth-raw.txt';
    const result = parse(readFileSync(path.join(root, 'fixtures/converters/mammoth', name)), { path: name });
    const items = result.documents[0].workItems;
    expect(items.length).toBe(27);
    expect(items[0]).toMatchObject({ path: ['一、編練業務'], item: '國民兵異動管理。', budget: { raw: '279', value: 279, unit: '千元' } });
  });
});
