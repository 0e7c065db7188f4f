/**
 * The PDF front end: reads a PDF file directly with pdf.js (loaded only when
 * a PDF arrives) into a text rendition, its furniture, its pages and the
 * tables its ruling lines draw.  A PDF that cannot be read (damaged,
 * encrypted, a scan without a text layer, fonts without a usable ToUnicode
 * map) gives one clear error and no documents; it never throws.
 */
import type { Diagnostic, FrontEnd, ParseOptions, Position, Rendition } from '../types.js';
import { FONT_LOADER_DOCUMENT, loadPdfJs } from './pdf/load.js';
import { readPage, type PageContent } from './pdf/page.js';
import { buildRendition } from './pdf/rendition.js';
import { measureText, unreadableText } from './pdf/unreadable.js';

/** Limits so that a hostile PDF cannot exhaust memory or time. */
export const PDF_LIMITS = {
  /** Pages read; the rest are left out with a warning. */
  maxPages: 3000,
  /** Text runs per page. */
  maxRuns: 100_000,
  /** Rules per page. */
  maxRules: 20_000,
  /** Total text characters read. */
  maxCharacters: 20_000_000,
  /** Wall-clock time for one file (ms). */
  maxMilliseconds: 120_000,
};

/** Unreadable pages in a row after which the rest of a file is given up. */
const MAX_UNREADABLE_PAGES = 20;

export const pdfFrontEnd: FrontEnd = {
  format: 'pdf',
  // `%PDF-` within the first kilobyte (some producers put junk before it).
  sniff: (bytes) => indexOfSignature(bytes) >= 0,
  read: (bytes, options) => readPdf(bytes, options),
};

