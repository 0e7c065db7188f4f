/**
 * Flattened KPI-revision summary tables (…關鍵績效指標(KPI)滾動修正項目彙總表),
 * the revision mode of the flattened reader (`flattened.ts` switches to it
 * when the header has a 修正理由 column).  The columns are
 * 單位 / 關鍵策略目標 / 關鍵績效指標 / 衡量標準 / N target years / 修正理由 / 頁碼,
 * and the PDF text writes one row as its text cells, its N targets, then the
 * (wide, wrapped) reason and the page cell:
 *
 *   > | 民␠ / 政␠ / 處␠                      ← the 單位 cell, written vertically
 *   > | 落實新住民照顧服 / 務、友善移民城市營造␠    ← strategy
 *   > | 執行新住民相關 / 措施及活動␠                ← indicator
 *   > | 所有場次服務 / … / 100%␠                    ← measure
 *   > | 92% 94% 96% 98%␠                            ← targets: the row's anchor
 *   > | 依本府施政計畫暨績效評估小組意見修正，␠ / …  ← reason
 *   > | P1-4␠                                       ← page (chapter 1 = the first plan)
 *       ^^^^
 *
 * Each row is anchored on its run of target values.  The text between two
 * runs is the reason (and page) of the row before, then the text cells of
 * the row after; the split goes by the page cell, a unit cell, an indicator
 * ordinal, the line the targets end on, and else by width (the reason
 * column is the widest).  The unit is carried to every row of its plan: the
 * page cell's chapter (`P4-6` → 4) groups the rows, because the vertical
 * unit name is centred across its rows and may come after some of them.
 */
import { isSpaceCode } from '../normalize/text.js';
import { linesPosition } from '../lines.js';
import type { Diagnostic, Line, RawRow } from '../types.js';
import { cellText, isValueToken, OPERATOR, splitSegments, tokens as tokenize, width, type Token } from './flattened-cells.js';
import { partitionByWidth } from './flattened-rows.js';
import { append, maxOf } from '../arrays.js';

export interface RevisionShape {
  /** Text columns between the unit and the targets (strategy, indicator, measure). */
  textColumns: number;
  years: number;
  /** True when the header has a 頁碼 column. */
  page: boolean;
}

type PieceKind = 'text' | 'value' | 'operator' | 'page' | 'unit' | 'ordinal';

/** One cell (or cell part) of the revision table, in reading order. */
interface Piece {
  kind: PieceKind;
  text: string;
  lines: number[];
  /** Width of each line of the piece (full-width characters). */
  widths: number[];
  /** The cell goes on on the next line (its line had no trailing space). */
  open: boolean;
  /** The piece is the first word of its line. */
  lineStart: boolean;
  /** Empty target cells told by a run of spaces (`則數   20 20`). */
  blank?: boolean;
}

const HAN = /\p{Script=Han}/u;
//   > | P1-4     P17-8
//       ^^^^     ^^^^^
const PAGE = /^[PpＰ]([0-9]{1,3})[-－–]([0-9]{1,3})$/u;
//   > | ---     1萬6千件     6A 84B 45C
//       ^^^     ^^^^^^^^     ^^ ^^^ ^^^   (values the KPI value test does not know)
const EXTRA_VALUE = /^(?:[-–—－]{3}|[0-9]{1,4}萬[0-9]千[件人次元筆]{0,2}|[0-9][0-9,.]{0,6}[A-Za-z]{1,2})$/u;
const LETTER_PIECE = /^[0-9][0-9,.]{0,6}[A-Za-z]{1,2}$/u;
//   > | 5MW␠ / (累 / 積)␠      (a note printed under its value)
const PAREN_NOTE = /^[(（][^()（）]{1,8}[)）]$/u;
//   > | 民␠ / 政␠ / 處␠      地政處␠      局 強化科技偵防能力，
//             ^^^^^^^^^      ^^^^^^      ^
const UNIT_SUFFIX = /[處局室所會府隊館院]$/u;
const HORIZONTAL_UNIT = /^\p{Script=Han}{1,5}[處局室]$/u;
//   > | 附錄␠      (page furniture before a repeated header)
const FURNITURE = /^附[錄件表]$/u;
const LONE_NUMBER = /^[0-9]{1,2}$/u;

