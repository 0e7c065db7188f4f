/**
 * Reader for markdown pipe tables (GFM), as some converters write them:
 *
 *   > | | 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 108年 |
 *   > | |---|---|---|---|
 *       ^^^^^ a delimiter row under the first row makes it a table
 *   > | | 一、原住民歲時祭儀 | 參與人數 | 500 |
 *
 * The block is parsed with remark-parse + remark-gfm, which know the escaping
 * rules (`\|`, code spans, `<br>`) that splitting at pipes gets wrong.  They are
 * loaded on the first pipe table only: loading them costs ~100 ms.
 */
import { createRequire } from 'node:module';
import { linesPosition } from '../lines.js';
import type { Diagnostic, Position, RawRow, RawTable, TableReader } from '../types.js';
import { isSubHeader, joinHeader } from './tsv.js';

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$/;

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number } };
}

type ParseMarkdown = (text: string) => MdNode;
const parsers: { plain?: ParseMarkdown; literalEmphasis?: ParseMarkdown } = {};

/**
 * The remark parser; with `literalEmphasis`, one that reads `*` and `_` as
 * text.  micromark matches each closing emphasis delimiter by walking back
 * over every opener before it (CommonMark's reference parser bounds that
 * walk; micromark does not), so a cell of thousands of `*a_` takes time
 * quadratic in its length.  Tables with more delimiters than
 * `MAX_EMPHASIS_DELIMITERS` are read with emphasis off.
 */
function markdownParser(literalEmphasis: boolean): ParseMarkdown {
  const key = literalEmphasis ? 'literalEmphasis' : 'plain';
  let parser = parsers[key];
  if (!parser) {
    // unified and remark are ESM-only; Node ≥ 20.19 loads them synchronously.
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
    const processor = unified().use(remarkParse).use(remarkGfm);
    if (literalEmphasis) {
      const data = processor.data() as { micromarkExtensions?: unknown[] };
      (data.micromarkExtensions ??= []).push({ disable: { null: ['attention'] } });
    }
    parser = parsers[key] = (text) => processor.runSync(processor.parse(text)) as unknown as MdNode;
  }
  return parser;
}

/** Emphasis delimiters (`*`, `_`) a table may hold and still have its emphasis read (far more than any real table). */
export const MAX_EMPHASIS_DELIMITERS = 256;

function emphasisDelimiters(block: readonly string[]): number {
  let count = 0;
  for (const row of block) for (let i = 0; i < row.length; i++) if (row.charCodeAt(i) === 42 || row.charCodeAt(i) === 95) count++;
  return count;
}

export const markdownTableReader: TableReader = {
  layout: 'markdown',
  read(lines, start, limit) {
    if (!PIPE_ROW.test(lines[start].text)) return null;
    const delimiter = start + 1 < limit ? lines[start + 1] : undefined;
    if (!delimiter || !DELIMITER_ROW.test(delimiter.text) || !delimiter.text.includes('-')) return null;
    let end = start + 2;
    while (end < limit && PIPE_ROW.test(lines[end].text)) end++;
    const block = lines.slice(start, end).map((line) => line.text);
    // GFM drops the cells of a row beyond the header's count; converters write
    // merged header cells once, so pad the header (and delimiter) to the
    // widest row first.
    let widest = 0;
    for (const row of block) widest = Math.max(widest, pipeCount(row));
    const missing = widest - pipeCount(block[0]);
    if (missing > 0) {
      block[0] = `${block[0].trimEnd()}${'  |'.repeat(missing)}`;
      block[1] = `${block[1].trimEnd()}${' --- |'.repeat(missing)}`;
    }
    const diagnostics: Diagnostic[] = [];
    const parsed = plainTable(block) ?? remarkTable(block, () => linesPosition(lines, start, end), diagnostics);
    if (!parsed) return null;
    let rows: RawRow[] = parsed.body.map(({ line, cells }) => {
      const at = start + line;
      return { cells, position: linesPosition(lines, at, at + 1), lines: [at] };
    });
    let header = parsed.header;
    // A second header row (the years under 年度目標值) is the first body row in GFM.
    if (rows.length > 1 && isSubHeader(rows[0].cells, header)) {
      header = joinHeader([header, rows[0].cells]);
      rows = rows.slice(1);
    }
    // The header ends at its last named column; rows keep cells beyond it (an
    // interpreter lines them up), less the padding nobody filled.
    header = header.slice(0, filledWidth(header));
    rows = rows.map((row) => ({ ...row, cells: row.cells.slice(0, Math.max(header.length, filledWidth(row.cells))) }));
    return {
      layout: 'markdown',
      header,
      rows,
      start,
      end,
      position: linesPosition(lines, start, end),
      diagnostics,
    } satisfies RawTable;
  },
};

