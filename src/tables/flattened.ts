/**
 * Reader for flattened tables: PDF text where the table's columns are gone
 * and only the text of its cells remains, wrapped over several lines.  The
 * table is found by its header lines:
 *
 *   > | 關鍵策略目標 關鍵績效指標 衡量標準
 *       ^^^^^^^^^^^^ ^^^^^^^^^^^^
 *   > | 年度目標值
 *   > | 108年 109年 110年 111年
 *
 * and ends where the document's own text resumes (a document title, a
 * section marker such as `肆、`, a note, or a line of running prose).  Rows
 * are rebuilt from the ordinals and the count of target values
 * (`flattened-cells.ts`, `flattened-rows.ts`).
 */
import { matchTitle } from '../documents.js';
import { linesPosition } from '../lines.js';
import { parseMarker } from '../markers.js';
import { stripSpaces } from '../normalize/text.js';
import { columnRole } from '../records/columns.js';
import type { Line, RawTable, TableReader } from '../types.js';
import { marksCellEnds, readItems } from './flattened-cells.js';
import { buildRevisionRows } from './flattened-revisions.js';
import { buildRows } from './flattened-rows.js';
import { append } from '../arrays.js';
import { joinWrappedValues } from './wrapped-values.js';

//   > | 關鍵策略目標 關鍵績效指標 衡量標準     年度目標值(修正後)     108年 109年
//       ^^^^^^^^^^^^                          ^^^^^^^^^^^^^^^^^^     ^^^^^
const HEADER_WORD =
  /^(?:關鍵策略目標|策略績效目標|共同性目標|策略目標|關鍵績效指標|衡量指標|共同性指標|績效指標|衡量標準|評估體制|評估方式|權重|(?:年度)?(?:績效)?目標值(?:\(修正後\)|（修正後）)?|(?:民國)?\d{2,3}年度?|修正理由|頁碼|單位?|位|序號|編號)$/u;
const STRATEGY_WORD = /關鍵策略目標|策略績效目標|共同性目標|策略目標/u;
const INDICATOR_WORD = /關鍵績效指標|衡量指標|共同性指標|績效指標/u;
const MAX_HEADER_LINES = 8;
/** Every header line holds one of these (a quick test before splitting it into words). */
const HEADER_HINT = /目標|指標|標準|體制|評估|權重|年|理由|頁碼|單|位|序號|編號/u;

