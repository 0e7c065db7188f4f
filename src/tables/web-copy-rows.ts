/**
 * The rows of a table copied from a web page, from its physical lines.  A
 * browser ends a row with a line break, but a cell holding paragraphs (or a
 * `<br>`) breaks its row too.  How the browser writes those breaks tells
 * them apart (innerText: a block inside a cell is set off by line breaks,
 * the TAB after a cell stays where the cell ends):
 *
 *   > | 一、貫徹農地農用政策
 *   > | \t農林漁牧調查統計陳報…\t
 *       ^ a line starting with TAB goes on with the row above
 *   > | 配合上級農林漁牧業調查作業…
 *       ^ a line without TAB after a TAB: the paragraphs of the cell it opened
 *   > | \t
 *   > | 農業用地作農業使用證明書之核發。\t
 *       ^ text, then a TAB, at a line start: a new row (its first cell is plain)
 *
 * A blank line is a row break: the browser writes one where a row starts or
 * ends with a block.  A line break between two plain cells is also read as a
 * row break, and joined back when it leaves a fragment narrower than half the
 * table that fits beside its neighbour (`完成程度<br>百分比`).
 */
import type { Line } from '../types.js';
import { clipboardRows, valueLike } from './web-copy-clipboard.js';

export interface CopiedRow {
  cells: string[];
  /** Indexes of the physical lines the row came from. */
  lines: number[];
  /** Its break from the row above was a guess (two plain cells across a line break). */
  guessed: boolean;
}

/** At most this many lines of cell paragraphs are looked through for the TAB that goes on with a row. */
const MAX_BLOCK_LINES = 200;

const STARTS_WITH_TAB = /^[ \u3000]*\t/u;
const ENDS_WITH_TAB = /\t[ \u3000]*$/u;

/**
 * The lines [start, end) of the table starting at `start`: tab lines, and
 * lines without a TAB (cell paragraphs) when a line starting with TAB comes
 * after them.  Null for a layout that is not a browser's: a cell written as
 * `<p>` blocks between blank lines (`\n\n\t\n\n`), which the cell-per-line
 * reader takes.
 */
export function tableRegion(lines: readonly Line[], start: number, limit: number): { start: number; end: number } | null {
  let end = start;
  let i = start;
  let previousBlank = false;
  let leadingTab = false;
  while (i < limit) {
    const line = lines[i];
    if (hasTab(line)) {
      if (STARTS_WITH_TAB.test(line.text)) leadingTab = true;
      // A TAB alone between blank lines: a `<p>` cell's layout (every cell a
      // paragraph), not a browser's copy of a `<td>`; right before a row, the
      // empty cell after a cell of `<p>` paragraphs (pandoc's HTML).
      if (previousBlank && line.text.trim() === '' && i + 2 < limit && lines[i + 1].role === 'blank' && !lines[i + 2].text.includes('\t')) return null;
      end = ++i;
      previousBlank = false;
      continue;
    }
    if (line.role !== 'content') {
      previousBlank = line.role === 'blank' || previousBlank;
      i++;
      continue;
    }
    // Paragraphs of a cell: only when the row goes on with a line starting with TAB.
    let j = i;
    let seen = 0;
    while (j < limit && seen < MAX_BLOCK_LINES && !lines[j].text.includes('\t')) {
      j++;
      seen++;
    }
    if (j >= limit || seen >= MAX_BLOCK_LINES || !hasTab(lines[j])) {
      if (!leadingTab && ENDS_WITH_TAB.test(lines[i - 1].text)) end = lastBlockEnd(lines, i, Math.min(j, limit));
      break;
    }
    // Chromium's selection text drops that TAB (and the blank lines): a run
    // without blank lines between a line that opened a cell (or the header
    // and its bracketed note) and the rest of the row, unless that is the
    // header of the next table.
    const opens = ENDS_WITH_TAB.test(lines[i - 1].text) || (i - 1 === start && BRACKETED.test(line.text.trim()));
    if (!STARTS_WITH_TAB.test(lines[j].text) && !(opens && noBlank(lines, i, j) && lines[j].text !== lines[start].text)) break;
    previousBlank = lines[j - 1].role === 'blank';
    i = j;
  }
  return end > start ? { start, end } : null;
}

