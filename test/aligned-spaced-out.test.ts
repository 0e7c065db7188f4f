/**
 * Justified CJK text spaced out character by character (LibreOffice PDFs
 * through `pdftotext -layout`), joined back into words by the text adapter
 * (src/tables/aligned-text.ts `joinSpacedOut`), on lines of the corpus.
 */
import { describe, expect, it } from 'vitest';
import { joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';

const words = (text: string) => joinSpacedOut(lineRuns(text, 0, 1)).map((run) => [run.x0, run.x1, run.text]);

describe('spaced-out CJK words', () => {
  it('joins a chain of lone characters one space apart; the single space after it is the gutter', () => {
    expect(words('    建 立 環 市 自 行 車 道 系 環市自行車道建置或')).toEqual([
      [4, 21, '建立環市自行車道系'],
      [22, 31, '環市自行車道建置或'],
    ]);
    // CJK punctuation is spaced out with the characters.
    expect(words('三            新增休閒遊憩空間          化 、 生 態 及 健 康 旅 300 100')[2]).toEqual([31, 46, '化、生態及健康旅']);
  });

  it('keeps a strategy ordinal that starts the line apart from the text after it', () => {
    expect(words('二 落 實 欠 稅 案 件 之 移 欠 稅 案 件 之 移 送 執 行 (如期移送').slice(0, 2)).toEqual([
      [0, 1, '二'],
      [2, 35, '落實欠稅案件之移欠稅案件之移送執行'],
    ]);
  });

  it('joins an ordinal and its pause mark spaced apart, and a pair ending in one', () => {
    expect(words('柒 、         (一)印信典守      各種公文監印').map((w) => w[2])).toEqual(['柒、', '(一)印信典守', '各種公文監印']);
    expect(words('      一 、                2. 檔案清理：').map((w) => w[2])).toEqual(['一、', '2.', '檔案清理：']);
  });

  it('leaves units under the year columns and short pairs alone', () => {
    expect(words('                                               萬 萬          萬     萬').map((w) => w[2])).toEqual(['萬', '萬', '萬', '萬']);
    expect(words('      年 年 年 年').map((w) => w[2])).toEqual(['年', '年', '年', '年']);
    expect(words('一 落實美感教育').map((w) => w[2])).toEqual(['一', '落實美感教育']);
    expect(words('          河川 水 質 監測').map((w) => w[2])).toEqual(['河川', '水', '質', '監測']);
  });
});
