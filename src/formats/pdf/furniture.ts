/**
 * Page furniture of a PDF: lines in the top or bottom margin that are page
 * numbers or repeat from page to page (running headers and footers, page
 * references such as `(0801)-008`).  A PDF tells where each line stands on
 * its page, so furniture is recognised by position and repetition, not by
 * guessing from the text alone.
 */
import type { LineRole } from '../../types.js';

export interface PlacedLine {
  /** Index of the line in the rendition. */
  index: number;
  /** Baseline, top-down (points). */
  y: number;
  text: string;
}

export interface PlacedPage {
  height: number;
  lines: PlacedLine[];
  /** Vertical extents [top, bottom] of the page's table grids (their header rows repeat by design). */
  grids: [number, number][];
}

/** The share of the page height, at the top and at the bottom, that counts as margin. */
const MARGIN = 0.12;

//   > | 3-2      - 3 -      第 3 頁      (0801)-008      02004- 1頁      12
//       ^^^      ^^^^^      ^^^^^^^      ^^^^^^^^^^      ^^^^^^^^^^      ^^
const PAGE_REFERENCE = /^(?:第)?[-–—(（]*\d{1,5}[)）]?(?:[-–—]\d{1,4})*[-–—]?(?:頁)?(?:[,，/]?共\d{1,5}頁)?$/u;

/** Furniture lines: page references, and margin lines repeated on other pages. */
export function findFurniture(pages: readonly PlacedPage[]): { line: number; role: LineRole }[] {
  const inMargin = (page: PlacedPage, line: PlacedLine): 'top' | 'bottom' | null => {
    if (page.grids.some(([top, bottom]) => line.y >= top && line.y <= bottom + 2)) return null;
    if (line.y <= page.height * MARGIN) return 'top';
    if (line.y >= page.height * (1 - MARGIN)) return 'bottom';
    return null;
  };
  // How many pages carry each margin text, digits folded (a page number changes).
  const pagesOf = new Map<string, number>();
  const candidates: { line: PlacedLine; key: string; pageRef: boolean }[] = [];
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of page.lines) {
      const zone = inMargin(page, line);
      if (!zone) continue;
      const compact = line.text.replace(/[\s\u3000]+/g, '');
      if (compact === '') continue;
      const key = `${zone}:${compact.replace(/\d+/g, '#')}`;
      candidates.push({ line, key, pageRef: PAGE_REFERENCE.test(compact) });
      if (!seen.has(key)) {
        seen.add(key);
        pagesOf.set(key, (pagesOf.get(key) ?? 0) + 1);
      }
    }
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.3));
  const furniture: { line: number; role: LineRole }[] = [];
  const seen = new Set<string>();
  for (const { line, key, pageRef } of candidates) {
    if (pageRef) furniture.push({ line: line.index, role: 'page-number' });
    else if ((pagesOf.get(key) ?? 0) >= repeatedOn) {
      // The first one stays content: a running title is also the document's
      // title, which the document splitter must see once.
      const first = !seen.has(key);
      seen.add(key);
      if (!first) furniture.push({ line: line.index, role: /\d/.test(key) && !/[\p{Script=Han}A-Za-z]/u.test(key) ? 'page-number' : 'running-header' });
    }
  }
  return furniture;
}
