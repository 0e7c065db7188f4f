/**
 * The rows of a table in Chromium's clipboard text (a page selected and
 * copied; `getSelection().toString()` gives the same).  Chromium writes the
 * table as its `innerText` does, a TAB between cells and a line break
 * around a cell's block (`<div>`, `<p>`), but drops a TAB that would start a
 * line, a line left empty by that, and the blank lines.  So after a block
 * the cells that follow it in its row start a line without TAB, an empty
 * cell after a block leaves nothing, and a row that starts with a block
 * follows the row above without a break:
 *
 *   > | 一、貫徹農地農用政策
 *       ^ a block: the category cell of a full row
 *   > | 農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。\t
 *                                                              ^ a TAB at the end: a block follows
 *   > | 配合上級農林漁牧業調查作業，並實地調查，彙整統計後陳報市政府。
 *   > | 農業用地作農業使用證明書之核發。\t
 *       ^ 3 cells + 2 overflow 4: the next row, the empty budget left nothing
 *
 * A line with TABs goes on with the row above after the block it opened
 * while the row has room (`100%\t` after the 辦理情形 paragraphs fills the
 * report's 6 columns); otherwise it starts a row.  What the browser no
 * longer tells apart, the paragraphs of the block, the cell after it at the
 * row's end (a budget) and the block cell that starts the next row (a
 * category), is told by how those cells are written: the next row's leading
 * cell is numbered the way the first row's is (`二、工商財稅業務`), the
 * budget is a short value without sentence punctuation (`449(健保局補助)`).
 */
import type { Line } from '../types.js';
import type { CopiedRow } from './web-copy-rows.js';

interface Cell {
  texts: string[];
  lines: number[];
}

type Kind = 'block' | 'plain';

interface BuildingRow {
  cells: Cell[];
  /** The grid column of the row's last cell; -1 while a row that starts with a block has not shown where it stands. */
  column: number;
  /** The last cell is a block still taking paragraphs. */
  open: boolean;
}

//   > | 二、工商財稅業務
//       ^^^ a heading ordinal in CJK numerals: `一、`, `(一)`, `壹、`
export const HEADING_ORDINAL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|[壹貳參肆伍陸柒捌玖拾]+、)/u;

//   > | 449(健保局補助)
//       ^ a short value: no sentence punctuation, no ordinal, at most 16 characters
const SENTENCE_MARK = /[。，；：！？;]|,(?![0-9])/u;
const ANY_ORDINAL = /^(?:[0-9０-９]+\s*[.．、]|[(（][0-9０-９一二三四五六七八九十]+[)）]|[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]+、)/u;
const MAX_VALUE_LENGTH = 16;

export function valueLike(text: string): boolean {
  return [...text].length <= MAX_VALUE_LENGTH && !SENTENCE_MARK.test(text) && !ANY_ORDINAL.test(text);
}

/**
 * The kind of each column, from the first body row (a full row: no merged
 * cell above it covers any of its columns): a cell on lines of its own is a
 * block, a cell between TABs plain; columns after its last cell are plain
 * cells the browser left out (empty after a block).
 *
 *   > | 肆、會計部門\t一、歲計\t(一)編製預算\t
 *   > | 編製110年度預算, 歲入預算數16萬9,000元…
 *   > | 100%\t
 *       ^ plain, plain, plain, block, plain, plain
 */
function columnKinds(lines: readonly Line[], start: number, end: number, width: number): Kind[] {
  const kinds: Kind[] = [];
  let open = false;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (!line.text.includes('\t')) {
      if (line.role !== 'content') continue;
      if (kinds.length === 0) {
        kinds.push('block');
        open = true;
      } else if (!open) break;
      continue;
    }
    const parts = line.text.split('\t');
    if (kinds.length > 0 && !(open && kinds.length + parts.length <= width)) break;
    const opened = parts[parts.length - 1].trim() === '';
    for (let k = 0; k < parts.length; k++) kinds.push(k === parts.length - 1 && opened && kinds.length + 1 < width ? 'block' : 'plain');
    open = kinds[kinds.length - 1] === 'block';
  }
  while (kinds.length < width) kinds.push('plain');
  if (!kinds.includes('block')) {
    const column = numberedOpening(lines, start, end, width);
    if (column !== -1) kinds[column] = 'block';
  }
  return kinds.slice(0, width);
}

/**
 * When the first body row shows no block (its cells all plain: pandoc's
 * HTML writes a cell of one paragraph plain), the column of the block that
 * a full row opens: a line numbered like a category starts at the first
 * column, so the cell its trailing TAB opens is the block's column.
 *
 *   > | 二、工商財稅業務\t財稅業務\t
 *       ^ a category: the row's first column; the block is the third
 *   > | 申請農業用地作農業設施容許使用者，檢附相關證明文件…
 */
function numberedOpening(lines: readonly Line[], start: number, end: number, width: number): number {
  for (let i = start; i + 1 < end; i++) {
    const text = lines[i].text;
    if (!text.includes('\t') || !HEADING_ORDINAL.test(text.trim())) continue;
    const next = lines[i + 1];
    if (!/\t[ \u3000]*$/u.test(text) || next.role !== 'content' || next.text.includes('\t')) continue;
    const column = text.split('\t').length - 1;
    return column < width - 1 ? column : -1;
  }
  return -1;
}

/**
 * Where a line of TAB-separated cells `parts` can start: from `from` on,
 * its cells before the last plain, the last a block when the line ends with
 * a TAB (or the row's last, empty, cell), else the row's last.
 */
