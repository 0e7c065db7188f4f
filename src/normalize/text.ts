/**
 * Text-field normalization (SPEC §2).  Applied to every text field of the
 * output; the decoded source itself is never changed.
 */


// Whitespace that sits between two CJK characters, or a CJK character and a
// digit (either order), is an artefact of PDF justification or word wrapping:
//
//   > | 色 宗 教        112 年度
//          ^ ^            ^
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const NEEDS_WORK = /[\s\u3000\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

/** Normalize one text field: NFC, half-width letters/digits, CJK spacing, collapsed whitespace, trimmed. */
export function normalizeText(input: string): string {
  // Regex tests, not char-code loops, for the questions asked of every
  // field: they run natively from the first call, before the JIT warms up.
  let text = nfc(input);
  if (!NEEDS_WORK.test(text)) return text;
  text = text.replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  // One pass: copy non-space characters; for each run of whitespace decide
  // from its two neighbours whether it goes (CJK/digit on both sides, but not
  // digit–digit: `40 252` is two numbers) or becomes one space.  The
  // character before a run is read back from `text` (not from the growing
  // output, which would flatten it on every run: quadratic on a long cell),
  // and only at a run: most characters need just the space test.
  const length = text.length;
  let i = 0;
  while (i < length && isSpaceCode(text.charCodeAt(i))) i++;
  let out = '';
  let runStart = i;
  while (i < length) {
    if (!isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < length && isSpaceCode(text.charCodeAt(j))) j++;
    out += text.slice(runStart, i);
    if (j < length) {
      const lastCode = text.charCodeAt(i - 1);
      const next = text.charCodeAt(j);
      const beforeDigit = lastCode >= 48 && lastCode <= 57;
      const afterDigit = next >= 48 && next <= 57;
      const joins = (beforeDigit || cjkBefore(text, i)) && (afterDigit || isCjkCode(next)) && !(beforeDigit && afterDigit);
      if (!joins) out += ' ';
    }
    runStart = j;
    i = j;
  }
  if (runStart < length) out += text.slice(runStart);
  return out;
}

/**
 * Whether the last character before `index` that is not whitespace is CJK.
 * A low surrogate belongs to the ideograph its high surrogate started, so
 * it is looked through.
 */
function cjkBefore(text: string, index: number): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const code = text.charCodeAt(k);
    if ((code >= 0xdc00 && code <= 0xdfff) || isSpaceCode(code)) continue;
    return isCjkCode(code);
  }
  return false;
}

// Characters NFC leaves alone whatever surrounds them: Latin up to U+02FF,
// general punctuation and symbols, CJK symbols, kana without voicing marks,
// bopomofo, CJK ideographs, full-width forms.  Text made only of these (most
// lines of these documents) skips String#normalize, which always allocates.
const NFC_MAY_CHANGE = /[^\u0000-\u02ff\u2002-\u20cf\u2100-\u2125\u2127-\u2129\u212c-\u2328\u232b-\u2fff\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uff00-\uffef]/;

// Canonical ordering sorts each run of combining marks by insertion (in
// ICU): time quadratic in the run.  UAX #15's Stream-Safe Text Format bounds
// runs at 30 non-starters by inserting U+034F COMBINING GRAPHEME JOINER (a
// starter that displays as nothing); marks (`\p{M}`) stand in for non-starters.
//
//   > | a\u0301\u0316\u0301\u0316…   (thousands of marks)
//        ^ after every 30th mark of the run
const LONG_MARK_RUN = /\p{M}{31}/u;
const MARKS_30 = /(\p{M}{30})(?=\p{M})/gu;

/** NFC, skipping the work for text that cannot change (a regex test: faster here than a char-code loop). */
export function nfc(text: string): string {
  if (!NFC_MAY_CHANGE.test(text)) return text;
  return (LONG_MARK_RUN.test(text) ? text.replace(MARKS_30, '$1\u034f') : text).normalize('NFC');
}

/** Whitespace: ASCII and Unicode spaces, the ideographic space, BOM (exactly the characters of the regex class `\s`). */
export function isSpaceCode(code: number): boolean {
  // Ordered for the common case: CJK text, then ASCII.
  if (code > 0x3000) return code === 0xfeff;
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x3000 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
  );
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
  return nfc(text.replace(SPACE_RUN, ''));
}