function isValue(token: string): boolean {
  return token !== '' && (isValueToken(token) || EXTRA_VALUE.test(token));
}

/** Count of whitespace characters at the end of a line (a loop: `/\s*$/` is quadratic on long blank runs). */
function trailingSpaces(text: string): number {
  let k = text.length;
  while (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return text.length - k;
}

function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

// ---------------------------------------------------------------------------
// Lines → pieces

/**
 * Vertical unit names: a run of lines of one Han character each, the last
 * one a unit suffix (`處`, `局`); the last line may go on with the row's text
 * (`局 強化科技偵防能力，`).  Returns line index → unit text and the rest of
 * the line where the unit ends.
 */
function findUnits(lines: readonly Line[]): Map<number, { unit: string; rest: string }> {
  const found = new Map<number, { unit: string; rest: string }>();
  let run: number[] = [];
  const flush = () => {
    run = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k].text.trim();
    if (lines[k].role !== 'content' || text === '') continue;
    const chars = [...text];
    if (chars.length === 1 && HAN.test(text)) {
      run.push(k);
      if (run.length >= 2 && UNIT_SUFFIX.test(text) && !singleHanNext(lines, k)) {
        found.set(k, { unit: run.map((i) => lines[i].text.trim()).join(''), rest: '' });
        for (const i of run.slice(0, -1)) found.set(i, { unit: '', rest: '' });
        flush();
      }
      continue;
    }
    // `局 強化…`: the unit's last character starts the line of a cell.
    if (run.length >= 1 && UNIT_SUFFIX.test(chars[0]) && chars[1] === ' ') {
      found.set(k, { unit: `${run.map((i) => lines[i].text.trim()).join('')}${chars[0]}`, rest: text.slice(1).trim() });
      for (const i of run) found.set(i, { unit: '', rest: '' });
    }
    flush();
  }
  return found;
}

/** The next content line is one more single Han character (the unit name goes on: `會` / `處`). */
function singleHanNext(lines: readonly Line[], k: number): boolean {
  for (let n = k + 1; n < lines.length && n <= k + 6; n++) {
    const text = lines[n].text.trim();
    if (lines[n].role !== 'content' || text === '') continue;
    return [...text].length === 1 && HAN.test(text) && UNIT_SUFFIX.test(text);
  }
  return false;
}

/** A content line the reader skipped (a repeated header) lies between two body lines. */
function afterHeader(all: readonly Line[], before: Line | undefined, line: Line): boolean {
  if (!before) return true;
  for (let i = before.index + 1; i < line.index; i++) if (all[i]?.role === 'content') return true;
  return false;
}

function nextFirstWord(lines: readonly Line[], k: number): string {
  for (let n = k + 1; n < lines.length && n <= k + 6; n++) {
    const m = /\S+/u.exec(lines[n].text);
    if (m) return m[0];
  }
  return '';
}

