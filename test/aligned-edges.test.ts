/**
 * A column start hidden behind one space (src/tables/aligned-edges.ts), on
 * corpus 56 as pdftotext -layout writes LibreOffice's PDF.
 */
import { describe, expect, it } from 'vitest';
import { edgeStarts } from '../src/tables/aligned-edges.js';
import { joinSpacedOut, lineRuns } from '../src/tables/aligned-text.js';

const block = (lines: string[]) => lines.map((text, i) => joinSpacedOut(lineRuns(text, i, 1)));

describe('column starts past a narrow column\'s right edge', () => {
  const lines = [
    '                          依規 劃',
    '                          結果 逐',
    '三 嘉義市停車問題改善整體規劃           年增 設 新增格位數           80   80    90    90',
    '                          停車 格',
    '                          位數',
  ];
  it('finds where 衡量標準 starts, one space after the indicator text', () => {
    expect(edgeStarts(block(lines), 1)).toEqual([lines[2].indexOf('新增格位數')]);
  });

  it('finds nothing without other lines to show the edge', () => {
    expect(edgeStarts(block([lines[2], lines[4]]), 1)).toEqual([]);
  });
});
