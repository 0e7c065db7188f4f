/**
 * A file's lines held compactly: where each starts and ends in the decoded
 * text and the role normalization gave it, in typed arrays (9 bytes a line),
 * beside the `Line[]` the stages read.  A `Line` object costs ~90 bytes (an
 * object, its text as a string of its own, a slot); on a 40 MB text of 1.2
 * million lines that was 110 MB of a 150 MB live heap.  So the text path
 * (src/parse.ts) builds `Line` objects only over the document being parsed
 * (`materialize`) and lets them go after (`release`): the other slots of the
 * lines array stay `undefined`.  The passes over the whole file (normalize,
 * the document split, a reader's one look at the whole text) read the table
 * instead, which answers from a line object where there is one.
 */
import type { Line, LineRole } from './types.js';

const ROLES: readonly LineRole[] = ['content', 'blank', 'page-number', 'running-header', 'toc', 'furniture'];
const ROLE_CODES: Readonly<Record<LineRole, number>> = { content: 0, blank: 1, 'page-number': 2, 'running-header': 3, toc: 4, furniture: 5 };

export class LineTable {
  /** Number of lines. */
  readonly length: number;

  constructor(
    /** The decoded text the offsets point into. */
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly roles: Uint8Array,
    /** The lines array the stages read: a `Line` where one is built, else `undefined`. */
    readonly lines: (Line | undefined)[],
  ) {
    this.length = starts.length;
  }

  /** The text of line `i` (0-based). */
  textOf(i: number): string {
    const line = this.lines[i];
    return line !== undefined ? line.text : this.text.slice(this.starts[i], this.ends[i]);
  }

  roleOf(i: number): LineRole {
    const line = this.lines[i];
    return line !== undefined ? line.role : ROLES[this.roles[i]];
  }

  /** Text length of line `i`, without making its string. */
  lengthOf(i: number): number {
    return this.ends[i] - this.starts[i];
  }

  setRole(i: number, role: LineRole): void {
    this.roles[i] = ROLE_CODES[role];
    const line = this.lines[i];
    if (line !== undefined) line.role = role;
  }

  /** Line `i` as an object: the one in the lines array, or a new one (not kept). */
  lineAt(i: number): Line {
    return this.lines[i] ?? this.build(i);
  }

  /** Build the line objects of lines [from, to) into the lines array. */
  materialize(from: number, to: number): void {
    const { lines } = this;
    for (let i = Math.max(0, from); i < to && i < this.length; i++) if (lines[i] === undefined) lines[i] = this.build(i);
  }

  /** Let the line objects of lines [from, to) go (the table still answers for them). */
  release(from: number, to: number): void {
    const { lines } = this;
    for (let i = Math.max(0, from); i < to && i < this.length; i++) lines[i] = undefined;
  }

  private build(i: number): Line {
    const offset = this.starts[i];
    // (Keys in the order splitLines always gave them.)
    return { index: i, line: i + 1, offset, text: this.text.slice(offset, this.ends[i]), role: ROLES[this.roles[i]] };
  }
}

/** The table behind each lines array: made by `splitLineTable`, or read from the line objects. */
const tables = new WeakMap<readonly (Line | undefined)[], LineTable>();

/**
 * The table of `lines`: the one it was built with, or (for lines made some
 * other way, every one of them an object) one read from its objects, which
 * then answer every question.
 */
export function lineTableOf(lines: readonly Line[]): LineTable {
  let table = tables.get(lines);
  // (An array of objects that grew since is read again.)
  if (table === undefined || table.length !== lines.length) {
    const length = lines.length;
    const roles = new Uint8Array(length);
    for (let i = 0; i < length; i++) roles[i] = ROLE_CODES[lines[i].role];
    table = new LineTable('', new Int32Array(length), new Int32Array(length), roles, lines as Line[]);
    tables.set(lines, table);
  }
  return table;
}

/**
 * Split decoded text into lines (LF, CRLF or lone CR), keeping offsets, as a
 * table whose lines array holds no objects yet.  A line holding only
 * whitespace is `blank`, every other `content`.
 */
export function splitLineTable(text: string): LineTable {
  const length = text.length;
  // Count first, so the offsets go straight into arrays of the right size.
  let count = 1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      count++;
    } else if (code === 10) count++;
  }
  // A trailing newline does not start one more (empty) line.
  const last = text.charCodeAt(length - 1);
  if (count > 1 && (last === 10 || last === 13)) count--;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const roles = new Uint8Array(count);
  let offset = 0;
  for (let n = 0; n < count; n++) {
    let end = offset;
    let blank = true;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      if (blank && !isBlankCode(code)) blank = false;
      end++;
    }
    starts[n] = offset;
    ends[n] = end;
    roles[n] = blank ? ROLE_CODES.blank : ROLE_CODES.content;
    offset = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  // A packed array of `undefined` (`new Array(n)` of a large n would be a slow dictionary).
  const lines: (Line | undefined)[] = [];
  for (let n = 0; n < count; n++) lines.push(undefined);
  const table = new LineTable(text, starts, ends, roles, lines);
  tables.set(lines, table);
  return table;
}

/** What `isBlank` (src/lines.ts) skips: `\s`, U+3000 and U+FEFF. */
function isBlankCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
