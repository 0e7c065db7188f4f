import { parseMarker } from '../markers.js';
import { displayWidth } from '../width.js';
import { cellLevels, sharesRowAbove } from './aligned-cell-levels.js';

/**
 * Rows of the merged (spanning) cells of a report table read from
 * space-aligned text: labels per row, a map from row index to label text.
 */

/**
 * Merged cells nest (類 over 項 over 目): a cell of one level starts a cell of
 * the level under it, so the first label under it that stands on a later row
 * (a label centred in its span, LibreOffice) moves up to the row it starts.
 *
 *   > | 柒 、         (一)印信典守      各種公文監印，…
 *       ^^^^ 類 starts here: so do 項 `一、一般行政` (printed lines below) and 目
 *   > |       一 、                2. 檔案清理：
 */
export function nestSpanningLabels(levels: readonly Map<number, string>[]): void {
  for (let k = 0; k + 1 < levels.length; k++) {
    const upper = [...levels[k].keys()].sort((a, b) => a - b);
    const lower = levels[k + 1];
    const keys = [...lower.keys()].sort((a, b) => a - b);
    let q = 0;
    for (let u = 0; u < upper.length; u++) {
      const row = upper[u];
      const next = u + 1 < upper.length ? upper[u + 1] : Infinity;
      while (q < keys.length && keys[q] < row) q++;
      if (q >= keys.length || keys[q] === row || keys[q] >= next) continue;
      lower.set(row, lower.get(keys[q])!);
      lower.delete(keys[q]);
      keys[q] = row;
    }
  }
}

/** Lines without text inside one merged cell: a centred cell's lines stand apart, interleaved with its neighbours'. */
const SPANNING_GAP = 4;

interface LabelBlock {
  start: number;
  end: number;
  parts: string[];
}

/**
 * Rows of a merged (spanning) column's labels.  `texts[i]` is the column's
 * text on body line i (null when empty), `pages[i]` its page, `starts` the
 * first line of each table row and `keyOrdinals[r]` the number the row's key
 * cell starts with (`1.`, `(2)`; null without one).
 *
 * A label is a block of lines: it starts at a number (`一、`, `(二)`) or after
 * lines without text; a block without a number on a later page continues the
 * label before it when the labels are numbered (a merged cell cut by a page
 * break is centred on each page anew).
 *
 * A label belongs to the row it starts in, when top-aligned; centred on its
 * rows (LibreOffice), it stands lower, and its rows start where the key
 * cells' numbering restarts (`1.`, or no number) at or above it, after the
 * label before it.
 *
 *   > |            (二)區政管理   利用各項會議讓同仁瞭解市政脈動，…
 *   > |                          1. 依政府採購法、市府暨所屬機關學校、…
 *   > |            (三)事務管理   2. 109 年度綠色採購目標比例為 95%，…
 *                  ^ its rows start at `1.` above it
 *
 * A row whose key cell is an unnumbered sentence ending in a colon
 * (`leads[r]`) opens the numbered list under it: a label whose rows start at
 * that list's `1.` starts there.
 *
 * With `centred` (the outermost column of a table whose cells are centred),
 * an unnumbered label first on its page reaches as far above its middle as
 * below it (`centredTop`).
 */
