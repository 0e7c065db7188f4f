/**
 * Spanning cells as writers that cannot write a span put them in text: a
 * pipe table, a converter's markdown.  Two conventions:
 *
 * - the spanning cell once, the places it covers left empty (pandoc):
 *
 *   > | | 關鍵策略目標 |    | 關鍵績效指標 |    | 衡量標準 | …
 *                      ^^^^ empty: the column belongs to the one on its left
 *
 * - the spanning cell's text copied into every place it covers (docling,
 *   markitdown, spreadsheets unmerged with fill):
 *
 *   > | | 關鍵策略目標 | 關鍵策略目標 | 關鍵績效指標 | 關鍵績效指標 | 衡量標準 | …
 *                      ^^^^^^^^^^^^ a copy: the column belongs to the one on its left
 *   > | | 一 | 區域排水、雨水下水道… | 1 | 區域排水、雨水下水道疏濬清淤 | …
 *   > | | 一 | 區域排水、雨水下水道… | 2 | 雨水下水道興建工程 | …
 *         ^^^^^^^^^^^^^^^^^^^^^^^^^^ a row span copied down
 *
 * A column under such a header cell is one column with the one on its left
 * when the left one holds only ordinals (or nothing, or a cell that spanned
 * both): each ordinal becomes the marker of the text beside it
 * (`一、區域排水…`), as the DOCX reader folds a spanned header cell.  A
 * column with real text of its own stays a column.  A row's leading cells
 * that copy the row above are a row span written again: they are given
 * once, in the row the span starts in, as every other reader gives them.
 */
import { foldOrdinal, ordinalOnly } from '../records/kpi.js';
import type { RawRow, RawTable } from '../types.js';

// A target column's values (`30`, `12`) look like ordinals: never fold a year or target column.
const YEAR_HEADER = /年度|目標值|^\s*\d/u;

export function foldSpannedColumns(table: RawTable): RawTable {
  const rows = withoutCopiedRowSpans(table.rows);
  const { header } = table;
  const folds: number[] = [];
  for (let i = 1; i < header.length; i++) {
    const name = header[i].trim();
    const left = header[i - 1].trim();
    if ((name !== '' && name !== left) || left === '' || YEAR_HEADER.test(left) || folds[folds.length - 1] === i - 1) continue;
    if (ordinalColumn(rows, i - 1)) folds.push(i);
  }
  if (folds.length === 0) return rows === table.rows ? table : { ...table, rows };
  const dropped = new Set(folds);
  const keep = (cells: readonly string[]) => cells.filter((_, i) => !dropped.has(i));
  return {
    ...table,
    header: keep(header),
    rows: rows.map((row) => {
      const cells = row.cells.slice();
      for (const i of folds) {
        const left = (cells[i - 1] ?? '').trim();
        const right = (cells[i] ?? '').trim();
        cells[i - 1] = left === '' ? cells[i] ?? '' : right === '' || right === left ? cells[i - 1] : foldOrdinal(left, cells[i]);
      }
      return { ...row, cells: keep(cells) };
    }),
  };
}

/**
 * Column `c` holds ordinals (counting from one somewhere: `一`, `二` or `1`,
 * `2`, `1`; a column of `30`, `45` does not), or nothing, or text where the
 * column after it is empty or the same: a cell that spanned both.
 *
 *   > | | 四 | 推展藝術節慶… | 辦理嘉義市國際管樂節 |    | 舉辦藝術節慶活動場次 |
 *                              ^^^^^^^^^^^^^^^^^^^^ ^^^^ one cell over both
 */
function ordinalColumn(rows: readonly RawRow[], c: number): boolean {
  let first = false;
  for (const row of rows) {
    const cell = (row.cells[c] ?? '').trim();
    if (cell === '') continue;
    if (ordinalOnly(cell) === null) {
      const next = (row.cells[c + 1] ?? '').trim();
      if (next !== '' && next !== cell) return false;
      continue;
    }
    if (cell === '1' || cell === '一') first = true;
  }
  return first;
}

/**
 * Rows whose leading cells repeat the row above (at least one cell further
 * on differs) with those cells emptied; the rows as they are when none does.
 */
function withoutCopiedRowSpans(rows: readonly RawRow[]): RawRow[] {
  let changed: RawRow[] | null = null;
  for (let r = 1; r < rows.length; r++) {
    const above = rows[r - 1].cells;
    const cells = rows[r].cells;
    let run = 0;
    while (run < cells.length && cells[run].trim() !== '' && cells[run].trim() === (above[run] ?? '').trim()) run++;
    if (run === 0 || run >= cells.length || cells.slice(run).every((cell) => cell.trim() === '')) continue;
    changed ??= rows.slice();
    changed[r] = { ...rows[r], cells: cells.map((cell, i) => (i < run ? '' : cell)) };
  }
  return changed ?? (rows as RawRow[]);
}
