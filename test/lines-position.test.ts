/**
 * Line positions start at the first character that is not white space
 * (`\s`, U+3000 ideographic space, U+FEFF BOM), as the regular expression
 * they replaced decided, code unit by code unit.
 */
import { describe, expect, it } from 'vitest';
import { linePosition, splitLines } from '../src/lines.js';

describe('linePosition', () => {
  it('skips leading ASCII, ideographic, no-break and BOM spaces', () => {
    //   > | \u3000\u00a0\t 1.提升資訊安全    85%   90%
    //               ^
    const [line] = splitLines('\u3000\u00a0\t 1.提升資訊安全    85%   90%');
    expect(linePosition(line).start.column).toBe(5);
    expect(linePosition(line).start.offset).toBe(4);
  });

  it('agrees with /[\\s\\u3000\\ufeff]/ for every BMP code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (char === '\n' || char === '\r') continue;
      const [line] = splitLines(`${char}x`);
      const expected = /[\s\u3000\ufeff]/.test(char) ? 2 : 1;
      if (linePosition(line).start.column !== expected) throw new Error(`U+${code.toString(16)}: column ${linePosition(line).start.column}, expected ${expected}`);
    }
  });

  it('a line of spaces only starts at its first column', () => {
    const [line] = splitLines('\u3000\u3000 ');
    expect(linePosition(line).start.column).toBe(1);
  });
});
