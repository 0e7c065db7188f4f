/**
 * Columns one header cell spans, as text exports write them: the spanning
 * cell once, then an empty header cell for each further column.  Converters
 * that cannot write spans (markdown pipe tables) split `關鍵策略目標` over an
 * ordinal column and a text column this way:
 *
 *   > | | 關鍵策略目標 |    | 關鍵績效指標 |    | 衡量標準 | …
 *                      ^^^^ empty: the column belongs to the one on its left
 *   > | | 一           | 區域排水、雨水下水道… | 1 | 區域排水、雨水下水道疏濬清淤 | …
 *
 * Such a pair is one column when the left one holds only ordinals (or
 * nothing) in every row: each ordinal becomes the marker of the text beside
 * it (`一、區域排水…`), as the DOCX reader folds a spanned header cell.  A
 * column with real text of its own under an empty header stays a column.
 */
import { foldOrdinal, ordinalOnly } from '../records/kpi.js';
import type { RawTable } from '../types.js';

// A target column's values (`30`, `12`) look like ordinals: never fold a year or target column.
const YEAR_HEADER = /年度|目標值|^\s*\d/u;

/**
 * Column `c` holds ordinals (counting from one somewhere: `一`, `二` or `1`,
 * `2`, `1`; a column of `30`, `45` does not), or nothing, or text where the
 * column after it is empty: a cell that spanned both, written in the first.
 *
 *   > | | 四 | 推展藝術節慶… | 辦理嘉義市國際管樂節 |    | 舉辦藝術節慶活動場次 |
 *                              ^^^^^^^^^^^^^^^^^^^^ ^^^^ one cell over both
 */
function ordinalColumn(table: RawTable, c: number): boolean {
  let first = false;
  for (const row of table.rows) {
    const cell = (row.cells[c] ?? '').trim();
    if (cell === '') continue;
    if (ordinalOnly(cell) === null) {
      if ((row.cells[c + 1] ?? '').trim() !== '') return false;
      continue;
    }
    if (cell === '1' || cell === '一') first = true;
  }
  return first;
}

export function foldSpannedColumns(table: RawTable): RawTable {
  const { header } = table;
  const folds: number[] = [];
  for (let i = 1; i < header.length; i++) {
    if (header[i].trim() !== '' || header[i - 1].trim() === '' || YEAR_HEADER.test(header[i - 1]) || folds[folds.length - 1] === i - 1) continue;
    if (ordinalColumn(table, i - 1)) folds.push(i);
  }
  if (folds.length === 0) return table;
  const dropped = new Set(folds);
  const keep = (cells: readonly string[]) => cells.filter((_, i) => !dropped.has(i));
  const rows = table.rows.map((row) => {
    const cells = row.cells.slice();
    for (const i of folds) {
      const left = (cells[i - 1] ?? '').trim();
      const right = cells[i] ?? '';
      cells[i - 1] = left === '' ? right : right.trim() === '' ? cells[i - 1] : foldOrdinal(left, right);
    }
    return { ...row, cells: keep(cells) };
  });
  return { ...table, header: keep(header), rows };
}
