/**
 * A KPI row's targets stacked by where they stand in the row
 * (src/tables/aligned-targets.ts), on corpus 52 and 51 as pdftotext -layout
 * writes LibreOffice's PDFs.
 */
import { describe, expect, it } from 'vitest';
import { lineRuns } from '../src/tables/aligned-text.js';
import { stackTargets } from '../src/tables/aligned-targets.js';

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
