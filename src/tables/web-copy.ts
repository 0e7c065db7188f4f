/**
 * Reader for tables copied from a web page (select all, copy, paste into a
 * .txt; or a script's `document.body.innerText`).  A browser writes a table
 * row by row with a TAB between cells, but:
 *
 * - a cell that a rowspan covers is left out, so the rows under a merged
 *   strategy or category are shorter and shifted left;
 * - a header cell spanning columns is written once (`年度目標值` over four
 *   years), so the header rows are narrower than the body;
 * - a cell holding paragraphs (`<div>`, `<p>`) or a `<br>` breaks its row over
 *   several lines: the block starts on a line of its own and the row goes
 *   on with a line starting with TAB; a row that starts with such a cell
 *   follows a blank line.
 *
 *   > | 關鍵策略目標\t關鍵績效指標\t衡量標準\t年度目標值
 *   > | 108年\t109年\t110年\t111年
 *   > | 一\t區域排水、雨水下水道及水環境改善計畫\t1\t區域排水…疏濬清淤\t清疏工程辦理進度\t100%\t100%\t100%\t100%
 *   > | 2\t雨水下水道興建工程\t雨水下水道興建長度(公尺)\t300\t300\t300\t300
 *       ^ a short row: its cells sit at the right end, `2` in the indicator-ordinal column
 *
 * The reader rebuilds the grid (`web-copy-rows.ts` joins the lines of a row,
 * `web-copy-grid.ts` places the cells) and hands on the shape the DOCX reader
 * gives: ordinal columns folded into the text after them, a merged cell's
 * text once, in the row it starts in.  It only claims a table that shows
 * the browser's shape (a header narrower than the body, or rows broken over
 * lines); a converter's padded tab export is the tsv reader's.
 */
import { linesPosition } from '../lines.js';
import type { Line, RawRow, RawTable, TableReader } from '../types.js';
import { placeRows, spreadHeader } from './web-copy-grid.js';
import { paragraphRows, startsParagraphTable } from './web-copy-paragraphs.js';
import { spacedClipboard, withoutInnerBlanks } from './web-copy-spaced-clipboard.js';
import { startsTabParagraphTable, tabParagraphRows } from './web-copy-tab-paragraphs.js';
import { type CopiedRow, joinRows, labelRow, tableRegion } from './web-copy-rows.js';

/** Lines looked at to tell the browser's shape. */
const PROBE_LINES = 64;

export const webCopyReader: TableReader = {
  layout: 'web-copy',
  read(lines, start, limit, source) {
    // Chromium's copy of `<p>` cells: read without the blank lines inside the table.
    if (lines[start].text.includes('\t') && spacedClipboard(lines, start, Math.min(limit, start + PROBE_LINES))) {
      const view = withoutInnerBlanks(lines, start, limit);
      const table = readTable(view, 0, view.length);
      if (table) {
        const end = view[table.end - 1].index + 1;
        const rows = table.rows.map((row) => ({ ...row, lines: row.lines.map((at) => view[at].index) }));
        // The blank lines left out after a row's block are its end, not a page break before the next.
        rows.forEach((row, i) => {
          const next = i + 1 < rows.length ? rows[i + 1].lines[0] : end;
          for (let at = row.lines[row.lines.length - 1] + 1; at < next && lines[at].role === 'blank'; at++) row.lines.push(at);
        });
        return { ...table, start, end, position: linesPosition(lines, start, end), rows };
      }
    }
    return readTable(lines, start, limit);
  },
};

