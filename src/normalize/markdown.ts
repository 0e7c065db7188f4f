/**
 * Markdown syntax around a line's text, as converters write headings: `#`
 * headings, or bold and italic paragraphs standing in for them.
 */

/** A markdown heading's text without its `#`s. */
export function withoutHashes(text: string): string {
  return text.replace(/^\s*#{1,6}\s*/, '');
}

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
