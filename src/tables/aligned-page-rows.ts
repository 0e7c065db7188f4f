/**
 * Rows at a page break, in rows laid out on their own (LibreOffice): a KPI
 * row whose ordinal stands on one page keeps the lines of its key cells that
 * follow the ordinal on that page.  The centred
 * rows' balance cannot tell this (it weighs a row's lines on its ordinal's
 * page only), so the next row, whose ordinal stands after the break, took
 * them.
 *
 *   > | 四 提供統計資訊，以供 1 蒐集本市基礎概況及重要 依限完成率      100 100 100 100
 *   > |   決策參用        施政成果統計資料編製
 *   > |               「統計年報」
 *                     ^ still row 1's (the page ends here)
 *   > |  (repeated header) …
 *   > |             2 職務上應用統計分析及統
 */

/** Blank or other-column lines a key cell's lines may have between them (a neighbour's wrapped line). */
const GAP = 2;

/**
 * `earliest[r]`: the first line row r may start at.  Where rows r - 1 and r
 * have their anchors on two pages, row r starts after the key-cell lines that
 * follow row r - 1's anchor on its page (lines that have text in `keys`, each
 * within `GAP` lines of the one before); elsewhere 0 (no bound).
 */
export function pageBreakStarts(anchors: readonly number[], pages: readonly number[], filled: (line: number) => boolean): number[] {
  const earliest = anchors.map(() => 0);
  for (let r = 1; r < anchors.length; r++) {
    const anchor = anchors[r - 1];
    if (pages[anchor] === pages[anchors[r]]) continue;
    let last = anchor;
    for (let i = anchor + 1; i < anchors[r] && pages[i] === pages[anchor] && i - last <= GAP; i++) {
      if (filled(i)) last = i;
    }
    earliest[r] = last + 1;
  }
  return earliest;
}

/**
 * The last row of a page (cells centred on their rows), two lines from its anchor (the middle of
 * two lines is rounded to the first), keeps its second line when the next
 * row's anchor (its ordinal, in the middle of its cells) stands on the next
 * page.
 *
 *   > | 六   汰換逾使用年限   依各年度規劃汰換老舊    每年11月30日前依限完    10
 *   > |     警用車輛，強化   車輛            成               0%
 *                            ^ still 六's row: 七's anchor is on the next page
 *   > |  ─── page break ───
 *   > | 七   邏車，科技辨識   功能，輔助員警即時辨   失竊車牌辨識率
 *
 * `starts[r]` is row r's first body line, `anchors[r]` its anchor line and
 * `pages[i]` the page of body line i; `starts` is changed in place.
 */
export function keepRowsOnPage(starts: number[], anchors: readonly number[], pages: readonly number[]): void {
  for (let r = 1; r < starts.length; r++) {
    const before = anchors[r - 1];
    const anchor = anchors[r];
    if (pages[anchor] === pages[before] || starts[r] > anchor) continue;
    // The first line of the anchor's page (lines are in page order).
    let pageTop = anchor;
    while (pageTop > before + 1 && pages[pageTop - 1] === pages[anchor]) pageTop--;
    if (starts[r] < pageTop && pageTop - 1 === before + 1 && starts[r] === before + 1 && starts[r - 1] === before) starts[r] = pageTop;
  }
}
