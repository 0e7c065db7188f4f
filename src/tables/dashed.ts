/**
 * Reader for tables whose columns a line of dash runs marks (pandoc's
 * multiline and simple tables, in its markdown and plain-text exports):
 *
 *   > |   --------------------------------------------------------------
 *   > |   關鍵策略目標                        關鍵績效指標     衡量標準
 *   > |   -------------- -------------------- -------------- -----------
 *         ^^^^^^^^^^^^^^ ^^^^^^^^^^^^^^^^^^^^ each run is a column
 *   > |   一             區域排水、雨水下水道 1              清疏工程辦理
 *   > |                  及水環境改善計畫                    進度
 *   > |
 *   > |                                      2              雨水下水道…
 *   > |   --------------------------------------------------------------
 *
 * A multiline table (a full dash line on top) has rows separated by blank
 * lines, each cell wrapped within its column; a simple table (no line on
 * top) has one line per row and ends at a blank line.  Text is cut at the
 * runs' display columns (a CJK character takes two).
 */
import { linesPosition } from '../lines.js';
import type { Line, RawRow, TableReader } from '../types.js';
import { cellText, displayColumns, rowOver } from './ruled-text.js';
import { isSubHeader, joinHeader } from './tsv.js';

//   > |   ---------------------
const FULL_RULE = /^\s*-{8,}\s*$/;
/**
 * A rule of two or more dash runs (two dashes at least each) apart by spaces:
 *
 *   > |   -------- ----- ------
 */
function isColumnRule(text: string): boolean {
  const line = text.trim();
  let runs = 0;
  let run = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && line[i] === '-') run++;
    else if (i === line.length || line[i] === ' ') {
      if (run === 1) return false;
      if (run > 1) runs++;
      run = 0;
    } else return false;
  }
  return runs >= 2;
}

/** How many header lines a multiline table may have between its top rule and its column rule. */
const MAX_HEADER_LINES = 8;

export const dashedReader: TableReader = {
  layout: 'dashed',
  read(lines, start, limit) {
    const first = lines[start].text;
    let ruleAt = -1;
    let multiline = false;
    if (FULL_RULE.test(first)) {
      for (let i = start + 1; i < limit && i <= start + MAX_HEADER_LINES + 1; i++) {
        if (isColumnRule(lines[i].text)) {
          ruleAt = i;
          break;
        }
        if (lines[i].text.trim() === '') break;
      }
      multiline = true;
    } else if (start + 1 < limit && first.trim() !== '' && isColumnRule(lines[start + 1].text)) {
      ruleAt = start + 1;
    }
    if (ruleAt === -1) return null;
    const columns = ruleColumns(lines[ruleAt].text);
    const headerLines = multiline ? lines.slice(start + 1, ruleAt) : [lines[start]];
    const rowsLines: Line[][] = [];
    let current: Line[] = [];
    let end = ruleAt + 1;
    for (let i = ruleAt + 1; i < limit; i++) {
      const text = lines[i].text;
      if (multiline && (FULL_RULE.test(text) || isColumnRule(text))) {
        end = i + 1;
        break;
      }
      if (text.trim() === '') {
        if (!multiline) break;
        if (current.length) rowsLines.push(current);
        current = [];
        end = i + 1;
        continue;
      }
      if (!multiline) {
        rowsLines.push([lines[i]]);
        end = i + 1;
        continue;
      }
      current.push(lines[i]);
      end = i + 1;
    }
    if (current.length) rowsLines.push(current);
    if (rowsLines.length === 0) return null;
    const cut = (group: readonly Line[]) => {
      const pieces = group.map((line) => cutLine(line.text, columns));
      return columns.map((_, k) => cellText(pieces.map((cells) => cells[k])));
    };
    const texts = [cut(headerLines), ...rowsLines.map(cut)];
    // pandoc writes one header row: a second one (the years under 年度目標值) comes as the first body row.
    const bodyStart = texts.length > 2 && isSubHeader(texts[1], texts[0]) ? 2 : 1;
    const header = joinHeader(texts.slice(0, bodyStart));
    if (header.filter((cell) => cell !== '').length < 2) return null;
    const body: RawRow[] = [];
    for (let r = bodyStart; r < texts.length; r++) {
      if (texts[r].every((cell) => cell === '')) continue;
      const group = rowsLines[r - 1];
      body.push(rowOver(lines, texts[r], group[0].index, group[group.length - 1].index + 1));
    }
    return { layout: 'dashed', header, rows: body, start, end, position: linesPosition(lines, start, end), diagnostics: [] };
  },
};

/** The display-column start of each dash run. */
function ruleColumns(rule: string): number[] {
  const columns = displayColumns(rule);
  const starts: number[] = [];
  for (let i = 0; i < rule.length; i++) if (rule[i] === '-' && (i === 0 || rule[i - 1] !== '-')) starts.push(columns[i]);
  return starts;
}

/** A line cut at the runs' starts: column k from its run's start to the next run's start (the last to the end), in one pass. */
function cutLine(line: string, starts: readonly number[]): string[] {
  const columns = displayColumns(line);
  const cells: string[] = [];
  let at = 0;
  for (let k = 0; k < starts.length; k++) {
    while (at < line.length && columns[at] < starts[k]) at++;
    let to = at;
    const limit = k + 1 < starts.length ? starts[k + 1] : Number.MAX_SAFE_INTEGER;
    while (to < line.length && columns[to] < limit) to++;
    cells.push(line.slice(at, to));
    at = to;
  }
  return cells;
}