//   > | 針對西區所有道路附屬設施依開口契約派工進行零星修復(補)工程。\t
//   > | 1. 本區道路路面維護及搶修。2. 維護改善市區道路側溝…
//   > | 15,500
//   > | 伍、人事部門
//       ^ a heading: past the table
const HEADING = /^(?:[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]+、|第[一二三四五六七八九十0-9]+[章節篇])/u;

/**
 * The end of the block that the table's last row opened, in Chromium's
 * clipboard text (no TAB, no blank line after it): its lines up to a blank
 * line or a heading.
 */
function lastBlockEnd(lines: readonly Line[], from: number, to: number): number {
  let i = from;
  while (i < to && lines[i].role === 'content' && !HEADING.test(lines[i].text.trim())) i++;
  return i;
}

function noBlank(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lines[i].role !== 'content') return false;
  return true;
}

/** The rows of lines [start, end): physical lines joined where a cell's paragraphs broke the row. */
function joinLines(lines: readonly Line[], start: number, end: number, minWidth = 0): CopiedRow[] {
  const rows: { text: string[]; lines: number[]; guessed: boolean }[] = [];
  let current: { text: string[]; lines: number[]; guessed: boolean } | null = null;
  let blankBefore = false;
  let blanks = 0;
  const spaced = paragraphsSpaced(lines, start, end);
  // A cell that a line's trailing TAB opened is taking its paragraphs.
  let inCell = false;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (!hasTab(line) && line.role !== 'content') {
      if (line.role === 'blank') {
        blankBefore = true;
        blanks++;
      }
      continue;
    }
    const text = line.text;
    let join = false;
    let guessed = false;
    if (current) {
      const previous: string = current.text[current.text.length - 1];
      if (STARTS_WITH_TAB.test(text)) join = true;
      // One blank line sets off a `<p>` of the opened cell; two are a row's
      // end and then a `<p>` that starts the next row (under merged cells):
      //   > | (三)檔案管理\t1. 完成108年機關檔案管理調查…\t100%\t
      //   > |
      //   > |
      //   > | 2. 檔案清理：
      //       ^ after two blank lines: the next row's 辦理情形 cell
      else if (blankBefore && spaced && inCell && !text.includes('\t') && blanks === 1) join = true;
      else if (blankBefore) join = false;
      else if (!innerTab(text)) join = true;
      else guessed = !ENDS_WITH_TAB.test(previous);
    }
    blankBefore = false;
    blanks = 0;
    if (text.includes('\t')) inCell = ENDS_WITH_TAB.test(text);
    if (join && current) {
      current.text.push(text);
      current.lines.push(i);
    } else {
      current = { text: [text], lines: [i], guessed };
      rows.push(current);
    }
  }
  const split: CopiedRow[] = rows.map((row) => ({ cells: splitCells(row.text.join('\n')), lines: row.lines, guessed: row.guessed }));
  const joined = joinFragments(split, minWidth);
  const width = tableWidth(lines, start, end, joined);
  const fitted: CopiedRow[] = [];
  for (const row of joined) {
    if (row.cells.length <= width) fitted.push(row);
    else for (const part of splitOverflow(lines, row, width)) fitted.push(part);
  }
  return splitAfterTail(lines, fitted, width);
}

