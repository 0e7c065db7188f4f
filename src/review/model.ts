/**
 * The data of a review page: a parse result and the text its positions
 * point into, turned into what the page shows — source lines, page marks,
 * furniture lines, and every extracted node with the line span it came from.
 *
 * Pure functions of their input, so the page's content is tested without a
 * browser; the page script only renders this model.  Spans are 1-based,
 * inclusive line ranges `[from, to]` (lines are what the page highlights).
 */
import { normalize } from '../normalize/index.js';
import type {
  Diagnostic,
  DocumentKind,
  Kpi,
  LineRole,
  ParseResult,
  Period,
  Position,
  ReportItem,
  Section,
  Severity,
  Table,
  WorkItem,
} from '../types.js';

/** First and last line (1-based, inclusive). */
export type Span = [from: number, to: number];

export interface PageMark {
  page: number;
  /** First line of the page. */
  line: number;
}

export interface ReviewDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  at: Span | null;
}

export interface ReviewSection {
  marker: string | null;
  title: string;
  level: number;
  at: Span;
  children: ReviewSection[];
}

export interface ReviewTable {
  kind: Table['kind'];
  layout: Table['layout'];
  section: string;
  header: string[];
  rows: string[][];
  /** Where each cell was found in the source (null: empty, or not found). */
  cells: (Span | null)[][];
  at: Span;
}

/** A record with its span and the warnings / errors reported inside it (indexes into `diagnostics`). */
export type Reviewed<T> = Omit<T, 'position'> & { at: Span; flags: number[] };

export interface ReviewDocument {
  kind: DocumentKind;
  title: string;
  agency: string | null;
  period: Period | null;
  revision: string | null;
  at: Span;
  sections: ReviewSection[];
  tables: ReviewTable[];
  kpis: Reviewed<Kpi>[];
  workItems: Reviewed<WorkItem>[];
  reportItems: Reviewed<ReportItem>[];
}

export interface ReviewCounts {
  documents: number;
  kpis: number;
  workItems: number;
  reportItems: number;
  tables: number;
  errors: number;
  warnings: number;
}

export interface ReviewModel {
  file: {
    path: string;
    format: string;
    encoding: string;
    script: string;
    converted: string | null;
    bytes: number;
  };
  lines: string[];
  /** Page furniture normalization found (`[line, role]`), shown dimmed. */
  furniture: [number, LineRole][];
  pages: PageMark[];
  documents: ReviewDocument[];
  diagnostics: ReviewDiagnostic[];
  counts: ReviewCounts;
}

/**
 * Build the model of one file's page.  `diagnostics` defaults to the
 * result's own; a run that adds quality-rule diagnostics passes them all.
 */
export function reviewModel(result: ParseResult, text: string, diagnostics: readonly Diagnostic[] = result.diagnostics): ReviewModel {
  const source = normalize(text);
  const lines = source.lines.map((line) => line.text);
  const furniture: [number, LineRole][] = [];
  for (const line of source.lines) if (line.role !== 'content' && line.role !== 'blank') furniture.push([line.line, line.role]);

  const reviewDiagnostics: ReviewDiagnostic[] = diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    at: d.position ? spanOf(d.position, lines.length) : null,
  }));
  const flagsIn = flagFinder(reviewDiagnostics);

  const documents = result.documents.map((document): ReviewDocument => ({
    kind: document.kind,
    title: document.title ?? '(no title)',
    agency: document.agency,
    period: document.period,
    revision: document.revision,
    at: spanOf(document.position, lines.length),
    sections: document.sections.map((section) => reviewSection(section, lines.length)),
    tables: document.tables.map((table) => reviewTable(table, lines)),
    kpis: document.kpis.map((kpi) => reviewed(kpi, lines.length, flagsIn)),
    workItems: document.workItems.map((item) => reviewed(item, lines.length, flagsIn)),
    reportItems: document.reportItems.map((item) => reviewed(item, lines.length, flagsIn)),
  }));

  const counts: ReviewCounts = { documents: documents.length, kpis: 0, workItems: 0, reportItems: 0, tables: 0, errors: 0, warnings: 0 };
  for (const document of documents) {
    counts.kpis += document.kpis.length;
    counts.workItems += document.workItems.length;
    counts.reportItems += document.reportItems.length;
    counts.tables += document.tables.length;
  }
  for (const d of reviewDiagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
  }

  const { path, format, encoding, script, converted, bytes } = result.source;
  return {
    file: { path, format, encoding, script, converted, bytes },
    lines,
    furniture,
    pages: pageMarks(result, lines),
    documents,
    diagnostics: reviewDiagnostics,
    counts,
  };
}