export const flattenedReader: TableReader = {
  layout: 'flattened',
  read(lines, start, limit, source) {
    // Space-aligned text has its own reader: its columns are not lost.
    if (source?.format === 'pdf-layout-text') return null;
    const first = lines[start];
    if (first.role !== 'content' || first.text.includes('\t')) return null;
    // Quick test before the real one: this runs on every line of a document.
    if (!first.text.includes('標')) return null;
    const compact = stripSpaces(first.text);
    if (!STRATEGY_WORD.test(compact)) return null;
    if (!first.text.includes('指') || !INDICATOR_WORD.test(compact)) {
      // The strategy title alone, the indicator's wrapped on the next lines.
      const wrapped = HEADER_WORD.test(compact) ? wrappedWord(lines, start + 1, limit) : null;
      if (!wrapped || !INDICATOR_WORD.test(wrapped.word)) return null;
    }
    const head = readHeader(lines, start, limit);
    if (!head) return null;
    const body: Line[] = [];
    let end = head.end;
    for (let i = head.end; i < limit; i++) {
      const line = lines[i];
      if (line.role === 'page-number' && LONE_NUMBER.test(line.text)) {
        // Possibly an indicator ordinal the line stage took for a page number.
        body.push(line);
        continue;
      }
      if (line.role !== 'content') continue;
      if (isPageTopNumber(lines, i, limit)) continue;
      // A header word wrapped in its narrow cell (`關鍵績效` / `指標`, Writer) beside the repeated header's other lines.
      const wrapped = wrappedWord(lines, i, limit);
      if (wrapped && (isHeaderLine(previousContent(lines, i)) || isHeaderLine(nextContent(lines, wrapped.next + 1, limit)))) {
        i = wrapped.next;
        end = i + 1;
        continue;
      }
      if (isRepeatedHeader(lines, i, limit)) {
        // A header repeated after a page break.
        end = i + 1;
        continue;
      }
      if (endsTable(line.text, () => nextContent(lines, i + 1, limit))) break;
      const previous = body[body.length - 1];
      if (previous?.role === 'content' && CLOSING_PUNCTUATION.test(line.text) && [...line.text.trim()].length <= CUT_PIECE) {
        // `公共安全」` / `，以`: no printed line starts with a comma; the extractor cut a short piece off this one
        // (a converter that wraps before a comma writes a whole line after it).
        body[body.length - 1] = { ...previous, text: `${previous.text.trimEnd()}${line.text.trim()}` };
      } else body.push(line);
      end = i + 1;
    }
    if (body.length === 0) return null;
    const years = Math.max(1, head.years.length);
    const { rows, diagnostics } = head.revision
      ? buildRevisionRows(body, { textColumns: head.textColumns + 1, years, page: head.header.includes('頁碼') }, lines)
      : buildRows(readItems(marksCellEnds(body) ? body : joinWrappedValues(body, years), { textColumns: head.textColumns, years }, lines), { textColumns: head.textColumns, years }, lines);
    if (rows.length === 0) return null;
    return { layout: 'flattened', header: head.header, rows, start, end, position: linesPosition(lines, start, end), diagnostics } satisfies RawTable;
  },
};

const LONE_NUMBER = /^\s*[0-9]{1,2}\s*$/u;

//   > | 加強執行「消防
//   > | 公共安全」
//   > | ，以
//       ^ closing punctuation no typeset line starts with (`pdftotext -raw` cut the line there)
//   > | 確保人民財產安
const CLOSING_PUNCTUATION = /^[，。、；：」』）]/u;
/** Characters of a piece cut off a printed line at most. */
const CUT_PIECE = 3;

//   > | 108
//   > | 年          (a year column's title wrapped in its narrow cell, `pdftotext -raw` of a Writer PDF)
//       ^
const BARE_YEAR = /^\s*(?:民國)?(\d{2,3})\s*$/u;

/** A bare year over a line `年` (or `年度`): one header word, and the line after it. */
function splitYear(lines: readonly Line[], i: number, limit: number): { word: string; next: number } | null {
  const year = BARE_YEAR.exec(lines[i].text);
  if (!year || Number(year[1]) < 80 || Number(year[1]) > 200) return null;
  for (let k = i + 1; k < limit && k < i + 3; k++) {
    if (lines[k].role !== 'content') continue;
    const unit = lines[k].text.trim();
    return unit === '年' || unit === '年度' ? { word: `${year[1]}${unit}`, next: k } : null;
  }
  return null;
}

/**
 * A header repeated after a page break: a line of header words, but a lone
 * header word only next to another header line (else it is the end of a
 * wrapped cell):
 *
 *   > | 每年溝渠清理長度
 *   > | 目標值␠                 (cell text, not a header)
 *       ^^^^^^
 *   > | 年度目標值␠             (header: the line of years follows)
 *   > | 108年 109年 110年 111年␠
 */
function isRepeatedHeader(lines: readonly Line[], i: number, limit: number): boolean {
  const text = lines[i].text;
  if (splitYear(lines, i, limit) || (text.trim() === '年' && BARE_YEAR.test(previousContent(lines, i)))) return true;
  if (!isHeaderLine(text)) return false;
  if (/\S\s+\S/u.test(text.trim())) return true;
  if (isHeaderLine(nextContent(lines, i + 1, limit)) || isHeaderLine(previousContent(lines, i))) return true;
  //   > | 關鍵策略目標
  //   > | 關鍵績效      (the next header word, wrapped in its narrow cell)
  //   > | 指標
  for (let k = i + 1; k < limit && k < i + 4; k++) if (lines[k].role === 'content') return wrappedWord(lines, k, limit) !== null;
  return false;
}

