/**
 * Markdown syntax around a line's text, as converters write headings: `#`
 * headings, or bold and italic paragraphs standing in for them.
 */

/**
 * A markdown heading's text without its `#`s, its closing `#`s, and the
 * attributes pandoc writes after it:
 *
 *   > | ## 壹、機關任務及願景 {#壹機關任務及願景 .list-paragraph}
 *       ^^^                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 */
export function withoutHashes(text: string): string {
  return withoutClosingHashes(withoutAttributes(text.replace(/^\s*#{1,6}\s*/, '')));
}

/** `## 壹、機關任務 ##` → `壹、機關任務` (an ATX heading's optional closing sequence). */
function withoutClosingHashes(text: string): string {
  const end = text.trimEnd();
  let at = end.length;
  while (at > 0 && end[at - 1] === '#') at--;
  if (at === end.length || at === 0 || !/\s/.test(end[at - 1])) return text;
  return end.slice(0, at).trimEnd();
}

/** Text without a trailing pandoc attribute block `{#id .class key=value}` (looked for from the end: no regex scan over the line). */
function withoutAttributes(text: string): string {
  const end = text.trimEnd();
  if (!end.endsWith('}')) return text;
  const open = end.lastIndexOf('{');
  if (open < 1 || !/\s/.test(end[open - 1]) || (end[open + 1] !== '#' && end[open + 1] !== '.')) return text;
  if (end.slice(open + 1, -1).includes('}')) return text;
  return end.slice(0, open).trimEnd();
}

/**
 * Markdown's backslash escapes undone (CommonMark: any ASCII punctuation may
 * be escaped); converters escape what would read as markup in the text:
 *
 *   > | ### 二、關鍵績效指標\(KPI\)        1\. 國民兵證書        \-
 *                          ^      ^         ^                   ^
 */
export function withoutEscapes(text: string): string {
  return text.includes('\\') ? text.replace(ESCAPED, '$1') : text;
}

const ESCAPED = /\\([!-/:-@[-`{-~])/g;

/**
 * A heading written as a bold or italic paragraph, without the emphasis:
 *
 *   > | **壹、機關任務及願景**
 *       ^^                ^^
 */
export function withoutEmphasis(text: string): string {
  for (const mark of ['**', '__', '*', '_']) {
    if (text.length > 2 * mark.length && text.startsWith(mark) && text.endsWith(mark)) return text.slice(mark.length, -mark.length).trim();
  }
  return text;
}