/** Turn the table's body lines into pieces. */
export function readPieces(lines: readonly Line[], years: number, all: readonly Line[] = lines): Piece[] {
  const pieces: Piece[] = [];
  const units = findUnits(lines);
  let open: Piece | null = null;
  const add = (piece: Piece) => {
    pieces.push(piece);
    open = piece.open ? piece : null;
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    let text = line.text.trim();
    if (text === '' || FURNITURE.test(text)) continue;
    const index = line.index;
    const next = nextFirstWord(lines, k);
    if (LONE_NUMBER.test(text) && (line.role === 'page-number' || HAN.test(next[0] ?? ''))) {
      //   > | 1␠ / 人行環境鋪面 / 改善␠      (an indicator ordinal)
      if (HAN.test(next[0] ?? '')) add({ kind: 'ordinal', text, lines: [index], widths: [width(text)], open: false, lineStart: true });
      continue;
    }
    if (line.role !== 'content') continue;
    const unit = units.get(k);
    if (unit) {
      if (unit.unit) add({ kind: 'unit', text: unit.unit, lines: [index], widths: [width(unit.unit)], open: false, lineStart: true });
      if (!unit.rest) continue;
      text = unit.rest;
      open = null;
    } else if (HORIZONTAL_UNIT.test(text) && /\s$/u.test(line.text) && (pieces.length === 0 || pieces[pieces.length - 1].kind === 'page' || afterHeader(all, lines[k - 1], line))) {
      add({ kind: 'unit', text, lines: [index], widths: [width(text)], open: false, lineStart: true });
      continue;
    }
    const closed = /\s$/u.test(line.text);
    const tokens = tokenize(text);
    let page: Token | null = null;
    if (tokens.length > 0 && PAGE.test(tokens[tokens.length - 1].text)) page = tokens.pop() ?? null;
    const segments = lineSegments(tokens, years, closed || page !== null, next);
    // Trailing spaces after text on a closed line stand for empty target cells:
    //   > | 參與觀眾人數␠␠␠ / 4萬 / 5,000 / 人次␠
    const trailing = trailingSpaces(line.text);
    segments.forEach((segment, s) => {
      const continues = s === 0 && open !== null && !(segment.kind === 'value' && segment.run >= years);
      if (continues && open) {
        const piece: Piece = open;
        piece.text += `\n${segment.text}`;
        piece.lines.push(index);
        piece.widths.push(width(segment.text));
        if (piece.kind === 'value' || piece.kind === 'operator') piece.kind = isValue(compact(piece.text)) ? 'value' : 'text';
        const last = s === segments.length - 1;
        piece.open = last && !closed && page === null;
        if (!piece.open) open = null;
        return;
      }
      const isLast = s === segments.length - 1;
      for (let b = 0; b < segment.blanks; b++) add({ kind: 'value', text: '', lines: [index], widths: [0], open: false, lineStart: false, blank: true });
      add({
        kind: segment.kind,
        text: segment.text,
        lines: [index],
        widths: [width(segment.text)],
        open: isLast ? !closed && page === null : false,
        lineStart: s === 0,
      });
    });
    if (segments.length > 0 && closed && page === null && trailing >= 3 && segments[segments.length - 1].kind === 'text') {
      for (let b = 1; b < trailing; b++) add({ kind: 'value', text: '', lines: [index], widths: [0], open: false, lineStart: false, blank: true });
    }
    if (page) add({ kind: 'page', text: page.text, lines: [index], widths: [width(page.text)], open: false, lineStart: segments.length === 0 });
  }
  return joinNotes(pieces);
}

interface Segment {
  kind: 'text' | 'value' | 'operator';
  text: string;
  /** Length of the value run the segment belongs to. */
  run: number;
  /** Empty cells before the segment (a wide gap before a value run). */
  blanks: number;
}

/**
 * Split one line's words into text cells and value cells.  A run of values
 * is split off at the end of a line, or anywhere when it holds all the
 * years (the reason then follows on the same line); a shorter run inside a
 * line is text (`依 110年 8月 26日府智規字第`):
 *
 *   > | 提案數 - - ≧10 ≧15 提案數調整為 15件以上，以符實績。
 *              ^^^^^^^^^^^ targets     ^^^^ reason
 */
