/**
 * Header of a space-aligned table: the lines of column titles above the
 * body, read by meaning, and the columns they name with their positions.
 *
 *   > |                                                     年度目標值
 *   > |     關鍵策略目標        關鍵績效指標           衡量標準
 *   > |                                               108年 109年 110年 111年
 *
 * gives `關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 年度目標值/108年 | …`.  Titles
 * printed over several lines (`108` over `年`, `完成程度` over `百分比`,
 * `機關工作項` over `目`) join where they overlap; a group title over several
 * columns (`年度目標值`, `計畫名稱` over `類 項 目`) prefixes them with `/`.
 */
import { stripSpaces } from '../normalize/text.js';
import type { Run } from './geometry/columns.js';

/** Column titles of KPI, work-plan and work-report tables. */
const TITLES = [
  '關鍵策略目標', '策略績效目標', '共同性目標', '策略目標', '施政目標', '關鍵績效指標', '衡量指標', '共同性指標', '績效指標',
  '衡量標準', '計算公式', '衡量方式', '評估體制', '評估方式', '權重', '年度目標值', '年度績效目標值', '績效目標值', '目標值',
  '序號', '編號', '項次', '機關工作項目', '重要工作計畫項目', '工作計畫項目', '實施內容', '執行內容', '預算金額', '經費',
  '(單位：千元)', '(單位:千元)', '單位：千元', '計畫名稱', '辦理情形', '執行情形', '完成程度', '百分比', '完成程度百分比', '備註',
  '類', '項', '目', '年', '年度',
];
const TITLE_SET = new Set(TITLES.map(fold));
/** A title broken over lines leaves pieces of it (`機關工作項` / `目`, `(單位：千` / `元)`). */
const TITLE_TEXT = TITLES.map(fold).join('|');
/** Titles that name a key column: a header needs one. */
const KEY_TITLE = /指標|策略目標|衡量標準|工作計畫項目|實施內容|辦理情形|執行情形/u;

//   > | 108年     109     民國110年度
//       ^^^^^     ^^^     ^^^^^^^^^^
const YEAR_WORD = /^(?:民國)?[0-9]{2,3}(?:年度?)?$/u;
const GROUP_TITLE = /目標值/u;
const LEVEL_TITLE = /^[類項目]$/u;

function fold(text: string): string {
  return stripSpaces(text).replace(/（/gu, '(').replace(/）/gu, ')').replace(/:/gu, '：');
}

/** A title word, or a piece of one split over lines; `strong` for a whole title. */
export function titleWord(text: string): 'strong' | 'piece' | null {
  const word = fold(text);
  if (word === '') return null;
  if (TITLE_SET.has(word) || YEAR_WORD.test(word)) return word.length >= 2 || YEAR_WORD.test(word) ? 'strong' : 'piece';
  return word.length <= 5 && TITLE_TEXT.includes(word) && !word.includes('|') ? 'piece' : null;
}

/** Every word of the line is a column title or a piece of one. */
export function isTitleLine(runs: readonly Run[]): boolean {
  return runs.length > 0 && runs.every((run) => titleWord(run.text) !== null);
}

/** The whole titles among a block's words, sorted: a header repeated after a page break has the same. */
export function headerKey(words: readonly Run[]): string {
  return words
    .map((word) => fold(word.text))
    .filter((word) => titleWord(word) === 'strong' && !YEAR_WORD.test(word))
    .sort()
    .join('|');
}

/** Enough to be a table header: two whole titles, one of them a key column's. */
export function isHeaderBlock(words: readonly Run[]): boolean {
  const strong = words.filter((word) => titleWord(word.text) === 'strong' && !YEAR_WORD.test(fold(word.text)));
  return strong.length >= 2 && strong.some((word) => KEY_TITLE.test(fold(word.text)));
}

export interface HeaderColumn {
  label: string;
  x0: number;
  x1: number;
  centre: number;
}

interface Draft {
  parts: string[];
  lines: number[];
  x0: number;
  x1: number;
}

/**
 * A year and its `年` one space apart on one line are one title:
 *
 *   > |   108 年 109 年 110 年 111 年
 *         ^^^^^^
 */
function joinYearUnits(words: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    if (last && last.line === word.line && /^[0-9]{2,3}$/u.test(last.text) && /^年度?$/u.test(word.text) && word.x0 - last.x1 <= 1) {
      out[out.length - 1] = { ...last, x1: word.x1, text: `${last.text}${word.text}` };
    } else out.push(word);
  }
  return out;
}

/** The leaf columns of a header block, left to right, with their titles joined as the other readers join them. */
export function headerColumns(input: readonly Run[]): HeaderColumn[] {
  const words = joinYearUnits(input);
  const folded = words.map((word) => fold(word.text));
  const years = folded.some((word) => YEAR_WORD.test(word));
  const levels = folded.some((word) => LEVEL_TITLE.test(word));
  let yearGroup = '年度目標值';
  let levelGroup = '';
  const drafts: Draft[] = [];
  words.forEach((word, k) => {
    const text = folded[k];
    if (years && GROUP_TITLE.test(text) && !YEAR_WORD.test(text)) {
      yearGroup = text;
      return;
    }
    if (levels && text === '計畫名稱') {
      levelGroup = text;
      return;
    }
    let best: Draft | null = null;
    let bestOverlap = 0;
    for (const draft of drafts) {
      if (draft.lines.includes(word.line)) continue;
      const overlap = Math.min(draft.x1, word.x1) - Math.max(draft.x0, word.x0);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = draft;
      }
    }
    if (best) {
      best.parts.push(text);
      best.lines.push(word.line);
      best.x0 = Math.min(best.x0, word.x0);
      best.x1 = Math.max(best.x1, word.x1);
    } else drafts.push({ parts: [text], lines: [word.line], x0: word.x0, x1: word.x1 });
  });
  return drafts
    .map((draft) => {
      // Pieces in line order (the words arrive line by line).
      const label = draft.parts.join('');
      const named = YEAR_WORD.test(label) ? `${yearGroup}/${label}` : levelGroup && LEVEL_TITLE.test(label) ? `${levelGroup}/${label}` : label;
      return { label: named, x0: draft.x0, x1: draft.x1, centre: (draft.x0 + draft.x1) / 2 };
    })
    .sort((a, b) => a.centre - b.centre);
}
