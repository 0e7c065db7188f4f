/**
 * Mojibake repair: UTF-8 bytes that some tool once read as Windows-1252 (or
 * Latin-1) and saved again as UTF-8.  Every CJK character (3 UTF-8 bytes)
 * turns into a Latin lead letter and two "continuation" symbols:
 *
 *     中央 = E4 B8 AD  E5 A4 AE  →  "ä¸\u00ADå¤®"
 *     政府 = E6 94 BF  E5 BA 9C  →  "æ”¿åºœ"
 *
 * Repair maps each such run back to its bytes and decodes them as UTF-8; a
 * run is only replaced when that is valid UTF-8, and the file only when some
 * run comes back as CJK, so real Latin text (café, naïve) is never touched.
 * The text gets shorter, so positions point into the repaired text.
 */
import { iconvLite } from './encoding.js';

/** Windows-1252 bytes 0x80–0x9F that are not Latin-1 (the rest of 0x80–0xFF are the same code point as byte). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * Bytes 0x81 0x8D 0x8F 0x90 0x9D are undefined in Windows-1252.  Windows and
 * browsers keep them as U+0081 … (Latin-1), which the table covers; lossy
 * decoders (iconv-lite, Python `errors="replace"`) turn them into U+FFFD.
 */
const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const LOST = 0xfffd;

const SPECIALS = Object.keys(CP1252_HIGH)
  .map((code) => `\\u${Number(code).toString(16).padStart(4, '0')}`)
  .join('');
/** A continuation byte 0x80–0xBF as it appears after the mis-decoding (or a lost undefined byte). */
const CONT = `[\\u0080-\\u00bf${SPECIALS}\\ufffd]`;
/** One mis-decoded UTF-8 sequence: a lead byte C2–F4 (Â … ô) and as many continuation bytes as it announces. */
const SEQUENCE = `(?:[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3})`;
/** A run of mis-decoded sequences. */
const RUN = new RegExp(`${SEQUENCE}+`, 'g');
const ONE = new RegExp(SEQUENCE, 'g');

