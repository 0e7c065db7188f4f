/**
 * Work-plan tables in content-stream order (`pdftotext -raw`): the PDF
 * draws a table cell by cell, row by row — 機關工作項目 (on the first row of
 * its span), 重要工作計畫項目, 實施內容, 預算金額 — and the extractor writes
 * each cell's lines one after the other.  Two cells share a line only when
 * the first one's last line stands on the second one's first baseline (a
 * one-line cell beside a top-aligned neighbour): then a space parts them.
 *
 *   > | 一、組織編制及任免        (category, wrapped: its first line fills the column)
 *   > | 遷調
 *   > | 依據中央訂頒之各類職稱    (item: every line but its last fills the column)
 *   > | 則，辦理編制及人力調
 *   > | 配。
 *   > | 1. 為健全機關組織，合理配置員額，依據   (content: a wider column)
 *   > | 人力。
 *   > | 貫徹考試用人政策。 1. 為健全機關組織，合理配置員額，依據
 *                         ^ a one-line item and the content beside it
 *
 * So the rows come back from the order of the cells: a cell goes on while
 * its lines fill their column, and the next line starts the next cell — the
 * next column of the row, or after the content (or the budget) the next
 * row.  LibreOffice Writer's PDFs give the same order with justified lines
 * spaced out (`一 、 組 織 編`) and the budget wrapped in its narrow cell
 * (`市府統` / `籌款`).
 */
import { parseMarker } from '../markers.js';
import type { Line, RawRow } from '../types.js';
import { width } from './flattened-cells.js';
import { commonWidth, joinLines } from './reading-order-cells.js';
import { linesPosition } from '../lines.js';

/** A body line of the table: its index, its text, whether a page break stands before it. */
export interface StreamLine {
  line: number;
  text: string;
  pageStart: boolean;
}

const CATEGORY = 0;
const ITEM = 1;
const CONTENT = 2;
const BUDGET = 3;

//   > | 13,799     449(健保局補助)     市府統籌款
//       ^^^^^^     ^^^^^^^^^^^^^^     ^^^^^^^^^^ a budget cell
const BUDGET_CELL = /^(?:[0-9][0-9,]*(?:\.[0-9]+)?(?:[(（][^()（）]{1,12}[)）])?|\p{Script=Han}{0,4}(?:統籌|自籌|補助|經常門)\p{Script=Han}{0,3})$/u;

//   > | 449(健保局      (a budget cut by its narrow cell: the bracket still open)
//       ^^^^^^^^^^
const OPEN_BUDGET = /^[0-9][0-9,]*(?:\.[0-9]+)?[(（][^()（）]{0,12}$/u;

/** Lines a wrapped budget cell takes at most (`449(健保` / `局補助)`). */
const BUDGET_LINES = 3;

//   > | 1. 為健全機關組織   (1) 第5類人口   2.遴選公務人員
//       ^^                  ^^^             ^^ a numbered entry of the content column
const LIST_ENTRY = /^(?:[0-9]{1,2}[.．、]|[(（][0-9]{1,2}[)）])/u;

/** Punctuation the column's width pushed onto a line of its own (`認定」` / `。`). */
const PUNCTUATION_ONLY = /^[。，、；：」）)]+$/u;

const HAN = /\p{Script=Han}/u;

/**
 * A line that Writer justified: its characters spaced out, every word one
 * character (all but one at most).
 *
 *   > | 員 服 務 品 質 及 敬 業 精
 *       ^ ^ ^ one cell's line, not cells side by side
 */
export function unjustify(text: string): string {
  const words = text.trim().split(/\s+/u);
  const single = words.filter((word) => [...word].length === 1).length;
  return single >= 3 && single >= words.length - 1 ? words.join('') : text.trim();
}

/**
 * Where a line parts into cells: a space after CJK text (or its closing
 * punctuation) before a word that can start a cell — CJK text, an opening
 * bracket with CJK in it, a numbered entry, or a budget ending the line.  A
 * number inside a sentence (`辦理 112 年度`, Writer's spacing) starts none.
 */
function splitCells(text: string): string[] {
  const words = text.split(/\s+/u).filter((word) => word !== '');
  const parts: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    const previous = parts[parts.length - 1];
    const last = k === words.length - 1;
    const starts =
      previous !== undefined &&
      /[\p{Script=Han}，、。；：」）)]$/u.test(previous) &&
      !LIST_WORD.test(previous) &&
      // A lone character is a justified line's (`辦理 112 年度 後`), not a cell's start.
      ((HAN.test(word[0] ?? '') && [...word].length > 1) || (/^[「（(]/u.test(word) && HAN.test(word)) || LIST_ENTRY.test(word) || (last && BUDGET_CELL.test(word) && /^[0-9]/u.test(word)));
    if (starts || previous === undefined) parts.push(word);
    else parts[parts.length - 1] = `${previous} ${word}`;
  }
  return parts;
}

