/**
 * Table stage: find the tables of a document and read them with the reader of
 * their layout.  Adding a layout = one new reader module + one entry in
 * `readers` (order matters: the first reader that recognises a table wins).
 */
import { linesPosition } from '../lines.js';
import type { DocumentSpan, Line, RawTable, SourceText, TableReader } from '../types.js';
import { alignedReader } from './aligned.js';
import { blockCellsReader } from './block-cells.js';
import { cellPerLineReader } from './cell-per-line.js';
import { dashedReader } from './dashed.js';
import { flattenedReader } from './flattened.js';
import { gridTextReader } from './grid-text.js';
import { htmlTableReader } from './html-table.js';
import { markdownTableReader } from './markdown.js';
import { readingOrderReader } from './reading-order.js';
import { spacedWorkCellsReader } from './spaced-work-cells.js';
import { foldSpannedColumns } from './spanned-columns.js';
import { tsvReader } from './tsv.js';
import { webCopyReader } from './web-copy.js';
import { writerTextReader } from './writer-text.js';

export const readers: TableReader[] = [htmlTableReader, gridTextReader, dashedReader, markdownTableReader, webCopyReader, tsvReader, cellPerLineReader, alignedReader, flattenedReader, writerTextReader, spacedWorkCellsReader, blockCellsReader, readingOrderReader];

/** Every table inside a document span, in source order, not overlapping. */
export function findTables(source: SourceText, span: DocumentSpan): RawTable[] {
  const tables: RawTable[] = [];
  const lines: Line[] = source.lines;
  // Tables a front end read exactly (DOCX, ODT, a PDF's ruled grid), by first line.
  const known = new Map<number, RawTable>();
  for (const table of source.knownTables ?? []) {
    if (table.start < span.start || table.start >= span.end) continue;
    const inside = table.end <= span.end ? table : clippedTable(table, span.end, lines);
    if (inside) known.set(inside.start, inside);
  }
  let index = span.start;
  while (index < span.end) {
    let found: RawTable | null = known.get(index) ?? null;
    // Layout text repeats a table's header on every page, so the line stage
    // may have taken it for a running header: the aligned and reading-order readers look there too.
    const runningHeader = lines[index].role === 'running-header';
    if (!found && (lines[index].role === 'content' || runningHeader)) {
      // An index loop: this runs at every content line.
      for (let r = 0; r < readers.length; r++) {
        // A running header is a table's header in PDF text (layout text, or reading-order text that prints the page number above it).
        if (runningHeader && source.format !== 'pdf-layout-text' && source.format !== 'pdf' && readers[r] !== readingOrderReader && readers[r] !== blockCellsReader) continue;
        found = readers[r].read(lines, index, span.end, source);
        if (found) break;
      }
    }
    if (found && found.end > index) {
      tables.push(found === known.get(index) ? found : foldSpannedColumns(found));
      index = found.end;
    } else {
      index++;
    }
  }
  return tables;
}

/**
 * A front end's table running past the end of its document (a borderless
 * table's reader took the next document's title, printed right below it, for
 * a last row): the rows before the document's end, or null when none is.
 */
function clippedTable(table: RawTable, end: number, lines: readonly Line[]): RawTable | null {
  const rows = table.rows.filter((row) => row.lines.length > 0 && row.lines[row.lines.length - 1] < end);
  if (rows.length === 0) return null;
  const last = rows[rows.length - 1].lines;
  const tableEnd = last[last.length - 1] + 1;
  const position = linesPosition(lines, table.start, tableEnd);
  const diagnostics = table.diagnostics.filter((diagnostic) => !diagnostic.position || diagnostic.position.start.offset < position.end.offset);
  return { ...table, rows, end: tableEnd, position, diagnostics };
}