/** The byte a mis-decoded character stood for, or -1. */
function byteOf(code: number): number {
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_HIGH[code] ?? -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeBytes(bytes: number[]): string | null {
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/**
 * Decode one UTF-8 sequence (a lead byte and its continuation bytes, as the
 * ONE pattern matches them) with plain arithmetic: the lost-byte search tries
 * up to 125 readings per character, and a throwing TextDecoder costs
 * microseconds each.  Same answer as the strict decoder: null when ill-formed
 * (Unicode Table 3-7's second-byte ranges after E0, ED, F0, F4).
 */
function decodeSequence(bytes: readonly number[]): string | null {
  const lead = bytes[0];
  for (let i = 1; i < bytes.length; i++) if (bytes[i] < 0x80 || bytes[i] > 0xbf) return null;
  const second = bytes[1];
  if (bytes.length === 2 && lead >= 0xc2 && lead <= 0xdf) return String.fromCharCode(((lead & 0x1f) << 6) | (second & 0x3f));
  if (bytes.length === 3 && lead >= 0xe0 && lead <= 0xef) {
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)) return null;
    return String.fromCharCode(((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (bytes[2] & 0x3f));
  }
  if (bytes.length === 4 && lead >= 0xf0 && lead <= 0xf4) {
    if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return null;
    return String.fromCodePoint(((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((bytes[2] & 0x3f) << 6) | (bytes[3] & 0x3f));
  }
  return decodeBytes([...bytes]);
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

interface RunRepair {
  text: string;
  cjk: boolean;
  /** Characters that could not be recovered (a lost undefined byte with no plausible reading). */
  lost: number;
  /** Offset in `text` of the first of them, or -1. */
  firstLost: number;
}

/**
 * Repair one run.  Runs without U+FFFD decode in one go.  A U+FFFD is a lost
 * 0x81/0x8D/0x8F/0x90/0x9D: the character holding it is resolved by trying
 * those bytes and keeping the reading that is the only one Big5 can encode
 * (a Taiwanese text stays within Big5); when several are (住 E4 BD 8F vs
 * 位 E4 BD 8D) guessing would silently change the text, so it stays U+FFFD.
 */
function repairRun(run: string): RunRepair | null {
  if (!run.includes('\ufffd')) {
    const bytes = Array.from(run, (ch) => byteOf(ch.charCodeAt(0)));
    const text = decodeBytes(bytes);
    return text === null ? null : { text, cjk: CJK.test(text), lost: 0, firstLost: -1 };
  }
  let text = '';
  let lost = 0;
  let firstLost = -1;
  // One UTF-8 sequence per lead character.
  for (const group of run.match(ONE) ?? []) {
    const codes = Array.from(group, (ch) => ch.charCodeAt(0));
    if (!codes.includes(LOST)) {
      const part = decodeSequence(codes.map(byteOf));
      if (part === null) return null;
      text += part;
      continue;
    }
    const chosen = resolveLost(codes);
    if (chosen === null) {
      if (firstLost < 0) firstLost = text.length;
      lost++;
    }
    text += chosen ?? '\ufffd';
  }
  return { text, cjk: CJK.test(text), lost, firstLost };
}

// The same damaged sequence recurs throughout a file: resolve each once.
const resolved = new Map<string, string | null>();
const MAX_RESOLVED = 4096;

/** The readings of a sequence with lost bytes, and the one to keep (or null). */
function resolveLost(codes: readonly number[]): string | null {
  const key = codes.join(',');
  let chosen = resolved.get(key);
  if (chosen === undefined) {
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    resolved.set(key, (chosen = chooseReading(codes)));
  }
  return chosen;
}

function chooseReading(codes: readonly number[]): string | null {
  let readings: number[][] = [codes.map(byteOf)];
  codes.forEach((code, i) => {
    if (code !== LOST) return;
    readings = readings.flatMap((bytes) => CP1252_UNDEFINED.map((b) => bytes.map((x, j) => (j === i ? b : x))));
  });
  const chars: string[] = [];
  for (const bytes of readings) {
    const part = decodeSequence(bytes);
    if (part !== null && part.length >= 1 && part.length <= 2) chars.push(part);
  }
  const big5 = chars.filter((ch) => big5Level(ch) > 0);
  if (big5.length === 1) return big5[0];
  const frequent = big5.filter((ch) => big5Level(ch) === 1);
  return frequent.length === 1 ? frequent[0] : null;
}

/**
 * 1 for Big5's "frequently used" block (A440–C67E, 5401 characters), 2 for
 * the rest of Big5/CP950, 0 when Big5 cannot encode `ch`.
 */
const big5Levels = new Map<string, number>();

function big5Level(ch: string): number {
  let level = big5Levels.get(ch);
  if (level === undefined) big5Levels.set(ch, (level = encodeLevel(ch)));
  return level;
}

function encodeLevel(ch: string): number {
  const iconv = iconvLite();
  const bytes = iconv.encode(ch, 'cp950');
  if (iconv.decode(bytes, 'cp950') !== ch) return 0;
  const code = bytes.length === 2 ? (bytes[0] << 8) | bytes[1] : 0;
  return code >= 0xa440 && code <= 0xc67e ? 1 : 2;
}

export interface MojibakeRepair {
  text: string;
  /** Runs replaced. */
  runs: number;
  /** Characters that could not be recovered and are U+FFFD in `text`. */
  lost: number;
  /** Offset in the repaired `text` of the first unrecoverable character (U+FFFD), or -1. */
  firstLost: number;
  /** Range of the first repaired run in the repaired `text`. */
  first: { start: number; end: number } | null;
  /** Map an offset in the input text to the same place in the repaired text. */
  mapOffset(offset: number): number;
}

interface Edit {
  /** Offset of the run in the text before this pass. */
  at: number;
  removed: number;
  inserted: number;
}

function offsetMapper(edits: readonly Edit[]): (offset: number) => number {
  return (offset) => {
    let shift = 0;
    for (const edit of edits) {
      if (offset < edit.at) break;
      // Inside a repaired run: its first character.
      if (offset < edit.at + edit.removed) return edit.at + shift;
      shift += edit.inserted - edit.removed;
    }
    return offset + shift;
  };
}

/** Does `text` contain anything that looks like mis-decoded UTF-8?  One native regex scan. */
export function looksLikeMojibake(text: string): boolean {
  RUN.lastIndex = 0;
  return RUN.test(text);
}

const NESTED = new RegExp(RUN.source);

function nested(text: string): boolean {
  return NESTED.test(text);
}

/**
 * Repair mis-decoded runs in `text`.  Returns null when nothing was repaired
 * (no run, or no run decoded to CJK).  A second pass handles text that went
 * through the mis-decoding twice (`Ã¤Â¸Â­` → `ä¸­` → `中`).
 */
export function repairMojibake(text: string): MojibakeRepair | null {
  let result: MojibakeRepair | null = null;
  let cjk = false;
  for (let pass = 0; pass < 2; pass++) {
    const repaired = repairOnce(result ? result.text : text);
    if (!repaired) break;
    cjk ||= repaired.cjkRuns > 0;
    if (result) {
      const before: (offset: number) => number = result.mapOffset;
      result = {
        text: repaired.text,
        runs: result.runs + repaired.runs,
        lost: result.lost + repaired.lost,
        firstLost: firstOf(result.firstLost < 0 ? -1 : repaired.mapOffset(result.firstLost), repaired.firstLost),
        first: repaired.first,
        mapOffset: (offset: number): number => repaired.mapOffset(before(offset)),
      };
    } else result = repaired;
    if (repaired.cjkRuns === repaired.runs) break;
  }
  return cjk ? result : null;
}

function firstOf(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * One pass over `text`.  A pass counts when some run came back as CJK, or as
 * another layer of mojibake (double mis-decoding) for the next pass.
 */
function repairOnce(text: string): (MojibakeRepair & { cjkRuns: number }) | null {
  RUN.lastIndex = 0;
  const pieces: string[] = [];
  let last = 0;
  let outLength = 0;
  let runs = 0;
  let cjkRuns = 0;
  let nestedRuns = 0;
  let lost = 0;
  let first: MojibakeRepair['first'] = null;
  let firstLost = -1;
  const edits: Edit[] = [];
  let match: RegExpExecArray | null;
  while ((match = RUN.exec(text))) {
    const repair = repairRun(match[0]);
    if (!repair) continue;
    const before = text.slice(last, match.index);
    pieces.push(before, repair.text);
    outLength += before.length;
    if (!first) first = { start: outLength, end: outLength + repair.text.length };
    if (firstLost < 0 && repair.firstLost >= 0) firstLost = outLength + repair.firstLost;
    outLength += repair.text.length;
    last = match.index + match[0].length;
    edits.push({ at: match.index, removed: match[0].length, inserted: repair.text.length });
    runs++;
    lost += repair.lost;
    if (repair.cjk) cjkRuns++;
    else if (nested(repair.text)) nestedRuns++;
  }
  if (cjkRuns + nestedRuns === 0) return null;
  pieces.push(text.slice(last));
  return { text: pieces.join(''), runs, lost, firstLost, first, mapOffset: offsetMapper(edits), cjkRuns };
}