/**
 * The page number `pdftotext -raw` prints at a page's top, right after the
 * form feed and before the repeated header: not a target value or an
 * indicator ordinal.
 *
 *   > | \f4
 *         ^
 *   > | 關鍵策略目標 關鍵績效指標 衡量標準
 */
function isPageTopNumber(lines: readonly Line[], i: number, limit: number): boolean {
  if (!lines[i].text.startsWith('\f') || !LONE_NUMBER.test(lines[i].text.slice(1))) return false;
  for (let k = i + 1; k < limit && k < i + 4; k++) if (lines[k].role === 'content') return isRepeatedHeader(lines, k, limit);
  return false;
}

function previousContent(lines: readonly Line[], i: number): string {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) if (lines[k].role === 'content') return lines[k].text;
  return '';
}

export function isHeaderLine(text: string): boolean {
  if (!HEADER_HINT.test(text)) return false;
  const words = headerWords(text);
  return words.length > 0 && words[0] !== '' && words.every((word) => HEADER_WORD.test(word));
}

//   > | 108 年 109 年 110 年 111 年     (a Writer PDF sets the number and `年` apart)
//          ^
const SPACED_YEAR = /(\d{2,3})\s+(年度?)(?=\s|$)/gu;

/** A header line's words, a year and its `年` set apart taken as one. */
function headerWords(text: string): string[] {
  return text.trim().replace(SPACED_YEAR, '$1$2').split(/\s+/u);
}

/**
 * A header word wrapped in its narrow cell: a line that is no header word,
 * and the line right after it, make one (no blank line between: the lines of
 * one cell).
 *
 *   > | 關鍵績效指
 *   > | 標            (`關鍵績效指標`)
 *       ^
 */
function wrappedWord(lines: readonly Line[], i: number, limit: number): { word: string; next: number } | null {
  if (i + 1 >= limit || lines[i].role !== 'content' || lines[i + 1].role !== 'content') return null;
  const head = lines[i].text.trim();
  const tail = lines[i + 1].text.trim();
  if (head === '' || tail === '' || head.length + tail.length > 12 || /\s/u.test(head) || /\s/u.test(tail) || HEADER_WORD.test(head)) return null;
  const word = head + tail;
  return HEADER_WORD.test(word) ? { word, next: i + 1 } : null;
}

interface Header {
  header: string[];
  /** Text columns after the strategy column. */
  textColumns: number;
  years: string[];
  /** A KPI-revision summary table (a 修正理由 column): read by `flattened-revisions.ts`. */
  revision: boolean;
  end: number;
}

/**
 * Read the header lines: column titles, then the line of years.  The header
 * names the source's own columns only: the ordinals printed before a
 * strategy or indicator (`一`, `1`) have no header of their own, so they go
 * into the text of their cell (`一、原住民歲時祭儀…`, see `flattened-rows.ts`)
 * rather than into invented 序號/編號 columns — a spreadsheet user then gets
 * the columns the document shows, and the Kpi records still read the
 * marker from the text.
 */
