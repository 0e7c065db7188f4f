/**
 * One input, start to finish: read → parse → validate against the schema →
 * (validate: quality rules) → serialize.  Runs in a worker thread or, for a
 * single file or `--jobs 1`, in the main thread; either way the result is the
 * same plain, structured-clonable object, so output is identical whatever
 * `--jobs` is.  Nothing here writes to stdout or to files: the main thread
 * does, in input order.
 */
import type { ReviewModel } from '../review/model.js';
import { nonDocumentKind } from '../io/kinds.js';
import { applyRules, type RuleSetting } from './config.js';
import type { DocumentSink, HeldBytes } from '../parse.js';
import type { Serialized } from '../serialize.js';
import { TIGHT_HEAP_BYTES, tightHeap } from './heap.js';
import { DocumentSpill } from './spill.js';
import type { Diagnostic, ParseResult, PlanDocument, Position } from '../types.js';

export type Mode = 'parse' | 'validate' | 'kpis' | 'items' | 'review';

/** Settings every task of a run shares (sent to workers as workerData). */
export interface RunConfig {
  mode: Mode;
  encoding?: string;
  convert: boolean;
  maxBytes: number;
  /** Serialize the result (parse mode). */
  json: boolean;
  pretty: boolean;
  /** Run the quality rules (validate). */
  quality: boolean;
  /** Return the source lines diagnostics point at (pretty reporter). */
  snippets: boolean;
  /** CSV rows to produce (kpis / items), else null. */
  csv: 'kpis' | 'items' | null;
  /** Rows as JSON objects instead of CSV (kpis / items with --format json|ndjson). */
  csvAsJson: boolean;
  /** Build the review page's model (review). */
  review?: boolean;
  /** With csvAsJson: `json` gives the rows as array elements (`,\n` between, `pretty` honoured), else NDJSON lines. */
  rowsFormat?: 'json' | 'ndjson';
  /** Severity per diagnostic code, or off (`--rule`, config file). */
  rules?: Record<string, RuleSetting>;
}

export interface Task {
  index: number;
  /** What to read: a path, or its bytes when a name in it is not UTF-8. */
  path: string | Uint8Array;
  display: string;
  /** Found by walking a folder (not named on the command line): a non-document file there is skipped, not failed. */
  walked?: boolean;
  /** Already read bytes (standard input). */
  bytes?: Uint8Array;
}

/**
 * `ok`: parsed, valid (it may have warnings); `failed`: the input has an
 * error (binary, empty, undecodable, too large, fails the schema, a quality
 * error); `io-error`: the input could not be read (exit 2); `crashed`: the
 * parser threw (a bug; exit 1); `skipped`: a file found in a folder walk that
 * is no document (an image, an archive, a spreadsheet): counted, not failed.
 */
export type Status = 'ok' | 'failed' | 'io-error' | 'crashed' | 'skipped';

export interface Snippet {
  /** The source line (clipped to a window around the column when long), tabs as spaces. */
  text: string;
  /** 0-based index in `text` of the caret (UTF-16 code units). */
  caret: number;
  /** Text was cut on the left / right. */
  clippedLeft: boolean;
  clippedRight: boolean;
}

export interface TaskResult {
  index: number;
  path: string;
  bytes: number;
  status: Status;
  /** Parse diagnostics, then schema and quality diagnostics (validate), by position. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /**
   * Canonical JSON as UTF-8 bytes, in blocks whose concatenation is the
   * file's bytes (parse mode, status ok).  Bytes, not a string: a worker
   * encodes in parallel and transfers the buffers instead of having a large
   * string copied by structured clone; blocks, not one buffer: a large
   * output is never copied into one.
   */
  json?: Uint8Array[];
  /**
   * A large output's documents, in a temp file: its bytes go before
   * `json[at]` (the main thread copies them in and removes the file).
   */
  jsonSpill?: { path: string; at: number };
  /** CSV body rows or NDJSON rows (kpis / items, status ok). */
  rows?: string;
  /** Source lines for diagnostics, keyed `line:column`. */
  snippets?: Record<string, Snippet>;
  /** The review page's model (review, when the file parsed). */
  review?: ReviewModel;
}

export interface Toolkit {
  parse: (input: HeldBytes, options: { path?: string; encoding?: string; convert?: boolean }, sink?: DocumentSink) => Promise<ParseResult>;
  serializedDocument: (document: PlanDocument, pretty?: boolean, onBlock?: (block: Uint8Array) => void) => Serialized;
  validateResult: (result: ParseResult) => Diagnostic[];
  canonicalJson: (value: unknown, pretty?: boolean) => string;
  canonicalJsonBytes: (value: unknown, pretty?: boolean) => Uint8Array[];
  readInput: (path: string | Uint8Array, maxBytes: number, name?: string) => Uint8Array;
  quality?: (result: ParseResult) => Diagnostic[];
  decodeText?: (bytes: Uint8Array, options: { encoding?: string; convert?: boolean }) => string;
  rows?: (result: ParseResult) => string;
  review?: (result: ParseResult, diagnostics: Diagnostic[]) => ReviewModel;
  /** Whether the bytes are read as text (no PDF, DOCX, ODT or HTML front end takes them). */
  readsAsText?: (bytes: Uint8Array) => boolean;
}

