/**
 * Cells that pdfminer's `pdf2txt` joined because they stand on one
 * baseline: a box of one line holding an ordinal and two cells side by
 * side, or a cell and the row's first target value, is split back into the
 * blocks the reading-order rows expect (one cell each).
 *
 *   > | 六 特色馬拉松活動 辦理1場次
 *       ^ ^^^^^^^^^^^^^^ ^^^^^^^^^ strategy ordinal, strategy, indicator
 *   > | 1 路燈故障時修護時效 1個工作天完成修護率
 *       ^ indicator ordinal, indicator, measure
 *   > | 新增剩餘車位資訊面板數 5
 *                            ^ the first target beside its measure
 */
import { isValueToken, width } from './flattened-cells.js';
import { lineParts, type Paragraph, pieceOf } from './reading-order-cells.js';

const CJK_ORDINAL = /^[一二三四五六七八九十]{1,3}$/u;
const SMALL_NUMBER = /^[0-9]{1,2}$/u;
const HAN = /\p{Script=Han}/u;

/** The block as pdfminer's cells: itself, or one block per cell of its one line. */
export function splitBaselineCells(block: Paragraph): Paragraph[] {
  if (block.texts.length !== 1) return [block];
  const words = block.texts[0].split(/\s+/u).filter((word) => word !== '');
  if (words.length < 2) return [block];
  const cells: string[] = [];
  let rest = words;
  if (CJK_ORDINAL.test(words[0]) || SMALL_NUMBER.test(words[0])) {
    const parts = lineParts(words.slice(1).join(' '));
    // An ordinal before one cell is read as it is (`一 落實美感教育`); before two, the cells are apart.
    if (parts.length < 2 || !parts.every((part) => HAN.test(part))) return [block];
    if (CJK_ORDINAL.test(words[0])) cells.push(`${words[0]} ${parts[0]}`);
    else cells.push(words[0], parts[0]);
    for (const part of parts.slice(1)) cells.push(part);
    rest = [];
  } else if (words.length === 2 && HAN.test(words[0]) && !HAN.test(words[1]) && isValueToken(words[1])) {
    cells.push(words[0], words[1]);
    rest = [];
  }
  if (cells.length === 0 || rest.length > 0) return [block];
  return cells.map((text, k) => ({ lines: block.lines, texts: [text], pageStart: k === 0 && block.pageStart, ...(k === 0 && block.pageTop ? { pageTop: true } : {}) }));
}

const LEAD_ORDINAL = /^[一二三四五六七八九十]{1,3} \p{Script=Han}/u;

/**
 * The last line of a strategy cell taller than its row, which pdfminer
 * boxes apart and writes after the row's targets: a one-line text right
 * after a full run of target values, before the next strategy (or the
 * table's end), goes back to the end of the strategy text it continues.
 *
 *   > | 一 提高大眾運輸使
 *   > | 提昇市區公車搭乘率
 *   > | 公車搭乘人次增加率
 *   > | 20% 20% 0% 5%
 *   > | 用率
 *       ^^^^ the strategy's last line
 *   > | 二 建置公共自行車
 */
export function joinStrategyTails(blocks: readonly Paragraph[], years: number): Paragraph[] {
  const out: Paragraph[] = [];
  let strategy = -1;
  let values = 0;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    if (LEAD_ORDINAL.test(block.texts[0])) {
      strategy = out.length;
      values = 0;
      out.push(block);
      continue;
    }
    const piece = pieceOf(block);
    if (piece.kind === 'values') values += piece.values.length;
    else if (piece.kind === 'number') values++;
    const next = blocks[k + 1];
    const tail =
      piece.kind === 'text' &&
      strategy >= 0 &&
      values === years &&
      block.texts.length === 1 &&
      !block.pageStart &&
      (next === undefined || LEAD_ORDINAL.test(next.texts[0])) &&
      width(block.texts[0]) < width(out[strategy].texts[0]);
    if (!tail) {
      out.push(block);
      continue;
    }
    const head = out[strategy];
    out[strategy] = { ...head, lines: [...head.lines, ...block.lines], texts: [...head.texts, block.texts[0]] };
    strategy = -1;
  }
  return out;
}