function readHeader(lines: readonly Line[], start: number, limit: number): Header | null {
  const words: string[] = [];
  let end = start;
  let seen = 0;
  for (let i = start; i < limit && seen < MAX_HEADER_LINES; i++) {
    const line = lines[i];
    if (line.role !== 'content') continue;
    const split = splitYear(lines, i, limit);
    if (split) {
      words.push(split.word);
      i = split.next;
      end = i + 1;
      seen++;
      continue;
    }
    const wrapped = isHeaderLine(line.text) ? null : wrappedWord(lines, i, limit);
    if (wrapped) {
      words.push(wrapped.word);
      i = wrapped.next;
      end = i + 1;
      seen++;
      continue;
    }
    if (!isHeaderLine(line.text)) break;
    append(words, headerWords(line.text));
    end = i + 1;
    seen++;
  }
  if (words.length < 3) return null;
  const years = words.filter((word) => columnRole(word).role === 'year' && /\d/.test(word));
  const group = words.find((word) => /目標值/u.test(word)) ?? '年度目標值';
  const revision = words.includes('修正理由');
  const header: string[] = [];
  const after: string[] = [];
  let textColumns = 0;
  for (const word of words) {
    const role = columnRole(word).role;
    if (role === 'year' || /^(?:單|位|單位)$/u.test(word) || role === 'strategy-marker' || role === 'indicator-marker') continue;
    if (revision && (word === '修正理由' || word === '頁碼')) after.push(word);
    else {
      header.push(word);
      if (role !== 'strategy') textColumns++;
    }
  }
  //   > | 單 / 位␠ / 關鍵策略目標 …      (the unit column's title, written vertically before the header)
  if (revision) header.unshift('單位');
  if (years.length === 0) header.push(group);
  for (const year of years) header.push(`${group}/${year}`);
  append(header, after);
  return { header, textColumns, years, revision, end };
}

//   > | 肆、附錄      三、預期效益      註：      嘉義市政府建設處中程(108至111年度)施政計畫
//       ^^           ^^               ^^^
function endsTable(text: string, next: () => string): boolean {
  const trimmed = text.trim();
  // Cheap tests first: this runs on every line of every table.
  if (/計[畫劃]|報告|彙總表/u.test(trimmed) && matchTitle(trimmed)) return true;
  if (MARKER_START.test(trimmed)) {
    const marker = parseMarker(trimmed);
    if (marker && (marker.style === 'cjk-formal' || marker.style === 'cjk')) return true;
  }
  if (/^(?:註|備註|附註|資料來源)\s*[:：]/u.test(trimmed)) return true;
  const compactLine = stripSpaces(trimmed);
  // The next plan's cover: its agency, `中程(…)施政計畫`, `(滾動修正)`.
  if (/^[(（]?滾動修正[)）]?$|施政計[畫劃]$/u.test(compactLine)) return true;
  // (includes first: AGENCY_LINE needs 政府 or 公所, and the regex is slow to reject.)
  if ((compactLine.includes('政府') || compactLine.includes('公所')) && AGENCY_LINE.test(compactLine) && (/\s$/u.test(text) || PLAN_TITLE_END.test(stripSpaces(next())))) return true;
  // Running prose: a long line with no cell breaks in it.
  return compactLine.length >= 30 && !/\s/u.test(trimmed);
}

/**
 * An agency name on a line of its own starts the next plan's cover, but only
 * when the line is a closed cell (trailing space) or the plan title follows:
 * a wrapped cell line that merely holds `政府` goes on on the next line.
 *
 *   > | 嘉義市政府社會處␠            (cover: ends the table)
 *       ^^^^^^^^^^^^^^^^
 *   > | 當前政府重大政              (a measure cell, left open: not a cover)
 */
const AGENCY_LINE = /^\p{Script=Han}{2,12}(?:政府|公所)\p{Script=Han}{0,8}(?:[(（]滾動修正[)）])?$/u;
const PLAN_TITLE_END = /施政計[畫劃]$/u;

/**
 * Text of the next content line at or after `from` (skipping blanks and page
 * numbers).  A running header counts: the plan title under an agency line is
 * often repeated on every page of the cover.
 *
 *   > | 嘉義市政府警察局
 *   > | 中程(108至111年度)施政計畫      (running header: the title all the same)
 *       ^^^^^^^^^^^^^^^^^^^^^^^^^^
 */
function nextContent(lines: readonly Line[], from: number, limit: number): string {
  for (let k = from; k < limit && k < from + 8; k++) if (lines[k].role === 'content' || lines[k].role === 'running-header') return lines[k].text;
  return '';
}

const MARKER_START = /^[壹貳參叁叄肆伍陸柒捌玖拾一二三四五六七八九十]/u;
