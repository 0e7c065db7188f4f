/**
 * Shared by the DOCX and ODT front ends: paragraph text as the rendition
 * writes it, and the rendition of a file that cannot be read (a fatal
 * diagnostic, no documents; the other files of a run go on).
 */
import type { Rendition } from '../types.js';

/** A rendition that carries only a fatal error. */
export function failure(format: 'docx' | 'odt' | 'html', code: string, message: string): Rendition {
  return { text: '', format, tables: [], furniture: [], pageStarts: null, diagnostics: [{ severity: 'error', code, message, position: null }], fatal: true };
}

/**
 * A table of contents entry as text exports write it, with a dot leader
 * before its page number, so the normalize stage marks it `toc`:
 *
 *   > | 壹、機關任務及願景\t3   →   壹、機關任務及願景……3
 *                        ^^
 */
export function tocEntry(text: string): string {
  const page = TRAILING_PAGE.exec(text);
  if (!page) return text;
  let from = page.index;
  while (from > 0 && (text[from - 1] === '\t' || text[from - 1] === ' ')) from--;
  return from > 0 && text.slice(from, page.index).includes('\t') ? `${text.slice(0, from)}……${text.slice(page.index)}` : text;
}

const TRAILING_PAGE = /\d{1,4}\s*$/;

/** Tabs become spaces (a tab inside a paragraph is no cell boundary); other control characters go. */
export function cleanText(text: string): string {
  // Most paragraphs hold neither: one test instead of two replacements.
  if (!CONTROL.test(text)) return text;
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;