function lineSegments(tokens: readonly Token[], years: number, closed: boolean, next: string): Segment[] {
  const n = tokens.length;
  const valueLike = tokens.map(
    (token, i) =>
      isValue(token.text) ||
      OPERATOR.test(token.text) ||
      // `4萬` / `5,000` / `人次`, `10分` / `鐘`: a value wrapped onto the next line.
      (i === n - 1 && !closed && /^[≧≦≥≤<>＜＞]?[0-9]/u.test(token.text) && isValue(token.text + next)),
  );
  const out: Segment[] = [];
  let textFrom = 0;
  const flushText = (to: number) => {
    if (to <= textFrom) return;
    const text = tokens
      .slice(textFrom, to)
      .map((token, i) => (i === 0 ? token.text : `${' '.repeat(Math.min(token.gap, 1))}${token.text}`))
      .join('');
    for (const part of splitSegments(text, true)) {
      const previous = out[out.length - 1];
      //   > | (各鄉 鎮市區一般正      (one cell: its bracket is still open)
      if (previous && previous.kind === 'text' && opensBracket(previous.text)) previous.text += ` ${part}`;
      else out.push({ kind: 'text', text: part, run: 0, blanks: 0 });
    }
  };
  let i = 0;
  while (i < n) {
    if (!valueLike[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && valueLike[j]) j++;
    if (j === n || j - i >= years) {
      flushText(i);
      for (let k = i; k < j; k++) {
        const text = tokens[k].text;
        // `則數   20 20`: extra spaces before the run are empty cells.
        const blanks = k === i && i > 0 && tokens[k].gap >= 3 && j - i < years ? Math.min(tokens[k].gap - 1, years - (j - i)) : 0;
        out.push({ kind: OPERATOR.test(text) ? 'operator' : 'value', text, run: j - i, blanks });
      }
      textFrom = j;
    }
    i = j;
  }
  flushText(n);
  return out;
}

/** `≧` + `30臺`, `5MW` + `(累積)`: join a sign or a note to its value. */
function joinNotes(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (previous && previous.kind === 'operator' && piece.kind === 'value' && !piece.blank) {
      previous.text += piece.text;
      previous.kind = 'value';
      append(previous.lines, piece.lines);
      append(previous.widths, piece.widths);
      continue;
    }
    if (previous && previous.kind === 'value' && previous.text !== '' && piece.kind === 'text' && PAREN_NOTE.test(compact(piece.text))) {
      previous.text += piece.text;
      append(previous.lines, piece.lines);
      append(previous.widths, piece.widths);
      continue;
    }
    if (previous && previous.kind === 'text' && piece.kind === 'text' && !previous.open && opensBracket(previous.text) && /[)）］\]]/u.test(piece.text)) {
      //   > | 增加藍天日數 / (AQI␠ / ≦100)比率␠      (a cell closed inside its brackets)
      previous.text += `\n${piece.text}`;
      append(previous.lines, piece.lines);
      append(previous.widths, piece.widths);
      previous.open = piece.open;
      continue;
    }
    out.push(piece);
  }
  // An operator left alone is text.
  for (const piece of out) if (piece.kind === 'operator') piece.kind = 'text';
  return out;
}

/** More opening than closing brackets. */
function opensBracket(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '（' || ch === '［' || ch === '[') depth++;
    else if (ch === ')' || ch === '）' || ch === '］' || ch === ']') depth--;
  }
  return depth > 0;
}

// ---------------------------------------------------------------------------
// Pieces → rows

interface Run {
  start: number;
  end: number;
  targets: string[];
  /** Leading values beyond the years: the end of the measure (`…達 200人以` / `上`). */
  extra: Piece[];
  note: string | null;
}

/**
 * A run of fewer values than years that does not start a line is words of a
 * sentence (`…成長 65%␠`, `依 110年 8` / `月 26日府…`): it goes back into the
 * text around it on its lines.
 */
