/**
 * HTML front end: a saved web page or a converter's HTML export (Word's
 * "Save as Web Page", LibreOffice, pandoc).  The bytes are decoded like any
 * text file (encoding detection, mojibake repair, Simplified → Traditional),
 * parsed by parse5 (through hast-util-from-html, loaded on the first HTML
 * file), and read into the blocks DOCX and ODT become (`html-blocks.ts`):
 * paragraphs, headings, and tables cell by cell with their row and column
 * spans.
 *
 * Recognised by its start, not its name:
 *
 *   > | <!DOCTYPE html>          > | <html lang="zh-Hant-TW">
 *       ^^^^^^^^^^^^^^               ^^^^^
 *
 * or, for a fragment (what pandoc `-t html` writes without `-s`, and many
 * converters' "body only" output), by a block element it starts with:
 *
 *   > | <p>嘉義市政府教育處</p>
 *       ^^
 */
import { decode } from '../decode/index.js';
import { loadHast } from '../tables/html-cell.js';
import type { FrontEnd, ParseOptions, Rendition } from '../types.js';
import { renderBlocks } from './blocks.js';
import { htmlBlocks } from './html-blocks.js';
import { failure } from './package.js';

//   > | <!DOCTYPE html>   <html lang="zh-Hant-TW">
//       ^^^^^^^^^^^^^^   ^^^^^
const HTML_START = /^<(?:!doctype\s+html|html[\s>])/i;

// A fragment's first element: a block of a document body (not a `<table>`,
// which a markdown file may start with too).
//
//   > | <p>嘉義市政府教育處</p>     <h1\nid="壹機關任務">
//       ^^                          ^^^
const FRAGMENT_START = /^<(?:p|h[1-6]|div|section|article|header|main|body|head|meta|title|style)[\s>]/i;

// A line of markdown block syntax: a file with it is markdown holding HTML, not HTML.
//
//   > | # 嘉義市政府中程施政計畫     | 策略 | 指標 |
//       ^                           ^
const MARKDOWN_LINE = /^(?:#{1,6}\s|\||```|[-*+>]\s|={3,}\s*$|-{3,}\s*$)/m;

/** How far into the file the start of an HTML document is looked for. */
const SNIFF_BYTES = 2048;

export const htmlFrontEnd: FrontEnd = {
  format: 'html',
  sniff: (bytes) => {
    const start = afterProlog(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1'));
    return HTML_START.test(start) || (FRAGMENT_START.test(start) && !MARKDOWN_LINE.test(start));
  },
  read: (bytes, options) => {
    try {
      return readHtml(bytes, options);
    } catch (error) {
      return failure('html', 'internal-error', `plan-parse failed on this HTML file (a bug; please report it): ${(error as Error).message}`);
    }
  },
};

/**
 * The start of a file after what may come before its first tag: a UTF-8 BOM
 * (read here as Latin-1), spaces, comments and an XML declaration.
 *
 *   > | ﻿<!-- saved from url=(0014)about:internet --> <HTML>
 *                                                      ^
 */
function afterProlog(start: string): string {
  let at = start.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
  for (;;) {
    while (at < start.length && /\s/.test(start[at])) at++;
    const close = start.startsWith('<!--', at) ? start.indexOf('-->', at) + 3 : start.startsWith('<?xml', at) ? start.indexOf('>', at) + 1 : 0;
    if (close <= 0) return start.slice(at);
    at = close;
  }
}

function readHtml(bytes: Uint8Array, options: ParseOptions): Rendition {
  const decoded = decode(bytes, options);
  if (decoded.fatal) {
    return { text: '', format: 'html', tables: [], furniture: [], pageStarts: null, diagnostics: decoded.diagnostics, fatal: true };
  }
  const tree = loadHast()(decoded.text);
  const rendition = renderBlocks(htmlBlocks(tree), 'html');
  // Decoding diagnostics point into the HTML, not the rendition: keep them, without a position.
  for (const diagnostic of decoded.diagnostics) rendition.diagnostics.push({ ...diagnostic, position: null });
  rendition.decoded = { encoding: decoded.encoding, script: decoded.script, converted: decoded.converted };
  return rendition;
}
