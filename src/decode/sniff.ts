/**
 * Wrong-file and binary detection.
 *
 * People drop whatever they were sent into the input folder: the PDF itself
 * instead of its `pdftotext` output, the .docx, a scanned page.  Decoding those
 * as text produces megabytes of nonsense and confusing downstream errors, so we
 * recognise the common formats by their magic numbers and say what to do
 * instead.  Anything else that is clearly not text (NUL bytes outside UTF-16,
 * a high share of control characters) is reported as a generic binary file.
 */

/** A recognised non-text format. */
export interface FileSignature {
  /** Short human name, e.g. `PDF`, `Word (DOCX)`. */
  name: string;
  /** What to do instead. */
  advice: string;
  /** Diagnostic code; `wrong-file-type` when absent. */
  code?: string;
}

const EXPORT_TEXT = 'export it as plain text first';
/** Formats read directly: what to save other office files as. */
const SAVE_AS = 'save it as PDF, DOCX or ODT (File → Save As) and pass that file';
const READ_DIRECTLY = 'parse() reads it as a document (DOCX and ODT are read directly, not decoded as text)';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

/** Where the byte string `needle` first occurs in `bytes` (searching at most `limit` bytes), or -1. */
function indexOfBytes(bytes: Uint8Array, needle: string, limit = bytes.length): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).indexOf(needle, 0, 'latin1');
}

/**
 * ZIP containers: Office Open XML names its parts `word/…`, `xl/…`, `ppt/…`
 * (the local file headers hold the names in clear), OpenDocument stores a
 * `mimetype` entry first.  Searching the first 64 KiB finds them in practice.
 */
function zipKind(bytes: Uint8Array): FileSignature {
  const limit = 1 << 16;
  // DOCX and ODT are read by their front ends (src/formats/), before any decoding.
  if (indexOfBytes(bytes, 'word/', limit) >= 0) return { name: 'Word (DOCX)', advice: READ_DIRECTLY };
  if (indexOfBytes(bytes, 'xl/', limit) >= 0) return { name: 'Excel (XLSX)', advice: `spreadsheets are not read: ${SAVE_AS}` };
  if (indexOfBytes(bytes, 'ppt/', limit) >= 0) return { name: 'PowerPoint (PPTX)', advice: SAVE_AS };
  if (indexOfBytes(bytes, 'opendocument.text', limit) >= 0) return { name: 'OpenDocument text (ODT)', advice: READ_DIRECTLY };
  if (indexOfBytes(bytes, 'opendocument.spreadsheet', limit) >= 0) return { name: 'OpenDocument spreadsheet (ODS)', advice: `spreadsheets are not read: ${SAVE_AS}` };
  if (indexOfBytes(bytes, 'opendocument.presentation', limit) >= 0) return { name: 'OpenDocument presentation (ODP)', advice: SAVE_AS };
  if (indexOfBytes(bytes, 'application/epub', limit) >= 0) return { name: 'EPUB', advice: EXPORT_TEXT };
  return { name: 'ZIP archive', advice: 'unpack it and pass the files inside' };
}

/**
 * Compound File (CFB) containers: legacy Office files, and Office Open XML
 * files saved with a password, which Office wraps in a CFB holding the
 * streams `EncryptionInfo` and `EncryptedPackage` (names in UTF-16LE).
 */
function compoundKind(bytes: Uint8Array): FileSignature {
  if (indexOfBytes(bytes, 'E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0') >= 0)
    return { name: 'password-protected (encrypted) Office', advice: 'open it, remove the password (File → Info → Protect Document) and save it again as DOCX, or as PDF or ODT', code: 'encrypted-file' };
  return { name: 'legacy Office (DOC/XLS/PPT)', advice: SAVE_AS };
}

/**
 * Recognise a binary format by its leading bytes.  Returns null for anything
 * that is not one of the known formats (which may still be binary; see
 * `controlShare`).
 *
 *     %PDF-1.7                → PDF
 *     PK 03 04 … word/…       → Word (DOCX)
 *     D0 CF 11 E0 A1 B1 1A E1 → legacy Office (DOC/XLS/PPT)
 */
export function sniffSignature(bytes: Uint8Array): FileSignature | null {
  if (startsWith(bytes, ascii('%PDF'))) return { name: 'PDF', advice: `${EXPORT_TEXT} (e.g. pdftotext -layout file.pdf)` };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundKind(bytes);
  if (startsWith(bytes, ascii('{\\rtf'))) return { name: 'RTF', advice: `${EXPORT_TEXT} (Save As → Plain Text, UTF-8)` };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('PNG');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image('JPEG');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return image('GIF');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return image('TIFF');
  // "BM" alone is too weak (a text may start with "BMW"): also require the reserved header words to be zero.
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26 && startsWith(bytes, [0, 0, 0, 0], 6)) return image('BMP');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return image('WebP');
  if (startsWith(bytes, [0x1f, 0x8b])) return archive('gzip');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return archive('7z');
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return archive('RAR');
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return archive('xz');
  if (startsWith(bytes, ascii('BZh')) && startsWith(bytes, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4)) return archive('bzip2');
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return archive('zstd');
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return program('ELF');
  // "MZ" could start a text line; a real DOS/Windows header has NUL bytes right after it.
  if (startsWith(bytes, ascii('MZ')) && bytes.length >= 64 && bytes.subarray(2, 64).includes(0)) return program('Windows/DOS (EXE/DLL)');
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf])) return program('Mach-O');
  return null;
}

function image(kind: string): FileSignature {
  return { name: `${kind} image`, advice: 'a scanned page needs OCR; pass the text export of the document instead' };
}

function archive(kind: string): FileSignature {
  return { name: `${kind} archive`, advice: 'unpack it and pass the text files inside' };
}

function program(kind: string): FileSignature {
  return { name: `${kind} executable`, advice: 'pass the text export of a planning document instead' };
}

/** Number of NUL bytes in `bytes` (native `indexOf`, so cheap on large inputs). */
export function countNul(bytes: Uint8Array): { count: number; first: number } {
  let count = 0;
  let first = -1;
  let at = bytes.indexOf(0);
  while (at >= 0) {
    if (first < 0) first = at;
    count++;
    at = bytes.indexOf(0, at + 1);
  }
  return { count, first };
}

/**
 * C0 control characters that never occur in a text export.  Tab, LF, VT, FF
 * and CR are allowed: pdftotext separates pages with FF, Word exports write
 * VT for a manual line break inside a table cell.
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** How many stray control characters `text` holds, and where the first one is. */
export function controlCharacters(text: string): { count: number; first: number } {
  CONTROL.lastIndex = 0;
  const firstMatch = CONTROL.exec(text);
  if (!firstMatch) return { count: 0, first: -1 };
  let count = 1;
  while (CONTROL.exec(text)) count++;
  return { count, first: firstMatch.index };
}

/**
 * Text with more than this share of control characters is binary.  Real text
 * exports have none; a few stray ones (a form-feed variant, an ESC) are
 * reported as a warning instead.
 */
export const BINARY_CONTROL_SHARE = 0.01;
