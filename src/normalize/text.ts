/**
 * Text-field normalization (SPEC §2).  Applied to every text field of the
 * output; the decoded source itself is never changed.
 */

/** Han ideographs, CJK symbols and punctuation, full-width forms, bopomofo. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2e80-\\u2eff\\u31c0-\\u31ef\\u3100-\\u312f\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7\\u02d9\\u2027';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');

// Whitespace that sits between two CJK characters, or a CJK character and a
// digit (either order), is an artefact of PDF justification or word wrapping:
//
//   > | 色 宗 教        112 年度
//          ^ ^            ^
const SPACE_BETWEEN = new RegExp(`(?<=[${CJK}0-9])[\\s\\u3000]+(?=[${CJK}0-9])`, 'gu');
const DIGIT_DIGIT = /^[0-9]$/;
const SPACE_RUN = /[\s\u3000\ufeff]+/g;
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** Normalize one text field: NFC, half-width letters/digits, CJK spacing, collapsed whitespace, trimmed. */
export function normalizeText(input: string): string {
  let text = input.normalize('NFC').replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  text = text.replace(SPACE_BETWEEN, (space, offset: number, whole: string) => {
    // Two digits keep their space: `40 252` is two numbers.
    const before = whole[offset - 1];
    const after = whole[offset + space.length];
    return DIGIT_DIGIT.test(before) && DIGIT_DIGIT.test(after) ? ' ' : '';
  });
  return text.replace(SPACE_RUN, ' ').trim();
}

/**
 * Normalize a table cell: each structural line (`<li>`, `<p>`, `<br>`
 * boundary, marked `\n`) on its own, empty ones dropped, joined with `\n`.
 */
export function normalizeCell(input: string): string {
  if (!input.includes('\n')) return normalizeText(input);
  return input
    .split('\n')
    .map(normalizeText)
    .filter((part) => part !== '')
    .join('\n');
}

/**
 * Join hard-wrapped lines of one paragraph.  The line break is dropped where
 * the two sides are CJK (or CJK and a digit), else it becomes one space.
 */
export function joinWrapped(parts: readonly string[]): string {
  return normalizeText(parts.join('\n'));
}

/** True when the character is CJK (ideograph, CJK punctuation or full-width form). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/** Remove every whitespace character (for spaced-out headings such as `民 政 部 門`). */
export function stripSpaces(text: string): string {
  return text.replace(SPACE_RUN, '');
}