function indexOfSignature(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

function failed(code: string, message: string, diagnostics: Diagnostic[] = []): Rendition {
  return { text: '', format: 'pdf', tables: [], furniture: [], pageStarts: null, diagnostics: [...diagnostics, { severity: 'error', code, message, position: null }], fatal: true };
}

export async function readPdf(bytes: Uint8Array, _options: ParseOptions = {}): Promise<Rendition> {
  let loaded;
  try {
    loaded = await loadPdfJs();
  } catch (error) {
    return failed('pdf-reader-unavailable', `the PDF reader (pdfjs-dist) could not be loaded: ${messageOf(error)}`);
  }
  const { pdfjs, dataDirectory } = loaded;
  const started = Date.now();
  const diagnostics: Diagnostic[] = [];
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${dataDirectory}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${dataDirectory}/standard_fonts/`,
    useSystemFonts: false,
    // Fonts go to a font loader that does nothing (see FONT_LOADER_DOCUMENT):
    // no CSS font faces, no glyph paths.
    disableFontFace: false,
    ownerDocument: FONT_LOADER_DOCUMENT,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    // Images are never looked at: skip decoding them (the costliest part of a scanned or illustrated page).
    maxImageSize: 1,
    verbosity: 0,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      return openFailure(error);
    }
    const pageCount = Math.min(document.numPages, PDF_LIMITS.maxPages);
    if (document.numPages > PDF_LIMITS.maxPages) {
      diagnostics.push({ severity: 'warning', code: 'pdf-page-limit', message: `the PDF has ${document.numPages} pages; only the first ${PDF_LIMITS.maxPages} were read`, position: null });
    }
    const pages: PageContent[] = [];
    let characters = 0;
    let unreadable = 0;
    for (let number = 1; number <= pageCount; number++) {
      if (Date.now() - started > PDF_LIMITS.maxMilliseconds) {
        diagnostics.push({ severity: 'warning', code: 'pdf-time-limit', message: `reading the PDF took too long; pages ${number}–${pageCount} were left out`, position: null });
        break;
      }
      try {
        const page = await document.getPage(number);
        const content = await readPage(page, number, pdfjs.OPS, PDF_LIMITS);
        page.cleanup();
        if (content.truncatedRules) diagnostics.push({ severity: 'warning', code: 'pdf-rule-limit', message: `page ${number} draws more than ${PDF_LIMITS.maxRules} lines; the rest were ignored`, position: null });
        for (const run of content.runs) characters += run.text.length;
        pages.push(content);
        unreadable = 0;
      } catch (error) {
        diagnostics.push({ severity: 'warning', code: 'pdf-page-unreadable', message: `page ${number} could not be read: ${messageOf(error)}`, position: null });
        pages.push({ number, width: 595, height: 842, runs: [], rules: [], truncatedRules: false, glyphs: 0, blankGlyphs: 0 });
        // A page tree that claims pages it does not have (damaged, or hostile).
        if (++unreadable >= MAX_UNREADABLE_PAGES) {
          diagnostics.push({ severity: 'warning', code: 'pdf-page-unreadable', message: `${unreadable} pages in a row could not be read; the rest were not tried`, position: null });
          break;
        }
      }
      if (characters > PDF_LIMITS.maxCharacters) {
        diagnostics.push({ severity: 'warning', code: 'pdf-text-limit', message: `the PDF holds more than ${PDF_LIMITS.maxCharacters} characters of text; pages after ${number} were left out`, position: null });
        break;
      }
    }
    const problem = textProblem(pages);
    if (problem) return failed(problem.code, problem.message, diagnostics);
    // Pages whose text is garbage are read as blank, so no record is made of it.
    const garbled = unreadablePages(pages);
    for (const page of pages) if (garbled.has(page.number)) page.runs = [];
    let rendition;
    try {
      rendition = buildRendition(pages);
    } catch (error) {
      // A fault in reading the tables costs the tables, not the file: its text is still read as text.
      diagnostics.push({ severity: 'warning', code: 'pdf-tables-unread', message: `the tables could not be read from their positions (${messageOf(error)}); they are read from the text`, position: null });
      rendition = buildRendition(pages, false);
    }
    for (const [number, kind] of garbled) {
      diagnostics.push({ severity: 'warning', code: 'pdf-unreadable-text', message: `page ${number}: ${UNREADABLE[kind]}; the page was left out`, position: pagePosition(rendition.text, rendition.pageStarts, number) });
    }
    return { ...rendition, format: 'pdf', diagnostics, fatal: false };
  } catch (error) {
    return failed('pdf-damaged', `the PDF could not be read: ${messageOf(error)}`, diagnostics);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function openFailure(error: unknown): Rendition {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'PasswordException') {
    return failed('pdf-encrypted', 'the PDF is encrypted with a user password: open it with the password and save an unprotected copy');
  }
  if (name === 'InvalidPDFException') return failed('pdf-damaged', `the PDF is damaged or truncated and cannot be read (${messageOf(error)})`);
  return failed('pdf-damaged', `the PDF could not be opened: ${messageOf(error)}`);
}

const UNREADABLE = {
  garbage: 'its text cannot be decoded (a font without a usable ToUnicode map: what extracts is not the text drawn)',
  missing: 'its glyphs are drawn but carry no text (a font whose ToUnicode map gives spaces or nothing)',
};
const FIX = 'export the text with the program that made the PDF, or run OCR on it';

/**
 * A PDF without text (a scan), or whose every page with text is unreadable
 * (see `unreadable.ts`): one error naming the pages.
 */
function textProblem(pages: readonly PageContent[]): { code: string; message: string } | null {
  let characters = 0;
  let glyphs = 0;
  let blankGlyphs = 0;
  for (const page of pages) {
    glyphs += page.glyphs;
    blankGlyphs += page.blankGlyphs;
    for (const run of page.runs) characters += run.text.trim().length;
  }
  if (characters === 0 && glyphs === 0) {
    return { code: 'no-text-layer', message: `the PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images, a scan?): run OCR on it first (e.g. ocrmypdf) and parse the result` };
  }
  const unreadable = unreadablePages(pages);
  // Pages too short to judge alone are judged together.
  const whole = unreadable.size === 0 ? unreadableText(measureText(pages.flatMap((page) => page.runs.map((run) => run.text)), glyphs, blankGlyphs)) : null;
  const withText = pages.filter((page) => page.glyphs > 0 || page.runs.length > 0);
  if (whole || (unreadable.size > 0 && unreadable.size === withText.length)) {
    const kind = whole ?? [...unreadable.values()][0];
    const numbers = unreadable.size > 0 ? [...unreadable.keys()] : withText.map((page) => page.number);
    return { code: 'pdf-unreadable-text', message: `${pageList(numbers)}: ${UNREADABLE[kind]}; ${FIX}` };
  }
  return null;
}

/** The pages whose text is unreadable, and why. */
function unreadablePages(pages: readonly PageContent[]): Map<number, 'garbage' | 'missing'> {
  const found = new Map<number, 'garbage' | 'missing'>();
  for (const page of pages) {
    const kind = unreadableText(measureText(page.runs.map((run) => run.text), page.glyphs, page.blankGlyphs));
    if (kind) found.set(page.number, kind);
  }
  return found;
}

/** `page 3`, `pages 1–3`, `pages 1, 4–6`. */
function pageList(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(j > i ? `${numbers[i]}–${numbers[j]}` : String(numbers[i]));
    i = j;
  }
  return `${numbers.length === 1 ? 'page' : 'pages'} ${parts.join(', ')}`;
}

/** The position of a page's first line in the rendition. */
function pagePosition(text: string, pageStarts: number[] | null, number: number): Position | null {
  const line = pageStarts?.[number - 1];
  if (line === undefined) return null;
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  const point = { line: line + 1, column: 1, offset, page: number };
  return { start: point, end: point };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
