/**
 * Lines and positions.  Every later stage addresses the source through `Line`
 * records, so a value can always be traced back to where it was written.
 */
import { splitLineTable } from './line-table.js';
import { isSpaceCode } from './normalize/text.js';
import type { Line, Point, Position } from './types.js';

/** Split decoded text into lines (LF, CRLF or lone CR), keeping offsets: every line an object. */
export function splitLines(text: string): Line[] {
  const table = splitLineTable(text);
  table.materialize(0, table.length);
  return table.lines as Line[];
}

const NOT_BLANK = /[^\s\u3000\ufeff]/;

export function isBlank(text: string): boolean {
  return !NOT_BLANK.test(text);
}

/** The point of a column (0-based, in code units) of a line. */
export function pointAt(line: Line, column = 0): Point {
  // Keys in canonical (sorted) order: the serializer then need not copy.
  if (line.page !== undefined) return { column: column + 1, line: line.line, offset: line.offset + column, page: line.page };
  return { column: column + 1, line: line.line, offset: line.offset + column };
}

/** The end point of a line (just after its last character). */
export function lineEnd(line: Line): Point {
  return pointAt(line, line.text.length);
}

/** Position covering whole lines `lines[start]` … `lines[end - 1]`. */
export function linesPosition(lines: readonly Line[], start: number, end: number): Position {
  const first = lines[start];
  const last = lines[Math.max(start, end - 1)];
  return { end: lineEnd(last), start: pointAt(first, leadingSpace(first.text)) };
}

/** Position of one line, from its first non-space character to its end. */
export function linePosition(line: Line): Position {
  return { end: lineEnd(line), start: pointAt(line, leadingSpace(line.text)) };
}

/** The smallest position covering both. */
export function joinPositions(a: Position, b: Position): Position {
  return {
    end: a.end.offset >= b.end.offset ? a.end : b.end,
    start: a.start.offset <= b.start.offset ? a.start : b.start,
  };
}

function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i === text.length ? 0 : i;
}
