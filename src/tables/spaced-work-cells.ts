/**
 * Reader for work-plan tables in text that ends every paragraph with a blank
 * line: mammoth's `extractRawText` of a DOCX, the raw text many web tools and
 * scripts take from Word files.  Each cell is a paragraph (or several), row
 * after row; a merged cell is written once, in the row it starts in, the cells
 * it covers not at all; an empty cell is an empty paragraph, so two more
 * blank lines:
 *
 *   > | 預算金額(單位：千元)
 *   > |
 *   > | 一、編練業務
 *       ^ a category (機關工作項目), merged down its rows
 *   > |
 *   > | 國民兵異動管理。
 *       ^ the item
 *   > |
 *   > | 1. 列管異動登記、移轉隨時辦理。2. 電腦登打、傳輸。
 *       ^ its 實施內容, up to the budget cell
 *   > |
 *   > | 279
 *       ^ the budget cell (an amount, or an empty paragraph) ends the row
 *   > |
 *   > | 國民兵國民身分證明書核(換補)發。
 *
 * The header is the run of paragraphs naming work-plan columns, the budget
 * last; rows are handed on in the shape the DOCX reader gives.
 */
import { linesPosition } from '../lines.js';
import { parseMarker } from '../markers.js';
import { workHeaderRole } from '../records/work-items.js';
import type { Line, RawRow, RawTable, TableReader } from '../types.js';

/** Fewest paragraphs for a text to be judged paragraph-spaced, in a window of lines from the header. */
const MIN_PARAGRAPHS = 8;
const WINDOW = 120;

/** Share of non-blank lines that must be followed by a blank line (a soft line break inside a paragraph is not). */
const SPACED_SHARE = 0.95;

interface SpacedView {
  /** The lines as Writer would write them: separators dropped. */
  lines: Line[];
  /** For each view line, its index in the source's lines. */
  origin: number[];
  /** For each source line from the view's start, the index of the first view line at or after it. */
  at: number[];
}


/** Whether nearly every non-blank line of the window from `start` is followed by a blank one. */
function isSpaced(lines: readonly Line[], start: number, limit: number): boolean {
  let paragraphs = 0;
  let spaced = 0;
  const end = Math.min(limit, start + WINDOW);
  for (let i = start; i < end; i++) {
    // A page break: the text came from a PDF (pdfminer writes a box per line, each followed by a blank line), not a Word file.
    if (lines[i].text.includes('\f')) return false;
    if (lines[i].text.trim() === '') continue;
    paragraphs++;
    if (i + 1 >= lines.length || lines[i + 1].text.trim() === '') spaced++;
  }
  // An empty cell (three blank lines in a row) tells mammoth's paragraphs from a PDF extractor's blocks, also apart by blank lines.
  let emptyCell = false;
  for (let i = start + 2; i < end && !emptyCell; i++) emptyCell = lines[i].text.trim() === '' && lines[i - 1].text.trim() === '' && lines[i - 2].text.trim() === '';
  return paragraphs >= MIN_PARAGRAPHS && spaced >= paragraphs * SPACED_SHARE && emptyCell;
}

/**
 * Drop the separator of each paragraph: a run of 2n + 1 blank lines keeps n
 * of them (the empty paragraphs), a single line break inside a paragraph stays.
 */
function buildView(lines: readonly Line[], start: number, limit: number): SpacedView {
  const view: Line[] = [];
  const origin: number[] = [];
  const at: number[] = new Array<number>(limit - start);
  let i = start;
  while (i < limit) {
    if (lines[i].text.trim() !== '') {
      at[i - start] = view.length;
      view.push(lines[i]);
      origin.push(i);
      i++;
      continue;
    }
    let end = i;
    while (end < limit && lines[end].text.trim() === '') end++;
    // Blank lines i…end-1: the 2nd, 4th, … are empty paragraphs.
    for (let k = i; k < end; k++) {
      at[k - start] = view.length;
      if ((k - i) % 2 === 1 && k + 1 < end) {
        view.push(lines[k]);
        origin.push(k);
      }
    }
    i = end;
  }
  return { lines: view, origin, at };
}

// A budget cell: an amount (with a note), a dash, or the fund it is paid from:
//
//   > | 279     1,250     449(健保局補助)     －     市府統籌款     中央補助款
//       ^^^     ^^^^^     ^^^^^^^^^^^^^^^     ^      ^^^^^^^^^^     ^^^^^^^^^^
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*[(（][^()（）]{1,20}[)）])?$|^[-－—–]$|^\p{Script=Han}{1,6}款$/u;

