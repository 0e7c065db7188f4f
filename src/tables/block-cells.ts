/**
 * Reading-order text whose blocks hold several cells (MuPDF's `mutool draw
 * -F txt` / `mutool convert -F text`: lines that stand close are one block,
 * whichever cells they belong to).  A category cell of one line and the
 * first lines of the cells beside it come out as one block:
 *
 *   > | 二、工商財稅業務
 *       ^ shorter than its column's lines: the cell ends here
 *   > | 財稅業務
 *   > | 申請農業用地作農業設施容許使用者，檢
 *       ^ wider than the line above: a new cell (a wrapped cell's lines fill its column)
 *   > | 附相關證明文件經市府、農田水利署、環
 *
 * This reader gives the reading-order reader those blocks split into
 * cells: a break after a heading (`一、`, `(一)`, `壹、`) narrower than the
 * widest heading of its style in the table (so shorter than its column:
 * not wrapped), and after it wherever a line is wider than the one above by
 * more than a character's kerning.  Headings of a narrow column wrap at its
 * width (`肆、會` / `計部門`): as wide as the others, they stay.
 */
import type { Line, RawTable, TableReader } from '../types.js';
import { width } from './flattened-cells.js';
import { readingOrderReader } from './reading-order.js';

//   > | (六)公務統計
//       ^^^^ a heading ordinal, by style
const HEADING_STYLES: readonly RegExp[] = [/^[一二三四五六七八九十]+、/u, /^[(（][一二三四五六七八九十]+[)）]/u, /^[壹貳參肆伍陸柒捌玖拾]+、/u];

/** Lines wider than the one above by at least this (full-width characters) start a new cell. */
const WIDER = 2;

function headingStyle(text: string): number {
  for (let s = 0; s < HEADING_STYLES.length; s++) if (HEADING_STYLES[s].test(text)) return s;
  return -1;
}

/** Line indexes in [start, end) before which a block breaks into another cell. */
export function cellBreaks(lines: readonly Line[], start: number, end: number): number[] {
  const widest = [0, 0, 0];
  for (let i = start; i < end; i++) {
    const text = lines[i].text.trim();
    const style = headingStyle(text);
    if (style >= 0 && !/\s/u.test(text)) widest[style] = Math.max(widest[style], width(text));
  }
  const breaks: number[] = [];
  for (let i = start; i < end; i++) {
    const text = lines[i].text.trim();
    const blockStart = i === start || lines[i - 1].role !== 'content' || lines[i - 1].text.trim() === '';
    if (!blockStart || lines[i].role !== 'content') continue;
    const style = headingStyle(text);
    if (style < 0 || /\s/u.test(text) || width(text) > widest[style] - 1) continue;
    // A complete heading with more lines in its block: those are other cells.
    let j = i + 1;
    if (j >= end || lines[j].role !== 'content' || lines[j].text.trim() === '') continue;
    breaks.push(j);
    for (; j + 1 < end && lines[j + 1].role === 'content' && lines[j + 1].text.trim() !== ''; j++) {
      if (width(lines[j + 1].text.trim()) >= width(lines[j].text.trim()) + WIDER) breaks.push(j + 1);
    }
    i = j;
  }
  return breaks;
}

export const blockCellsReader: TableReader = {
  layout: 'reading-order',
  read(lines, start, limit, source) {
    const first = readingOrderReader.read(lines, start, limit, source);
    if (!first) return null;
    const breaks = cellBreaks(lines, start, first.end);
    // Nothing to split: the reading-order reader, next in the list, reads it as it is.
    if (breaks.length === 0) return null;
    // The same lines with a blank line at each break; `origin` maps them back.
    const split: Line[] = lines.slice(0, start);
    const origin: number[] = [];
    for (let i = 0; i < start; i++) origin.push(i);
    let b = 0;
    for (let i = start; i < limit; i++) {
      if (b < breaks.length && breaks[b] === i) {
        split.push({ ...lines[i], text: '', role: 'blank' });
        origin.push(i);
        b++;
      }
      split.push(lines[i]);
      origin.push(i);
    }
    const table = readingOrderReader.read(split, start, split.length, source);
    if (!table) return null;
    const back = (index: number): number => (index >= origin.length ? limit : origin[index]);
    return {
      ...table,
      start: back(table.start),
      end: back(table.end),
      rows: table.rows.map((row) => ({ ...row, lines: row.lines.map(back).filter((index, k, all) => k === 0 || all[k - 1] !== index) })),
    } satisfies RawTable;
  },
};