/** Load what a run needs (heavy modules only when needed). */
export async function loadToolkit(config: RunConfig): Promise<Toolkit> {
  const [{ parseStreaming: parse }, { validateResult }, { canonicalJson, canonicalJsonBytes, serializedDocument }, { readInput }, { frontEndFor }] = await Promise.all([
    import('../parse.js'),
    import('../validate.js'),
    import('../serialize.js'),
    import('../io/read.js'),
    import('../formats/index.js'),
  ]);
  const toolkit: Toolkit = {
    parse,
    validateResult,
    canonicalJson,
    canonicalJsonBytes,
    serializedDocument,
    readInput,
    readsAsText: (bytes) => frontEndFor(bytes) === null,
  };
  if (config.quality) toolkit.quality = (await import('../quality/index.js')).checkQuality;
  if (config.snippets) {
    const { decode } = await import('../decode/index.js');
    toolkit.decodeText = (bytes, options) => decode(bytes, options).text;
  }
  if (config.csv) {
    const { loadExporter } = await import('./exporters.js');
    const exporter = await loadExporter(config.csv);
    toolkit.rows = config.csvAsJson
      ? (result) => exporter.jsonRows(result, { array: config.rowsFormat === 'json', pretty: config.pretty })
      : exporter.csvRows;
  }
  if (config.review) {
    const [{ reviewModel }, { sourceTextOf }] = await Promise.all([import('../review/model.js'), import('../parse.js')]);
    toolkit.review = (result, diagnostics) => reviewModel(result, sourceTextOf(result) ?? '', diagnostics);
  }
  return toolkit;
}

/**
 * Run one task.  `onStart` is called once the input is read, before the
 * parse (the worker pool starts the file's time budget there).
 */
export async function runTask(
  toolkit: Toolkit,
  config: RunConfig,
  task: Task,
  onStart?: (bytes: number) => void,
  onSpill?: (path: string) => void,
): Promise<TaskResult> {
  const out: TaskResult = { index: task.index, path: task.display, bytes: 0, status: 'ok', diagnostics: [], errors: 0, warnings: 0 };
  // The input's bytes are held here and let go once parsed, unless a snippet
  // needs them again (a large file's bytes are as big as its decoded text).
  const input: HeldBytes = { bytes: null };
  try {
    input.bytes = task.bytes ?? toolkit.readInput(task.path, config.maxBytes, typeof task.path === 'string' ? task.path : task.display);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? 'EIO');
    const tooLarge = code === 'too-large';
    out.status = tooLarge ? 'failed' : 'io-error';
    out.diagnostics.push({ severity: 'error', code: tooLarge ? 'file-too-large' : 'read-error', message: messageOf(error), position: null });
    return count(out);
  }
  out.bytes = input.bytes.byteLength;
  if (task.walked) {
    const kind = nonDocumentKind(input.bytes);
    if (kind) {
      out.status = 'skipped';
      out.diagnostics.push({ severity: 'info', code: 'not-a-document', message: `skipped: ${kind}, not a document plan-parse reads`, position: null });
      return count(out);
    }
  }
  onStart?.(input.bytes.byteLength);
  let spill: DocumentSpill | null = null;
  try {
    // Parse mode writes only the JSON: each document is checked against the
    // schema and serialized as soon as it is parsed, and only its bytes are
    // kept (memory proportional to the output, not to the result's objects).
    const streaming = config.json && !toolkit.quality && !toolkit.rows && !toolkit.review;
    const schemaProblems: Diagnostic[] = [];
    spill = streaming ? new DocumentSpill(config.pretty, (path) => onSpill?.(path)) : null;
    const sink: DocumentSink | undefined = spill
      ? (document, index, shell) => {
          for (const d of toolkit.validateResult({ ...shell, diagnostics: [], documents: [document] })) {
            schemaProblems.push({ ...d, message: d.message.replace(/ at \/documents\/0\b/, ` at /documents/${index}`) });
          }
          // (A stand-in the serializer writes as the document's bytes.)
          if (schemaProblems.length) return document;
          return spill!.add((onBlock) => toolkit.serializedDocument(document, config.pretty, onBlock)) as unknown as PlanDocument;
        }
      : undefined;
    // The parser lets go of the bytes it is handed once decoded.
    const snippetBytes = config.snippets ? input.bytes : null;
    // Bytes read here, with no snippet to take from them, are the parser's to free once decoded.
    input.release = task.bytes === undefined && snippetBytes === null;
    // A big text file's heap kept near what is live in it (src/cli/heap.ts).
    const tight = input.bytes!.byteLength >= TIGHT_HEAP_BYTES && toolkit.readsAsText?.(input.bytes!) === true;
    if (tight) tightHeap(true);
    let result: ParseResult;
    try {
      result = await toolkit.parse(input, { path: task.display, encoding: config.encoding, convert: config.convert }, sink);
    } finally {
      if (tight) tightHeap(false);
    }
    for (const d of result.diagnostics) out.diagnostics.push(d);
    const parseErrors = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
    const fatal = parseErrors.size > 0;
    if (fatal) out.status = 'failed';
    else {
      if (streaming) {
        // The documents were checked one by one; the rest of the result with none.
        if (!schemaProblems.length) for (const d of toolkit.validateResult({ ...result, documents: [] })) schemaProblems.push(d);
      } else for (const d of toolkit.validateResult(result)) schemaProblems.push(d);
      if (schemaProblems.length) {
        out.status = 'failed';
        for (const d of schemaProblems) out.diagnostics.push({ ...d, message: `${d.message} (this is a bug in plan-parse; please report it)` });
      } else {
        if (toolkit.quality) addQuality(out.diagnostics, toolkit.quality(result));
        // UTF-8 written piece by piece: a large result never exists as one JSON string beside its bytes.
        if (config.json) out.json = toolkit.canonicalJsonBytes(result, config.pretty);
        if (out.json && spill?.path) {
          spill.close();
          const at = out.json.indexOf(spill.marker);
          out.json.splice(at, 1);
          out.jsonSpill = { path: spill.path, at };
        }
        if (toolkit.rows) out.rows = toolkit.rows(result);
        if (toolkit.review) out.review = toolkit.review(result, out.diagnostics);
      }
    }
    if (!out.jsonSpill) spill?.remove();
    if (config.rules && Object.keys(config.rules).length) out.diagnostics = applyRules(out.diagnostics, config.rules, parseErrors);
    count(out);
    if (out.errors && out.status === 'ok') out.status = 'failed';
    // A PDF's, DOCX's or ODT's positions point into its text rendition, not into its bytes.
    const rendered = result.source.format === 'pdf' || result.source.format === 'docx' || result.source.format === 'odt';
    if (config.snippets && toolkit.decodeText && snippetBytes && !rendered && out.diagnostics.some((d) => d.position && d.severity !== 'info')) {
      out.snippets = snippetsFor(toolkit.decodeText(snippetBytes, { encoding: config.encoding, convert: config.convert }), out.diagnostics);
    }
    return out;
  } catch (error) {
    spill?.remove();
    delete out.jsonSpill;
    out.status = 'crashed';
    out.diagnostics = [{ severity: 'error', code: 'internal-error', message: `plan-parse crashed on this file (a bug; please report it): ${messageOf(error)}`, position: null }];
    delete out.json;
    delete out.rows;
    return count(out);
  }
}

