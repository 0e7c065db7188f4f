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
import { lineTableOf } from '../line-table.js';
import type { Line, RawTable, SourceText, TableReader } from '../types.js';
import { isValueToken, width } from './flattened-cells.js';
import { readingOrderReader } from './reading-order.js';

//   > | (六)公務統計
//       ^^^^ a heading ordinal, by style
const HEADING_STYLES: readonly RegExp[] = [/^[一二三四五六七八九十]+、/u, /^[(（][一二三四五六七八九十]+[)）]/u, /^[壹貳參肆伍陸柒捌玖拾]+、/u];

/** Lines past the unedited table's end the edited one may still take. */
const LOOK_PAST = 256;

/** Lines wider than the one above by at least this (full-width characters) start a new cell. */
const WIDER = 2;

function headingStyle(text: string): number {
  for (let s = 0; s < HEADING_STYLES.length; s++) if (HEADING_STYLES[s].test(text)) return s;
  return -1;
}

/** What becomes of a line: the lines that stand for it (split, or preceded by a break), or none (a break dropped). */
export type CellEdits = Map<number, Line[]>;

//   > | 13,799
//       ^ an amount alone: the budget cell after the content's lines
const AMOUNT = /^[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?$/u;
//   > | 449(健保局
//   > |
//   > | 補助)
//       ^ the rest of a bracket left open: the same cell
const OPEN_VALUE = /^[0-9][0-9,.]*[(（][^)）]*$/u;
const CLOSING = /^[^(（]*[)）]$/u;
const STARTS_WITH_ORDINAL = /^(?:[0-9]+\s*[.．、]|[(（][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]+、)/u;

/** A block longer than this is not MuPDF's group of neighbouring lines (pdftotext's reading order runs a page together). */
const MAX_BLOCK = 16;

/**
 * MuPDF's shape: text in blocks of a few lines, many of more than one line
 * (pdfminer with a small line margin puts every line in a block of its
 * own; `pdftotext -raw` writes no blank line at all).
 */
function blockShaped(isTextAt: (i: number) => boolean, start: number, end: number, maxBlock = MAX_BLOCK): boolean {
  let blocks = 0;
  let multi = 0;
  let length = 0;
  for (let i = start; i <= end; i++) {
    if (i < end && isTextAt(i)) {
      length++;
      continue;
    }
    if (length > maxBlock) return false;
    if (length > 0) blocks++;
    if (length > 1) multi++;
    length = 0;
  }
  return blocks > 0 && multi * 3 >= blocks;
}

/**
 * In a KPI table, an indicator and its measure that share a baseline come
 * out as one line, with the targets after them in the same block:
 *
 *   > | 1
 *   > | 路燈故障時修護時效 1個工作天完成修護率
 *                         ^ one space after a CJK character: two cells
 *   > | 90%
 *       ^ values to the block's end: the targets, a block of their own
 */
function splitBeforeTargets(lines: readonly Line[], i: number, end: number, edits: CellEdits): void {
  const line = lines[i];
  const text = line.text.trim();
  const parts = text.split(/\s+/u);
  if (parts.length !== 2 || /[\x00-\x7f]$/u.test(parts[0]) || isValueToken(parts[1]) || countHan(parts[0]) < 2 || countHan(parts[1]) < 2 || !isText(lines[i + 1])) return;
  let j = i + 1;
  while (j < end && isText(lines[j]) && isValueToken(lines[j].text.trim())) j++;
  // The targets: two values or more, to the block's end.
  if (j < i + 3 || (j < end && isText(lines[j]))) return;
  const at = line.text.indexOf(parts[1], line.text.indexOf(parts[0]) + parts[0].length);
  edits.set(i, [{ ...line, text: parts[0] }, blank(line), { ...line, text: parts[1], offset: line.offset + at }]);
  edits.set(i + 1, [blank(lines[i + 1]), lines[i + 1]]);
}

function countHan(text: string): number {
  let count = 0;
  for (const char of text) if (/\p{Script=Han}/u.test(char)) count++;
  return count;
}

function blank(line: Line): Line {
  return { ...line, text: '', role: 'blank' };
}

function isText(line: Line | undefined): line is Line {
  return line !== undefined && line.role === 'content' && line.text.trim() !== '';
}

/**
 * The edits that split the blocks of lines [start, end) into cells.  In a
 * work plan (`budgets`), an amount at a block's end is a cell of its own and
 * an amount whose bracket a block break cut is joined again.  MuPDF also
 * joins two cells that share a baseline with a space; their second cell's
 * other lines then make the next block:
 *
 *   > | 四、社會福利與救助 推行身心障礙者福利，加
 *                        ^ a heading, then the cell beside it
 *   > |
 *   > | 強身心障礙福利服務工
 *       ^ no wider than that cell's line: its next lines
 */
export function cellEdits(lines: readonly Line[], start: number, end: number, budgets = false): CellEdits {
  const edits: CellEdits = new Map();
  if (!blockShaped((i) => isText(lines[i]), start, end)) return edits;
  const widest = [0, 0, 0];
  for (let i = start; i < end; i++) {
    const text = lines[i].text.trim();
    const style = headingStyle(text);
    if (style >= 0 && !/\s/u.test(text)) widest[style] = Math.max(widest[style], width(text));
  }
  const breakBefore = (i: number) => edits.set(i, [blank(lines[i]), lines[i]]);
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (!isText(line)) continue;
    const text = line.text.trim();
    const blockStart = i === start || !isText(lines[i - 1]);
    if (budgets && !blockStart && AMOUNT.test(text) && !isText(lines[i + 1])) breakBefore(i);
    if (budgets && OPEN_VALUE.test(text) && !isText(lines[i + 1]) && i + 2 < end && lines[i + 1].role === 'blank' && isText(lines[i + 2]) && CLOSING.test(lines[i + 2].text.trim())) {
      edits.set(i + 1, []);
    }
    if (!budgets && !blockStart && !edits.has(i)) splitBeforeTargets(lines, i, end, edits);
    if (!blockStart) continue;
    const style = headingStyle(text);
    if (style < 0) continue;
    const space = text.search(/\s/u);
    // A space between two CJK characters: MuPDF's join of two spans (`(八)e 化管理系統` is one cell).
    // A line alone in its block with one such join (pdftotext's reading-order text joins
    // the first lines of a row's cells the same way, its next lines following without a break).
    const joined = space > 0 && /[^\x00-\x7f]\s+[^\x00-\x7f]/u.test(text.slice(space - 1, space + 3));
    if (joined && (isText(lines[i + 1]) || /\s/u.test(text.slice(space).trim()))) continue;
    if (joined) {
      // A heading and the cell beside it on one line.
      const head = text.slice(0, space);
      const rest = text.slice(space).trim();
      if (width(head) <= 2 || rest === '' || STARTS_WITH_ORDINAL.test(rest)) continue;
      const at = line.text.indexOf(rest);
      edits.set(i, [{ ...line, text: head }, blank(line), { ...line, text: rest, offset: line.offset + at }]);
      // Its next lines after a break: joined when no wider than it.
      if (i + 2 < end && lines[i + 1].role === 'blank' && isText(lines[i + 2]) && width(lines[i + 2].text.trim()) <= width(rest) + 0.5 && !STARTS_WITH_ORDINAL.test(lines[i + 2].text.trim())) {
        edits.set(i + 1, []);
      }
      continue;
    }
    if (!isText(lines[i + 1]) || i + 1 >= end) continue;
    // A complete heading: narrower than the widest of its style, or than the line after it.
    const complete = width(text) <= widest[style] - 1 || width(lines[i + 1].text.trim()) >= width(text) + WIDER;
    if (!complete) continue;
    breakBefore(i + 1);
    let j = i + 1;
    for (; j + 1 < end && isText(lines[j + 1]); j++) {
      if (width(lines[j + 1].text.trim()) >= width(lines[j].text.trim()) + WIDER) breakBefore(j + 1);
    }
  }
  return edits;
}

const blockShapedSources = new WeakMap<SourceText, boolean>();

export const blockCellsReader: TableReader = {
  layout: 'reading-order',
  read(lines, start, limit, source) {
    // Looked at once per text (its prose may hold long blocks; each table is looked at again).
    let shaped = blockShapedSources.get(source);
    if (shaped === undefined) {
      // Through the line table: the lines array may hold only this document's objects.
      const table = lineTableOf(lines);
      const isTextAt = (i: number) => table.roleOf(i) === 'content' && table.textOf(i).trim() !== '';
      blockShapedSources.set(source, (shaped = blockShaped(isTextAt, 0, table.length, Number.POSITIVE_INFINITY)));
    }
    if (!shaped) return null;
    const first = readingOrderReader.read(lines, start, limit, source);
    if (!first) return null;
    const budgets = first.header.some((label) => /預算|經費/u.test(label));
    const edits = cellEdits(lines, start, first.end, budgets);
    // Nothing to split: the table as the reading-order reader reads it.
    if (edits.size === 0) return first;
    // The table's lines (and a bounded look past them), edited, renumbered from 0
    // (readers keep a line's `index`); `origin` maps them back.
    const windowEnd = Math.min(limit, first.end + LOOK_PAST);
    const split: Line[] = [];
    const origin: number[] = [];
    for (let i = start; i < windowEnd; i++) {
      for (const line of edits.get(i) ?? [lines[i]]) {
        split.push({ ...line, index: split.length });
        origin.push(i);
      }
    }
    const table = readingOrderReader.read(split, 0, split.length, source);
    if (!table) return null;
    const back = (index: number): number => (index >= origin.length ? windowEnd : origin[index]);
    return {
      ...table,
      start: back(table.start),
      end: back(table.end),
      rows: table.rows.map((row) => ({ ...row, lines: row.lines.map(back).filter((index, k, all) => k === 0 || all[k - 1] !== index) })),
    } satisfies RawTable;
  },
};
