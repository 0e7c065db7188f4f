/**
 * Rows of the merged (spanning) cells of a report table read from
 * space-aligned text: labels per row, a map from row index to label text.
 */

/**
 * Merged cells nest (類 over 項 over 目): a cell of one level starts a cell of
 * the level under it, so the first label under it that stands on a later row
 * (a label centred in its span, LibreOffice) moves up to the row it starts.
 *
 *   > | 柒 、         (一)印信典守      各種公文監印，…
 *       ^^^^ 類 starts here: so do 項 `一、一般行政` (printed lines below) and 目
 *   > |       一 、                2. 檔案清理：
 */
export function nestSpanningLabels(levels: readonly Map<number, string>[]): void {
  for (let k = 0; k + 1 < levels.length; k++) {
    const upper = [...levels[k].keys()].sort((a, b) => a - b);
    const lower = levels[k + 1];
    const keys = [...lower.keys()].sort((a, b) => a - b);
    let q = 0;
    for (let u = 0; u < upper.length; u++) {
      const row = upper[u];
      const next = u + 1 < upper.length ? upper[u + 1] : Infinity;
      while (q < keys.length && keys[q] < row) q++;
      if (q >= keys.length || keys[q] === row || keys[q] >= next) continue;
      lower.set(row, lower.get(keys[q])!);
      lower.delete(keys[q]);
      keys[q] = row;
    }
  }
}
