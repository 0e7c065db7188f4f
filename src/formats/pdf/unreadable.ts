/**
 * Pages whose text is not text: glyphs are drawn, but the font's ToUnicode
 * map is missing or broken, so what extracts is garbage or nothing.  Three
 * shapes, as readers (pdf.js, pdftotext) give them:
 *
 * - a subset font without ToUnicode: each glyph id read as a code point, a
 *   jumble of unrelated scripts in a Chinese document
 *       > | ʐࠌΒӝΰӥ࠽ࢽďఢ ࡘΣβ ԃӝं
 *           ^
 * - a map into the private-use area (symbol and custom-encoded fonts);
 * - a map to spaces or to nothing: glyphs painted, no characters.
 *
 * The planning documents plan-parse reads are written in Chinese with Latin
 * digits and punctuation, so letters of other scripts are not their text.
 */
import type { PdfJs } from './load.js';

/** Fewer characters (or glyphs) than this on a page say nothing either way. */
const MIN_EVIDENCE = 20;
/** A page is unreadable when more than this share of its characters are not text… */
const MAX_NOT_TEXT_SHARE = 0.3;
/** …or when more than this share of the glyphs it paints decode to spaces or nothing (space-padded pages of the real budget books reach 0.57). */
const MAX_BLANK_GLYPH_SHARE = 0.95;

/**
 * Glyphs painted by a page's text-showing operators, and how many of them
 * decode to a space or to nothing (pdf.js gives each glyph with its Unicode).
 */
export function countGlyphs(operators: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJs['OPS']): { glyphs: number; blankGlyphs: number } {
  const showing = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  let glyphs = 0;
  let blankGlyphs = 0;
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    if (!showing.has(fnArray[i])) continue;
    const shown = (argsArray[i] as unknown[] | null)?.[0];
    if (!Array.isArray(shown)) continue;
    for (const glyph of shown) {
      if (glyph === null || typeof glyph !== 'object') continue; // a spacing adjustment
      glyphs++;
      const unicode = (glyph as { unicode?: unknown }).unicode;
      if (typeof unicode !== 'string' || unicode.trim() === '') blankGlyphs++;
    }
  }
  return { glyphs, blankGlyphs };
}

/**
 * Whether a code point is text these documents are written in: ASCII, Latin-1,
 * punctuation and symbols, CJK (with its punctuation and full-width forms).
 */
export function isDocumentText(code: number): boolean {
  if (code >= 0x20 && code < 0x7f) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  if (code >= 0x2000 && code <= 0x2bff) return true; // punctuation, letterlike, arrows, maths, box drawing, shapes, circled numbers
  if (code >= 0x2e80 && code <= 0x9fff) return true; // CJK radicals, punctuation, bopomofo, ideographs
  if (code >= 0xac00 && code <= 0xd7af) return true; // Hangul
  if (code >= 0xf900 && code <= 0xfaff) return true; // compatibility ideographs
  if (code >= 0xfe10 && code <= 0xfe6f) return true; // vertical and small forms
  if (code >= 0xff00 && code <= 0xffef) return true; // full-width forms
  return code >= 0x20000 && code <= 0x3134f; // ideograph extensions
}

export interface PageText {
  /** Non-space characters extracted. */
  characters: number;
  /** Of those, the ones that are not document text (see `isDocumentText`). */
  notText: number;
  /** Glyphs painted, and of those the ones that decode to a space or nothing. */
  glyphs: number;
  blankGlyphs: number;
}

export function measureText(texts: readonly string[], glyphs: number, blankGlyphs: number): PageText {
  let characters = 0;
  let notText = 0;
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code === 0x20 || code === 0x3000) continue;
      characters++;
      if (!isDocumentText(code)) notText++;
    }
  }
  return { characters, notText, glyphs, blankGlyphs };
}

/** Why a page's text cannot be used, or null when it can. */
export function unreadableText(page: PageText): 'garbage' | 'missing' | null {
  if (page.characters >= MIN_EVIDENCE && page.notText > page.characters * MAX_NOT_TEXT_SHARE) return 'garbage';
  if (page.glyphs >= MIN_EVIDENCE && page.blankGlyphs > page.glyphs * MAX_BLANK_GLYPH_SHARE) return 'missing';
  return null;
}
