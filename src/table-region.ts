/**
 * The header line of a table that no layout reader took (a PDF text export
 * whose columns came out block by block, or aligned by spaces): the section
 * stage then knows the lines after it are the table's cells, whose markers
 * (`一、貫徹農地農用政策`, `(一)編製預算`, `1. 列管異動登記`) are not headings.
 */
import { stripSpaces } from './normalize/text.js';

// Column headers of the tables these documents hold (KPI, work items, report items):
//
//   > | 機關工作項目    重要工作計畫項目    實施內容    預算金額
//       ^^^^^^^^^^^^    ^^^^^^^^^^^^^^^^    ^^^^^^^^    ^^^^^^^^
const HEADER_WORDS = /關鍵策略目標|策略目標|關鍵績效指標|績效指標|衡量指標|衡量標準|年度目標值|目標值|評估體制|評估方式|機關工作項目|重要工作計畫項目|工作項目|實施內容|預算金額|計畫名稱|辦理情形|完成程度|百分比|執行情形|達成情形|備註/gu;

/**
 * A line made of column headers: two or more of them, or one alone (a
 * reading-order export prints one cell per line) with at most a unit note.
 *
 *   > | 關鍵策略目標  關鍵績效指標  衡量標準  108 109 110 111
 *   > | 計畫名稱
 *   > | 預算金額(單位：千元)
 */
export function isTableHeader(text: string): boolean {
  if (text.length > 240) return false;
  const compact = stripSpaces(text);
  if (compact.length === 0 || compact.length > 80 || /[，。；！？]/u.test(compact)) return false;
  const words = compact.match(HEADER_WORDS);
  if (!words) return false;
  const rest = compact.replace(HEADER_WORDS, '').replace(/[(（][^()（）]*[)）]/gu, '').replace(/\d{2,3}年?度?|[/／、及與和]/gu, '');
  return (new Set(words).size >= 2 && rest.length <= compact.length / 2) || rest.length <= 2;
}

/**
 * A piece of one-line text that holds a table's header among other words
 * (its columns' headers, in the order printed):
 *
 *   > | 計畫名稱   完成程 辦理情形   度  備註 類  項  目 …
 *       ^^^^^^^^          ^^^^^^^^
 *   > | 嘉義市東區區公所109年度工作總報告 計畫名稱 類 項
 *                                       ^^^^^^^^
 */
export function holdsTableHeader(text: string): boolean {
  const compact = stripSpaces(text);
  const words = compact.match(HEADER_WORDS);
  if (words === null) return false;
  // One header alone: only in a short piece (a running title, then the header), not in a sentence.
  return new Set(words).size >= 2 || (compact.length <= 40 && !/[，。；]/u.test(compact));
}
