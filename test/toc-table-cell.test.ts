/**
 * A table cell that ends in 目錄 (`檔案目錄`, an archive catalogue) is no table of
 * contents: a leaderless TOC block whose first entry never comes again as a heading
 * is kept only under a bare `目錄` / `目次` title or a document's (`…工作總報告目錄`).
 * Input: fixtures/extractors/pdftotext-raw-lo/55_chiayi-admin-108-111-kpi-lo.txt.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { root } from './helpers/seeds.js';

describe('a cell ending in 目錄 inside a table', () => {
  it('stays content', () => {
    const text = readFileSync(path.join(root, 'fixtures/extractors/pdftotext-raw-lo/55_chiayi-admin-108-111-kpi-lo.txt'), 'utf8');
    const lines = normalize(text).lines;
    const cell = lines.find((line) => line.text.trim() === '檔案目錄');
    expect(cell?.role).toBe('content');
    expect(lines[cell!.index + 1].role).toBe('content');
  });

  it('a bare 目錄 heading still starts a TOC', () => {
    const lines = normalize('目錄\n壹、機關任務及願景\n貳、環境情勢分析\n\n壹、機關任務及願景\n本局之任務…\n').lines;
    expect(lines[0].role).toBe('toc');
    expect(lines[1].role).toBe('toc');
    expect(lines[4].role).toBe('content');
  });
});
