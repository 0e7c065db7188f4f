/**
 * The geometry engine (src/tables/geometry/columns.ts), its text adapter
 * (src/tables/aligned-text.ts) and the aligned header (src/tables/aligned-header.ts)
 * on the inputs their doc comments show.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/lines.js';
import { detectFormat } from '../src/normalize/index.js';
import { headerColumns, isHeaderBlock } from '../src/tables/aligned-header.js';
import { chooseCjkWidth, lineRuns } from '../src/tables/aligned-text.js';
import { centredRows, columnBoundaries, columnOf, localBoundaries, refineByBands, type Run, topAlignedRows } from '../src/tables/geometry/columns.js';

const runsOf = (lines: string[], width = 1): Run[] => lines.flatMap((text, i) => lineRuns(text, i, width));

describe('text adapter', () => {
  it('splits a line into words at every space, in display columns', () => {
    const runs = lineRuns('一   落實美感教育  1   國小四、五年級學生     20   20', 0, 1);
    expect(runs.map((run) => [run.x0, run.text])).toEqual([
      [0, '一'],
      [4, '落實美感教育'],
      [12, '1'],
      [16, '國小四、五年級學生'],
      [30, '20'],
      [35, '20'],
    ]);
    // A CJK character two columns wide on a half-em grid.
    expect(lineRuns('一   落實美感教育  1', 0, 2).map((run) => run.x0)).toEqual([0, 5, 19]);
    // A form feed takes no column.
    expect(lineRuns('\f    關鍵策略目標', 0, 1)[0].x0).toBe(4);
  });

  it('chooses the CJK width under which cells line up', () => {
    const rows: [number, string][][] = [
      [[0, '一'], [4, '落實美感教育'], [16, '推動美感教育課程'], [30, '10'], [36, '18']],
      [[0, '二'], [4, '提升本市公共化'], [16, '實際增班數'], [30, '80%'], [36, '80%']],
      [[0, '三'], [4, '打造校園'], [16, '辦理校數'], [30, '3'], [36, '3']],
    ];
    // Each cell at its column, a CJK character taking `width` columns.
    const layout = (width: number) =>
      rows
        .map((cells) => {
          let line = '';
          let at = 0;
          for (const [x, text] of cells) {
            line += ' '.repeat(Math.max(width * x - at, 2)) + text;
            at = width * x + [...text].reduce((sum, ch) => sum + (/[\u4e00-\u9fff]/u.test(ch) ? width : 1), 0);
          }
          return line;
        })
        .join('\n');
    expect(chooseCjkWidth(splitLines(layout(1)))).toBe(1);
    expect(chooseCjkWidth(splitLines(layout(2)))).toBe(2);
  });
});

describe('geometry engine', () => {
  it('puts a boundary at the leftmost place no run crosses: an ordinal sub-column goes right', () => {
    //   > |     關鍵策略目標        關鍵績效指標
    //   > | 一   落實美感教育  1   國小四、五年級學生
    const runs = runsOf(['一   落實美感教育  1   國小四、五年級學生', '    打造校園空間美      國中小共聘外師巡迴']);
    const boundaries = columnBoundaries([7, 21], runs);
    expect(boundaries).toEqual([11]);
    expect(columnOf(12, boundaries)).toBe(1); // the `1`
    expect(columnOf(4, boundaries)).toBe(0);
  });

  it('takes value columns from the bands of values under them', () => {
    //   > |                                           108年 109年 110年 111年
    //   > |                                           10     10     10     10
    const runs = runsOf(['10     10     10     10', '0%     0%     0%     0%']);
    // A column starts one unit left of its band (a short wrapped piece may round either way).
    expect(refineByBands([3, 5, 7], 0, 3, runs)).toEqual([6, 13, 20]);
    // A run of values one space apart bridges nothing when left out; too few bands keep the boundaries.
    expect(refineByBands([3, 5, 7], 0, 3, runsOf(['10'.padEnd(30)]))).toEqual([3, 5, 7]);
  });

  it('matches a row block’s own column starts to the header in order', () => {
    //   > |   提升本市公共
    //   > |          增加公立幼兒園 實 際 增 班 數 / 國 教 署 核 定 增 班 數
    //   > | 二 化教保服務之                               80% 80% 80% 80%
    //   > |          班級數     ×100%
    expect(localBoundaries([2, 9, 2, 45, 9, 17, 2], [7, 22, 40, 56.5, 62.5, 68.5, 74.5])).toEqual([9, 17, 45, Infinity, Infinity, Infinity]);
    expect(localBoundaries([5], [7, 22])).toBeNull();
  });

  it('cuts centred rows where each row is centred on its anchor', () => {
    //   > |        發展校本美感課程及空     推動美感教育課程及計畫
    //   > | 一   落實美感教育                      10   18    27    27    ← anchor
    //   > |        間改造            之校數
    //   > |    提升本市公共化                  實際增班數/國教署核定        ← cut: the next row
    //   > | 二             增加公立幼兒園班級數       80%   80%   80%   80%  ← anchor
    //   > |    教保服務之質量                  增班數×100%
    const filled = [
      [false, true, true, false],
      [true, false, false, true],
      [false, true, true, false],
      [true, false, true, false],
      [true, true, false, true],
      [true, false, true, false],
    ];
    const shapes = filled.map((row) => ({ filled: row, page: 0, blankBefore: false }));
    expect(centredRows(shapes, [1, 4], [1, 2, 3])).toEqual([0, 3]);
    expect(topAlignedRows(6, [2, 4, 4])).toEqual([0, 4]);
  });
});

describe('aligned header', () => {
  it('joins titles printed over two lines and prefixes a group title', () => {
    const header = ['                                                     年度目標值', '    關鍵策略目標        關鍵績效指標           衡量標準', '                                               108   109   110   111', '                                               年     年     年     年'];
    const words = runsOf(header);
    expect(isHeaderBlock(words)).toBe(true);
    expect(headerColumns(words).map((column) => column.label)).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
  });

  it('reads a report header: 類 / 項 / 目 under 計畫名稱, 完成程度 over 百分比', () => {
    const header = ['       計畫名稱                                     完成程度', '                                  辦理情形                備註', ' 類     項       目                                 百分比'];
    expect(headerColumns(runsOf(header)).map((column) => column.label)).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度百分比', '備註']);
  });

  it('is not fooled by a line of values', () => {
    expect(isHeaderBlock(runsOf(['                         10   18    27    27']))).toBe(false);
  });
});

describe('format detection', () => {
  it('tells space-aligned layout text from flattened PDF text', () => {
    const layout = ['    關鍵策略目標        關鍵績效指標           衡量標準', '一   落實美感教育    發展校本美感課程    推動美感教育   10   18', '              間改造            之校數', '二   提升本市公共化  增加公立幼兒園      實際增班數     80%  80%'];
    expect(detectFormat(splitLines(layout.join('\n')))).toBe('pdf-layout-text');
    const flattened = ['關鍵策略目標 關鍵績效指標 衡量標準 ', '一 落實美感教育 ', '發展校本美感課程 ', '推動美感教育 10 18 '];
    expect(detectFormat(splitLines(flattened.join('\n')))).toBe('pdf-text');
  });
});