function fits(kinds: readonly Kind[], from: number, parts: readonly string[], opens = true): boolean {
  const last = from + parts.length - 1;
  if (from < 0 || last >= kinds.length) return false;
  for (let c = from; c < last; c++) if (kinds[c] !== 'plain') return false;
  const opened = parts[parts.length - 1] === '' && opens;
  return last === kinds.length - 1 || (opened && kinds[last] === 'block');
}

/**
 * The body rows of lines [start, end) of a table `width` columns wide, in
 * Chromium's clipboard text, right-aligned as a browser writes rows under
 * merged cells: a row is given its cells up to the last column, the empty
 * ones the browser left out after a block included.
 */
export function clipboardRows(lines: readonly Line[], start: number, end: number, width: number): CopiedRow[] {
  const kinds = columnKinds(lines, start, end, width);
  const numberedLeaders = kinds[0] === 'block' && leadingText(lines, start, end) !== null && HEADING_ORDINAL.test(leadingText(lines, start, end)!);
  const rows: BuildingRow[] = [];
  let current: BuildingRow | null = null;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    const text = line.text;
    if (!text.includes('\t')) {
      if (line.role !== 'content') continue;
      if (current && current.open) {
        const block = current.cells[current.cells.length - 1];
        block.texts.push(text.trim());
        block.lines.push(i);
      } else {
        if (current) handOver(current, kinds, null);
        current = { cells: [{ texts: [text.trim()], lines: [i] }], column: rows.length === 0 ? 0 : -1, open: true };
        rows.push(current);
      }
      continue;
    }
    const parts = text.split('\t').map((part) => part.trim());
    const cells: Cell[] = parts.map((part) => ({ texts: part === '' ? [] : [part], lines: [i] }));
    if (current && current.open && current.cells[current.cells.length - 1].texts.length > 0) {
      // The TAB after the block was dropped: the row goes on where it fits.
      let from = current.column + 1;
      if (current.column === -1) {
        from = -1;
        for (let c = 0; c < width; c++)
          if (kinds[c] === 'block' && fits(kinds, c + 1, parts)) {
            from = c + 1;
            break;
          }
      }
      if (fits(kinds, from, parts)) {
        for (const cell of cells) current.cells.push(cell);
        current.column = from + parts.length - 1;
        current.open = current.column < width - 1 && kinds[current.column] === 'block';
        continue;
      }
    }
    let from = width - parts.length;
    // A trailing TAB with a line of cells after it: the row's last cell, empty, not a block's opening.
    //   > | 農業用地作農業使用證明書之核發。\t配合上級農林漁牧業調查作業…\t
    //                                                                  ^ the empty budget
    //   > | 農業用地作農業設施容許使用申請同意書之核發。\t
    const opens = !(i + 1 < end && lines[i + 1].text.includes('\t'));
    for (let c = 0; c + parts.length <= width; c++)
      if (fits(kinds, c, parts, opens)) {
        from = c;
        break;
      }
    const leader = current ? handOver(current, kinds, numberedLeaders && from > 0 && kinds[from - 1] === 'block' ? from - 1 : null) : null;
    if (leader) cells.unshift(leader);
    current = { cells, column: Math.max(from, 0) + parts.length - 1, open: false };
    current.open = current.column < width - 1 && kinds[current.column] === 'block';
    rows.push(current);
  }
  if (current) handOver(current, kinds, null);
  return rows.map((row) => {
    const cells = row.cells.map((cell) => cell.texts.join('\n'));
    for (let c = Math.max(row.column, 0); c < width - 1; c++) cells.push('');
    const indexes = row.cells.flatMap((cell) => cell.lines).sort((a, b) => a - b);
    return { cells, lines: indexes.filter((index, k) => k === 0 || indexes[k - 1] !== index), guessed: false };
  });
}

/** The first body row's first cell when it is a block (its first line). */
function leadingText(lines: readonly Line[], start: number, end: number): string | null {
  for (let i = start; i < end; i++) if (lines[i].role === 'content') return lines[i].text.includes('\t') ? null : lines[i].text.trim();
  return null;
}

/**
 * Before the next row starts, the open block of the row above gives back
 * what was not its paragraphs: its last paragraph when the next row can
 * start with a block cell (`leaderColumn`) and it is numbered like the
 * first row's (the next row's category: returned), then a short value when
 * one plain column is left after the block (the budget at the row's end).
 *
 *   > | 受理農民災害申報，會同主管機關實地農災勘查。
 *   > | 二、工商財稅業務
 *       ^ numbered like `一、貫徹農地農用政策`: the next row's category
 *   > | 財稅業務\t
 */
function handOver(row: BuildingRow, kinds: readonly Kind[], leaderColumn: number | null): Cell | null {
  if (!row.open) return null;
  row.open = false;
  const block = row.cells[row.cells.length - 1];
  let leader: Cell | null = null;
  if (leaderColumn !== null && block.texts.length >= 2 && HEADING_ORDINAL.test(block.texts[block.texts.length - 1])) {
    leader = { texts: [block.texts.pop()!], lines: [block.lines.pop()!] };
  }
  if (row.column >= 0 && row.column === kinds.length - 2 && block.texts.length >= 2 && valueLike(block.texts[block.texts.length - 1])) {
    row.cells.push({ texts: [block.texts.pop()!], lines: [block.lines.pop()!] });
    row.column++;
  }
  return leader;
}
