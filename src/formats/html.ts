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
 */
import { decode } from '../decode/index.js';
import { loadHast } from '../tables/html-cell.js';
import type { FrontEnd, ParseOptions, Rendition } from '../types.js';
import { renderBlocks } from './blocks.js';
import { htmlBlocks } from './html-blocks.js';
import { failure } from './package.js';

//   > | ﻿  <!-- saved from url=… --> <!DOCTYPE html PUBLIC …>
//          ^ BOM, spaces, comments and an XML declaration may come first
const HTML_START = /^(?:\ufeff)?(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/i;

/** How far into the file the start of an HTML document is looked for. */
const SNIFF_BYTES = 2048;

export const htmlFrontEnd: FrontEnd = {
  format: 'html',
  sniff: (bytes) => HTML_START.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1')),
  read: (bytes, options) => {
    try {
      return readHtml(bytes, options);
    } catch (error) {
      return failure('html', 'internal-error', `plan-parse failed on this HTML file (a bug; please report it): ${(error as Error).message}`);
    }
  },
};

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
