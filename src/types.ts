/**
 * Types shared across the pipeline stages.
 *
 * The output types (`ParseResult` and everything it holds) are the published
 * contract and mirror `schemas/plan-document.schema.json`; `test/schema.test.ts`
 * checks that the two agree on real output.  The internal types (`Line`,
 * `DocumentSpan`, `RawTable`, …) are what one stage hands to the next.
 */

// ---------------------------------------------------------------------------
// Positions and diagnostics (unist / vfile style)

/** A place in the decoded source: 1-based line and column, 0-based offset (UTF-16 code units). */
export interface Point {
  line: number;
  column: number;
  offset: number;
  /** 1-based page, for paged sources (PDF) whose text rendition knows it. */
  page?: number;
}

export interface Position {
  start: Point;
  end: Point;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case id, e.g. `kpi-target-count`. */
  code: string;
  message: string;
  position: Position | null;
}

// ---------------------------------------------------------------------------
// Output model (SPEC §3)

/**
 * Which shape the input came in: text exports (`pdf-text` flattened PDF text,
 * `pdf-layout-text` space-aligned PDF text, `word-text`, `markdown`, `text`) or
 * a file read directly by a front end (`pdf`, `docx`, `odt`).
 */
export type SourceFormat = 'pdf-text' | 'pdf-layout-text' | 'word-text' | 'markdown' | 'text' | 'pdf' | 'docx' | 'odt' | 'html';
export type Script = 'traditional' | 'simplified';

export interface Source {
  path: string;
  bytes: number;
  sha256: string;
  encoding: string;
  script: Script;
  /** The conversion applied, e.g. `s2twp`, or null. */
  converted: string | null;
  format: SourceFormat;
}

export type DocumentKind =
  | 'mid-term-plan'
  | 'annual-plan'
  | 'performance-report'
  | 'work-plan'
  | 'work-report'
  | 'revision-summary'
  | 'unknown';

export interface Period {
  from: number;
  to: number;
  gregorian: { from: number; to: number };
}

export type MarkerStyle =
  | 'cjk-formal'
  | 'cjk'
  | 'cjk-paren'
  | 'arabic'
  | 'arabic-paren'
  | 'stem'
  | 'circled'
  | 'markdown';

export interface Section {
  marker: string | null;
  style: MarkerStyle | null;
  ordinal: number | null;
  level: number;
  title: string;
  body: string[];
  position: Position;
  children: Section[];
}

export type TableKind = 'kpi' | 'common-kpi' | 'work-items' | 'report-items' | 'kpi-revisions' | 'other';
export type TableLayout = 'tsv' | 'cell-per-line' | 'flattened' | 'markdown' | 'aligned' | 'pdf-grid' | 'pdf-aligned' | 'docx' | 'odt' | 'reading-order' | 'html' | 'grid' | 'dashed' | 'web-copy' | 'writer-text';

export interface Table {
  kind: TableKind;
  layout: TableLayout;
  header: string[];
  rows: string[][];
  /** Path of the enclosing section titles joined with `/`. */
  section: string;
  position: Position;
}

export type TargetType = 'number' | 'percent' | 'date' | 'range' | 'text' | 'blank';

/**
 * The bound a target states: `>=` for ≧ / 以上 / 至少, `<=` for ≦ / 以下 /
 * 以內, `>` / `<` for strict ones (超過, 未滿).  Absent when the target is a
 * plain value.
 */
export type Comparator = '>=' | '<=' | '>' | '<';

interface TargetFields {
  year: number;
  gregorianYear: number;
  raw: string;
  unit: string | null;
  /** Only present when the cell states a bound (`≧91%` → `>=`); schema 1.1.0. */
  comparator?: Comparator;
}

/**
 * One year's target; `value` is narrowed by `type` (a discriminated union):
 * number / percent: a number; date: `MM-DD`; range: `{min,max}`; text, blank: null.
 */
export type Target = TargetFields &
  (
    | { type: 'number' | 'percent'; value: number }
    | { type: 'date'; value: string }
    | { type: 'range'; value: { min: number; max: number } }
    | { type: 'text' | 'blank'; value: null }
  );

export interface KpiStrategy {
  marker: string | null;
  ordinal: number | null;
  text: string;
  perspective: string | null;
  weight: number | null;
}

export interface KpiIndicator {
  marker: string | null;
  ordinal: number | null;
  text: string;
  weight: number | null;
}

export interface Kpi {
  strategy: KpiStrategy;
  indicator: KpiIndicator;
  measure: string | null;
  assessment: { system: string | null; method: string | null } | null;
  common: boolean;
  targets: Target[];
  position: Position;
}

export interface Budget {
  raw: string;
  value: number | null;
  unit: string | null;
  note: string | null;
}

export interface WorkItem {
  path: string[];
  item: string;
  content: string | null;
  budget: Budget | null;
  position: Position;
}

export interface ReportItem {
  path: string[];
  status: string;
  completion: { raw: string; value: number | null } | null;
  note: string | null;
  position: Position;
}

export interface PlanDocument {
  kind: DocumentKind;
  /** null when the document has no title line. */
  title: string | null;
  agency: string | null;
  period: Period | null;
  revision: string | null;
  position: Position;
  sections: Section[];
  tables: Table[];
  kpis: Kpi[];
  workItems: WorkItem[];
  reportItems: ReportItem[];
}

