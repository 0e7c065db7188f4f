/**
 * Stacked blocks: MuPDF's text output (`mutool draw -F txt`, `mutool convert
 * -F text`) writes a table row by row, one printed line per line, and groups
 * the lines of cells that stand close together on the page into one block.
 * A block is then a cell or several cells one over the other — an ordinal
 * over its strategy, a measure over the row's targets — but a blank line
 * only ever falls between cells:
 *
 *   > | 推動美感教育課程及計畫
 *   > | 之校數
 *   > | 10
 *       ^^ the measure's block goes on with the row's targets
 *   > | 18
 *
 * (Poppler's reading-order text writes a cell per block, or cells side by
 * side on one line.)  Such a table is read as a cell per line, like the
 * flattened reader's text, with every block's last line a known cell end.
 */
import type { Line } from '../types.js';
import { isValueToken, OPERATOR } from './flattened-cells.js';
import type { Paragraph } from './reading-order-cells.js';

const LONE_ORDINAL = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})$/u;

/**
 * A block opening with a strategy's ordinal and the first line of its text,
 * printed side by side on one line: the ordinal is a cell of its own.
 *
 *   > | 一 落實美感教育
 *       ^
 */
const ORDINAL_BESIDE_TEXT = /^([一二三四五六七八九十]{1,3})[ \u3000]+([^ \u3000\d].*)$/u;

/** Is this line a lone ordinal or a whole target value? */
function kindOf(text: string): 'ordinal' | 'value' | 'text' {
  if (LONE_ORDINAL.test(text)) return 'ordinal';
  return isValueToken(text) ? 'value' : 'text';
}

/**
 * Do the blocks stack cells?  Count the blocks where an ordinal line is
 * followed by text, or a text line by a value line; reading-order text
 * (a cell per block) has next to none.  `headerStacked`: the header's
 * cells stood in one block, a cell per line.
 *
 *   > | 一
 *       ^ then `推動嘉義市鐵路` in the same block: stacked
 *   > | 推動嘉義市鐵路
 */
export function isStacked(blocks: readonly Paragraph[], headerStacked = false): boolean {
  let stacked = 0;
  let underOrdinal = 0;
  let multi = 0;
  let besideText = 0;
  for (const block of blocks) {
    // An ordinal beside its strategy's first line (MuPDF, pdfminer; not Poppler).
    if (ORDINAL_BESIDE_TEXT.test(block.texts[0])) besideText++;
    if (block.texts.length < 2) continue;
    multi++;
    let previous = kindOf(block.texts[0]);
    for (let k = 1; k < block.texts.length; k++) {
      const kind = kindOf(block.texts[k]);
      if ((previous === 'ordinal' && kind === 'text') || (previous === 'text' && kind === 'value')) {
        stacked++;
        if (previous === 'ordinal') underOrdinal++;
        break;
      }
      previous = kind;
    }
  }
  // Reading-order text never puts a lone ordinal over text in one block.
  // With the header's cells stacked in one block too, it is MuPDF's.
  return underOrdinal >= 2 || (headerStacked && besideText >= 2) || (stacked >= 3 && stacked * 4 >= multi);
}

/**
 * The lines of stacked blocks, one cell piece per line, and the indexes of
 * the lines a cell surely ends on (each block's last).  A target wrapped
 * in its narrow column is joined back: a piece that is no value alone
 * (`人次`, `萬`, `件` — in the same block or the next), a number cut in its
 * digits (`2,00` / `0`, `≧10` / `00`), a comparison sign, or — when the run
 * of value lines is longer than the row has years — a piece starting with
 * `0` after a number (`10` / `0%`).  A text line with a value or an ordinal
 * under it ends its cell.
 */
