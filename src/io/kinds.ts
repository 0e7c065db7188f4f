/**
 * Files a folder walk meets that are no document: the scans, archives and
 * spreadsheets that sit beside a plan's text export in an upload folder.
 * Recognised by signature (the decoder's magic numbers), never by name, so
 * `plan.txt` that really is a PNG is still caught and `report.pdf`, a Word
 * DOCX or an ODT text (documents plan-parse reads or explains) never is.
 */
import { sniffSignature } from '../decode/sniff.js';

// Signature names (src/decode/sniff.ts) of formats that never hold a plan's text.
//   > | PNG image   ZIP archive   Excel (XLSX)   OpenDocument spreadsheet (ODS)
//       ^^^^^^^^^   ^^^^^^^^^^^   ^^^^^          ^^^^^^^^^^^^^^^^^^^^^^^^
const NOT_A_DOCUMENT = /\bimage\b|\barchive\b|\bexecutable\b|Excel|spreadsheet|PowerPoint|EPUB/i;
// Containers that do hold documents: never skipped, whatever else matches.
const DOCUMENT = /\bPDF\b|DOCX|\bWord\b|\bODT\b|OpenDocument text/i;

/** `a PNG image`, `a ZIP archive` … for a file that is no document; null for anything that may be one. */
export function nonDocumentKind(bytes: Uint8Array): string | null {
  const signature = sniffSignature(bytes.subarray(0, Math.min(bytes.byteLength, 1 << 16)));
  if (!signature || DOCUMENT.test(signature.name) || !NOT_A_DOCUMENT.test(signature.name)) return null;
  return `${/^[AEIOU]/i.test(signature.name) ? 'an' : 'a'} ${signature.name}`;
}