function demoteShortRuns(pieces: readonly Piece[], years: number): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i].kind !== 'value') {
      out.push(pieces[i++]);
      continue;
    }
    let j = i;
    while (j < pieces.length && pieces[j].kind === 'value') j++;
    const run = pieces.slice(i, j);
    if (run.length >= years || run[0].lineStart || run[0].blank === true) {
      append(out, run);
      i = j;
      continue;
    }
    let target = out[out.length - 1];
    for (const piece of run) {
      if (target && target.kind === 'text' && sameLine(target, piece)) {
        target.text += ` ${piece.text}`;
        append(target.lines, piece.lines.slice(1));
        append(target.widths, piece.widths);
        target.open = piece.open;
      } else out.push((target = { ...piece, kind: 'text' }));
    }
    const next = pieces[j];
    if (next && next.kind === 'text' && target && sameLine(target, next)) {
      target.text += ` ${next.text}`;
      append(target.lines, next.lines.slice(1));
      append(target.widths, next.widths);
      target.open = next.open;
      j++;
    }
    i = j;
  }
  return out;
}

/** Find the target runs: N values in a row, or a shorter run that starts a line (the other years empty). */
function findRuns(pieces: Piece[], years: number): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i].kind !== 'value') {
      i++;
      continue;
    }
    let j = i;
    while (j < pieces.length && pieces[j].kind === 'value') j++;
    const run = pieces.slice(i, j);
    runs.push({ start: i, end: j, ...runTargets(run, years) });
    i = j;
  }
  return runs;
}

/**
 * The N targets of a run.  More values than years: pieces of one target
 * (`6A 84B 45C`) are grouped, else the leading extras end the measure.  Fewer:
 * the run fills the last years (the earlier ones were left empty).
 */
function runTargets(run: readonly Piece[], years: number): { targets: string[]; extra: Piece[]; note: string | null } {
  const texts = run.map((piece) => cellText(compact(piece.text)));
  if (run.length > years) {
    let singles = 0;
    while (singles < run.length && !LETTER_PIECE.test(compact(run[singles].text))) singles++;
    const left = years - singles;
    const pieces = run.length - singles;
    if (singles < run.length && left > 0 && pieces % left === 0) {
      //   > | - - / 6A / 84B / 45C / 6A / 75B / 47C
      const period = pieces / left;
      const targets = texts.slice(0, singles);
      for (let y = 0; y < left; y++) targets.push(texts.slice(singles + y * period, singles + (y + 1) * period).join(' '));
      return { targets, extra: [], note: null };
    }
    return { targets: texts.slice(run.length - years), extra: run.slice(0, run.length - years), note: null };
  }
  if (run.length < years) {
    const told = run.some((piece) => piece.blank) && run.length === years;
    const targets = [...new Array<string>(years - run.length).fill(''), ...texts];
    return { targets, extra: [], note: told ? null : `row has ${run.length} targets for ${years} years; read as the last years` };
  }
  return { targets: texts, extra: [], note: run.some((piece) => piece.blank) && run.every((piece) => piece.blank) ? 'row has no targets' : null };
}

interface RevisionRow {
  texts: Piece[];
  run: Run;
  reason: Piece[];
  page: string;
  /** Index of the row's first piece (unit pieces before it belong to it). */
  from: number;
  notes: string[];
}

/**
 * Build the revision table's rows: cells in header order (單位, text
 * columns, targets, 修正理由, 頁碼).
 */