/**
 * The lines a position covers.  An end at column 1 of a later line stops
 * before that line (nothing of it is covered); lines past the end of the
 * text are clipped to it.
 */
export function spanOf(position: Position, lineCount: number): Span {
  const last = Math.max(1, lineCount);
  const from = clamp(position.start.line, 1, last);
  let to = position.end.line;
  if (position.end.column <= 1 && to > position.start.line) to--;
  return [from, clamp(to, from, last)];
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function reviewSection(section: Section, lineCount: number): ReviewSection {
  // Iterative, not recursive: a pathological tree must not blow the stack.
  const root: ReviewSection = { marker: section.marker, title: section.title, level: section.level, at: spanOf(section.position, lineCount), children: [] };
  const stack: [Section, ReviewSection][] = [[section, root]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const child of from.children) {
      const copy: ReviewSection = { marker: child.marker, title: child.title, level: child.level, at: spanOf(child.position, lineCount), children: [] };
      to.children.push(copy);
      stack.push([child, copy]);
    }
  }
  return root;
}

function reviewed<T extends { position: Position }>(record: T, lineCount: number, flagsIn: (span: Span) => number[]): Reviewed<T> {
  const { position, ...rest } = record;
  const at = spanOf(position, lineCount);
  return { ...rest, at, flags: flagsIn(at) };
}

/**
 * Which warnings and errors start inside a span: binary search over the
 * diagnostics sorted by first line, so flagging every record is
 * O((records + diagnostics) · log diagnostics).
 */
export function flagFinder(diagnostics: readonly ReviewDiagnostic[]): (span: Span) => number[] {
  const located: { line: number; index: number }[] = [];
  diagnostics.forEach((d, index) => {
    if (d.at && d.severity !== 'info') located.push({ line: d.at[0], index });
  });
  located.sort((a, b) => a.line - b.line || a.index - b.index);
  return ([from, to]) => {
    let low = 0;
    let high = located.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (located[middle].line < from) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < located.length && located[i].line <= to; i++) found.push(located[i].index);
    return found;
  };
}

// ---------------------------------------------------------------------------
// Pages

/**
 * Where pages start.  A PDF front end records the page on each position
 * (`start.page`): the first line seen on a page starts it.  Without that,
 * form feeds (pdftotext writes one before each page after the first) mark
 * the pages:
 *
 *   > | \f貳、施政重點
 *       ^
 */
export function pageMarks(result: ParseResult, lines: readonly string[]): PageMark[] {
  const firstLine = new Map<number, number>();
  const note = (position: Position | null): void => {
    const page = position ? (position.start as { page?: unknown }).page : undefined;
    if (typeof page !== 'number' || !Number.isInteger(page) || !position) return;
    const line = position.start.line;
    const seen = firstLine.get(page);
    if (seen === undefined || line < seen) firstLine.set(page, line);
  };
  for (const d of result.diagnostics) note(d.position);
  for (const document of result.documents) {
    note(document.position);
    const sections = [...document.sections];
    while (sections.length) {
      const section = sections.pop()!;
      note(section.position);
      for (const child of section.children) sections.push(child);
    }
    for (const table of document.tables) note(table.position);
    for (const kpi of document.kpis) note(kpi.position);
    for (const item of document.workItems) note(item.position);
    for (const item of document.reportItems) note(item.position);
  }
  if (firstLine.size) {
    return [...firstLine].map(([page, line]) => ({ page, line })).sort((a, b) => a.line - b.line || a.page - b.page);
  }
  const marks: PageMark[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('\f')) continue;
    if (marks.length === 0) marks.push({ page: 1, line: 1 });
    // A form feed at the very start of the file does not start a second page.
    if (i === 0 && lines[i].indexOf('\f') === 0) continue;
    marks.push({ page: marks.length + 1, line: i + 1 });
  }
  return marks;
}