/** A numbered entry's marker alone (`1.`, `(1)`): its text follows after the space. */
const LIST_WORD = /^(?:[0-9]{1,2}[.．、]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)$/u;

/** A category label starts with a CJK ordinal: `一、`, `壹、`, `(二)`. */
function isCategoryStart(text: string): boolean {
  const style = parseMarker(text)?.style;
  return style === 'cjk' || style === 'cjk-formal' || style === 'cjk-paren';
}

interface Widths {
  category: number;
  item: number;
  content: number;
}

/**
 * The columns' widths: every line of a wrapped cell but its last fills its
 * column, so the widths of lines that are not a cell's last peak at the
 * content column's (the most lines) and, lower, at the item column's; the
 * category column is as wide as its labels' widest first line.
 */
function learnWidths(lines: readonly string[][]): Widths {
  const histogram = new Map<number, number>();
  // Work plans repeat one content cell on many rows: each distinct line counts once.
  const seen = new Set<string>();
  let category = 0;
  for (let k = 0; k < lines.length; k++) {
    const parts = lines[k];
    if (parts.length === 0) continue;
    const first = parts[0];
    const style = parseMarker(first)?.style;
    if (style === 'cjk' || style === 'cjk-formal') category = Math.max(category, width(first));
    // The last part of a line may go on below; the others end their cells.
    const part = parts[parts.length - 1];
    if (seen.has(part)) continue;
    seen.add(part);
    histogram.set(width(part), (histogram.get(width(part)) ?? 0) + 1);
  }
  // The content column is the widest: its full lines peak near the widest lines seen (a stray longer line aside).
  let widest = 0;
  for (const [key, n] of histogram) if (n >= 2 && key > widest) widest = key;
  const content = commonWidth(new Map([...histogram].filter(([key]) => key >= widest - 3)));
  // The item column lies between the category column (Writer's may be narrow: `一 、 貫 徹`) and the content's.
  const narrower = new Map<number, number>();
  for (const [key, n] of histogram) if (key <= content - 3 && key >= Math.max(4, category)) narrower.set(key, n);
  const item = commonWidth(narrower) || content;
  return { category: category || item - 2, item, content };
}

interface StreamDraft {
  cells: [string[], string[], string[], string[]];
  lines: number[];
}

/**
 * Rebuild the rows of a work-plan table from its body lines in content-stream
 * order (repeated headers and page numbers left out).
 */
