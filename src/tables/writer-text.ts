/**
 * Reader for tables in LibreOffice Writer's plain-text export (File → Save
 * As → Text, `soffice --headless --convert-to "txt:Text (encoded):UTF8"`),
 * the text a user gets from an ODT or DOCX.  Writer writes each cell on its
 * own line, row after row, with no tab, no blank line and no marker between
 * rows: an empty cell, and each cell a row span covers, is an empty line; a
 * cell of several paragraphs is several lines.
 *
 *   > | 年度目標值                     (header, see writer-text-header.ts)
 *   > |
 *   > |
 *   > |
 *   > | 108年
 *   > | …
 *   > | 一
 *       ^ a row starts: ordinal, strategy, ordinal, indicator, measure, 4 targets
 *   > | 區域排水、雨水下水道及水環境改善計畫
 *   > | 1
 *   > | 區域排水、雨水下水道疏濬清淤
 *   > | 清疏工程辦理進度
 *   > | 100%
 *   > | 100%
 *   > | 100%
 *   > | 100%
 *   > |
 *       ^ next row: the strategy's ordinal and text are covered by its row span
 *   > |
 *   > | 2
 *
 * The header is found by its words; the body's columns are the header's,
 * with an ordinal column before a strategy or indicator column when the
 * body has one (the header's cell spans both): each possibility is tried and
 * the one the body fits best is kept.  Rows are rebuilt by `cutRows`, and
 * handed on in the shape the DOCX reader gives: an ordinal folded into its
 * text (`一、區域排水…`), a merged cell's text once, in the row it starts in.
 * A row holding a cell its column hardly ever holds comes out with a warning.
 */
import { lineTableOf } from '../line-table.js';
import { linesPosition } from '../lines.js';
import { columnRole, isKpiHeader } from '../records/columns.js';
import { foldOrdinal, ordinalOnly } from '../records/kpi.js';
import { reportColumns } from '../records/report-items.js';
import type { Diagnostic, Line, RawRow, RawTable, SourceText, TableReader } from '../types.js';
import { cellKind, DOUBTFUL, lineShape, type LineShape } from './writer-text-cells.js';
import { isTitle, readHeader, type WriterHeader } from './writer-text-header.js';
import { cutRows, type BodyColumn, type Cut } from './writer-text-rows.js';

/** Optional ordinal columns tried (2 gives the 4 layouts of a KPI table). */
const MAX_OPTIONAL = 2;

interface Column extends BodyColumn {
  /** The header column it belongs to. */
  logical: number;
}

export const writerTextReader: TableReader = {
  layout: 'writer-text',
  read(lines, start, limit, source) {
    // Writer's text export has no tabs in table cells and no pages (a form
    // feed or a printed page number is a PDF extractor's: MuPDF's text has
    // no form feeds, but its pages' numbers).
    // (This runs at every content line: the cheap tests first; a title is 2–16 characters.)
    const first = lines[start].text;
    if (first.length < 2 || first.length > 40 || first.includes('\t') || hasPageBreaks(source)) return null;
    const header = readHeader(lines, start, limit);
    if (!header) return null;
    const table = readBody(lines, start, limit, header);
    // A title line right above the titles may be a heading (`衡量指標`), not
    // a column: the header whose body fits better says which.
    if (start + 1 < limit && isTitle(lines[start].text)) {
      const next = readHeader(lines, start + 1, limit);
      const other = next ? readBody(lines, start + 1, limit, next) : null;
      if (other && (!table || other.score > table.score)) return other.table;
    }
    return table?.table ?? null;
  },
};

const pageBreaks = new WeakMap<SourceText, boolean>();

function hasPageBreaks(source: SourceText): boolean {
  let known = pageBreaks.get(source);
  if (known === undefined) pageBreaks.set(source, (known = (typeof source.text === 'string' && source.text.includes('\f')) || hasPageNumber(source.lines)));
  return known;
}

/** Any page-number line in the file (read through its line table: the lines array may hold only the document's objects). */
function hasPageNumber(lines: readonly Line[]): boolean {
  const table = lineTableOf(lines);
  for (let i = 0; i < table.length; i++) if (table.roleOf(i) === 'page-number') return true;
  return false;
}