// ---------------------------------------------------------------------------
// Tables: where each cell was written

/** How far past the previous cell (in compared characters) a cell is looked for: bounds the work on a table whose cells are nowhere in the text. */
const CELL_WINDOW = 4000;

/**
 * Cells carry no position of their own, so each is found again in the
 * table's lines.  The lines are compared as one key (`searchKey`: no
 * whitespace, punctuation or HTML tags, half-width digits), so a cell
 * wrapped over several lines, or written with its marker on a line of its
 * own, is found whole and spans those lines:
 *
 *   > | \t一
 *         ^
 *   > | \t原住民歲時祭儀及客家節慶活動廣為宣傳
 *
 * (the cell `一、原住民歲時祭儀…` covers both lines).  Each cell is searched
 * forward from the previous one (or, failing that, from the start of its
 * row), so a value repeated in a later row is matched to its own row; when
 * the whole cell is not found (a flattened PDF row interleaves its
 * columns), its first characters are.
 */
export function locateCells(table: Pick<Table, 'rows' | 'position'>, lines: readonly string[]): (Span | null)[][] {
  const [first, last] = spanOf(table.position, lines.length);
  let key = '';
  const lineAt: number[] = [];
  for (let line = first; line <= last; line++) {
    const part = searchKey(lines[line - 1] ?? '');
    key += part;
    for (let i = 0; i < part.length; i++) lineAt.push(line);
  }
  const find = (whole: string, from: number): { at: number; length: number } | null => {
    const window = key.slice(from, from + CELL_WINDOW);
    let hit = window.indexOf(whole);
    let length = whole.length;
    for (const prefix of [8, 3]) {
      if (hit >= 0 || prefix >= whole.length) continue;
      hit = window.indexOf(whole.slice(0, prefix));
      length = prefix;
    }
    return hit < 0 ? null : { at: from + hit, length };
  };
  let rowStart = 0;
  return table.rows.map((row) => {
    let cursor = rowStart;
    let first: number | null = null;
    const spans = row.map((cell): Span | null => {
      const whole = searchKey(cell);
      if (!whole) return null;
      // A flattened PDF row interleaves its columns: a cell not found after
      // the previous one may still be in the row's lines before it.
      const found = find(whole, cursor) ?? (cursor > rowStart ? find(whole, rowStart) : null);
      if (!found) return null;
      cursor = found.at + Math.min(found.length, 3);
      first ??= cursor;
      return [lineAt[found.at], lineAt[found.at + found.length - 1]];
    });
    if (first !== null) rowStart = first;
    return spans;
  });
}

// Left out of compared text: spacing, table pipes, and punctuation a reader
// adds or drops when it joins a cell (`一` + `、`, `(1)` vs `（1）`).
const IGNORED = new Set([...'|、，,.。；;：:（）()「」『』【】[]*#•·．…'].map((ch) => ch.charCodeAt(0)));

/** Text as compared when finding cells: no whitespace, punctuation or HTML tags; NFC; half-width letters and digits. */
export function searchKey(text: string): string {
  let key = '';
  const nfc = text.normalize('NFC');
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (code === 0x3c /* < */) {
      // An HTML tag in a converter's table cell (`<br>`, `</li>`): skip to its end.
      const next = nfc.charCodeAt(i + 1);
      const isTag = (next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a) || next === 0x2f;
      const close = isTag ? nfc.indexOf('>', i) : -1;
      if (close > 0 && close - i < 200) {
        i = close;
        continue;
      }
    }
    if (code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff || IGNORED.has(code)) continue;
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) key += String.fromCharCode(code - 0xfee0);
    else key += nfc[i];
  }
  return key;
}

function reviewTable(table: Table, lines: readonly string[]): ReviewTable {
  return {
    kind: table.kind,
    layout: table.layout,
    section: table.section,
    header: table.header,
    rows: table.rows,
    cells: locateCells(table, lines),
    at: spanOf(table.position, lines.length),
  };
}
