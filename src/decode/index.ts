/**
 * Decode stage (SPEC §1): bytes → the text every later stage works on.
 *
 * Order matters: known binary formats are recognised before anything tries to
 * read them as text; the encoding is settled (BOM, UTF-16 NUL pattern, UTF-8,
 * then Big5/GB18030 by scoring) before mojibake repair; script conversion runs
 * last, on the repaired text.  Bad input never throws: it comes back with
 * `fatal: true` and an error diagnostic, and the pipeline emits no documents.
 *
 * `text` is the final text — BOM removed, mojibake repaired, Simplified
 * converted to Traditional — and every position (here and in later stages)
 * points into it.  Script conversion keeps each line's length, so positions
 * in `text` are also positions in the pre-conversion text; mojibake repair
 * shortens the text (three garbage characters become one), so there they
 * are positions in the repaired text only.
 */
import type { Diagnostic, Position, Script } from '../types.js';
import {
  chooseLegacy,
  countNonAscii,
  decodeUtf8Lenient,
  decodeWith,
  detectBom,
  encodingExists,
  scanUtf8,
  tryUtf8,
  utf16ByNulPattern,
} from './encoding.js';
import { looksLikeMojibake, repairMojibake } from './mojibake.js';
import { rangePosition } from './position.js';
import { CONVERSION, detectScript, toTraditional } from './script.js';
import { BINARY_CONTROL_SHARE, controlCharacters, countNul, sniffSignature } from './sniff.js';

export interface Decoded {
  /** Decoded text, BOM removed, repaired and converted; what all positions point into. */
  text: string;
  /**
   * `utf-8` (with or without BOM), `utf-16le`, `utf-16be`, `utf-32le`,
   * `utf-32be`, `cp950` (Big5), `gb18030`, or the forced name (lower-cased).
   * `binary` for a file rejected as not text.
   */
  encoding: string;
  /** Script detected in the original (pre-conversion) text. */
  script: Script;
  /** OpenCC config name of the conversion applied (`s2tw`), or null. */
  converted: string | null;
  /** Positions are null or point into `text`. */
  diagnostics: Diagnostic[];
  /** The input is not a text document (binary, empty, undecodable): emit no documents. */
  fatal: boolean;
}

export interface DecodeOptions {
  /** Force an encoding (any iconv-lite name), skipping detection. */
  encoding?: string;
  /** Convert Simplified to Traditional (default true). */
  convert?: boolean;
}

/** Decode a file's bytes.  Synchronous; linear in the input size. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return fatal('utf-8', 'empty-file', 'the file is empty (0 bytes)');

  const signature = sniffSignature(bytes);
  if (signature) {
    return fatal('binary', signature.code ?? 'wrong-file-type', `this is ${/^(?:[AEIOU]|[FHLMNRSX][A-Z])/.test(signature.name) ? 'an' : 'a'} ${signature.name} file, not text: ${signature.advice}`);
  }

  let decoded: Decoding;
  if (options.encoding !== undefined) {
    const name = options.encoding.trim().toLowerCase();
    if (!name || !encodingExists(name)) {
      return fatal(name || 'unknown', 'unknown-encoding', `unknown encoding "${options.encoding}" (use an iconv-lite name such as utf-8, utf-16le, big5, cp950, gb18030)`);
    }
    decoded = { ...decodeAs(bytes, name), encoding: name };
  } else {
    const detected = detect(bytes);
    if ('error' in detected) return fatal('binary', detected.code, detected.error);
    decoded = detected;
  }
  return finish(decoded, options);
}

/**
 * Use a string the caller already decoded: no encoding detection, but the
 * same empty/binary checks, mojibake repair and script conversion.  A leading
 * BOM is removed.  `encoding` is reported as `utf-8`.
 */
export function decodeString(input: string, options: DecodeOptions = {}): Decoded {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return finish({ text, encoding: 'utf-8', invalid: 0, firstInvalid: -1 }, options);
}

// ---------------------------------------------------------------------------

interface Decoding {
  text: string;
  encoding: string;
  /** Undecodable sequences (each is one U+FFFD in `text`). */
  invalid: number;
  /** Offset in `text` of the first one, or -1. */
  firstInvalid: number;
  /** The encoding was chosen on little evidence: why (an `encoding-uncertain` warning). */
  uncertain?: string | null;
}

type Detection = Decoding | { error: string; code: string };

