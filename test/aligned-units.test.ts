/**
 * Target values spaced from their units (src/tables/aligned-units.ts), as
 * pdftotext -layout writes LibreOffice's justified cells (corpus 52 and 59).
 */
import { describe, expect, it } from 'vitest';
import { joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';
import { joinValueUnits } from '../src/tables/aligned-units.js';

const words = (text: string) => joinValueUnits(joinSpacedOut(lineRuns(text, 0, 1))).map((run) => run.text);

describe('values and their units', () => {
  it('joins a number and the lone unit one space after it', () => {
    expect(words('                 1           45 件 45 件 35 件 40 件')).toEqual(['1', '45件', '45件', '35件', '40件']);
  });

  it('joins a unit of several lone characters and an opening note', () => {
    expect(words('            策辦優 質演 藝        11 萬 人 12 萬 人          14 萬 人')).toEqual(['策辦優', '質演', '藝', '11萬人', '12萬人', '14萬人']);
    expect(words('            強化本市 表演                       80 場 ( 因 100 場')).toEqual(['強化本市', '表演', '80場(因', '100場']);
  });

  it('joins a unit of two characters, but not to an ordinal', () => {
    expect(words('             2 泥 土 總 重 量 實際完成數據             890 公噸 899 公噸 900 公噸')).toEqual(['2', '泥土總重量', '實際完成數據', '890公噸', '899公噸', '900公噸']);
    expect(words('           2 市木 業文化之 補助件數量')).toEqual(['2', '市木', '業文化之', '補助件數量']);
  });

  it('joins a unit of three characters, and a small number right of the measure', () => {
    const line = '                   執行 文化資產 調查研究案完                   2 件以上 2 件以上';
    const runs = joinValueUnits(joinSpacedOut(lineRuns(line, 0, 1)), 40).map((run) => run.text);
    expect(runs).toEqual(['執行', '文化資產', '調查研究案完', '2件以上', '2件以上']);
    const wrapped = joinValueUnits(joinSpacedOut(lineRuns('               1           輔導民間團體               15 案以上', 0, 1)), 40);
    expect(wrapped.map((run) => run.text)).toEqual(['1', '輔導民間團體', '15案以上']);
  });

  it('leaves an ordinal before a word, and values two spaces apart', () => {
    expect(words('               2 博物館 暨地 方 年度參與人次 50,000        55,000')).toEqual(['2', '博物館', '暨地', '方', '年度參與人次', '50,000', '55,000']);
  });
});
