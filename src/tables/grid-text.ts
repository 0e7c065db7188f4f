/**
 * Reader for grid tables (pandoc's markdown and plain-text exports, reST,
 * Emacs and other text-table writers): borders of `+` and `-`, cells between
 * `|`, a cell's text wrapped over several lines, `=` under the header.
 *
 *   > | +-------+------------------+------+
 *       ^       ^                  ^      ^ the `+`s give the columns
 *   > | | 機關  | 重要工作計畫項目 | 預   |
 *   > | | 工作  |                  | 算金 |
 *   > | +=======+==================+======+
 *   > | | 一、  | 農林漁           |      |
 *   > | | 貫徹  | 牧調查統計陳報， |      |
 *   > | +-------+------------------+------+
 *
 * Columns are display columns (a CJK character takes two), so a cell's text
 * is cut where the border's `+` stand, not at every `|` it might contain.
 */
import { linesPosition } from '../lines.js';
import type { RawRow, TableReader } from '../types.js';
import { cellText, displayColumns, rowOver } from './ruled-text.js';
import { isSubHeader, joinHeader } from './tsv.js';

/**
 * A border line: `+`s with runs of `-` (or `=` under the header, `:` for
 * alignment) between them, at least two columns.
 *
 *   > | +-------+=====+:----:+
 */
function border(text: string): 'rule' | 'header' | null {
  const line = text.trim();
  if (line.length < 5 || line[0] !== '+' || line[line.length - 1] !== '+') return null;
  let pluses = 0;
  let equals = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '+') {
      if (i > 0 && line[i - 1] === '+') return null;
      pluses++;
    } else if (ch === '=') equals = true;
    else if (ch !== '-' && ch !== ':') return null;
  }
  return pluses < 3 ? null : equals ? 'header' : 'rule';
}

export const gridTextReader: TableReader = {
  layout: 'grid',
  read(lines, start, limit) {
    const top = lines[start].text;
    if (!border(top)) return null;
    const stops = borderStops(top);
    const rows: { cells: string[][]; from: number; to: number }[] = [];
    let headerRows = 0;
    let current: { cells: string[][]; from: number; to: number } | null = null;
    let end = start + 1;
    for (let i = start + 1; i < limit; i++) {
      const text = lines[i].text;
      const rule = border(text);
      if (rule) {
        if (current) rows.push(current);
        current = null;
        if (rule === 'header' && headerRows === 0) headerRows = rows.length;
        end = i + 1;
        continue;
      }
      const cells = cutRow(text, stops);
      if (!cells) break;
      current ??= { cells: stops.slice(1).map(() => []), from: i, to: i + 1 };
      cells.forEach((cell, k) => current!.cells[k].push(cell));
      current.to = i + 1;
    }
    if (rows.length < 2) return null;
    const texts = rows.map((row) => row.cells.map(cellText));
    // Without a `=` border the first row is the header, as in every other layout.
    // A second header row the writer could not mark (the years under 年度目標值) is the first body row.
    let bodyStart = headerRows || 1;
    if (texts.length > bodyStart + 1 && isSubHeader(texts[bodyStart], texts[bodyStart - 1])) bodyStart++;
    const header = joinHeader(texts.slice(0, bodyStart));
    const headerKey = header.join('\t').replace(/\s+/g, '');
    const body: RawRow[] = [];
    for (let r = bodyStart; r < rows.length; r++) {
      if (texts[r].every((cell) => cell === '') || joinHeader([texts[r]]).join('\t').replace(/\s+/g, '') === headerKey) continue;
      body.push(rowOver(lines, texts[r], rows[r].from, rows[r].to));
    }
    return { layout: 'grid', header, rows: body, start, end, position: linesPosition(lines, start, end), diagnostics: [] };
  },
};

/** Display columns of a border's `+`s. */
function borderStops(border: string): number[] {
  const columns = displayColumns(border);
  const stops: number[] = [];
  for (let i = 0; i < border.length; i++) if (border[i] === '+') stops.push(columns[i]);
  return stops;
}

/**
 * A content line's cells: the text between the `|`s standing at the
 * border's stops; null when the line is not a row of this table.
 */
function cutRow(text: string, stops: readonly number[]): string[] | null {
  const trimmed = text.trimEnd();
  if (!trimmed.trimStart().startsWith('|') || !trimmed.endsWith('|')) return null;
  const columns = displayColumns(trimmed);
  const cells: string[] = [];
  let stop = 0;
  let cellStart = -1;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] !== '|') continue;
    while (stop < stops.length && stops[stop] < columns[i]) stop++;
    if (stop >= stops.length || stops[stop] !== columns[i]) continue;
    if (cellStart >= 0) cells.push(trimmed.slice(cellStart, i));
    cellStart = i + 1;
    stop++;
  }
  if (cells.length === stops.length - 1) return cells;
  // A line whose bars do not stand at the stops (hand-made tables): split at every bar.
  const parts = trimmed.trim().slice(1, -1).split('|');
  return parts.length === stops.length - 1 ? parts : null;
}