function detect(bytes: Uint8Array): Detection {
  const bom = detectBom(bytes);
  if (bom) return { ...decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return decodeAs(bytes, utf16);

  // NUL bytes outside UTF-16: binary (git uses the same test on the first 8000 bytes).
  // A stray NUL deep inside a long text is only a control character (warned later).
  const nul = countNul(bytes);
  if (nul.count > 0 && (nul.first < 8000 || nul.count * 1000 > bytes.length)) {
    // A short BOM-less UTF-16 line without ASCII has too few NULs for their
    // pattern (only 一 U+4E00-like code units hold one): binary only if it
    // does not read cleanly as Chinese in UTF-16.
    if (bytes.length % 2 === 0 && nul.count * 8 <= bytes.length) {
      const choice = chooseLegacy(bytes, ['utf-16le', 'utf-16be']);
      const { candidate } = choice;
      if (candidate.common > 0 && candidate.replacement === 0 && candidate.implausible === 0 && candidate.common * 2 >= countNonAscii(decodeWith(bytes.subarray(0, 4096), candidate.encoding))) {
        return { ...decodeAs(bytes, candidate.encoding), uncertain: choice.uncertain ?? `read as ${candidate.encoding} without a byte-order mark from its characters alone; pass --encoding if the text looks wrong` };
      }
    }
    return { code: 'binary-file', error: `this is a binary file, not text (${nul.count} NUL byte${nul.count === 1 ? '' : 's'}, the first at byte ${nul.first}): pass the text export of the document` };
  }

  // Fast path: valid UTF-8 is decoded natively and nothing else is tried.
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', invalid: 0, firstInvalid: -1 };

  // Mostly valid UTF-8 with a few bad sequences (a truncated copy, one stray
  // Big5 character pasted in): keep UTF-8 and warn.
  const scan = scanUtf8(bytes);
  if (scan.invalid * 20 <= scan.multibyte) return utf8Decoding(bytes, scan);

  // Legacy Chinese code pages, chosen by how Chinese the result reads.
  const { candidate: legacy, uncertain } = chooseLegacy(bytes);
  if (legacy.plausible) return { ...decodeAs(bytes, legacy.encoding), uncertain };
  return utf8Decoding(bytes, scan);
}

function utf8Decoding(bytes: Uint8Array, scan: ReturnType<typeof scanUtf8>): Decoding {
  const text = decodeUtf8Lenient(bytes);
  // Everything before the first invalid byte is valid, so its decoded length is the offset.
  const firstInvalid = scan.firstInvalid < 0 ? -1 : decodeUtf8Lenient(bytes.subarray(0, scan.firstInvalid)).length;
  return { text, encoding: 'utf-8', invalid: scan.invalid, firstInvalid };
}

/** Decode with a known encoding, counting undecodable sequences.  A BOM of that encoding is removed. */
function decodeAs(bytes: Uint8Array, encoding: string): Decoding {
  if (encoding === 'utf-8' || encoding === 'utf8') {
    const valid = tryUtf8(bytes);
    const decoding = valid !== null ? { text: valid, encoding: 'utf-8', invalid: 0, firstInvalid: -1 } : utf8Decoding(bytes, scanUtf8(bytes));
    return stripBom(decoding);
  }
  const text = decodeWith(bytes, encoding);
  let invalid = 0;
  const firstInvalid = text.indexOf('\ufffd');
  for (let at = firstInvalid; at >= 0; at = text.indexOf('\ufffd', at + 1)) invalid++;
  return stripBom({ text, encoding, invalid, firstInvalid });
}

function stripBom(decoding: Decoding): Decoding {
  if (decoding.text.charCodeAt(0) !== 0xfeff) return decoding;
  return { ...decoding, text: decoding.text.slice(1), firstInvalid: decoding.firstInvalid > 0 ? decoding.firstInvalid - 1 : decoding.firstInvalid };
}

const NOT_BLANK = /[^\s\u3000\ufeff]/;

/** The checks and repairs shared by bytes and strings. */
function finish(decoded: Decoding, options: DecodeOptions): Decoded {
  const { encoding, invalid, firstInvalid } = decoded;
  let text = decoded.text;
  const diagnostics: Diagnostic[] = [];
  if (!NOT_BLANK.test(text)) {
    return fatal(encoding, 'empty-file', text.length === 0 ? 'the file is empty' : 'the file holds only whitespace');
  }

  // Fatal verdicts first, on the text as decoded.  Control characters come
  // before undecodable bytes: random binary is usually both, and "binary" is
  // the better message.
  const control = controlCharacters(text);
  if (control.count > 8 && control.count > BINARY_CONTROL_SHARE * text.length) {
    const at = rangePosition(text, control.first, control.first + 1);
    const code = text.charCodeAt(control.first).toString(16).toUpperCase().padStart(4, '0');
    return fatal('binary', 'binary-file', `this is a binary file, not text (${control.count} control characters, the first U+${code} at line ${at.start.line}, column ${at.start.column}): pass the text export of the document`);
  }
  if (invalid > 0 && invalid * 2 > countNonAscii(text)) {
    const at = rangePosition(text, firstInvalid, firstInvalid + 1);
    return fatal(encoding, 'undecodable-bytes', `most of the file is not valid ${encoding} (${invalid} undecodable byte sequences, the first at line ${at.start.line}, column ${at.start.column}); pass --encoding if you know the encoding`, at, text);
  }

  // Repair before the warnings, so their positions point into the final text.
  let firstBad = firstInvalid;
  const repair = looksLikeMojibake(text) ? repairMojibake(text) : null;
  if (repair) {
    text = repair.text;
    if (firstBad >= 0) firstBad = repair.mapOffset(firstBad);
  }

  if (control.count > 0) {
    const first = repair ? controlCharacters(text).first : control.first;
    const at = rangePosition(text, first, first + 1);
    const code = text.charCodeAt(first).toString(16).toUpperCase().padStart(4, '0');
    diagnostics.push({
      severity: 'warning',
      code: 'control-characters',
      message: `${control.count} stray control character${control.count === 1 ? '' : 's'} (the first U+${code} at line ${at.start.line}, column ${at.start.column}); kept as written`,
      position: at,
    });
  }

  if (decoded.uncertain) diagnostics.push({ severity: 'warning', code: 'encoding-uncertain', message: decoded.uncertain, position: null });

  if (invalid > 0) {
    const at = rangePosition(text, firstBad, firstBad + 1);
    diagnostics.push({
      severity: 'warning',
      code: 'undecodable-bytes',
      message: `${invalid} byte sequence${invalid === 1 ? '' : 's'} invalid in ${encoding} replaced with U+FFFD, the first at line ${at.start.line}, column ${at.start.column}`,
      position: at,
    });
  }

  if (repair) {
    diagnostics.push({
      severity: 'info',
      code: 'mojibake-repaired',
      message: `repaired ${repair.runs} run${repair.runs === 1 ? '' : 's'} of UTF-8 text that had been mis-decoded as Windows-1252/Latin-1 (e.g. "ä¸­å¤®" → "中央")`,
      position: repair.first ? rangePosition(text, repair.first.start, repair.first.end) : null,
    });
    if (repair.lost > 0) {
      const at = rangePosition(text, repair.firstLost, repair.firstLost + 1);
      diagnostics.push({
        severity: 'warning',
        code: 'mojibake-unrecoverable',
        message: `${repair.lost} character${repair.lost === 1 ? '' : 's'} of the mis-decoded text lost a byte (Windows-1252 has no character for 0x81 0x8D 0x8F 0x90 0x9D) and could not be recovered: they are U+FFFD, the first at line ${at.start.line}, column ${at.start.column}`,
        position: at,
      });
    }
  }

  const { script, counts } = detectScript(text);
  let converted: string | null = null;
  if (script === 'simplified') {
    if (options.convert === false) {
      diagnostics.push({
        severity: 'info',
        code: 'script-simplified',
        message: `the text is in Simplified Chinese (${counts.simplified} Simplified-only vs ${counts.traditional} Traditional-only characters in the sample); kept as written (--no-convert)`,
        position: null,
      });
    } else {
      const conversion = toTraditional(text);
      text = conversion.text;
      converted = CONVERSION;
      const kept = conversion.keptCharacters
        ? `; ${conversion.keptCharacters} character${conversion.keptCharacters === 1 ? '' : 's'} whose conversion would change the length kept as written`
        : '';
      diagnostics.push({
        severity: 'info',
        code: 'script-converted',
        message: `converted Simplified Chinese to Traditional (Taiwan) with OpenCC ${CONVERSION} (${counts.simplified} Simplified-only vs ${counts.traditional} Traditional-only characters in the sample); line lengths are unchanged${kept}`,
        position: null,
      });
    }
  }
  return { text, encoding, script, converted, diagnostics, fatal: false };
}

/** A rejected input.  `text` is empty unless `position` points into it. */
function fatal(encoding: string, code: string, message: string, position: Position | null = null, text = ''): Decoded {
  return {
    text,
    encoding,
    script: 'traditional',
    converted: null,
    diagnostics: [{ severity: 'error', code, message, position }],
    fatal: true,
  };
}
