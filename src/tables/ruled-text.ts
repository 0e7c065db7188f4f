/**
 * What the readers of tables drawn with text rules share (pandoc's grid and
 * multiline tables, plain-text exports): cutting a line at display columns
 * (a CJK character takes two), markdown escapes, and a cell's wrapped lines
 * joined into its paragraphs.
 */
import { linesPosition } from '../lines.js';
import { joinWrapped } from '../normalize/text.js';
import type { Line, RawRow } from '../types.js';
import { isWideCode } from '../width.js';

/** A table row over lines [from, to) of the source. */
export function rowOver(lines: readonly Line[], cells: string[], from: number, to: number): RawRow {
  const indexes: number[] = [];
  for (let i = from; i < to; i++) indexes.push(i);
  return { cells, position: linesPosition(lines as Line[], from, to), lines: indexes };
}

/** The display column each UTF-16 index of `text` starts at (one entry past the end). */
export function displayColumns(text: string): Int32Array {
  const columns = new Int32Array(text.length + 1);
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    columns[i] = column;
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    column += isWideCode(code) ? 2 : 1;
  }
  columns[text.length] = column;
  return columns;
}

//   > | 預算金額\     1\. 嚴格執行內部審核。     \(一\)
//               ^      ^^                      ^^  ^^
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

const NUMBER_PIECE = /^[0-9][0-9,.]*%?$/;

/**
 * A cell's lines as its text: paragraphs (separated by blank lines, or by a
 * markdown hard break `\` at a line end) each joined from their wrapped
 * lines, one per `\n`; markdown escapes removed.
 */
export function cellText(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length) paragraphs.push(joinWrapped(current));
    current = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      close();
      continue;
    }
    const hardBreak = line.endsWith('\\') && !line.endsWith('\\\\');
    const text = (hardBreak ? line.slice(0, -1) : line).replace(ESCAPED, '$1');
    // A number wider than its column is cut anywhere: `2` / `7` / `9` is 279.
    if (current.length && NUMBER_PIECE.test(current[current.length - 1]) && NUMBER_PIECE.test(text)) current[current.length - 1] += text;
    else current.push(text);
    if (hardBreak) close();
  }
  close();
  return paragraphs.filter((paragraph) => paragraph !== '').join('\n');
}