export function spanningLabels(
  texts: readonly (string | null)[],
  pages: readonly number[],
  starts: readonly number[],
  keyOrdinals: readonly (number | null)[],
  centred = false,
  lowerOrdinals: readonly (number | null)[] | null = null,
  leads: readonly boolean[] | null = null,
): Map<number, string> {
  const found: LabelBlock[] = [];
  let current: LabelBlock | null = null;
  const opensLevel = cellLevels(texts, displayWidth);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (!text) continue;
    if (!current || i - current.end > SPANNING_GAP || parseMarker(text) !== null || opensLevel(current.parts, current.end, i)) found.push((current = { start: i, end: i, parts: [text] }));
    else {
      current.parts.push(text);
      current.end = i;
    }
  }
  const numbered = found.filter((block) => parseMarker(block.parts[0]) !== null).length * 2 >= found.length;
  const blocks: LabelBlock[] = [];
  for (const block of found) {
    const before = blocks[blocks.length - 1];
    if (numbered && before && parseMarker(block.parts[0]) === null && pages[block.start] !== pages[before.end]) {
      for (const part of block.parts) before.parts.push(part);
      before.end = block.end;
    } else blocks.push(block);
  }
  // The last row starting at or before the line (binary search).
  const rowOf = (line: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= line) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const topRows = blocks.map((block) => rowOf(block.start));
  // A label centred on its rows stands below their first: its rows start
  // where the key cells' numbering restarts, at or above it.
  const rows: number[] = [];
  for (let k = 0; k < blocks.length; k++) {
    let row = topRows[k];
    const floor = k > 0 ? rows[k - 1] + 1 : 0;
    if (lowerOrdinals) row = lowerRestart(lowerOrdinals, row, floor);
    else {
      while (row > floor && (keyOrdinals[row] ?? 1) > 1) row--;
      // An unnumbered sentence introducing the list (`辦理本所資訊安全業務：`) opens its rows.
      if (row > floor && keyOrdinals[row] === 1 && leads?.[row - 1]) row--;
      if (centred && row === topRows[k] && keyOrdinals[row] === null) row = Math.max(floor, centredTop(blocks, k, pages, texts.length, rowOf));
    }
    // A deeper label right under the one before is the same cell's (`一、一般行政` over `(一)自治行政管理`).
    if (k > 0 && sharesRowAbove(blocks[k - 1], blocks[k])) row = rows[k - 1];
    else row = Math.max(row, Math.min(floor, topRows[k]));
    rows.push(row);
  }
  const byRow = new Map<number, string[]>();
  blocks.forEach((block, k) => {
    const list = byRow.get(rows[k]) ?? [];
    list.push(joinLabelLines(block.parts));
    byRow.set(rows[k], list);
  });
  return new Map([...byRow].map(([r, list]) => [r, list.join('\n')]));
}

/**
 * A label over a nested column (類 over 項, 項 over 目), centred on its rows,
 * starts where the labels of the column under it restart their numbering,
 * at or above it: `lower[r]` is the ordinal of the lower label starting on
 * row r (1 for one without a number), null where none starts.  Rows whose
 * lower cell goes on from the row above (null) are passed; without a
 * restart before `floor` the label stays where it stands.
 *
 *   > |             (一)確實執行會計制度簡       ← (一): 二、會計's rows start here
 *   > |             (二)加強內部審核、公款 1. 嚴格執行內部審核。
 *   > |                                    2. 均於期限內完成款項支付。
 *   > |       二、會 (三)編製單位決算       依限完成 108 年度單位決算
 *               ^ centred on its rows
 */
function lowerRestart(lower: readonly (number | null)[], row: number, floor: number): number {
  for (let r = row; r >= floor; r--) {
    if (lower[r] === 1) return r;
  }
  return row;
}

/**
 * The first row of an unnumbered label centred on its rows, the first label
 * on its page: its rows reach as far above its middle line as below it (to
 * where the next label's text starts), back to the page's top lines (the
 * label before, on an earlier page, is cut at the break).
 *
 *   > |       後備軍人退伍作
 *       ^ the label's rows start here, eleven lines above it
 *   > | 四 、 管 免役、回役、除
 *   > | 理業務 役、禁役。
 */
function centredTop(blocks: readonly LabelBlock[], k: number, pages: readonly number[], count: number, rowOf: (line: number) => number): number {
  const block = blocks[k];
  if (k === 0 || pages[blocks[k - 1].end] === pages[block.start]) return rowOf(block.start);
  const end = k + 1 < blocks.length ? blocks[k + 1].start - 1 : count - 1;
  if (pages[end] !== pages[block.start]) return rowOf(block.start);
  let top = block.start + block.end - end;
  while (top < block.start && pages[top] !== pages[block.start]) top++;
  return rowOf(Math.max(0, top));
}

/**
 * A label's wrapped lines: CJK to CJK join without a space (the work-plan
 * reader takes `一、貫徹 農地農用政策` for a label and a sub-heading).
 *
 *   > | 一、貫徹       → 一、貫徹農地農用政策
 *   > | 農地農用
 *   > | 政策
 */
export function joinLabelLines(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    const joins = out !== '' && isIdeograph(out.charCodeAt(out.length - 1)) && isIdeograph(part.charCodeAt(0));
    out += out === '' || joins ? part : ` ${part}`;
  }
  return out;
}

/** An ideograph, not CJK punctuation (`、「` may stand apart inside a sentence). */
export function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
