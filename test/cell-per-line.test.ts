import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { alignRows, cellPerLineReader, joinSpanningHeader } from '../src/tables/cell-per-line.js';

const TABLE = [
  '\t關鍵策略目標', '\t關鍵績效指標', '\t衡量標準', '\t年度目標值', '',
  '\t', '\t', '\t', '\t108年', '\t109年', '',
  '\t一', '\t原住民歲時祭儀', '\t提高參與度', '\t參與人數', '\t500', '\t550', '',
  '\t', '\t', '\t2', '\t辦理春、秋二', '', '季祭典', '\t每年各一次', '\t一年', '二次', '\t每年一次', '',
].join('\n');

describe('cell-per-line reader', () => {
  it('joins the year row under the spanning header cell', () => {
    expect(joinSpanningHeader(['A', 'B', '年度目標值'], ['', '', '108年', '109年'])).toEqual(['A', 'B', '年度目標值/108年', '年度目標值/109年']);
  });

  it('reads rows, wrapped cells and marker cells', () => {
    const source = normalize(TABLE);
    const table = cellPerLineReader.read(source.lines, 0, source.lines.length, source);
    expect(table).not.toBeNull();
    // The header names the source's columns only; ordinal cells go into the text after them.
    expect(table!.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年']);
    expect(table!.rows.map((row) => row.cells)).toEqual([
      ['一、原住民歲時祭儀', '提高參與度', '參與人數', '500', '550'],
      ['', '2.辦理春、秋二\n季祭典', '每年各一次', '一年\n二次', '每年一次'],
    ]);
  });

  it('takes the first of surplus values as the measure', () => {
    const aligned = alignRows(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年'], [
      ['一', 'S', '1', 'I', 'M', '1', '2'],
      ['', '', '3', '辦理祀孔典禮', '每年一次', '每年一次', '每年一次'],
    ]);
    expect(aligned.header).toHaveLength(5);
    expect(aligned.rows[0]).toEqual(['一、S', '1.I', 'M', '1', '2']);
    expect(aligned.rows[1]).toEqual(['', '3.辦理祀孔典禮', '每年一次', '每年一次', '每年一次']);
  });
});
