/**
 * Report tables in `pdftotext -layout` text of LibreOffice's PDFs: every
 * cell is centred on its rows, so a merged 類 / 項 / 目 label stands below the
 * first row it spans, and a value beside a two-line cell is rounded to its
 * first line.  Excerpt: fixtures/lolayout/excerpts (corpus 66, 肆、會計部門).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { spanningLabels } from '../src/tables/aligned-spans.js';
import { root } from './helpers/seeds.js';

const excerpt = (name: string) => readFileSync(path.join(root, 'fixtures/lolayout/excerpts', name), 'utf8');

describe('a merged label over another merged column, centred on its rows', () => {
  //   > |             (一)確實執行會計制度簡       ← (一): 二、會計's rows start here
  //   > |             (二)加強內部審核、公款 1. 嚴格執行內部審核。
  //   > |                                    2. 均於期限內完成款項支付。
  //   > |       二、會 (三)編製單位決算       依限完成 108 年度單位決算
  it('starts where the lower column numbering restarts above it', () => {
    // Rows 0–6; 目 labels (一) on rows 0 and 2, (二) on 1, (三) on 4; 項 labels printed on rows 1 and 4.
    const texts = [null, '一、歲', '計', null, '二、會', '計', null];
    const starts = [0, 1, 2, 3, 4, 5, 6];
    const lower = [1, 2, 1, 2, null, 3, null];
    const labels = spanningLabels(texts, new Array(7).fill(0), starts, new Array(7).fill(null), false, lower);
    expect([...labels]).toEqual([
      [0, '一、歲計'],
      [2, '二、會計'],
    ]);
  });

  it('stays where it stands without a restart above it', () => {
    const labels = spanningLabels([null, null, '二、會計'], [0, 0, 0], [0, 1, 2], [null, null, null], false, [null, 3, 4]);
    expect([...labels]).toEqual([[2, '二、會計']]);
  });
});

describe('LibreOffice report table through pdftotext -layout (corpus 66, 肆、會計部門)', () => {
  const result = parse(excerpt('66-accounting-lo-layout.txt'), { path: '66-accounting-lo-layout.txt' });
  const items = result.documents[0].reportItems;
  const paths = (status: string) => items.find((item) => item.status.startsWith(status))?.path;

  it('gives the first rows the 類 label centred lower on the page', () => {
    //   > |              (一)編製預算         9,000 元 , 歲 出 預 算 數 1 億 2,003 萬 100%
    //   > | 肆、會計
    //       ^ centred on the whole table: its rows start at the first
    expect(paths('編製110年度預算')).toEqual(['肆、會計部門', '一、歲計', '(一)編製預算']);
  });

  it('cuts a two-line cell whose value stands on its first line as a centred row', () => {
    //   > |                              依實施計畫按月分配, 均於預算實施 100%
    //   > |              (二)辦理分配預算
    //   > |                              前為之。
    //   > |              (一)確實執行會計制度簡     ← the next row starts here, above its status
    //   > |                           依會計法及相關法令執行。                      100%
    expect(paths('依實施計畫按月分配')).toEqual(['肆、會計部門', '一、歲計', '(二)辦理分配預算']);
    expect(paths('依會計法及相關法令執行')).toEqual(['肆、會計部門', '二、會計', '(一)確實執行會計制度簡化會計處理程序']);
  });
});
