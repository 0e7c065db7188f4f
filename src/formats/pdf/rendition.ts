/**
 * The text rendition of a PDF: every page's printed lines, top to bottom,
 * spaced by x position like `pdftotext -layout`, a form-feed line between
 * pages, with the pages' furniture and ruled tables addressed by line.
 */
import type { Rendition, RenditionTable } from '../../types.js';
import { borderlessTables } from './borderless.js';
import { findFurniture, type PlacedPage } from './furniture.js';
import { findGrids, type Grid } from './grid.js';
import { columnWidth, lineText, type PrintedLine, printedLines } from './layout.js';
import type { PageContent } from './page.js';
import { gridTables } from './tables.js';

/** A vertical gap this many font sizes tall between two lines is a blank line (a paragraph or row gap). */
const BLANK_GAP = 2;

/** With `tables` false, the text alone (the fallback when reading the tables fails). */
export function buildRendition(pages: readonly PageContent[], tables = true): Pick<Rendition, 'text' | 'tables' | 'furniture' | 'pageStarts'> {
  const out: string[] = [];
  const pageStarts: number[] = [];
  const placed: PlacedPage[] = [];
  const grids: Grid[][] = [];
  const printed: PrintedLine[][] = [];
  for (const page of pages) {
    // pdftotext ends every page with a form feed; here it stands on a line of its own.
    if (pageStarts.length) out.push('\f');
    pageStarts.push(out.length);
    const unit = columnWidth(page.runs);
    let origin = Infinity;
    for (const run of page.runs) if (run.x < origin) origin = run.x;
    const lines: PlacedPage['lines'] = [];
    let previous: { y: number; size: number } | null = null;
    const pageLines = printedLines(page.runs);
    printed.push(pageLines);
    for (const line of pageLines) {
      if (previous && line.y - previous.y > BLANK_GAP * Math.max(previous.size, line.size)) out.push('');
      const text = lineText(line, unit, origin);
      lines.push({ index: out.length, y: line.y, text });
      out.push(text);
      previous = line;
    }
    const pageGrids = tables ? findGrids(page.rules, page.runs) : [];
    grids.push(pageGrids);
    placed.push({ height: page.height, lines, grids: pageGrids.map((grid) => [grid.ys[0], grid.ys[grid.ys.length - 1]]) });
  }
  const furniture = findFurniture(placed);
  const furnitureLines = new Set(furniture.map((f) => f.line));
  if (!tables) return { text: out.join('\n'), tables: [], furniture, pageStarts };
  const ruled: RenditionTable[] = gridTables(
    placed.map((page, p) => ({ lines: page.lines, grids: grids[p], furniture: furnitureLines })),
  );
  // Tables without rules, where no ruled table stands.
  const aligned = borderlessTables(placed.map((page, p) => ({ lines: page.lines, printed: printed[p], furniture: furnitureLines, grids: page.grids })));
  const found = [...ruled, ...aligned.filter((table) => ruled.every((other) => table.end <= other.start || table.start >= other.end))].sort((a, b) => a.start - b.start);
  return { text: out.join('\n'), tables: found, furniture, pageStarts };
}
