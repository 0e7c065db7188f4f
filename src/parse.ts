/**
 * The pipeline: decode → normalize → split documents → tables → sections →
 * records.  Each stage is a pure function of its input; this module only
 * wires them together.  Validation and serialization are separate
 * (`validate.ts`, `serialize.ts`) so callers can parse without paying for them.
 */
import { createHash } from 'node:crypto';
import { decode, decodeString } from './decode/index.js';
import { splitDocuments, spanPosition } from './documents.js';
import { normalize } from './normalize/index.js';
import { readRecords } from './records/index.js';
import { buildSections, sectionPathAt } from './sections.js';
import { findTables } from './tables/index.js';
import type { Diagnostic, ParseOptions, ParseResult, PlanDocument, SourceText, Table } from './types.js';
import { append } from './arrays.js';

export const SCHEMA_VERSION = '1.0.0';

/** Parse one file's bytes (or an already decoded string) into a result. */
export function parse(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const decoded = typeof input === 'string' ? decodeString(input, options) : decode(input, options);
  const diagnostics: Diagnostic[] = decoded.diagnostics.slice();
  const source = normalize(decoded.text);
  const result: ParseResult = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.path ?? '-',
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: decoded.encoding,
      script: decoded.script,
      converted: decoded.converted,
      format: source.format,
    },
    documents: [],
    diagnostics,
  };
  if (decoded.fatal) return result;
  result.documents = splitDocuments(source).map((span) => parseDocument(source, span, diagnostics));
  diagnostics.sort((a, b) => (a.position?.start.offset ?? -1) - (b.position?.start.offset ?? -1));
  return result;
}

function parseDocument(source: SourceText, span: ReturnType<typeof splitDocuments>[number], diagnostics: Diagnostic[]): PlanDocument {
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
  for (const raw of rawTables) {
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
