/**
 * A KPI row's targets stacked by where they stand in the row
 * (src/tables/aligned-targets.ts), on corpus 52 and 51 as pdftotext -layout
 * writes LibreOffice's PDFs.
 */
import { describe, expect, it } from 'vitest';
import { lineRuns } from '../src/tables/aligned-text.js';
import { stackTargets, withTrailingValues } from '../src/tables/aligned-targets.js';

/** The words right of `from` on each line (the year columns). */
const yearWords = (lines: string[], from: number) => lines.map((text, i) => lineRuns(text, i, 1).filter((run) => run.x0 >= from));
const texts = (stacks: ReturnType<typeof stackTargets>) => stacks?.map((stack) => stack.map((word) => word.text).join(''));

describe('targets stacked by the row', () => {
  it('cuts a row without a full line at its widest gaps', () => {
    const lines = [
      '  道路品質計畫                                                 36.5',
      '             2 路及盧山橋改建 工程進度                  0%    1%           95%',
      '                                                         %',
    ];
    expect(texts(stackTargets(yearWords(lines, 40), 4, 1))).toEqual(['0%', '1%', '36.5%', '95%']);
  });

  it('reads a line of one word per year in order, wherever it stands', () => {
    const lines = ['七 降 低 班 級 學 生 108-110 學 年 度 1.108 年學年度:國小 27 人、國中 29 100 100 100 100', '                                                     % % % %'];
    expect(texts(stackTargets(yearWords(lines, 52), 4, 1))).toEqual(['100%', '100%', '100%', '100%']);
  });

  it('does not stack text that ran into the year columns', () => {
    const lines = ['                       依限完成發函作 100 100 100 100'];
    expect(stackTargets(yearWords(lines, 20), 4, 1)).toBeNull();
  });
});

describe('values the measure column took in', () => {
  // 60, a row whose measure column reaches over its first year:
  //   市 有 非 公 用 土 地 管 財產管理及處分收入達 100 100 150
  //                         1,000 萬元以上 %   % %
  const line = lineRuns('                    理及處分            1,000 萬元以上 %   % %', 0, 1);
  const measure = line.filter((run) => run.x0 < 48 && run.x0 > 30);
  const values = line.filter((run) => run.x0 >= 48);
  it('moves the values ending the measure line to the targets', () => {
    const { lines, taken } = withTrailingValues([measure], [values], 4);
    expect(lines[0].map((run) => run.text)).toEqual(['%', '%', '%']);
    expect([...taken].map((run) => run.text)).toEqual(['%']);
  });
  it('leaves them when the line would hold more values than years', () => {
    const { taken } = withTrailingValues([measure], [values], 2);
    expect(taken.size).toBe(0);
  });
});

describe('measure text the year columns took in', () => {
  // 52: the row's year columns start left of where its measure text stands.
  //     築物公共安全檢查     建築物公共安全
  //                2         申報件數/年度建物 60% 65% 65% 65%
  it('gives text opening a line of the year columns back to the measure', () => {
    const line = lineRuns('             2         申報件數/年度建物 60% 65% 65% 65%', 0, 1);
    const values = line.filter((run) => run.x0 >= 20);
    const { lines, given } = withTrailingValues([[]], [values], 4);
    expect([...given].map((run) => run.text)).toEqual(['申報件數/年度建物']);
    expect(lines[0].map((run) => run.text)).toEqual(['60%', '65%', '65%', '65%']);
  });

  it('gives a short word before one value per year back to the measure', () => {
    // 58: `依 限 完 成 發 函 作` / `業` over four `100` / `% % % %`.
    const line = lineRuns('                                業             % % % %', 0, 1);
    const { lines, given } = withTrailingValues([[]], [line], 4);
    expect([...given].map((run) => run.text)).toEqual(['業']);
    expect(lines[0].map((run) => run.text)).toEqual(['%', '%', '%', '%']);
  });

  it('keeps a note of a target (a bracket) in the targets', () => {
    const line = lineRuns('                                          影響)', 0, 1);
    const { given } = withTrailingValues([[]], [line], 4);
    expect(given.size).toBe(0);
  });
});