export interface ParseResult {
  schemaVersion: string;
  source: Source;
  documents: PlanDocument[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Internal model: what the stages hand each other

/**
 * One physical line of the decoded source.  `text` is the line as written
 * (no end-of-line characters); nothing in the pipeline rewrites it.
 */
export interface Line {
  /** 0-based index in the file's line array. */
  index: number;
  /** 1-based line number in the decoded source. */
  line: number;
  /** Offset of the first character of the line in the decoded source. */
  offset: number;
  text: string;
  /** 1-based page of a paged source (PDF rendition), else undefined. */
  page?: number;
  /**
   * What normalization decided about the line: `content`, `blank`, or page
   * furniture that later stages skip (`page-number`, `running-header`, `toc`,
   * `furniture` for web-page copies' navigation, counters and links).
   */
  role: LineRole;
}

export type LineRole = 'content' | 'blank' | 'page-number' | 'running-header' | 'toc' | 'furniture';

/** The decoded, normalized input a file's stages work on. */
export interface SourceText {
  /** Decoded source text (what positions point into). */
  text: string;
  lines: Line[];
  format: SourceFormat;
  /**
   * Tables a front end read exactly (DOCX/ODT cells, a PDF's ruled grid),
   * addressed by line range of the text rendition.  The table stage takes
   * them as they are instead of guessing from the text.
   */
  knownTables?: RawTable[];
  /** What normalization found worth reporting (e.g. `toc-not-closed`). */
  diagnostics?: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Front ends: PDF, DOCX, ODT files (src/formats/)

/**
 * What a format front end hands the pipeline: a text rendition that every
 * later stage reads like a text export (one line per paragraph or printed
 * line; positions point into it), plus what the format knows exactly.
 */
export interface Rendition {
  /** The text rendition; lines separated by `\n`. */
  text: string;
  format: SourceFormat;
  /** Tables stored cell by cell; rows address lines of `text` (0-based indexes). */
  tables: RenditionTable[];
  /** Lines the format itself marks as furniture (page headers/footers, page numbers). */
  furniture: { line: number; role: LineRole }[];
  /** For paged formats, the 0-based line index where each page starts (page 1 first); else null. */
  pageStarts: number[] | null;
  /** Problems met while reading; positions null or in the rendition. */
  diagnostics: Diagnostic[];
  /** The file cannot be read (damaged, encrypted, no text layer): emit no documents. */
  fatal: boolean;
  /** A text format (HTML) decoded by the front end: what `source` records of the decoding. */
  decoded?: { encoding: string; script: Script; converted: string | null };
}

/** A table a front end read cell by cell. */
export interface RenditionTable {
  layout: TableLayout;
  /** One entry per column; multi-row headers joined with `/`. */
  header: string[];
  /** Body rows (repeated header rows removed); `\n` separates a cell's paragraphs/lines. */
  rows: { cells: string[]; start: number; end: number; warning?: { code: string; message: string } }[];
  /** Line range [start, end) of the rendition the table occupies (end exclusive). */
  start: number;
  end: number;
  diagnostics?: Diagnostic[];
}

/**
 * A file-format front end (`src/formats/*.ts`, listed in `src/formats/index.ts`).
 * `sniff` looks at the leading bytes (signature, not extension); `read` turns the
 * file into a rendition, synchronously or not (pdf.js is asynchronous).
 */
export interface FrontEnd {
  format: 'pdf' | 'docx' | 'odt' | 'html';
  sniff(bytes: Uint8Array): boolean;
  read(bytes: Uint8Array, options: ParseOptions): Rendition | Promise<Rendition>;
}

/** A logical document found by the split stage: a half-open range of lines. */
export interface DocumentSpan {
  kind: DocumentKind;
  title: string | null;
  agency: string | null;
  period: Period | null;
  revision: string | null;
  /** First line index (its cover, else its title). */
  start: number;
  /** One past the last line index. */
  end: number;
  /** Line indexes that hold the title (or repeated title / cover) and are not body text. */
  titleLines: number[];
}

/** One row of a table as a reader found it. */
export interface RawRow {
  /** Cell text; structural breaks inside a cell (`<li>`, `<p>`, `<br>`) are `\n`. */
  cells: string[];
  position: Position;
  /** Line indexes the row came from. */
  lines: number[];
}

/** A table as a layout reader found it, before its kind and records are decided. */
export interface RawTable {
  layout: TableLayout;
  /** One entry per column; multi-row headers joined with `/`. */
  header: string[];
  rows: RawRow[];
  /** Line range [start, end) the table occupies (end exclusive). */
  start: number;
  end: number;
  position: Position;
  diagnostics: Diagnostic[];
}

/**
 * A table layout reader.  Every layout (tsv, cell-per-line, flattened, …) is a
 * module exporting one of these, listed in `src/tables/index.ts`.
 */
export interface TableReader {
  layout: TableLayout;
  /**
   * Try to read a table whose first line is `lines[start]`, not reading past
   * `limit` (exclusive).  Returns null when no table of this layout starts there.
   */
  read(lines: Line[], start: number, limit: number, source: SourceText): RawTable | null;
}

export interface ParseOptions {
  /** Path recorded in `source.path` (as given; never made absolute). */
  path?: string;
  /** Force an encoding (iconv-lite name), skipping detection. */
  encoding?: string;
  /** Convert Simplified to Traditional (default true). */
  convert?: boolean;
}
