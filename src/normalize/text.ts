/**
 * Text-field normalization (SPEC §2).  Applied to every text field of the
 * output; the decoded source itself is never changed.
 */


// Whitespace that sits between two CJK characters, or a CJK character and a
// digit (either order), is an artefact of PDF justification or word wrapping:
//
//   > | 色 宗 教        112 年度
//          ^ ^            ^
const WHITESPACE = /[\s\u3000\ufeff]/;
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const NEEDS_WORK = /[\s\u3000\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

/** Normalize one text field: NFC, half-width letters/digits, CJK spacing, collapsed whitespace, trimmed. */
export function normalizeText(input: string): string {
  let text = input.normalize('NFC');
  if (!NEEDS_WORK.test(text)) return text;
  text = text.replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  // One pass: copy non-space characters; for each run of whitespace decide
  // from its two neighbours whether it goes (CJK/digit on both sides, but not
  // digit–digit: `40 252` is two numbers) or becomes one space.
  let out = '';
  let i = 0;
  const length = text.length;
  while (i < length) {
    const ch = text[i];
    if (!WHITESPACE.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < length && WHITESPACE.test(text[j])) j++;
    if (out !== '' && j < length) {
      const before = out[out.length - 1];
      const after = text[j];
      const beforeDigit = before >= '0' && before <= '9';
      const afterDigit = after >= '0' && after <= '9';
      const beforeCode = out.charCodeAt(out.length - 1);
      const beforeCjk = beforeCode >= 0xdc00 && beforeCode <= 0xdfff ? isCjkCode(out.charCodeAt(out.length - 2)) : isCjkCode(beforeCode);
      const joins = (beforeDigit || beforeCjk) && (afterDigit || isCjkCode(text.charCodeAt(j))) && !(beforeDigit && afterDigit);
      if (!joins) out += ' ';
    }
    i = j;
  }
  return out;
}

/** CJK ideographs (BMP), CJK punctuation, full-width forms, bopomofo, and the quotes and dots CJK text uses. */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    (code >= 0x2e80 && code <= 0x2eff) ||
    (code >= 0x31c0 && code <= 0x31ef) ||
    (code >= 0x3100 && code <= 0x312f) ||
    (code >= 0xd840 && code <= 0xd87f) || // high surrogates of the supplementary ideograph planes
    code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2026 || code === 0x00b7 || code === 0x02d9 || code === 0x2027
  );
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
  return ch !== undefined && ch !== '' && isCjkCode(ch.charCodeAt(0));
}

const SPACE_RUN = /[\s\u3000\ufeff]+/g;

/**
 * Remove every whitespace character and fold to NFC: the key a line is
 * compared by (spaced-out headings such as `民 政 部 門`; compatibility
 * ideographs such as U+F98E for 年 that Word exports carry).
 */
export function stripSpaces(text: string): string {
  return text.replace(SPACE_RUN, '').normalize('NFC');
}