export function buildStreamWorkRows(body: readonly StreamLine[], lines: readonly Line[]): RawRow[] {
  const split = body.map((entry) => splitCells(unjustify(entry.text)));
  const widths = learnWidths(split);
  const cap = [widths.category, widths.item, widths.content, Infinity];
  const fits = (column: number, text: string) => width(text) <= cap[column] + 0.5;
  // A line one short of its column still fills it: the next character may not start a line (`訓` / `練、`).
  const full = (column: number, text: string) => width(text) >= cap[column] - 1.5;
  const drafts: StreamDraft[] = [];
  /** The row being read: the last draft. */
  const current = (): StreamDraft => drafts[drafts.length - 1];
  let column = -1;
  /** The last part placed: its text. */
  let last = '';
  const start = (at: number) => {
    drafts.push({ cells: [[], [], [], []], lines: [] });
    column = at;
  };
  const place = (text: string, line: number) => {
    const draft = current();
    draft.cells[column].push(text);
    // Lines come in order: a line already taken is the last one.
    if (draft.lines[draft.lines.length - 1] !== line) draft.lines.push(line);
    last = text;
  };
  const newRow = (text: string) => start(isCategoryStart(text) ? CATEGORY : ITEM);
  for (let k = 0; k < split.length; k++) {
    const parts = split[k];
    const line = body[k].line;
    if (parts.length === 0) continue;
    const first = parts[0];
    // The budget: a cell on a line of its own after the content, maybe wrapped.
    const budgetLines = drafts.length > 0 && column >= ITEM && parts.length === 1 ? budgetAhead(split, k) : 0;
    if (budgetLines > 0) {
      column = BUDGET;
      for (let j = k; j < k + budgetLines; j++) place(split[j][0], body[j].line);
      k += budgetLines - 1;
      continue;
    }
    if (drafts.length === 0) newRow(first);
    else if (PUNCTUATION_ONLY.test(first) && column >= 0) {
      // `。` pushed under its cell's last line: the same cell.
    } else if (column === CATEGORY) {
      if (!(full(CATEGORY, last) && fits(CATEGORY, first) && !isCategoryStart(first))) column = ITEM;
    } else if (column === ITEM) {
      const goesOn = full(ITEM, last) && !/[。；;]$/u.test(last) && fits(ITEM, first);
      if (!goesOn) {
        if (isCategoryStart(first) && !LIST_ENTRY.test(first)) newRow(first);
        // The item's end topped a page after its content: a line that fits the item column is the next row's.
        else if (current().cells[CONTENT].length > 0 && fits(ITEM, first) && !LIST_ENTRY.test(first)) newRow(first);
        else column = CONTENT;
      }
    } else if (column === CONTENT && body[k].pageStart && itemOpen(current(), cap) && fits(ITEM, first) && !LIST_ENTRY.test(first) && !isCategoryStart(first)) {
      // The item cut by a page break: its next line tops the next page, before the content's.
      column = ITEM;
    } else if (column === CONTENT) {
      const goesOn = full(CONTENT, last) && !(/[。；;]$/u.test(last) && fits(ITEM, first) && !LIST_ENTRY.test(first));
      if (!goesOn && fits(ITEM, first) && nextNumber(current().cells[ITEM][0], first)) newRow(first);
      else if (!goesOn && !LIST_ENTRY.test(first) && (fits(ITEM, first) || isCategoryStart(first))) {
        newRow(first);
      }
    } else if (column === BUDGET) {
      // After the budget: the next row, or the content's lines the page break put after it.
      if (fits(ITEM, first) && nextNumber(current().cells[ITEM][0], first)) newRow(first);
      else if (!(fits(ITEM, first) || isCategoryStart(first)) || LIST_ENTRY.test(first)) column = CONTENT;
      else newRow(first);
    }
    place(first, line);
    for (let p = 1; p < parts.length; p++) {
      const part = parts[p];
      // Cells beside each other on one line: the next column; only a budget stands right of the content.
      if (column < CONTENT) column++;
      else if (column === CONTENT && p === parts.length - 1 && BUDGET_CELL.test(part)) column = BUDGET;
      else {
        const cell = current().cells[column];
        cell[cell.length - 1] += ` ${part}`;
        last = cell[cell.length - 1];
        continue;
      }
      place(part, line);
    }
  }
  return drafts.map((draft) => {
    const sorted = draft.lines;
    const cells = draft.cells.map((cell, i) => (i === BUDGET ? cell.join('') : joinLines(cell)));
    return { cells, position: linesPosition(lines, sorted[0], sorted[sorted.length - 1] + 1), lines: sorted };
  });
}

//   > | 1. 辦理孤苦無依老人救      (this row's item)
//   > | 2. 受理第二、三款低收入戶就讀高中職以   (content: too wide for the item column)
//   > | 2. 中低老人生活津貼。 1. 受理第二、三款低收入戶兒童按月發放
//       ^^ the next number of the item column's list: the next row's item
/** The line starts the entry numbered after this row's item. */
function nextNumber(item: string | undefined, text: string): boolean {
  const previous = item === undefined ? null : NUMBER.exec(item);
  const next = NUMBER.exec(text);
  return previous !== null && next !== null && Number(next[1]) === Number(previous[1]) + 1;
}

const NUMBER = /^([0-9]{1,2})[.．、]/u;

/** The item of this row was cut by a page break: its last line fills the column and ends no sentence. */
function itemOpen(draft: StreamDraft, cap: readonly number[]): boolean {
  const item = draft.cells[ITEM];
  const text = item[item.length - 1];
  return text !== undefined && width(text) >= cap[ITEM] - 1 && !/[。；;]$/u.test(text);
}

/** How many lines from `k` make one budget cell (0: none). */
function budgetAhead(split: readonly string[][], k: number): number {
  let text = '';
  for (let j = k; j < split.length && j < k + BUDGET_LINES; j++) {
    if (split[j].length !== 1) return 0;
    text += split[j][0];
    if (BUDGET_CELL.test(text) && !/[。，]/u.test(text)) return j - k + 1;
    if (!OPEN_BUDGET.test(text) && !/^\p{Script=Han}{1,6}$/u.test(text)) return 0;
  }
  return 0;
}
