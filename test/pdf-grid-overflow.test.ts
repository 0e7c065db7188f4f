/**
 * A ruled table cut by a page break where the merged cells (類 / 項 / 目) run
 * on below the last rule Chromium drew: their text still belongs to those
 * cells, and the table goes on over the page.  Real file: held-out document
 * 93 printed by headless Chromium (fixtures/heldout/files, made by
 * scripts/make-heldout.sh).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';

let result: ParseResult;
beforeAll(async () => {
  result = await parseAsync(readFileSync(new URL('../fixtures/heldout/files/93_heldout-004-1-report.pdf', import.meta.url)), { path: '93_heldout-004-1-report.pdf' });
}, 60_000);

describe('merged cells printed below the last rule of a page', () => {
  //   > | 五、社會福  (一)加強辦理兒  1. 辦理兒童少年生活扶助計801人。  100%
  //   > | ─────────────────────────────────────────────  (ruled under 辦理情形… only)
  //   > | 利與救助    童及少年福利                       ← 項 and 目 go on
  //   > | 3-8  (page break, the header again)
  //   > |                          2. 辦理弱勢家庭兒童少年緊急生活扶助12人。 100%
  it('keeps the labels whole and the table going on the next page', () => {
    const [document] = result.documents;
    expect(document.tables.map((table) => table.layout)).toEqual(['pdf-grid', 'pdf-grid']);
    const item = document.reportItems.find((entry) => entry.status.includes('辦理弱勢家庭兒童少年緊急生活扶助12人'));
    expect(item?.path).toEqual(['貳、社建部門', '五、社會福利與救助', '(一)加強辦理兒童及少年福利']);
  });
});