/** The rows of lines [start, end): Chromium's clipboard text read by its own rules, other text joined line by line. */
export function joinRows(lines: readonly Line[], start: number, end: number): CopiedRow[] {
  if (!droppedTabs(lines, start, end)) return joinLines(lines, start, end);
  const bodyStart = headerEnd(lines, start, end);
  let widest = 0;
  for (let i = start; i < end; i++) if (lines[i].text.includes('\t')) widest = Math.max(widest, lines[i].text.split('\t').length);
  // The header's rows as the browser's other text gives them (`完成程度<br>百分比` joined back).
  const header = joinLines(lines, start, bodyStart, widest);
  const width = Math.max(widest, header.length > 1 && labelRow(header[1].cells) ? header[0].cells.length + header[1].cells.length - 1 : header[0].cells.length);
  // Placing a line's cells looks at every column: bounded, as plan tables are (a dozen columns at most).
  if (width > MAX_CLIPBOARD_WIDTH) return joinLines(lines, start, end);
  return header.concat(clipboardRows(lines, bodyStart, end, width));
}

/**
 * Where the header of a table in Chromium's clipboard text ends: after its
 * first line, the lines that a `<br>` or a second header row made, a note
 * in brackets or a row of short labels, go with it.
 *
 *   > | 機關工作項目\t重要工作計畫項目\t實施內容\t預算金額
 *   > | (單位：千元)
 *       ^ a bracketed note: the last header cell's second line
 *   > | 一、貫徹農地農用政策
 */
function headerEnd(lines: readonly Line[], start: number, end: number): number {
  let i = start + 1;
  while (i < end) {
    const text = lines[i].text.trim();
    if (lines[i].role !== 'content') break;
    if (!text.includes('\t') ? !BRACKETED.test(text) : ENDS_WITH_TAB.test(lines[i].text) || text.split('\t').some((cell) => [...cell.trim()].length > MAX_LABEL)) break;
    i++;
  }
  return i;
}

const MAX_CLIPBOARD_WIDTH = 64;

//   > | 百分比\t備註
//       ^ labels of at most 4 characters
const MAX_LABEL = 4;
const BRACKETED = /^[(（][^()（）]*[)）]$/u;

/**
 * A cell's paragraphs set off by blank lines from the line that opened the
 * cell (pandoc's HTML: a cell of several paragraphs is `<p>`s, in a browser
 * a blank line around each), and never right after it (a `<div>`'s are):
 *
 *   > | 農業用地作農業設施容許使用申請同意書之核發。\t
 *   > |
 *       ^ a blank line, then the opened cell's first paragraph
 *   > | 申請農業用地作農業設施容許使用者，檢附相關證明文件…
 */
function paragraphsSpaced(lines: readonly Line[], start: number, end: number): boolean {
  let spaced = false;
  for (let i = start; i + 1 < end; i++) {
    if (!lines[i].text.includes('\t') || !ENDS_WITH_TAB.test(lines[i].text)) continue;
    const next = lines[i + 1];
    if (next.role === 'content' && !next.text.includes('\t')) return false;
    if (next.role === 'blank' && i + 2 < end && lines[i + 2].role === 'content' && !lines[i + 2].text.includes('\t')) spaced = true;
  }
  return spaced;
}

/**
 * Chromium's selection text (what a copy puts on the clipboard) drops a TAB
 * that would start a line, and the blank lines: no line of the table starts
 * with TAB although cells hold paragraphs.
 */
function droppedTabs(lines: readonly Line[], start: number, end: number): boolean {
  let paragraphs = false;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (hasTab(line) && STARTS_WITH_TAB.test(line.text)) return false;
    if (line.role === 'content' && !line.text.includes('\t')) paragraphs = true;
  }
  return paragraphs;
}

/**
 * The table's width: its widest line, or its header's columns (a second
 * row of years or labels under one cell of the first), whichever is more.
 */
function tableWidth(lines: readonly Line[], start: number, end: number, rows: readonly CopiedRow[]): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const text = lines[i].text;
    if (!text.includes('\t')) continue;
    let cells = 1;
    for (let at = text.indexOf('\t'); at !== -1; at = text.indexOf('\t', at + 1)) cells++;
    if (cells > width) width = cells;
  }
  if (rows.length > 1 && labelRow(rows[1].cells)) width = Math.max(width, rows[0].cells.length + rows[1].cells.length - 1);
  return width;
}

