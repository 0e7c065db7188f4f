/**
 * `pdftotext -raw` joins cells that share a baseline with one space; a cell that
 * opens with a corner bracket (a formula quoted as `「(本年…)/…」`) starts a cell of
 * its own after Han text (`splitSegments`, on the line of
 * fixtures/extractors/pdftotext-raw/62_chiayi-fire-108-111-kpi.txt).
 */
import { describe, expect, it } from 'vitest';
import { splitSegments } from '../src/tables/flattened-cells.js';

describe('cells joined on one line by pdftotext -raw', () => {
  it('splits before a cell that opens with 「', () => {
    expect(splitSegments('防縱火宣導普及率 「(本年宣導人次-去年宣', false)).toEqual(['防縱火宣導普及率', '「(本年宣導人次-去年宣']);
  });

  it('keeps a bracket that follows a single character (justified text) in its cell', () => {
    expect(splitSegments('率 「(本年宣導人次', false)).toEqual(['率 「(本年宣導人次']);
  });
});
