/**
 * The pipeline: decode → normalize → split documents → tables → sections →
 * records.  Each stage is a pure function of its input; this module only
 * wires them together.  Validation and serialization are separate
 * (`validate.ts`, `serialize.ts`) so callers can parse without paying for them.
 */
import { createHash } from 'node:crypto';
import { decode, decodeString } from './decode/index.js';
import { forcedEncodingProblem } from './decode/forced-check.js';
import { splitDocuments, spanPosition } from './documents.js';
import { normalize } from './normalize/index.js';
import { readRecords } from './records/index.js';
import { buildSections, sectionPathAt } from './sections.js';
import { findTables } from './tables/index.js';
import { frontEndFor, frontEndInput, renditionSource } from './formats/index.js';
import type { Diagnostic, DocumentSpan, Line, ParseOptions, ParseResult, PlanDocument, Point, RawTable, Rendition, SourceFormat, SourceText, Table } from './types.js';
import { append } from './arrays.js';
import { lineTableOf } from './line-table.js';

export const SCHEMA_VERSION = '1.2.0';

/**
 * The text each result's positions point into (the decoded text, or a front
 * end's text rendition of a PDF/DOCX/ODT), kept beside the result rather than
 * in it: the JSON output stays as it is, and a tool that shows the source next
 * to the extraction (`plan-parse review`) can still get it.
 */
const sourceTexts = new WeakMap<ParseResult, string>();

/** The text `result`'s positions point into, for results made by `parse` in this thread. */
export function sourceTextOf(result: ParseResult): string | undefined {
  return sourceTexts.get(result);
}

/**
 * Parse one file's bytes (or an already decoded string) into a result.
 * Synchronous: text, HTML, DOCX and ODT.  A PDF needs `parseAsync` (pdf.js is
 * asynchronous); given one, `parse` returns an `async-required` error result.
 * Never throws: a wrong argument is an error result.
 */
export function parse(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const wrong = wrongArguments(input, options);
  if (wrong) return wrong;
  const page = typeof input === 'string' ? frontEndInput(input) : null;
  if (page) input = page.bytes;
  const frontEnd = page?.frontEnd ?? (typeof input === 'string' ? null : frontEndFor(input));
  if (frontEnd) {
    const rendition = frontEnd.read(input as Uint8Array, options);
    if (rendition instanceof Promise) {
      rendition.catch(() => undefined);
      const result = emptyResult(input as Uint8Array, options, 'binary', frontEnd.format);
      result.diagnostics.push({ severity: 'error', code: 'async-required', message: `a ${frontEnd.format.toUpperCase()} file is read asynchronously: call parseAsync()`, position: null });
      return result;
    }
    return fromRendition(input as Uint8Array, options, rendition);
  }
  return fromText(typeof input === 'string' ? input : { bytes: input }, options);
}

/** Parse any input, including PDF files (whose reader is asynchronous). */
export async function parseAsync(input: Uint8Array | string, options: ParseOptions = {}): Promise<ParseResult> {
  return parseStreaming(input, options);
}

/**
 * Takes each document as soon as it is parsed; what it returns takes the
 * document's place in `result.documents` (the CLI serializes the document
 * there and keeps only its bytes, so a file's documents never all exist as
 * objects at once).
 */
export type DocumentSink = (document: PlanDocument, index: number, result: ParseResult) => PlanDocument;

/**
 * A file's bytes handed over to the parser, which lets go of them (sets
 * `bytes` to null) once they are decoded and hashed: on a large file they are
 * as big as the decoded text, and nothing after decoding needs them.
 */
export interface HeldBytes {
  bytes: Uint8Array | null;
  /**
   * Nothing else holds them: their memory is freed once decoded (their
   * ArrayBuffer detached).  Else it waits for a full collection, which on a
   * big file comes only after the parse: 40 MB of a 40 MB file's peak.
   */
  release?: boolean;
}

/** `parseAsync`, handing each document to `sink` as it is parsed (internal: the CLI's parse mode). */
export async function parseStreaming(input: Uint8Array | string | HeldBytes, options: ParseOptions = {}, sink?: DocumentSink): Promise<ParseResult> {
  if (typeof input === 'string' || input instanceof Uint8Array || input === null || typeof input !== 'object') {
    const wrong = wrongArguments(input, options);
    if (wrong) return wrong;
    // A string that starts like an HTML document is read by the HTML front end.
    const page = typeof input === 'string' ? frontEndInput(input) : null;
    if (page) return fromRendition(page.bytes, options, await page.frontEnd.read(page.bytes, options), sink);
    const frontEnd = typeof input === 'string' ? null : frontEndFor(input);
    if (frontEnd) return fromRendition(input as Uint8Array, options, await frontEnd.read(input as Uint8Array, options), sink);
    return fromText(typeof input === 'string' ? input : { bytes: input }, options, sink);
  }
  // Held bytes: no local of this frame keeps them while the parse runs.
  if (!(input.bytes instanceof Uint8Array) || frontEndFor(input.bytes)) return parseStreaming(input.bytes as Uint8Array, options, sink);
  return fromText(input, options, sink);
}