function count(out: TaskResult): TaskResult {
  let errors = 0;
  let warnings = 0;
  for (const d of out.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  out.errors = errors;
  out.warnings = warnings;
  return out;
}

/** Add quality diagnostics, skipping any the parser already reported at the same place. */
function addQuality(diagnostics: Diagnostic[], extra: Diagnostic[]): void {
  const key = (d: Diagnostic): string => `${d.code}@${d.position ? d.position.start.offset : '-'}`;
  const seen = new Set(diagnostics.map(key));
  for (const d of extra) {
    if (seen.has(key(d))) continue;
    seen.add(key(d));
    diagnostics.push(d);
  }
  diagnostics.sort((a, b) => offsetOf(a.position) - offsetOf(b.position));
}

function offsetOf(position: Position | null): number {
  return position ? position.start.offset : -1;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

const WINDOW = 120;

/** The lines diagnostics point at, clipped around the column (a 5 MB line stays small). */
export function snippetsFor(text: string, diagnostics: Diagnostic[]): Record<string, Snippet> {
  const wanted = new Map<number, number[]>();
  for (const d of diagnostics) {
    if (!d.position || d.severity === 'info') continue;
    const { line, column } = d.position.start;
    const columns = wanted.get(line) ?? [];
    columns.push(column);
    wanted.set(line, columns);
  }
  const snippets: Record<string, Snippet> = {};
  if (wanted.size === 0) return snippets;
  let line = 1;
  let start = 0;
  const length = text.length;
  while (start <= length && wanted.size) {
    let end = start;
    while (end < length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const columns = wanted.get(line);
    if (columns) {
      wanted.delete(line);
      for (const column of columns) snippets[`${line}:${column}`] = clip(text, start, end, column);
    }
    if (end >= length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return snippets;
}

function clip(text: string, start: number, end: number, column: number): Snippet {
  const at = Math.min(start + Math.max(column - 1, 0), end);
  let from = start;
  let to = end;
  if (to - from > WINDOW) {
    from = Math.max(start, at - Math.floor(WINDOW / 3));
    to = Math.min(end, from + WINDOW);
  }
  return {
    text: text.slice(from, to).replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' '),
    caret: at - from,
    clippedLeft: from > start,
    clippedRight: to < end,
  };
}