export function buildRevisionRows(body: readonly Line[], shape: RevisionShape, lines: readonly Line[]): { rows: RawRow[]; diagnostics: Diagnostic[] } {
  const pieces = demoteShortRuns(readPieces(body, shape.years, lines), shape.years);
  const runs = findRuns(pieces, shape.years);
  const diagnostics: Diagnostic[] = [];
  if (runs.length === 0) return { rows: [], diagnostics };
  // The gaps between runs: [reason + page of the row before][unit][texts of the row after].
  const gaps = runs.map((run, r) => ({ from: r === 0 ? 0 : runs[r - 1].end, to: run.start }));
  const tailGap = { from: runs[runs.length - 1].end, to: pieces.length };
  const textMax = measureTextWidth(pieces, gaps, shape);
  const rows: RevisionRow[] = [];
  const unitAt: Array<{ index: number; unit: string }> = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const gap = pieces.slice(gaps[r].from, gaps[r].to);
    gap.forEach((piece, k) => {
      if (piece.kind === 'unit') unitAt.push({ index: gaps[r].from + k, unit: piece.text });
    });
    const previous = rows[rows.length - 1] ?? null;
    const split = splitGap(gap, previous ? runs[r - 1] : null, pieces, textMax, shape);
    if (previous) {
      append(previous.reason, split.reason);
      if (split.page) previous.page = split.page;
    }
    let texts = split.head;
    if (run.extra.length > 0) texts = appendExtra(texts, run.extra);
    rows.push({ texts, run, reason: [], page: '', from: gaps[r].from + split.headFrom, notes: [...split.notes, ...(run.note ? [run.note] : [])] });
  }
  const last = splitGap(pieces.slice(tailGap.from, tailGap.to), runs[runs.length - 1], pieces, textMax, shape, true);
  append(append(rows[rows.length - 1].reason, last.reason), last.head);
  if (last.page) rows[rows.length - 1].page = last.page;
  for (const piece of pieces.slice(tailGap.from)) if (piece.kind === 'unit') unitAt.push({ index: tailGap.from, unit: piece.text });
  const units = assignUnits(rows, unitAt);
  return {
    rows: rows.map((row, k) => {
      const cells = textCells(row, shape);
      if (cells.note) row.notes.push(cells.note);
      const rowLines = [...row.texts, ...pieces.slice(row.run.start, row.run.end), ...row.reason].flatMap((piece) => piece.lines);
      const sorted = [...new Set(rowLines)].sort((a, b) => a - b);
      const position = linesPosition(lines, sorted[0], sorted[sorted.length - 1] + 1);
      if (row.notes.length > 0) diagnostics.push({ severity: 'warning', code: 'kpi-revision-row-uncertain', message: row.notes.join('; '), position });
      return {
        cells: [units[k], ...cells.values, ...row.run.targets, cellText(row.reason.map((piece) => piece.text).join('\n')), ...(shape.page ? [row.page] : [])],
        position,
        lines: sorted,
      };
    }),
    diagnostics,
  };
}

/** The measure's end printed as a value (`200人以` / `上`): joined to the last text cell. */
function appendExtra(texts: Piece[], extra: readonly Piece[]): Piece[] {
  const out = [...texts];
  const last = out[out.length - 1];
  const joined: Piece = { ...extra[0], kind: 'text', text: extra.map((piece) => piece.text).join(' '), lines: extra.flatMap((p) => p.lines), widths: extra.flatMap((p) => p.widths) };
  if (last) out[out.length - 1] = { ...last, text: `${last.text} ${joined.text}`, lines: [...last.lines, ...joined.lines], widths: [...last.widths, ...joined.widths] };
  else out.push(joined);
  return out;
}

interface GapSplit {
  reason: Piece[];
  page: string;
  head: Piece[];
  /** Index in the gap where the head starts. */
  headFrom: number;
  notes: string[];
}

/**
 * Split the text between two target runs into the reason (and page) of the
 * row before and the text cells of the row after.
 *
 *   > | 80% 95% 100% 0% 已達 111年度目標值，將其刪除。␠   ← reason: on the targets' line
 *   > | 推動貨物轉運 / 中心地區市地 / 重劃業務␠           ← the next row's strategy
 *   > | 嘉油鐵馬道沿線改善工程業於 110 年完工，           ← reason: wider than any text cell
 *   > | 2␠                                                ← ordinal 2: the same strategy goes on
 */
