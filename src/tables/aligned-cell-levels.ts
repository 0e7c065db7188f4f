import { parseMarker } from '../markers.js';
import type { MarkerStyle } from '../types.js';

/**
 * One merged cell of a category column holding two levels of labels, one
 * paragraph each (a HTML `<div>` or Word paragraph per level), read from
 * space-aligned text where the cell is centred on its rows:
 *
 *   > | 一、一般行政
 *   > | (一)自治行政管理
 *       ^ the same cell: its rows are 一、's first rows
 *   > | 七、地政
 *   > | 三七五減租租約異
 *       ^ a second paragraph: the line above ended short of the column's width
 *   > | 動、檢查及資料查填
 */

/** Nesting depth of a label's numbering (`一、` over `(一)` over `1.`). */
const STYLE_DEPTH: Record<MarkerStyle, number> = { 'cjk-formal': 0, cjk: 1, 'cjk-paren': 2, arabic: 3, 'arabic-paren': 4, stem: 5, circled: 6, markdown: 7 };

/** A line shorter than this share of the column's widest line ended its paragraph (lines wrap only where full). */
const SHORT_LINE = 0.75;

/** Lines apart in one paragraph of a centred cell (its lines interleave with its neighbours', one line apart). */
const INTERLEAVED_GAP = 2;

/** Lines apart from one paragraph of a cell to the next (a margin between them). */
const PARAGRAPH_GAP = 3;

interface LabelLines {
  start: number;
  end: number;
  parts: readonly string[];
}

/**
 * Whether line `line` of a merged column opens a new, unnumbered label: a
 * second one of the cell above (the label so far is one numbered line that
 * ends well short of the column's widest line, and this line follows it
 * closely), or another cell's (the line before ended short, and this one is
 * further down than a centred cell's interleaved lines):
 *
 *   > |  (四)推薦孝行模
 *   > |  範
 *   > |      …
 *   > |  民防團業務
 *       ^ another cell's label
 *
 * `texts[i]` is the column's text on body line i.
 */
export function cellLevels(texts: readonly (string | null)[], width: (text: string) => number): (parts: readonly string[], end: number, line: number) => boolean {
  let widest = 0;
  for (const text of texts) if (text) widest = Math.max(widest, width(text));
  return (parts, end, line) => {
    // Further down than a centred cell's interleaved lines, after a line that ended short: another cell.
    if (line - end > INTERLEAVED_GAP) return width(parts[parts.length - 1]) <= widest * SHORT_LINE;
    if (parts.length !== 1) return false;
    const marker = parseMarker(parts[0]);
    if (!marker) return false;
    return width(parts[0]) <= widest * SHORT_LINE;
  };
}

/**
 * Whether label `below` is a deeper level of the same cell as `above` (so
 * starts on the same row): `above` is one line, `below` follows within three
 * lines and is numbered one level deeper, or is unnumbered under it.
 */
export function sharesRowAbove(above: LabelLines, below: LabelLines): boolean {
  // (A label of several lines above is another cell's: `四、社會` / `福利與救` / `助` over `(二)辦理`.)
  if (above.parts.length !== 1 || below.start - above.end > PARAGRAPH_GAP) return false;
  const upper = parseMarker(above.parts[0]);
  if (!upper) return false;
  const lower = parseMarker(below.parts[0]);
  if (!lower) return true;
  return STYLE_DEPTH[lower.style] > STYLE_DEPTH[upper.style];
}

/**
 * Whether a line opening with a numbered label holds deeper labels after it
 * (the first lines of nested merged columns, 類 / 項 / 目, one space apart),
 * not a section heading alone on its line:
 *
 *   > | 參、兵 一、編練業 (一)落實戶役政
 *              ^^^         ^^^^
 */
export function holdsNestedLabels(runs: readonly { text: string }[]): boolean {
  const first = runs.length > 1 ? parseMarker(runs[0].text) : null;
  if (!first) return false;
  for (let k = 1; k < runs.length; k++) {
    const marker = parseMarker(runs[k].text);
    if (marker && STYLE_DEPTH[marker.style] > STYLE_DEPTH[first.style]) return true;
  }
  return false;
}

/**
 * Whether a numbered line alone at the left margin is a category cell
 * centred on its rows, not a section heading: the next line goes on at once
 * with text right of it (its neighbours' column) or in two cells (a
 * heading is followed by a paragraph, a blank line or a table header).
 *
 *   > | 一、文書管理
 *   > |              推動公文電子交換。      系統」
 *                    ^ the item column, right of the label
 *   > | 三、增強調解行政服
 *   > | 務，加強調解委員會 提高調解績效。                                   1,751
 *                                                                          ^ another cell
 */
export function labelBesideNext(runs: readonly { x1: number }[], next: string | null): boolean {
  if (next === null || runs.length === 0) return false;
  const lead = next.length - next.trimStart().length;
  if (lead >= runs[runs.length - 1].x1) return true;
  return next.trim().split(/ {2,}|\u3000+/u).length >= 2;
}