/** The table at `start`, from the lines as they are. */
function readTable(lines: readonly Line[], start: number, limit: number): RawTable | null {
  {
    const copied = startsParagraphTable(lines, start, limit)
      ? paragraphRows(lines, start, limit)
      : startsTabParagraphTable(lines, start, limit)
        ? tabParagraphRows(lines, start, limit)
        : tabRows(lines, start, limit);
    if (!copied) return null;
    const { rows, end } = copied;
    if (rows.length < 3 || rows[0].cells.length < 3) return null;
    const headerRows = leadingHeaderRows(rows);
    const body = rows.slice(headerRows);
    if (body.length < 2) return null;
    let width = 0;
    for (const row of body) if (row.cells.length > width) width = row.cells.length;
    const header = spreadHeader(
      rows.slice(0, headerRows).map((row) => row.cells),
      body.map((row) => row.cells),
      width,
    );
    const placed = placeRows(
      body.map((row) => row.cells),
      width,
      header,
    );
    const headerKey = header.labels.join('\t');
    const out: RawRow[] = [];
    placed.forEach((cells, i) => {
      const row = body[i];
      if (cells.every((cell) => cell === '') || cells.join('\t') === headerKey) return;
      const last = row.lines[row.lines.length - 1];
      // The blank line a browser writes where the next row starts with a
      // paragraph is part of this row's end, not a page break between them.
      const next = i + 1 < body.length ? body[i + 1].lines[0] : last + 1;
      const gap: number[] = [];
      for (let at = last + 1; at < next && lines[at].role === 'blank'; at++) gap.push(at);
      out.push({ cells, position: linesPosition(lines, row.lines[0], last + 1), lines: gap.length ? row.lines.concat(gap) : row.lines });
    });
    if (out.length === 0) return null;
    return { layout: 'web-copy', header: header.labels, rows: out, start, end, position: linesPosition(lines, start, end), diagnostics: [] } satisfies RawTable;
  }
}

/** The rows of a table whose cells are TAB-separated on their lines, when it shows the browser's shape. */
function tabRows(lines: readonly Line[], start: number, limit: number): { rows: CopiedRow[]; end: number } | null {
  const first = lines[start];
  if (first.role !== 'content' || !startsRow(first.text) || cellCount(first.text) < 3) return null;
  // Decide on the first lines (the shape shows in the header and the first
  // rows), so a start declined here costs a bounded look, not a table's length.
  const probe = tableRegion(lines, start, Math.min(limit, start + PROBE_LINES));
  if (!probe || !browserShape(lines, probe.start, probe.end)) return null;
  const region = tableRegion(lines, start, limit);
  return region ? { rows: joinRows(lines, region.start, region.end), end: region.end } : null;
}

/**
 * The browser's shape: the header line narrower than the widest line (a
 * spanned header cell written once), or a line starting with TAB right
 * after a line without one (the rest of a row after a cell's paragraphs).
 * A converter's export writes every row whole on its line, an empty leading
 * cell included:
 *
 *   > | \t2. 里長健康檢查及保險費之申請。\t(1)辦理里長健康檢查…\t1,395
 *       ^ after a tab line: a row, not the rest of one
 */
function browserShape(lines: readonly Line[], start: number, end: number): boolean {
  let widest = 0;
  for (let i = start; i < end; i++) if (lines[i].text.includes('\t')) widest = Math.max(widest, cellCount(lines[i].text));
  if (cellCount(lines[start].text) < widest) return true;
  let opened = 0;
  for (let i = start + 1; i < end; i++) {
    const previous = lines[i - 1];
    if (/^[ \u3000]*\t/u.test(lines[i].text) && previous.role === 'content' && !previous.text.includes('\t')) return true;
    if (/\t[ \u3000]*$/u.test(previous.text) && lines[i].role === 'content' && !lines[i].text.includes('\t')) opened++;
    // pandoc's `<p>` paragraphs: a blank line after the TAB that opened their cell.
    if (i + 1 < end && previous.text.includes('\t') && /\t[ \u3000]*$/u.test(previous.text) && lines[i].role === 'blank' && lines[i + 1].role === 'content' && !lines[i + 1].text.includes('\t')) opened++;
  }
  // Chromium's clipboard text: the TAB after a block dropped, only the one
  // before it stays, at a line's end, in row after row.
  return opened >= 2;
}

/** A line that can start a row: text before its first TAB. */
function startsRow(text: string): boolean {
  const tab = text.indexOf('\t');
  return tab > 0 && text.slice(0, tab).trim() !== '';
}

function cellCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\t'); at !== -1; at = text.indexOf('\t', at + 1)) count++;
  return count;
}

/** The header: the first row, and a row of years or short labels under it (`108年`, `類 項 目`). */
function leadingHeaderRows(rows: readonly CopiedRow[]): number {
  return rows.length > 1 && labelRow(rows[1].cells) ? 2 : 1;
}
