/**
 * Display width: how many columns a text takes in a monospace rendering (a
 * `pdftotext -layout` line, a PDF text rendition, a terminal).  East Asian
 * Wide and Fullwidth characters take two.
 */

/**
 * East Asian Wide and Fullwidth UTF-16 code units (the ranges these documents
 * use).  A high surrogate of the supplementary ideograph planes counts for its
 * pair; its low surrogate then counts nothing (see `displayWidth`).
 */
export function isWideCode(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0xd840 && code <= 0xd87f) // high surrogates of the supplementary ideograph planes
  );
}

/** Columns `text` takes: 2 for a wide character, 1 for any other, a surrogate pair counted once. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    width += isWideCode(code) ? 2 : 1;
  }
  return width;
}
