/**
 * Escaping for the review pages.  Every text that comes from an input goes
 * through one of these: as element text or attribute value (`escapeHtml`),
 * or as data inside `<script type="application/json">` (`embedJson`).
 */

const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe as element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (ch) => HTML_ENTITY[ch]);
}

const JSON_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/json">` element.  The HTML parser
 * ends a script element at the first `</script` whatever the type, and
 * `<!--` changes how it reads on: with every `<` written as `\u003c` neither
 * can occur, and `JSON.parse` gives the same value back.  `>` and `&` are
 * escaped too (defence in depth), and U+2028/2029 so the text is also a
 * valid JavaScript literal.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
