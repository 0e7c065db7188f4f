/**
 * An indicator number in the measure column (src/tables/aligned-ordinals.ts),
 * on corpus 54 as pdftotext -layout writes LibreOffice's PDF.
 */
import { describe, expect, it } from 'vitest';
import { pullIndicatorOrdinals, type LineCell } from '../src/tables/aligned-ordinals.js';
import { lineRuns } from '../src/tables/aligned-text.js';

const cell = (words: ReturnType<typeof lineRuns>): LineCell => ({ text: words.map((word) => word.text).join(' '), words: [...words] });

describe('indicator numbers in the measure column', () => {
  const runs = lineRuns('                  1 新聞發布       則數', 0, 1);
  it('moves the number and the words one space after it to the indicator', () => {
    const cells: (LineCell | null)[][] = [[null, null, cell(runs)]];
    pullIndicatorOrdinals(cells, 1, 2, 1);
    expect(cells[0][1]?.text).toBe('1 新聞發布');
    expect(cells[0][2]?.text).toBe('則數');
  });

  it('leaves a line whose indicator column holds text', () => {
    const cells: (LineCell | null)[][] = [[null, cell(lineRuns('運用', 0, 1)), cell(runs)]];
    pullIndicatorOrdinals(cells, 1, 2, 1);
    expect(cells[0][2]?.text).toBe('1 新聞發布 則數');
  });
});