function splitGap(gap: readonly Piece[], before: Run | null, all: readonly Piece[], textMax: number, shape: RevisionShape, tail = false): GapSplit {
  const notes: string[] = [];
  let page = '';
  const pages = gap.map((piece, k) => (piece.kind === 'page' || piece.kind === 'unit' ? k : -1)).filter((k) => k !== -1);
  for (const piece of gap) if (piece.kind === 'page' && !page) page = piece.text;
  const content = (from: number, to: number) => gap.slice(from, to).filter((piece) => piece.kind === 'text' || piece.kind === 'ordinal' || piece.kind === 'value');
  if (!before) return { reason: [], page: '', head: withOrdinals(content(0, gap.length)), headFrom: 0, notes };
  if (pages.length > 0) {
    const reason = content(0, pages[0]);
    const between = content(pages[0] + 1, pages[pages.length - 1]);
    if (between.length > 0) notes.push('text between the page and unit cells');
    return { reason: [...reason, ...between], page, head: withOrdinals(content(pages[pages.length - 1] + 1, gap.length)), headFrom: pages[pages.length - 1] + 1, notes };
  }
  const pieces = content(0, gap.length);
  if (tail) return { reason: pieces, page, head: [], headFrom: gap.length, notes };
  const lastLine = all[before.end - 1].lines[all[before.end - 1].lines.length - 1];
  let s = 0;
  // The reason starts on the line where the targets end.
  while (s < pieces.length && pieces[s].kind !== 'ordinal' && pieces[s].lines[0] === lastLine) s++;
  const ordinal = pieces.findIndex((piece) => piece.kind === 'ordinal');
  if (ordinal !== -1 && Number(pieces[ordinal].text) > 1) s = Math.max(s, ordinal);
  else {
    // Cells wider than any text cell are the reason; keep one cell for the measure.
    while (s < pieces.length - 1 && s !== ordinal - 1 && s !== ordinal && (maxWidth(pieces[s]) > textMax + 0.5 || SENTENCE_END.test(pieces[s].text) || sameLine(pieces[s - 1], pieces[s]))) s++;
    if (ordinal === -1 && pieces.length - s > shape.textColumns && s === 0 && maxWidth(pieces[0]) > textMax) s = 1;
  }
  return { reason: pieces.slice(0, s), page, head: withOrdinals(pieces.slice(s)), headFrom: gap.indexOf(pieces[s] ?? gap[gap.length - 1]), notes };
}

//   > | …訂定更具挑戰性及更精準的目標。␠      (a sentence: the reason, not a strategy)
const SENTENCE_END = { test: (text: string) => /[。！？]/u.test(text.trimEnd().slice(-1)) };

/** The piece starts on the line where the one before it ends (the same wrapped cell, split by a value). */
function sameLine(before: Piece | undefined, piece: Piece): boolean {
  return before !== undefined && before.lines[before.lines.length - 1] === piece.lines[0];
}

/** An indicator ordinal goes into its indicator's text: `1.人行環境鋪面改善`. */
function withOrdinals(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const next = pieces[k + 1];
    if (piece.kind === 'ordinal' && next && next.kind === 'text') {
      out.push({ ...next, text: `${piece.text}.${next.text}`, lines: [...piece.lines, ...next.lines], widths: next.widths });
      k++;
    } else out.push(piece.kind === 'ordinal' ? { ...piece, kind: 'text' } : piece);
  }
  return out;
}

function maxWidth(piece: Piece): number {
  return Math.max(0, maxOf(piece.widths));
}

/**
 * The widest text cell line on rows read without doubt (text cells right
 * after a page or unit cell, no more of them than columns): wider cells
 * between two rows belong to the reason.
 */
function measureTextWidth(pieces: readonly Piece[], gaps: ReadonlyArray<{ from: number; to: number }>, shape: RevisionShape): number {
  let max = 0;
  for (const gap of gaps) {
    const slice = pieces.slice(gap.from, gap.to);
    let markerAt = -1;
    slice.forEach((piece, k) => {
      if (piece.kind === 'page' || piece.kind === 'unit') markerAt = k;
    });
    if (markerAt === -1 && gap.from !== 0) continue;
    const head = slice.slice(markerAt + 1).filter((piece) => piece.kind === 'text');
    if (head.length === 0 || head.length > shape.textColumns) continue;
    for (const piece of head) max = Math.max(max, maxWidth(piece));
  }
  return max || 12;
}