/**
 * A row wider than the table: a browser's selection text has no blank line
 * before a row that starts with a paragraph, so that row was read as the
 * paragraphs of the last cell above.  The row breaks again before the lines
 * without TAB that come before the line starting with TAB that overflowed:
 *
 *   > | \t
 *   > | 二、工商財稅業務
 *       ^ the next row's first cell, not the paragraphs of the empty cell above
 *   > | \t財稅業務\t
 */
function splitOverflow(lines: readonly Line[], row: CopiedRow, width: number): CopiedRow[] {
  const parts: number[][] = [[]];
  let cells = 1;
  let run = -1;
  let afterTab = false;
  for (const index of row.lines) {
    const text = lines[index].text;
    const part = parts[parts.length - 1];
    let tabs = 0;
    for (let at = text.indexOf('\t'); at !== -1; at = text.indexOf('\t', at + 1)) tabs++;
    if (tabs === 0) {
      // After an opened (empty) last cell the whole run is the next row's;
      // after a cell's text only its last line is (`預算金額<br>(單位：千元)` goes on above).
      if (lines[index].role === 'content' && (run === -1 || !afterTab)) run = part.length;
      part.push(index);
      continue;
    }
    if (STARTS_WITH_TAB.test(text) && cells + tabs > width && run > 0) {
      parts.push(part.splice(run));
      cells = 1;
    }
    afterTab = ENDS_WITH_TAB.test(text);
    parts[parts.length - 1].push(index);
    cells += tabs;
    run = -1;
  }
  return parts.map((part, i) => ({ cells: splitCells(part.map((index) => lines[index].text).join('\n')), lines: part, guessed: i === 0 ? row.guessed : false }));
}

/**
 * Every row ends at the table's last column, so every row whose last cells
 * follow a block ends with a line like the first body row's last one.  A
 * selection's text (Firefox) has no blank line before a row that starts
 * with a paragraph, and that row fits beside a short row above it; it
 * starts after that line:
 *
 *   > | \t100%\t
 *       ^ the first row's last line: 完成程度, then the empty 備註
 *   > | 2. 均於期限內完成款項支付。
 *       ^ after that line again: a row starting with a paragraph
 *   > | \t100%\t
 */
function splitAfterTail(lines: readonly Line[], rows: readonly CopiedRow[], width: number): CopiedRow[] {
  const first = rows.length > 1 && labelRow(rows[1].cells) ? 2 : 1;
  if (rows.length <= first || rows[first].cells.length !== width) return rows as CopiedRow[];
  const tail = lines[rows[first].lines[rows[first].lines.length - 1]].text;
  const valueTail = valueThenEmpty(tail);
  if (!STARTS_WITH_TAB.test(tail) && !valueTail) return rows as CopiedRow[];
  const shape = tabShape(tail);
  const out: CopiedRow[] = [];
  for (const row of rows) {
    let from = 0;
    for (let k = 0; k + 1 < row.lines.length; k++) {
      const text = lines[row.lines[k]].text;
      const next = lines[row.lines[k + 1]];
      const ends = (STARTS_WITH_TAB.test(text) && tabShape(text) === shape) || (valueTail && valueThenEmpty(text));
      if (k + 1 > from && ends && next.role === 'content' && !next.text.includes('\t')) {
        out.push(part(lines, row, from, k + 1, from === 0 ? row.guessed : false));
        from = k + 1;
      }
    }
    out.push(from === 0 ? row : part(lines, row, from, row.lines.length, false));
  }
  return out;
}

