/**
 * Header of a table in LibreOffice Writer's text export (File → Save As →
 * Text, `soffice --convert-to txt`): Writer writes every cell on its own
 * line(s), row after row, with no tab and no blank line between rows.  A
 * header cell spanning columns is one line; in the row under it, each cell a
 * row span covers is one empty line, and the cells under a spanning title
 * (years, 類 / 項 / 目) are lines of their own:
 *
 *   > | 關鍵策略目標
 *       ^^^^^^^^^^^^ first row: one line per cell
 *   > | 關鍵績效指標
 *   > | 衡量標準
 *   > | 年度目標值
 *   > |
 *       ^ second row: 關鍵策略目標 covered
 *   > |
 *   > |
 *   > | 108年
 *       ^^^^^ the run of years is the cell of 年度目標值
 *   > | 109年
 *
 * gives `關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 年度目標值/108年 | …`.  The
 * titles are told by their words, the ones the record stage maps columns by
 * (`columnRole`, `workHeaderRole`, `reportHeaderRole`).  A title cell's second
 * paragraph (`(單位：千元)`, `百分比`) is a line of its own too and joins it.
 */
import type { Line } from '../types.js';
import { parseMarker } from '../markers.js';
import { normalizeText, stripSpaces } from '../normalize/text.js';
import { columnRole, isKpiHeader } from '../records/columns.js';
import { reportColumns, reportHeaderRole } from '../records/report-items.js';
import { workColumns, workHeaderRole } from '../records/work-items.js';

export interface WriterHeader {
  /** One title per column; a spanning title joined with each cell under it (`年度目標值/108年`). */
  columns: string[];
  /** First line of the body. */
  bodyStart: number;
}

/** Lines a header may take (its titles, the covered cells of its second row). */
const MAX_HEADER_LINES = 40;

//   > | 108年     109     民國110年度     類     項     目
//       ^^^^^     ^^^     ^^^^^^^^^^     ^^     ^^     ^^
const SUB_TITLE = /^(?:(?:民國)?\d{2,3}年?度?|[類項目])$/u;
const YEAR_SUB_TITLE = /^(?:民國)?\d{2,3}年?度?$/u;
//   > | 108 109 110 111
//       ^^^^^^^ two years on one line
const YEARS_IN_A_ROW = /^\d{2,3}\s*年?度?\s+\d{2,3}(?:\s|年|$)/u;

//   > | 預算金額
//   > | (單位：千元)
//       ^^^^^^^^^^^^ the title cell's second paragraph
//   > | 完成程度
//   > | 百分比
//       ^^^^^^
const QUALIFIER = /^(?:[(（][^()（）]{1,12}[)）]|單位[:：]?\S{1,6}|百分比|[%％])$/u;

//   > | 二 關鍵績效指標(KPI)
//       ^^
const LEADING_NUMBER = /^[(（]?[一二三四五六七八九十壹貳參叁叄肆伍陸柒捌玖拾0-9０-９]{1,3}[)）]?(?:[\s、.．，,]|$)/u;

//   > | 預算金額      辦理老人福利
//       ^ 預: may be a title      (none of them: no title)
//
// One character that each word of `columnRole` (a year's digits, 序 項 編 評
// 權 衡 計 目 指 單), `workHeaderRole` (項 工 類 內 方 預 經 金) and
// `reportHeaderRole` (情 成 績 率 註 說 況 進) holds: a line with none of them is no
// title, told with one scan (this runs at nearly every content line).
const TITLE_CHARACTER = /[0-9序項編評權衡計目指單工類內方預經金情成績率註說況進]/u;

/** A column title, by the words the record stage maps columns by. */
export function isTitle(text: string): boolean {
  const compact = stripSpaces(text);
  if (compact.length === 0 || compact.length > 16 || !TITLE_CHARACTER.test(compact)) return false;
  // A numbered line is a heading (`二、關鍵績效指標(KPI)`, `二 關鍵績效指標` with its 、 lost), never a title.
  // (The regexes before parseMarker: `1、節` is told by LEADING_NUMBER alone.)
  if (SUB_TITLE.test(compact) || LEADING_NUMBER.test(text.trim()) || parseMarker(compact) !== null) return false;
  return columnRole(compact).role !== 'other' || workHeaderRole(compact) !== null || (reportHeaderRole(compact) ?? 'level') !== 'level';
}

