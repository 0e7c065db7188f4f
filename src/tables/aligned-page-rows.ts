/**
 * Rows of a table whose cells are centred on their rows, cut at a page
 * break: the last row of a page, two lines from its anchor (the middle of
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