function fromText(input: HeldBytes | string, options: ParseOptions, sink?: DocumentSink, linesByDocument = true): ParseResult {
  const prepared = prepareText(input, options, linesByDocument);
  // (`input`'s bytes are let go of by now: only the decoded text goes on.)
  return prepared.source ? parseSource(prepared.result, prepared.source, sink, linesByDocument) : prepared.result;
}

/**
 * `parse` of a text with every line an object for the whole parse, as before
 * line objects were built document by document (internal: the tests compare
 * the two).
 */
export function parseTextWithEveryLine(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  return fromText(typeof input === 'string' ? input : { bytes: input }, options, undefined, false);
}

/** Decode, normalize and hash; the result so far, and the source to parse unless decoding failed. */
function prepareText(held: HeldBytes | string, options: ParseOptions, linesByDocument: boolean): { result: ParseResult; source: SourceText | null } {
  let input: Uint8Array | string | null = typeof held === 'string' ? held : held.bytes!;
  if (typeof held !== 'string') held.bytes = null;
  const decoded = typeof input === 'string' ? decodeString(input, options) : decode(input, options);
  const result = emptyResult(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, options, decoded.encoding, 'text');
  // Only a forced encoding's check reads the bytes again: let them go before normalizing.
  if (typeof input !== 'string' && options.encoding === undefined) {
    if (typeof held !== 'string' && held.release) releaseBytes(input);
    input = null;
  }
  // Line objects are built document by document as each is parsed (src/line-table.ts).
  const source = normalize(decoded.text, { linesByDocument });
  result.source.format = source.format;
  sourceTexts.set(result, source.text);
  result.source.script = decoded.script;
  result.source.converted = decoded.converted;
  const { diagnostics } = result;
  append(diagnostics, decoded.diagnostics);
  const undecodable = decoded.fatal && decoded.diagnostics.some((d) => d.code === 'undecodable-bytes');
  if (decoded.fatal && !undecodable) return { result, source: null };
  if (input !== null && typeof input !== 'string' && options.encoding !== undefined) {
    // A forced encoding that garbles the file is an error naming the encoding detection finds.
    const detected = decode(input, { convert: false });
    const problem = forcedEncodingProblem(options.encoding, decoded.text, detected.fatal ? null : detected);
    if (problem && undecodable) {
      // Already an error: name the encoding it looks like in it.
      const error = diagnostics.find((d) => d.code === 'undecodable-bytes' && d.severity === 'error');
      if (error) error.message += `; the file looks like ${detected.encoding} (drop --encoding, or use --encoding ${detected.encoding})`;
      return { result, source: null };
    }
    if (problem) {
      diagnostics.push(problem);
      return { result, source: null };
    }
  }
  if (decoded.fatal) return { result, source: null };
  return { result, source };
}

/** Free the memory of `bytes` now, when they are the whole of an ArrayBuffer that can be detached. */
function releaseBytes(bytes: Uint8Array): void {
  const { buffer } = bytes;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength || bytes.byteLength < RELEASE_BYTES) return;
  try {
    // Transferred to a clone nothing holds: the next minor collection frees it.
    structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
  } catch {
    // (A buffer Node marks untransferable, or a SharedArrayBuffer: left to the collector.)
  }
}

/** Bytes worth freeing early (smaller ones come from Node's shared pool anyway). */
const RELEASE_BYTES = 1 << 20;

function fromRendition(bytes: Uint8Array, options: ParseOptions, rendition: Rendition, sink?: DocumentSink): ParseResult {
  const result = emptyResult(bytes, options, rendition.decoded?.encoding ?? 'binary', rendition.format);
  if (rendition.decoded) {
    result.source.script = rendition.decoded.script;
    result.source.converted = rendition.decoded.converted;
  }
  sourceTexts.set(result, rendition.text);
  for (const diagnostic of rendition.diagnostics) result.diagnostics.push(diagnostic);
  if (rendition.fatal) return result;
  return parseSource(result, renditionSource(rendition), sink);
}

function emptyResult(bytes: Uint8Array, options: ParseOptions, encoding: string, format: SourceFormat): ParseResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.path ?? '-',
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding,
      script: 'traditional',
      converted: null,
      format,
    },
    documents: [],
    diagnostics: [],
  };
}

function parseSource(result: ParseResult, source: SourceText, sink?: DocumentSink, linesByDocument = false): ParseResult {
  const { diagnostics } = result;
  if (source.diagnostics) append(diagnostics, source.diagnostics);
  const spans = splitDocuments(source);
  let recognised = false;
  let firstStart: Point | null = null;
  for (let i = 0; i < spans.length; i++) {
    const document = linesByDocument ? parseDocumentLines(source, spans[i], diagnostics) : parseDocument(source, spans[i], diagnostics);
    recognised ||= isRecognised(document);
    firstStart ??= document.position.start;
    result.documents.push(sink ? sink(document, i, result) : document);
  }
  const noDocument = noDocumentDiagnostic(recognised, firstStart);
  if (noDocument) diagnostics.push(noDocument);
  diagnostics.sort((a, b) => (a.position?.start.offset ?? -1) - (b.position?.start.offset ?? -1));
  return result;
}

