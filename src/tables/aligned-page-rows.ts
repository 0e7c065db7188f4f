/**
 * Rows at a page break: a KPI row whose ordinal stands on one page keeps the
 * lines of its key cells that follow the ordinal on that page.  The centred
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
