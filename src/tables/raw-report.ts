/**
 * A work-report table (類 / 項 / 目 / 辦理情形 / 完成程度) in content-stream
 * order (`pdftotext -raw`): no blank lines, cells on one baseline joined
 * with a space.  Each 辦理情形 entry ends at the line that ends with its
 * completion; the path cells that start a list stand at the start of its
 * first line, and a narrow path cell may wrap over lines of its own:
 *
 *   > | 一、歲計 (一)編製預算 編製110年度預算, 歲入預算數16萬9,000
 *       ^^^^^^^^ ^^^^^^^^^^^^ path cells, split at their ordinals
 *   > | 元, 歲出預算數1億2,003萬7,000元。
 *   > | 100%
 *       ^^^^ completion: the entry ends here
 *   > | (二)加強內部審
 *   > | 核、公款支付時
 *       ^^^^^^^^^^^^^^ the 目 cell wrapped (no longer than its first line)
 *   > | 1. 嚴格執行內部審核。 100%
 *
 * A path cell's level is its marker style, ranked in the order the styles
 * first appear in the table (`壹、` then `一、` then `(一)`); `1.` starts a
 * list inside a 辦理情形 cell, never a path cell.
 */
import { append } from '../arrays.js';
import { parseMarker } from '../markers.js';
import { linesPosition } from '../lines.js';
import { stripSpaces } from '../normalize/text.js';
import type { Diagnostic, Line, RawRow, RawTable } from '../types.js';

//   > | 依會計法及相關法令執行。 100%
//                               ^^^^ completion at the line's end
const COMPLETION_END = /(?:^|\s)((?:100|[1-9]?[0-9])(?:\.[0-9]{1,2})?\s*[%％])$/u;

/** Marker styles a 辦理情形 entry lists with: never a path cell. */
const LIST_STYLES = new Set(['arabic', 'arabic-paren', 'circled']);

//   > | 伍 、 人
//            ^ a justified cell (Writer) spaces out single characters
const SPACED_CHAR = /^[\u3400-\u9fff]$/u;

/** A token that starts a path cell: a marker of a style seen as a path level, or any non-list marker. */
function isPathMarker(token: string): boolean {
  const marker = parseMarker(token);
  return marker !== null && !LIST_STYLES.has(marker.style);
}

interface PathCell {
  level: number;
  text: string;
  /** Compact length of the cell's first line: its wrapped lines are no longer. */
  width: number;
}

/**
 * Rows of a raw work-report body.  `skip` says which lines are not body
 * (repeated header cells, page numbers, running titles).
 */
