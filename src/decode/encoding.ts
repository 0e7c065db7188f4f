/**
 * Character-encoding detection and decoding.
 *
 * What actually arrives from Taiwanese agencies: UTF-8 (with or without BOM,
 * from modern tools), UTF-16LE (Windows "Unicode text" exports, often without
 * a BOM once a tool has re-saved them), Big5/CP950 (older systems), and the
 * occasional GB18030/GBK file from a mainland-side converter.  Every step here
 * is a single linear pass (or a bounded prefix), so detection never dominates
 * the parse.
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { COMMON_CHARS } from './script.js';

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;

/**
 * iconv-lite, loaded on first use: UTF-8 input (most files) never needs it,
 * and loading it (with node:stream) costs ~10 ms of every cold start.
 */
export function iconvLite(): Iconv {
  return (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv);
}

export type Bom = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'; length: number };

/** The byte-order mark at the start of `bytes`, if any.  UTF-32LE is tested before UTF-16LE (same first two bytes). */
export function detectBom(bytes: Uint8Array): Bom | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length % 4 === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** How much of the input the sampling heuristics look at. */
const SAMPLE_BYTES = 1 << 18;

/**
 * BOM-less UTF-16 by its NUL pattern.  ASCII characters (line breaks, digits,
 * brackets — plenty even in Chinese text) become `xx 00` in UTF-16LE and
 * `00 xx` in UTF-16BE, so NULs pile up at odd or at even byte offsets:
 *
 *     "1、\r\n" in UTF-16LE: 31 00 01 30 0D 00 0A 00
 *                                ^^       ^^    ^^     (odd offsets)
 *
 * CJK characters only rarely have a zero byte (一 U+4E00 → `00 4E`), so the
 * other parity stays low.  Random binary has NULs at both parities equally.
 */
export function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  const minimum = Math.max(2, pairs / 100);
  if (odd >= minimum && even * 4 < odd) return 'utf-16le';
  if (even >= minimum && odd * 4 < even) return 'utf-16be';
  return null;
}

export interface Utf8Scan {
  /** Number of invalid sequences (each becomes one U+FFFD, as in the WHATWG decoder). */
  invalid: number;
  /** Byte offset of the first invalid sequence, or -1. */
  firstInvalid: number;
  /** Number of valid multi-byte sequences. */
  multibyte: number;
}

/**
 * Validate UTF-8 with the WHATWG "maximal subpart" rules, so `invalid` equals
 * the number of U+FFFD that `TextDecoder` produces.  Only called when the fast
 * native fatal decode has already failed.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const n = bytes.length;
  let invalid = 0;
  let firstInvalid = -1;
  let multibyte = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; ok && k < need; k++, j++) {
      const c = j < n ? bytes[j] : -1;
      if (c < lower || c > upper) ok = false;
      else {
        lower = 0x80;
        upper = 0xbf;
      }
    }
    if (ok) {
      multibyte++;
      i = j;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      // The offending byte is reprocessed (it may start the next sequence).
      i = need > 0 ? Math.max(i + 1, j - 1) : i + 1;
    }
  }
  return { invalid, firstInvalid, multibyte };
}

const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decode valid UTF-8, or null if `bytes` is not valid UTF-8.  The check is
 * native (simdutf, ~10 GB/s); building the string dominates (~5 ms/MB).
 */
export function tryUtf8(bytes: Uint8Array): string | null {
  return isUtf8(bytes) ? utf8Lenient.decode(bytes) : null;
}

/** Decode UTF-8 replacing each invalid sequence with U+FFFD. */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return utf8Lenient.decode(bytes);
}

/** Decode with iconv-lite (any name it knows). */
export function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return utf8Lenient.decode(bytes);
  return iconvLite().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

export function encodingExists(name: string): boolean {
  return iconvLite().encodingExists(name);
}

/** Legacy candidates tried, in order, when the bytes are not UTF-8. */
export const LEGACY = ['cp950', 'gb18030'] as const;

export interface Candidate {
  encoding: string;
  /** Higher is better. */
  score: number;
  /** Common Chinese characters in the sample. */
  common: number;
  /** U+FFFD in the sample. */
  replacement: number;
  /**
   * Reads as Chinese: at least 10% of its non-ASCII characters are common
   * ones.  Right decodings of the seeds score 57–64%, wrong ones 3–5%.
   */
  plausible: boolean;
  /** Private-use and C1 control characters in the sample. */
  implausible: number;
}

