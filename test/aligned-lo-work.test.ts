/**
 * Work-plan tables in `pdftotext -layout` text of LibreOffice's PDFs
 * (corpus 63–65, fixtures/corpus/text/*-lo-layout.txt): narrow item cells
 * justified glyph by glyph, one space before the next column.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';
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