/**
 * The text cells of a row, right-aligned on the columns (the measure is the
 * last; a row that goes on under the same strategy writes no strategy).
 * More pieces than columns are joined by line width.
 */
function textCells(row: RevisionRow, shape: RevisionShape): { values: string[]; note: string | null } {
  let cells = row.texts;
  let note: string | null = null;
  if (cells.length > shape.textColumns) {
    cells = partitionByWidth(
      cells.map((piece) => ({ kind: 'cell', text: piece.text, value: false, lines: piece.lines, open: piece.open, widths: piece.widths })),
      shape.textColumns,
    ).map((cell) => ({ ...row.texts[0], text: cell.text, lines: cell.lines, widths: cell.widths }));
    if (!cells.every((cell, k) => cell.text === row.texts[k]?.text)) note = `row has ${row.texts.length} text pieces for ${shape.textColumns} columns; joined by line width`;
  }
  if (cells.length === 0) note = 'row has no text cells';
  const values = cells.map((piece) => cellText(piece.text));
  while (values.length < shape.textColumns) values.unshift('');
  return { values, note };
}

/**
 * The unit of every row.  The page cell's chapter (`P4-6` → plan 4) groups
 * the rows of one plan; a row without a page cell takes the chapter of the
 * row before it, or of the row after it when a unit cell comes between.
 * Each chapter takes the unit cell written among its rows.  Without page
 * cells, a unit cell labels the rows from its own on.
 */
function assignUnits(rows: readonly RevisionRow[], unitAt: ReadonlyArray<{ index: number; unit: string }>): string[] {
  const chapterOf = (row: RevisionRow) => {
    const m = PAGE.exec(row.page);
    return m ? Number(m[1]) : null;
  };
  const own = rows.map(chapterOf);
  const unitBetween = (a: number, b: number) => unitAt.some((u) => u.index > rows[a].from && u.index <= rows[b].from);
  const chapters = own.map((chapter, k) => {
    if (chapter !== null) return chapter;
    let p = k - 1;
    while (p >= 0 && own[p] === null) p--;
    let n = k + 1;
    while (n < rows.length && own[n] === null) n++;
    const previous = p >= 0 ? own[p] : null;
    const next = n < rows.length ? own[n] : null;
    if (previous !== null && (next === null || previous === next || !unitBetween(p, k))) return previous;
    return next;
  });
  // A unit cell is written in the gap before the row it starts.
  const rowOfUnit = (index: number) => {
    const k = rows.findIndex((row) => row.from >= index);
    return k === -1 ? rows.length - 1 : k;
  };
  const unitOfChapter = new Map<number, string>();
  const unitOfRow = new Map<number, string>();
  for (const u of unitAt) {
    const k = rowOfUnit(u.index);
    if (!unitOfRow.has(k)) unitOfRow.set(k, u.unit);
    const chapter = chapters[k];
    if (chapter !== null && !unitOfChapter.has(chapter)) unitOfChapter.set(chapter, u.unit);
  }
  const first = unitAt.length > 0 ? unitOfRow.get(rowOfUnit(unitAt[0].index)) ?? '' : '';
  const out: string[] = [];
  let carried = first;
  rows.forEach((_, k) => {
    const chapter = chapters[k];
    const byChapter = chapter !== null ? unitOfChapter.get(chapter) : undefined;
    // Without a page cell (or a unit for its chapter): the unit cell written last.
    const unit = byChapter ?? unitOfRow.get(k) ?? carried;
    carried = unitOfRow.get(k) ?? unit;
    out.push(unit);
  });
  return out;
}
