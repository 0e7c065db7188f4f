/**
 * Reading the parts of a ZIP package (DOCX, ODT) with limits.
 *
 * The central directory is read here, bounds-checked entry by entry, and only
 * the entries a front end asks for are inflated, by Node's zlib (native:
 * about twice as fast as fflate's inflate, which also trusts the declared
 * size for its buffer; fflate's `unzipSync` trusts the directory too, so a
 * damaged entry count or a declared size of 4 GiB would make it loop or
 * allocate before any check).  Inflating stops at the declared size.
 * Every inflated entry is checked against its declared size and CRC-32, so a
 * truncated or damaged file is reported as such, never read half.
 *
 * Zip bombs: an entry may not declare more than `maxEntryBytes`, the entries
 * read together not more than `maxTotalBytes`, and a large entry not more
 * than `maxRatio` times its compressed size (real XML parts compress 5–30×).
 */
import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';

// zlib is loaded on the first DOCX/ODT part: a text file never needs it, and
// loading it costs every start-up of the CLI.
let zlib: typeof Zlib | undefined;
const loadZlib = (): typeof Zlib => (zlib ??= createRequire(import.meta.url)('node:zlib') as typeof Zlib);

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  /** Entries larger than this are exempt from the ratio test (small parts of spaces compress a lot). */
  ratioFloor: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxEntryBytes: 256 << 20, maxTotalBytes: 512 << 20, maxRatio: 200, ratioFloor: 1 << 20 };

export type ZipProblem = 'damaged-file' | 'too-large';

export interface ZipError {
  code: ZipProblem;
  message: string;
}

export interface ZipPackage {
  /** Every entry name, in directory order. */
  names: string[];
  /** Inflate one entry: null when absent, a `ZipError` when damaged or over the limits. */
  read(name: string): Uint8Array | ZipError | null;
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 65_535;

/**
 * Read the directory of `bytes`; entries are inflated one by one when asked
 * for.  Returns a `ZipError` for a damaged or truncated package.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipPackage | ZipError {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(bytes, view);
  if ('code' in entries) return entries;
  const byName = new Map<string, Entry>();
  for (const entry of entries) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  let total = 0;
  return {
    names: entries.map((entry) => entry.name),
    read(name) {
      const entry = byName.get(name);
      if (!entry) return null;
      if (entry.size > limits.maxEntryBytes || total + entry.size > limits.maxTotalBytes)
        return { code: 'too-large', message: `the part ${entry.name} unpacks to ${entry.size} bytes, more than the ${limits.maxEntryBytes >> 20} MiB allowed` };
      if (entry.size > limits.ratioFloor && entry.size > entry.compressed * limits.maxRatio)
        return { code: 'too-large', message: `the part ${entry.name} is compressed ${Math.round(entry.size / Math.max(1, entry.compressed))}:1, more than a document part can be (a zip bomb?)` };
      total += entry.size;
      return readEntry(bytes, view, entry);
    },
  };
}

/** Whether the bytes start like a ZIP package (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether `needle` (ASCII) occurs in the first or last 64 KiB: local headers and the central directory hold entry names in clear. */
export function namesMention(bytes: Uint8Array, needle: string): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const window = 1 << 16;
  if (buffer.subarray(0, window).indexOf(needle, 0, 'latin1') >= 0) return true;
  return bytes.length > window && buffer.subarray(Math.max(window, bytes.length - window)).indexOf(needle, 0, 'latin1') >= 0;
}

// One decoder for every package's entry names (making one costs more than reading a small directory).
let utf8Decoder: InstanceType<typeof TextDecoder> | undefined;

function damaged(message: string): ZipError {
  return { code: 'damaged-file', message };
}

function readDirectory(bytes: Uint8Array, view: DataView): Entry[] | ZipError {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return damaged('the archive is truncated or damaged (no end-of-directory record): save the file again');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return damaged('the archive is damaged (bad ZIP64 record)');
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record < 0 || record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) return damaged('the archive is damaged (bad ZIP64 record)');
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  // Each directory entry takes at least 46 bytes: a count the file cannot hold is damage.
  if (count > MAX_ENTRIES || offset + count * 46 > bytes.length) return damaged('the archive is truncated or damaged (its directory lies outside the file)');
  const entries: Entry[] = [];
  const decoder = (utf8Decoder ??= new TextDecoder('utf-8'));
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return damaged('the archive is damaged (bad directory entry)');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const next = offset + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) return damaged('the archive is damaged (bad directory entry)');
    const entry: Entry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressed: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset = next;
  }
  return entries;
}

/** Sizes and offset of a ZIP64 entry, from its extra field (tag 1). */
function readZip64Extra(view: DataView, start: number, length: number, entry: Entry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const tag = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (tag === 1) {
      let field = at + 4;
      const take = () => {
        if (field + 8 > at + 4 + size) return 0xffffffff;
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressed === 0xffffffff) entry.compressed = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    at += 4 + size;
  }
}

function readEntry(bytes: Uint8Array, view: DataView, entry: Entry): Uint8Array | ZipError {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return damaged(`the archive is damaged (the part ${entry.name} is missing)`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressed;
  if (end > bytes.length) return damaged(`the archive is truncated (the part ${entry.name} is cut off)`);
  let data: Uint8Array;
  if (entry.method === 0) data = bytes.subarray(start, end);
  else if (entry.method === 8) {
    try {
      // Never more than the declared size: a part that inflates further is damaged, not read.
      data = entry.size === 0 ? new Uint8Array(0) : loadZlib().inflateRawSync(bytes.subarray(start, end), { maxOutputLength: entry.size, chunkSize: Math.max(64, Math.min(entry.size, 1 << 24)) });
    } catch {
      return damaged(`the archive is damaged (the part ${entry.name} does not unpack)`);
    }
  } else return damaged(`the part ${entry.name} is compressed with method ${entry.method}, which is not read (only stored and deflated parts)`);
  if (data.length !== entry.size || (loadZlib().crc32(data) >>> 0) !== entry.crc) return damaged(`the archive is damaged (the part ${entry.name} fails its checksum)`);
  return data;
}