/**
 * Parse a document of a source whose lines array holds line objects only
 * where they are built: build them over the document (and a few lines
 * around it, which readers look at), parse, and let them go.  A stage that
 * still reads past them meets `undefined` and throws a TypeError: the
 * document is parsed again over a new lines array with every line built
 * (and a new source: what a reader cached for the first before it threw is
 * not seen), so the result is the same.
 */
function parseDocumentLines(source: SourceText, span: DocumentSpan, diagnostics: Diagnostic[]): PlanDocument {
  const table = lineTableOf(source.lines);
  const from = span.start - LINE_MARGIN;
  const to = span.end + LINE_MARGIN;
  table.materialize(from, to);
  const own: Diagnostic[] = [];
  let document: PlanDocument;
  try {
    document = parseDocument(source, span, own);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const every: Line[] = [];
    for (let i = 0; i < table.length; i++) every.push(table.lineAt(i));
    own.length = 0;
    document = parseDocument({ ...source, lines: every }, span, own);
  }
  table.release(from, to);
  append(diagnostics, own);
  return document;
}

/** Lines built before and after a document besides its own. */
const LINE_MARGIN = 16;

function parseDocument(source: SourceText, span: DocumentSpan, diagnostics: Diagnostic[]): PlanDocument {
  const rawTables = findTables(source, span);
  const sectionTree = buildSections(source, span, rawTables);
  append(diagnostics, sectionTree.diagnostics);
  const document: PlanDocument = {
    kind: span.kind,
    title: span.title,
    agency: span.agency,
    period: span.period,
    revision: span.revision,
    position: spanPosition(source, span),
    sections: sectionTree.sections,
    tables: [],
    kpis: [],
    workItems: [],
    reportItems: [],
  };
  const years = span.period ? rangeOf(span.period.from, span.period.to) : null;
  for (let t = 0; t < rawTables.length; t++) {
    const raw = rawTables[t];
    // The raw rows (cells, line lists, positions) are not needed once read
    // into records: let them go table by table instead of with the document.
    (rawTables as (RawTable | null)[])[t] = null;
    append(diagnostics, raw.diagnostics);
    const sectionPath = sectionPathAt(sectionTree.sections, raw.position.start.offset);
    const records = readRecords(raw, { documentKind: span.kind, sectionPath, years });
    append(diagnostics, records.diagnostics);
    const table: Table = {
      kind: records.kind,
      layout: raw.layout,
      header: records.header,
      rows: records.rows,
      section: sectionPath.join('/'),
      position: raw.position,
    };
    document.tables.push(table);
    append(document.kpis, records.kpis);
    append(document.workItems, records.workItems);
    append(document.reportItems, records.reportItems);
  }
  return document;
}

function rangeOf(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = from; year <= to; year++) years.push(year);
  return years;
}

function isRecognised(document: PlanDocument): boolean {
  return document.kind !== 'unknown' || document.tables.length > 0 || document.kpis.length > 0 || document.workItems.length > 0 || document.reportItems.length > 0;
}

/**
 * A file that holds no planning document at all (a README, a note) parses
 * to one `unknown` document with nothing in it: say so, instead of passing
 * it silently as "ok".
 */
function noDocumentDiagnostic(recognised: boolean, firstStart: Point | null): Diagnostic | null {
  if (recognised) return null;
  const start = firstStart ?? { line: 1, column: 1, offset: 0 };
  return {
    severity: 'warning',
    code: 'no-document',
    message: 'no planning document recognised: no title such as …中程施政計畫 / …年度重要工作計畫 / …年度工作總報告 and no KPI, work-item or report table',
    position: { start, end: start },
  };
}

/** `parse(null)`, `parse(42)`, options that are not an object: an error result, as the API promises, not a TypeError. */
function wrongArguments(input: unknown, options: unknown): ParseResult | null {
  let problem: string | null = null;
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    problem = `parse() takes a Uint8Array/Buffer or a string, not ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`;
  } else if (options !== undefined && (options === null || typeof options !== 'object')) {
    problem = `parse() options must be an object, not ${options === null ? 'null' : typeof options}`;
  } else if (options && typeof (options as ParseOptions).path !== 'undefined' && typeof (options as ParseOptions).path !== 'string') {
    problem = 'parse() option path must be a string';
  } else if (options && typeof (options as ParseOptions).encoding !== 'undefined' && typeof (options as ParseOptions).encoding !== 'string') {
    // (An empty or unknown name is the decode stage's `unknown-encoding`.)
    problem = 'parse() option encoding must be an encoding name';
  }
  if (!problem) return null;
  const path = options && typeof options === 'object' && typeof (options as ParseOptions).path === 'string' ? (options as ParseOptions).path! : '-';
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path, bytes: 0, sha256: createHash('sha256').digest('hex'), encoding: 'utf-8', script: 'traditional', converted: null, format: 'text' },
    documents: [],
    diagnostics: [{ severity: 'error', code: 'invalid-argument', message: problem, position: null }],
  };
}