const REPLACEMENT = /\ufffd/g;
/** Private-use and C1 control characters: a sure sign of the wrong code page. */
const IMPLAUSIBLE = /[\u0080-\u009f\ue000-\uf8ff]/g;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Number of non-ASCII UTF-16 code units in `text`. */
export function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** How many characters of `text` are among the few hundred most frequent Chinese characters. */
function countCommon(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (COMMON_CHARS.has(text.charCodeAt(i))) n++;
  return n;
}

/**
 * Score one decoding of the sample.  Big5 bytes are mostly *valid* GBK and
 * vice versa, so validity alone cannot decide; what decides is whether the
 * result reads as Chinese.  The right decoding of `施政計畫` hits the common
 * set on every character; the wrong one yields rare characters such as
 * `穡腎數籀` (Big5 read as GBK) and few hits.
 */
export function scoreDecoding(text: string, encoding: string): Candidate {
  const common = countCommon(text);
  const replacement = count(text, REPLACEMENT);
  const implausible = count(text, IMPLAUSIBLE);
  const score = common - 20 * replacement - 5 * implausible;
  const plausible = score > 0 && common >= 0.1 * countNonAscii(text);
  return { encoding, common, replacement, score, plausible, implausible };
}

/**
 * Pick the best legacy encoding from a bounded prefix (the winner then decodes
 * the whole input).  Even-length input also competes as BOM-less UTF-16 with
 * no ASCII at all, which the NUL pattern cannot see.
 */
export function pickLegacy(bytes: Uint8Array): Candidate {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const names: string[] = [...LEGACY];
  if (bytes.length % 2 === 0) names.push('utf-16le', 'utf-16be');
  let best: Candidate | null = null;
  for (const name of names) {
    const candidate = scoreDecoding(decodeWith(sample, name), name);
    if (!best || candidate.score > best.score) best = candidate;
  }
  return best!;
}

/** Fewer common characters than this in the sample is too little to tell Big5 from GB18030 or UTF-16 by. */
export const MIN_EVIDENCE = 10;

export interface LegacyChoice {
  candidate: Candidate;
  /** Why the choice rests on little evidence (for a diagnostic), or null. */
  uncertain: string | null;
}

/**
 * Pick a legacy encoding with a margin.  On a long text the right decoding
 * scores ten times the wrong one; a short line gives a few points either way
 * (`家數×100%` is Big5, and reads `產计⊙100%` as GB18030: two "common"
 * characters against none).  When the winner has fewer than `MIN_EVIDENCE`
 * common characters, or the runner-up scores more than half as much, the
 * choice is uncertain: Big5 (CP950, what Taiwanese agencies write) is taken
 * if it decodes cleanly, and the caller says so.
 *
 *   > | 家數×100%        (6 bytes of Big5)
 *       ^^^^ cp950, with an `encoding-uncertain` warning
 */
export function chooseLegacy(bytes: Uint8Array, names: readonly string[] = legacyNames(bytes)): LegacyChoice {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = names.map((name) => scoreDecoding(decodeWith(sample, name), name)).sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  const thin = best.common < MIN_EVIDENCE || (second !== undefined && second.score * 2 > best.score);
  if (!thin) return { candidate: best, uncertain: null };
  const big5 = candidates.find((c) => c.encoding === 'cp950');
  const clean = (c: Candidate) => c.replacement === 0 && c.implausible === 0;
  const chosen = big5 && clean(big5) ? big5 : best;
  const others = candidates.filter((c) => c !== chosen).map((c) => `${c.encoding} ${c.common}`).join(', ');
  const plausible = chosen.plausible || (chosen === big5 && clean(big5));
  return {
    candidate: { ...chosen, plausible },
    uncertain: `read as ${chosen.encoding} on little evidence (${chosen.common} common Chinese characters; ${others}); pass --encoding if the text looks wrong`,
  };
}

function legacyNames(bytes: Uint8Array): string[] {
  const names: string[] = [...LEGACY];
  if (bytes.length % 2 === 0) names.push('utf-16le', 'utf-16be');
  return names;
}
