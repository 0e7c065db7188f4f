/**
 * Format front ends: files that are not plain text (PDF, DOCX, ODT, HTML)
 * are read by a front end recognised by its signature, which yields a text rendition (read
 * by every later stage like a text export) and the tables it knows exactly.
 * Adding a format = one module exporting a `FrontEnd` + one entry in
 * `frontEnds`.
 */
import { linesPosition } from '../lines.js';
import { lineTableOf } from '../line-table.js';
import { normalize } from '../normalize/index.js';
import type { FrontEnd, RawTable, Rendition, SourceText } from '../types.js';
import { docxFrontEnd } from './docx.js';
import { htmlFrontEnd } from './html.js';
import { flatOdtFrontEnd, odtFrontEnd } from './odt.js';
import { pdfFrontEnd } from './pdf.js';

export const frontEnds: FrontEnd[] = [pdfFrontEnd, odtFrontEnd, docxFrontEnd, flatOdtFrontEnd, htmlFrontEnd];

/** The front end that reads these bytes, or null for text (and for what no front end reads). */
export function frontEndFor(bytes: Uint8Array): FrontEnd | null {
  for (const frontEnd of frontEnds) if (frontEnd.sniff(bytes)) return frontEnd;
  return null;
}

/** A string the caller already decoded, as the bytes its front end reads (an HTML page), or null for text. */
export function frontEndInput(text: string): { frontEnd: FrontEnd; bytes: Uint8Array } | null {
  if (!htmlFrontEnd.sniff(Buffer.from(text.slice(0, 1024), 'utf8'))) return null;
  return { frontEnd: htmlFrontEnd, bytes: Buffer.from(text, 'utf8') };
}

/**
 * The source text of a rendition: normalized like a text export, with the
 * format's own knowledge applied on top (its format, its furniture, its pages,
 * its exact tables).
 */
export function renditionSource(rendition: Rendition): SourceText {
  const source = normalize(rendition.text);
  const { lines } = source;
  source.format = rendition.format;
  const table = lineTableOf(lines);
  for (const { line, role } of rendition.furniture) if (line >= 0 && line < lines.length) table.setRole(line, role);
  if (rendition.pageStarts) {
    const starts = rendition.pageStarts;
    let page = 0;
    for (let i = 0; i < lines.length; i++) {
      while (page < starts.length && starts[page] <= i) page++;
      if (page > 0) lines[i].page = page;
    }
  }
  source.knownTables = rendition.tables
    .filter((table) => table.start >= 0 && table.end > table.start && table.end <= lines.length)
    .map((table): RawTable => ({
      layout: table.layout,
      header: table.header,
      rows: table.rows.map((row) => ({
        cells: row.cells,
        position: linesPosition(lines, row.start, Math.max(row.start + 1, row.end)),
        lines: rangeOf(row.start, Math.max(row.start + 1, row.end)),
      })),
      start: table.start,
      end: table.end,
      position: linesPosition(lines, table.start, table.end),
      diagnostics: [
        ...(table.diagnostics ?? []),
        // A row the front end read but is not sure of (a table without rules).
        ...table.rows.flatMap((row) =>
          row.warning ? [{ severity: 'warning' as const, ...row.warning, position: linesPosition(lines, row.start, Math.max(row.start + 1, row.end)) }] : [],
        ),
      ],
    }));
  return source;
}

function rangeOf(from: number, to: number): number[] {
  const indexes: number[] = [];
  for (let i = from; i < to; i++) indexes.push(i);
  return indexes;
}