//   > | (單位：千元)
//       ^^^^^^^^^^^ the rest of a header cell written on a line of its own
const UNIT_NOTE = /^[(（]?單位[:：]/u;

export const spacedWorkCellsReader: TableReader = {
  layout: 'writer-text',
  read(lines, start, limit) {
    // Cheap tests first (this runs at every content line): a paragraph followed by a blank line, naming a work-plan column.
    if (start + 1 >= lines.length || lines[start + 1].text.trim() !== '' || workHeaderRole(lines[start].text) === null) return null;
    // Paragraph-spaced text around the header; the view is built from there (tables are read once each: the stage goes on after a table's end).
    if (!isSpaced(lines, start, limit)) return null;
    // A header line that starts no table costs a window's view, not the rest of the document's (linear over many such lines).
    const near = Math.min(limit, start + WINDOW);
    const window = buildView(lines, start, near);
    const first = readTable(lines, window, 0, window.lines.length);
    if (!first || near === limit) return first;
    const view = buildView(lines, start, limit);
    return readTable(lines, view, 0, view.lines.length);
  },
};

/** The table whose header starts at view line `from`, or null. */
function readTable(lines: readonly Line[], view: SpacedView, from: number, to: number): RawTable | null {
  const text = (k: number) => view.lines[k].text.trim();
  // The header: paragraphs each naming a column, no column twice, the budget last.
  const header: string[] = [];
  const roles: string[] = [];
  let k = from;
  while (k < to && text(k) !== '') {
    const role = workHeaderRole(text(k));
    if (role === null) {
      if (header.length > 0 && UNIT_NOTE.test(text(k))) header[header.length - 1] += text(k);
      else break;
    } else {
      if (roles.includes(role)) break;
      header.push(text(k));
      roles.push(role);
    }
    k++;
  }
  const category = roles.indexOf('category');
  const item = roles.indexOf('item');
  const content = roles.indexOf('content');
  const budget = roles.indexOf('budget');
  if (item < 0 || content < 0 || budget !== roles.length - 1 || item > content || category > item) return null;
  const rows: RawRow[] = [];
  while (k < to) {
    const cells = header.map(() => '');
    const rowStart = k;
    if (category >= 0 && k + 2 < to && opensCategory(text(k), text(k + 1), text(k + 2))) cells[category] = text(k++);
    if (k >= to || text(k) === '' || isSectionHeading(text(k))) break;
    cells[item] = text(k++);
    const parts: string[] = [];
    while (k < to && text(k) !== '' && !AMOUNT.test(text(k)) && !isSectionHeading(text(k))) parts.push(text(k++));
    cells[content] = parts.join('\n');
    // No budget cell: the table ended inside the row.
    if (k >= to || isSectionHeading(text(k))) break;
    cells[budget] = text(k++);
    // The row runs up to the next paragraph: the blank lines between rows are no page break.
    const rowLines: number[] = [];
    const rowEnd = k < view.lines.length ? view.origin[k] : view.origin[k - 1] + 1;
    for (let i = view.origin[rowStart]; i < rowEnd; i++) rowLines.push(i);
    rows.push({ cells, position: linesPosition(lines, rowLines[0], rowLines[rowLines.length - 1] + 1), lines: rowLines });
  }
  if (rows.length === 0) return null;
  const start = view.origin[from];
  const last = rows[rows.length - 1].lines;
  const end = last[last.length - 1] + 1;
  return { layout: 'writer-text', header, rows, start, end, position: linesPosition(lines, start, end), diagnostics: [] };
}

/**
 * Whether a row's first paragraph is a category (機關工作項目, merged down
 * its rows) rather than the item: numbered 一、, or numbered (二) with an
 * item after it that is no paragraph of the list after that (its number
 * starts over):
 *
 *   > | (二)辦理老人福利
 *       ^^^^ a category: 1. is an item, the next 1. starts its 實施內容
 *   > | 1. 辦理孤苦無依老人救助、安置。
 *   > | 1. 受理第二、三款低收入戶兒童按月發放生活補助費。
 */
function opensCategory(first: string, second: string, third: string): boolean {
  const marker = parseMarker(first);
  if (marker?.style === 'cjk') return true;
  if (marker?.style !== 'cjk-paren') return false;
  const item = parseMarker(second);
  const next = parseMarker(third);
  return item !== null && next !== null && item.style === next.style && next.ordinal <= item.ordinal;
}

/** A heading of the document (`參、`), not a cell: the table ends there. */
function isSectionHeading(text: string): boolean {
  return parseMarker(text)?.style === 'cjk-formal';
}