/** A column header this text export starts at `start`, or null. */
export function readHeader(lines: readonly Line[], start: number, limit: number): WriterHeader | null {
  const end = Math.min(limit, start + MAX_HEADER_LINES);
  const text = (i: number) => lines[i].text.trim();
  // The first title may be one the vocabulary does not know (`計畫名稱` over 類 / 項 / 目).
  if (start + 1 >= end || !(isTitle(text(start)) || (unnamedTitle(text(start)) && isTitle(text(start + 1))))) return null;
  // First row: titles, each with the qualifier paragraphs under it.
  const titles: { text: string; subs: string[] }[] = [];
  let i = start;
  for (; i < end; i++) {
    const line = text(i);
    if (line === '' || SUB_TITLE.test(stripSpaces(line))) break;
    if (isTitle(line) || (i === start && unnamedTitle(line))) titles.push({ text: line, subs: [] });
    else if (titles.length > 0 && QUALIFIER.test(stripSpaces(line))) titles[titles.length - 1].text += ` ${line}`;
    else if (unnamedTitle(line) && i + 1 < end && isTitle(text(i + 1))) titles.push({ text: line, subs: [] });
    else break;
  }
  if (titles.length < 2) return null;
  // Writer writes each cell on a line of its own: years side by side
  // (`108 109 110 111`) are another export's header.
  if (i < end && YEARS_IN_A_ROW.test(text(i))) return null;
  // Second row: an empty line per covered cell, a run of sub-titles per spanning title.
  const firstRowEnd = i;
  let sawSub = false;
  for (let t = 0; t < titles.length && i < end; ) {
    const line = stripSpaces(text(i));
    if (line === '') {
      t++;
      i++;
      continue;
    }
    if (!SUB_TITLE.test(line)) break;
    const subs: string[] = [];
    while (i < end && SUB_TITLE.test(stripSpaces(text(i)))) subs.push(text(i++));
    // Years go under a target group (`年度目標值`); a run with none above it is titles of its own.
    if (YEAR_SUB_TITLE.test(stripSpaces(subs[0])) && !isTargetGroup(titles[t].text)) {
      for (const sub of subs) titles.push({ text: sub, subs: [] });
      sawSub = true;
      break;
    }
    titles[t].subs = subs;
    sawSub = true;
    t++;
  }
  // Without sub-titles the empty lines are the body's first cells.
  const bodyStart = sawSub ? i : firstRowEnd;
  const columns: string[] = [];
  for (const title of titles) {
    const name = normalizeText(title.text);
    if (title.subs.length === 0) columns.push(name);
    else for (const sub of title.subs) columns.push(`${name}/${normalizeText(sub)}`);
  }
  if (!isKpiHeader(columns) && workColumns(columns) === null && reportColumns(columns) === null) return null;
  // Writer writes every title of the first header row, the target group
  // included: KPI titles that stop short of any year or target column are
  // another extractor's blocks (MuPDF's `衡量標準` / blank / `年度目標值`).
  if (isKpiHeader(columns) && workColumns(columns) === null && reportColumns(columns) === null && !columns.some((column) => columnRole(column).role === 'year')) return null;
  return { columns, bodyStart };
}

/** `年度目標值`: a title over the year columns. */
function isTargetGroup(title: string): boolean {
  const role = columnRole(title);
  return role.role === 'year' && role.year === null;
}

//   > | 主辦單位
//       ^^^^^^^^ a title the vocabulary does not know, between two it does
function unnamedTitle(text: string): boolean {
  const compact = stripSpaces(text);
  return compact.length >= 2 && compact.length <= 8 && !/[0-9０-９，。；、：:（）()]/u.test(compact);
}
