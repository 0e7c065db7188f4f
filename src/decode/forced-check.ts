/**
 * `--encoding big5` on a UTF-8 file decodes "successfully" into a garbled
 * title and a warning.  When a forced encoding yields mostly replacement
 * characters or characters a Taiwanese plan never holds (Hangul, rare CJK
 * extensions, private use, C1 controls), and detection finds an encoding
 * that reads the bytes far better, that is an error naming it.
 */
import type { Diagnostic } from '../types.js';

// Characters of a real plan: ASCII, Latin-1 punctuation, general punctuation,
// CJK symbols, the common CJK block, compatibility ideographs, full-width forms.
//   > | 嘉義市政府民政處中程(108至111年度)施政計畫
//       ^ likely           ^ likely
function likely(code: number): boolean {
  return (
    code < 0x80 ||
    (code >= 0xa0 && code <= 0xbf) ||
    code === 0xd7 ||
    code === 0xf7 ||
    (code >= 0x2000 && code <= 0x33ff) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef && code !== 0xfffd)
  );
}

/** Share of characters (whitespace aside) that are replacement or unlikely characters; one pass. */
export function unlikelyShare(text: string): number {
  let total = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000) continue;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      i++;
    }
    total++;
    if (!likely(code)) bad++;
  }
  return total ? bad / total : 0;
}

function replacementShare(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  return text.length ? count / text.length : 0;
}

const ALIASES: Record<string, string> = { big5: 'cp950', 'big5-hkscs': 'cp950', cp950: 'cp950', utf8: 'utf-8', 'utf-8': 'utf-8', gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', utf16le: 'utf-16le', 'utf-16le': 'utf-16le', ucs2: 'utf-16le' };
const canonical = (name: string): string => ALIASES[name.trim().toLowerCase()] ?? name.trim().toLowerCase();

/** Above this share a forced decoding is rejected (when detection does much better). */
export const FORCED_UNLIKELY_SHARE = 0.1;

/**
 * An `encoding-mismatch` error when the text decoded with `forced` is mostly
 * unlikely characters and the `detected` decoding has at most a third of
 * that share; otherwise null.
 */
export function forcedEncodingProblem(forced: string, forcedText: string, detected: { encoding: string; text: string } | null): Diagnostic | null {
  if (!detected || canonical(forced) === canonical(detected.encoding)) return null;
  const share = unlikelyShare(forcedText);
  const better = unlikelyShare(detected.text);
  // Mostly unlikely characters, or (GB18030 read from UTF-8 looks like hanzi) lost bytes where detection loses none.
  const garbled = share >= FORCED_UNLIKELY_SHARE && better <= share / 3;
  const lossy = replacementShare(forcedText) >= 0.005 && replacementShare(detected.text) === 0;
  if (!garbled && !lossy) return null;
  return {
    severity: 'error',
    code: 'encoding-mismatch',
    message: `--encoding ${forced} gives ${Math.max(1, Math.round(share * 100))}% unreadable or unlikely characters; the file looks like ${detected.encoding} (drop --encoding, or use --encoding ${detected.encoding})`,
    position: null,
  };
}