/**
 * A line ending with a short value and an empty cell, as the first body
 * row ends (完成程度 then an empty 備註): a row's end, so paragraphs after it
 * start the next row (pandoc's `<p>`s in a selection: no second blank line).
 *
 *   > | (三)檔案管理 \t1. 完成108年機關檔案管理調查…\t100% \t
 *                                                   ^ a value, then the empty last cell
 */
function valueThenEmpty(text: string): boolean {
  const cells = text.split('\t');
  if (cells.length < 3) return false;
  const value = cells[cells.length - 2].trim();
  return cells[cells.length - 1].trim() === '' && value !== '' && valueLike(value) && /[0-9０-９%％]/u.test(value);
}

function part(lines: readonly Line[], row: CopiedRow, from: number, to: number, guessed: boolean): CopiedRow {
  const indexes = row.lines.slice(from, to);
  return { cells: splitCells(indexes.map((index) => lines[index].text).join('\n')), lines: indexes, guessed };
}

/** How many TABs a line has, and whether one ends it. */
function tabShape(text: string): string {
  let tabs = 0;
  for (let at = text.indexOf('\t'); at !== -1; at = text.indexOf('\t', at + 1)) tabs++;
  return `${tabs}${ENDS_WITH_TAB.test(text) ? '+' : ''}`;
}

/**
 * A line with a TAB, also one the line stage called blank (a TAB alone: the
 * empty cell after a cell's paragraphs); not furniture.
 */
function hasTab(line: Line): boolean {
  return (line.role === 'content' || line.role === 'blank') && line.text.includes('\t');
}

/** A TAB after some text: the line starts a row with a plain cell. */
function innerTab(text: string): boolean {
  const tab = text.indexOf('\t');
  return tab > 0 && text.slice(0, tab).trim() !== '';
}

/** A row's cells: split at TAB, each cell's lines trimmed, empty lines dropped. */
function splitCells(text: string): string[] {
  return text.split('\t').map((cell) =>
    cell
      .split('\n')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join('\n'),
  );
}

//   > | 計畫名稱\t辦理情形\t完成程度
//   > | 百分比\t備註
//       ^ a fragment: `完成程度<br>百分比` broke the header row
const YEAR = /^(?:1[0-9]{2}|20[0-9]{2})\s*(?:年度?)?$/u;

/**
 * Join a guessed break after the first row (the header, where a `<br>` is
 * common: `預算金額<br>(單位：千元)`) back where one side is at most half as
 * wide as the table and both fit in one row; a row of years or short labels
 * (a header's second row) stays a row.  In the body a line of text and TAB
 * after a cell's text is a row: a browser writes every row from a new line.
 */
function joinFragments(rows: CopiedRow[], tableWidth: number): CopiedRow[] {
  let width = tableWidth;
  for (const row of rows) if (row.cells.length > width) width = row.cells.length;
  const half = Math.ceil(width / 2);
  const out: CopiedRow[] = [];
  for (const row of rows) {
    const last = out[0];
    if (
      out.length === 1 &&
      row.guessed &&
      (last.cells.length <= half || row.cells.length <= half) &&
      last.cells.length + row.cells.length - 1 <= width &&
      !labelRow(row.cells)
    ) {
      const cells = last.cells.slice(0, -1);
      cells.push([last.cells[last.cells.length - 1], row.cells[0]].filter((cell) => cell !== '').join('\n'));
      for (let c = 1; c < row.cells.length; c++) cells.push(row.cells[c]);
      out[0] = { cells, lines: last.lines.concat(row.lines), guessed: last.guessed };
      continue;
    }
    out.push(row);
  }
  return out;
}

/** Years (`108年`) or one- or two-character labels (`類`, `項`): a header's second row. */
export function labelRow(cells: readonly string[]): boolean {
  const texts = cells.map((cell) => cell.replace(/\s+/g, ''));
  return texts.length >= 2 && (texts.every((text) => YEAR.test(text)) || texts.every((text) => text.length > 0 && text.length <= 2));
}