export function readRawReport(lines: Line[], start: number, end: number, header: string[], skip: (line: Line, text: string) => boolean): RawTable {
  const diagnostics: Diagnostic[] = [];
  const rows: RawRow[] = [];
  const levels = new Map<string, number>();
  const path = ['', '', ''];
  /** The path cell still open for wrapped lines (before its entry's text starts). */
  let open: PathCell | null = null;
  let status: string[] = [];
  let statusLines: number[] = [];
  let pageBreak = false;
  let skipped = false;
  /** The pending 辦理情形 text started right after a path cell of this level. */
  let afterCell: number | null = null;
  /** The pending 辦理情形 text started right after a page break (its completion may stand before the break). */
  let afterBreak = false;

  const levelOf = (style: string): number | null => {
    if (LIST_STYLES.has(style)) return null;
    let level = levels.get(style);
    if (level === undefined) {
      if (levels.size >= 3) return null;
      level = levels.size;
      levels.set(style, level);
    }
    return level;
  };
  const setPath = (cell: PathCell) => {
    path[cell.level] = cell.text;
    for (let deeper = cell.level + 1; deeper < 3; deeper++) path[deeper] = '';
  };
  // Leading path cells of a line; returns the rest of the line (the entry's text).
  const takePathCells = (text: string): string => {
    let rest = text;
    for (;;) {
      const marker = parseMarker(rest);
      if (!marker) return rest;
      const level = levelOf(marker.style);
      if (level === null) return rest;
      const tokens = rest.slice(marker.length).split(/\s+/u).filter((token) => token !== '');
      let body = tokens.shift() ?? '';
      //   > | (八)e 化管理系
      //          ^ a Latin word keeps its space inside the cell: the CJK after it is still the cell's
      if (/[A-Za-z]$/u.test(body) && tokens.length > 0 && /^[\u3400-\u9fff]/u.test(tokens[0]) && !isPathMarker(tokens[0])) body += ` ${tokens.shift()}`;
      while (tokens.length > 0 && SPACED_CHAR.test(tokens[0]) && (body.length === 1 || SPACED_CHAR.test(body.slice(-1)))) {
        if (parseMarker(tokens[0])) break;
        body += tokens.shift();
      }
      const cell: PathCell = { level, text: `${marker.marker}${body}`, width: stripSpaces(`${marker.marker}${body}`).length };
      setPath(cell);
      rest = tokens.join(' ');
      open = rest === '' ? cell : null;
      if (rest === '') return '';
    }
  };
  const close = (completion: string, line: number) => {
    rows.push({
      cells: [path[0], path[1], path[2], status.join(''), completion, ''],
      position: linesPosition(lines, statusLines[0] ?? line, line + 1),
      lines: statusLines.length > 0 ? statusLines : [line],
    });
    status = [];
    statusLines = [];
  };
  // A line of 辦理情形 text; a completion at its end closes the entry.
  const addStatus = (text: string, line: number) => {
    const completion = COMPLETION_END.exec(text);
    const body = completion ? text.slice(0, completion.index).trim() : text;
    if (body !== '') {
      status.push(body);
      statusLines.push(line);
    }
    if (completion) close(completion[1].replace(/\s+/gu, ''), line);
  };

  for (let i = start; i < end; i++) {
    const line = lines[i];
    const text = line.text.replace(/\f/gu, '').trim();
    if (line.text.includes('\f')) pageBreak = true;
    if (text === '' || skip(line, text)) {
      skipped = true;
      continue;
    }
    //   > | 完成程
    //   > | 度
    //       ^ a header cell's wrapped tail, right after it (Writer's narrow columns)
    const headerTail = skipped && text.length === 1 && !COMPLETION_END.test(text);
    skipped = false;
    if (headerTail) continue;
    // Text left over from before a page break belongs to the entry before it:
    // its completion was printed on the earlier page.
    const marker = parseMarker(text);
    if (status.length > 0 && marker && rows.length > 0 && afterBreak) {
      const last = rows[rows.length - 1];
      last.cells[3] += status.join('');
      append(last.lines, statusLines);
      status = [];
      statusLines = [];
    }
    //   > | 六、地方創
    //   > | 生
    //   > | 辦理地方創生業
    //   > | 務
    //   > | 1. 5月28日派員參與…
    //       ^^ the entries' list starts: the text before it, right after a path cell, was a path cell with no ordinal
    if (status.length > 0 && afterCell !== null && afterCell + 1 < Math.max(levels.size, 3) && marker && LIST_STYLES.has(marker.style) && marker.ordinal === 1) {
      setPath({ level: afterCell + 1, text: status.join(''), width: 0 });
      status = [];
      statusLines = [];
    }
    if (status.length === 0) {
      afterBreak = pageBreak;
      afterCell = open === null ? null : (open as PathCell).level;
    }
    pageBreak = false;
    let rest = text;
    if (status.length === 0) {
      const cell = open as PathCell | null;
      if (cell && !marker && !COMPLETION_END.test(text) && stripSpaces(text).length <= cell.width + 1) {
        // A wrapped path cell.
        cell.text += text.replace(/\s+/gu, ' ').trim();
        cell.text = cell.text.replace(/([\u3400-\u9fff、，]) ([\u3400-\u9fff])/gu, '$1$2');
        path[cell.level] = cell.text;
        continue;
      }
      if (cell && !marker) {
        //   > | 管理 (一)行政管理 1. 人事費依實際人數…
        //       ^^^^ the open cell's last line, then the next path cell on its baseline
        const tokens = text.split(/\s+/u);
        const next = tokens.findIndex((token, k) => k > 0 && isPathMarker(token));
        const prefix = next > 0 ? tokens.slice(0, next).join('') : '';
        if (next > 0 && prefix.length <= cell.width + 1) {
          cell.text += prefix;
          path[cell.level] = cell.text;
          open = null;
          rest = takePathCells(tokens.slice(next).join(' '));
          if (rest !== '') addStatus(rest, i);
          continue;
        }
      }
      open = null;
      rest = takePathCells(text);
      if (rest === '') continue;
    }
    addStatus(rest, i);
  }
  if (status.length > 0) {
    diagnostics.push({ severity: 'warning', code: 'report-path-uncertain', message: '辦理情形 text after the last completion has no 完成程度 of its own', position: linesPosition(lines, statusLines[0], statusLines[statusLines.length - 1] + 1) });
    close('', statusLines[statusLines.length - 1]);
  }
  const position = linesPosition(lines, start, end);
  if (rows.length === 0) diagnostics.push({ severity: 'warning', code: 'table-body-unread', message: `table header 「${header.join(' / ')}」 found but no row could be read from the text after it`, position });
  return { layout: 'reading-order', header, rows, start, end, position, diagnostics };
}