interface ParsedTable {
  header: string[];
  /** Body rows with their line in the block. */
  body: Array<{ line: number; cells: string[] }>;
}

// Inline markdown a cell may hold (escapes, code, emphasis, strikethrough,
// links, HTML other than `<br>`, entities): a table with none of it is split
// at its pipes directly, as GFM would.  micromark takes ~0.2 ms per row and as
// much again per table (it combines its extensions on every call), too slow for
// a file of thousands of tables.
//
//   > | | 一、原住民歲時祭儀 | 參與人數 | 500<br>550 |
//       ^ split here             ^ and here    ^^^^ a line break
const INLINE_SYNTAX = /[\\`*_~[<&]/;
const BREAK_TAG = /<br\s*\/?>/gi;

/** The block split at its pipes, or null when a cell holds inline markdown (or the delimiter row does not match the header). */
export function plainTable(block: readonly string[]): ParsedTable | null {
  const rows: string[][] = [];
  for (const line of block) {
    if (INLINE_SYNTAX.test(line.includes('<') ? line.replace(BREAK_TAG, '') : line)) return null;
    rows.push(splitRow(line));
  }
  if (rows[1].length !== rows[0].length) return null;
  return { header: rows[0], body: rows.slice(2).map((cells, k) => ({ line: k + 2, cells })) };
}

function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  return text.split('|').map((cell) => (cell.includes('<') ? cell.replace(BREAK_TAG, '\n') : cell).trim());
}

/** The block parsed with remark (GFM): for tables whose cells hold inline markdown. */
function remarkTable(block: readonly string[], position: () => Position, diagnostics: Diagnostic[]): ParsedTable | null {
  const literalEmphasis = emphasisDelimiters(block) > MAX_EMPHASIS_DELIMITERS;
  const tree = markdownParser(literalEmphasis)(block.join('\n'));
  const table = tree.children?.find((node) => node.type === 'table');
  if (!table?.children?.length) return null;
  if (literalEmphasis) {
    diagnostics.push({
      severity: 'warning',
      code: 'markdown-emphasis-ignored',
      message: `the table holds more than ${MAX_EMPHASIS_DELIMITERS} emphasis marks (* or _): they are kept as text`,
      position: position(),
    });
  }
  const [headerRow, ...bodyRows] = table.children;
  return {
    header: (headerRow.children ?? []).map(cellText),
    body: bodyRows.map((row) => ({ line: (row.position?.start.line ?? 1) - 1, cells: (row.children ?? []).map(cellText) })),
  };
}

/** Cells up to the last non-empty one. */
function filledWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1] === '') width--;
  return width;
}

/** Number of unescaped pipes on a line. */
function pipeCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92) count++;
  return count;
}

/** Text of a cell; `<br>` and other inline HTML boundaries become `\n`. */
function cellText(cell: MdNode): string {
  let text = '';
  const walk = (node: MdNode) => {
    if (node.type === 'html') text += /^<\/?(?:br|p|li|div)\b/i.test(node.value ?? '') ? '\n' : '';
    else if (node.type === 'break') text += '\n';
    else if (typeof node.value === 'string') text += node.value;
    for (const child of node.children ?? []) walk(child);
  };
  walk(cell);
  return text.trim();
}
