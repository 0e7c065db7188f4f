/**
 * Offsets → unist points for decode diagnostics.  Line breaks are counted the
 * way `splitLines` (src/lines.ts) counts them — LF, CRLF and a lone CR each end
 * one line — so a diagnostic's line number is the line the later stages see.
 */
import type { Point, Position } from '../types.js';

/** The point of `offset` (0-based, UTF-16 code units) in `text`.  Linear in `offset`. */
export function pointAtOffset(text: string, offset: number): Point {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      lineStart = i + 1;
    } else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        // CRLF: the LF ends the line; when `end` falls between CR and LF the CR is still on this line.
        if (i + 1 < end) continue;
        break;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, offset: end };
}

/** Position of the range [start, end) of `text`. */
export function rangePosition(text: string, start: number, end: number): Position {
  const from = pointAtOffset(text, start);
  if (end <= start) return { start: from, end: from };
  // Walk on from `start` instead of rescanning from 0.
  const rest = pointAtOffset(text.slice(start, end), end - start);
  const to: Point =
    rest.line === 1
      ? { line: from.line, column: from.column + (end - start), offset: end }
      : { line: from.line + rest.line - 1, column: rest.column, offset: end };
  return { start: from, end: to };
}