export function stackedLines(blocks: readonly Paragraph[], lines: readonly Line[], years: number): { body: Line[]; ends: Set<number> } {
  const body: Line[] = [];
  const ends = new Set<number>();
  const runs = valueRuns(blocks);
  let at = 0;
  /** The body line a value piece last went on in (`…≧12` + `00`). */
  let grown = -1;
  for (const block of blocks) {
    const from = body.length;
    for (let k = 0; k < block.texts.length; k++, at++) {
      const line = lines[block.lines[k]];
      const ordinal = k === 0 ? ORDINAL_BESIDE_TEXT.exec(block.texts[k]) : null;
      if (ordinal) body.push({ ...line, text: ordinal[1] });
      const text = ordinal ? ordinal[2] : block.texts[k];
      const last = body.length > 0 ? body[body.length - 1] : null;
      // A block of two value lines in a run longer than the row's years is one wrapped target (`≧9` / `1%`).
      const wrappedCell = block.texts.length === 2 && k === 1 && runs[at] > years && kindOf(block.texts[0]) !== 'text' && isValueToken(block.texts[0] + text);
      const joins = last !== null && (wrappedCell || (body.length > from ? continuesValue(last.text, text, runs[at] > years) : continuesAcross(last.text, text)));
      if (last && joins) {
        body[body.length - 1] = { ...last, text: last.text + text };
        if (body.length - 1 < from) ends.delete(last.index);
        continue;
      }
      // A text line with a value or an ordinal under it in the same block: the text's cell ends there.
      if (last && body.length > from && kindOf(last.text) === 'text' && kindOf(text) !== 'text') {
        //   > | 申請展覽次數/12×10      財產管理及處分收入達1,      平均每月電話進線數≧12      …扣繳件數）×
        //   > | 0%                      000萬元以上                 00                         100%
        //       ^ the measure's formula or sentence goes on
        // (Once: the line it made is a value's end, not a cut.)
        if (grown !== body.length - 1 && ((/(?:[×xX*/≧≦≥≤<>][0-9]+|[0-9],[0-9]{0,2})$/u.test(last.text) && /^0/u.test(text)) || /[×*/÷]$/u.test(last.text))) {
          body[body.length - 1] = { ...last, text: last.text + text };
          grown = body.length - 1;
          continue;
        }
        ends.add(last.index);
      }
      body.push(text === line.text ? line : { ...line, text });
      // Lines under it in its block are the row's other cells: the strategy fit on its line.
      if (ordinal && block.texts.length > 1) ends.add(line.index);
    }
    const end = body[body.length - 1];
    if (body.length > from && !isCutNumber(end.text)) ends.add(end.index);
  }
  return { body, ends };
}

/** For every line of the blocks, in order: the length of the run of value lines it stands in (0: not a value). */
function valueRuns(blocks: readonly Paragraph[]): number[] {
  const runs: number[] = [];
  for (const block of blocks) for (const text of block.texts) runs.push(isValueToken(text) ? 1 : 0);
  for (let k = 0; k < runs.length; ) {
    if (runs[k] === 0) {
      k++;
      continue;
    }
    let e = k;
    while (e < runs.length && runs[e] > 0) e++;
    runs.fill(e - k, k, e);
    k = e;
  }
  return runs;
}

/** A value goes on past a block's end only with a piece that cannot stand alone (`件`, `00`) or after a cut number. */
function continuesAcross(before: string, piece: string): boolean {
  if (!isValueToken(before + piece)) return false;
  return isCutNumber(before) || /^0[0-9]/u.test(piece) || (isValueToken(before) && !isValueToken(piece) && !LONE_ORDINAL.test(before));
}

/**
 * A number cut inside its digits by the line end: a comma group short of
 * three digits, or a decimal point with nothing after it.
 *
 *   > | 2,00        36.
 *          ^^         ^
 */
function isCutNumber(text: string): boolean {
  return /^[≧≦≥≤<>＜＞]?[0-9][0-9,]*(?:,[0-9]{0,2}|[0-9]\.)$/u.test(text);
}

//   > | 10          2,00        1000        ≧        ≧10
//   > | 0%          0           人次        30       00
//       ^ a piece of the value above
function continuesValue(before: string, piece: string, zeroJoins: boolean): boolean {
  if (!isValueToken(before + piece)) return false;
  if (isCutNumber(before)) return true;
  if (!isValueToken(before) && !OPERATOR.test(before)) return false;
  // `00`, `000`: digits after a leading zero are never a value of their own.
  if (OPERATOR.test(before) || !isValueToken(piece) || /^0[0-9]/u.test(piece)) return true;
  return zeroJoins && /^0/u.test(piece) && /[0-9]$/u.test(before) && before !== '0';
}