/** The table under `header`, with how well its body fits (null when no row does). */
function readBody(lines: readonly Line[], start: number, limit: number, header: WriterHeader): { table: RawTable; score: number } | null {
  const shapes: (LineShape | null)[] = [];
  const shapeAt = (i: number): LineShape | null => {
    if (i >= limit) return null;
    const k = i - header.bodyStart;
    if (shapes[k] === undefined) shapes[k] = endsTable(lines, i, limit) ? null : lineShape(lines[i].text);
    return shapes[k];
  };
  let best: { cut: Cut; columns: Column[] } | null = null;
  for (const columns of layouts(header.columns)) {
    const cut = cutRows(columns, header.bodyStart, limit, shapeAt);
    if (!best || cut.score > best.cut.score) best = { cut, columns };
  }
  if (!best || best.cut.rows.length === 0 || best.cut.score <= 0) return null;
  const { rows, diagnostics } = tableRows(lines, header.columns, best.columns, best.cut);
  if (rows.length === 0) return null;
  const end = best.cut.rows[best.cut.rows.length - 1].to;
  const table: RawTable = { layout: 'writer-text', header: header.columns, rows, start, end, position: linesPosition(lines, start, end), diagnostics };
  return { table, score: best.cut.score };
}

/**
 * A line no table row holds: the page furniture and repeated titles the line
 * stage marked, or the header of another table.
 */
function endsTable(lines: readonly Line[], i: number, limit: number): boolean {
  const role = lines[i].role;
  if (role === 'running-header' || role === 'page-number' || role === 'toc' || role === 'furniture') return true;
  return readHeader(lines, i, limit) !== null;
}

/**
 * The body's possible column layouts: the header's columns, each strategy or
 * indicator column with or without an ordinal column before it.
 *
 *   > | 關鍵策略目標 | 關鍵績效指標 | …      header: one cell over both
 *   > | 一 | 區域排水… | 1 | 區域排水…      body: ordinal, text, ordinal, text
 */
function layouts(header: readonly string[]): Column[][] {
  const roles = header.map((title) => columnRole(title).role);
  const optional: number[] = [];
  roles.forEach((role, c) => {
    if ((role === 'strategy' || role === 'indicator') && roles[c - 1] !== `${role}-marker` && optional.length < MAX_OPTIONAL) optional.push(c);
  });
  const all: Column[][] = [];
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const columns: Column[] = [];
    header.forEach((title, c) => {
      const k = optional.indexOf(c);
      if (k >= 0 && mask & (1 << k)) columns.push({ kind: 'ordinal', mergeable: true, logical: c });
      columns.push({ kind: cellKind(title), mergeable: false, logical: c });
    });
    all.push(columns);
  }
  return all;
}

/** The cut's rows as the header's columns: ordinals folded into their text, empty rows left out. */
function tableRows(lines: readonly Line[], header: readonly string[], columns: readonly Column[], cut: Cut): { rows: RawRow[]; diagnostics: Diagnostic[] } {
  const rows: RawRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const code = isKpiHeader(header) ? 'kpi-row-uncertain' : reportColumns(header) ? 'report-item-uncertain' : 'work-item-uncertain';
  for (const row of cut.rows) {
    const cells = header.map(() => '');
    const ordinals = header.map(() => '');
    let doubt: string | null = null;
    for (const cell of row.cells) {
      const text = cellText(lines, cell.from, cell.to);
      const column = columns[cell.column + cell.span - 1];
      if (column.kind === 'ordinal' && cell.span === 1 && columns[cell.column + 1]?.logical === column.logical) ordinals[column.logical] = text;
      else cells[column.logical] = text;
      if (cell.score < DOUBTFUL && doubt === null) doubt = `「${text.split('\n')[0]}」 is unusual in column ${header[column.logical]}`;
    }
    for (let c = 0; c < cells.length; c++) {
      const ordinal = ordinalOnly(ordinals[c]);
      if (ordinal !== null) cells[c] = cells[c] ? foldOrdinal(ordinal, cells[c]) : ordinal;
    }
    if (cells.every((cell) => cell === '')) continue;
    const position = linesPosition(lines, row.from, row.to);
    const rowLines: number[] = [];
    for (let i = row.from; i < row.to; i++) rowLines.push(i);
    rows.push({ cells, position, lines: rowLines });
    if (doubt) diagnostics.push({ severity: 'warning', code, message: `table row read with doubt: ${doubt}`, position });
  }
  return { rows, diagnostics };
}

/** A cell's paragraphs, one per line. */
function cellText(lines: readonly Line[], from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i].text.trim();
    if (text) parts.push(text);
  }
  return parts.join('\n');
}
