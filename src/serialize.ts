/**
 * Serialize stage: canonical JSON (RFC 8785 key order: keys sorted by UTF-16
 * code units; shortest number form; no insignificant whitespace), so the same
 * input always yields byte-identical output.  `pretty` indents with two spaces
 * and keeps the same order.
 *
 * Objects are first copied into sorted key order (only where they are not in
 * it already) and then written by the native JSON.stringify, whose number and
 * string forms are the ones RFC 8785 prescribes.  The stages build their most
 * numerous objects (points, positions) with keys already in order, so for
 * them the copy is only a check.
 */
export function canonicalJson(value: unknown, pretty = false): string {
  return `${JSON.stringify(sortKeys(value), null, pretty ? 2 : undefined)}\n`;
}

/**
 * The bytes of `canonicalJson(value, pretty)` in UTF-8, as a list of blocks
 * (their concatenation is exactly those bytes).  The text is written piece by
 * piece (each document's sections, tables and records one at a time) straight
 * into blocks of at most 1 MiB, so the whole JSON never exists as one string
 * beside its bytes: on a 40 MB input that string alone is ~140 MB (CJK text
 * is a two-byte string) and its UTF-8 copy another ~100 MB.  A writer writes
 * the blocks in order (or a worker transfers their buffers).
 */
export function canonicalJsonBytes(value: unknown, pretty = false): Uint8Array[] {
  const sink = new ByteSink();
  writeValue(sink, sortKeys(value), 0, pretty);
  sink.write('\n');
  return sink.finish();
}

/**
 * A value already written as canonical JSON bytes at a given depth (a
 * document serialized as soon as it was parsed, see `serializedDocument`):
 * written as those bytes, so the object it was made from can be let go.
 */
export class Serialized {
  constructor(
    readonly blocks: Uint8Array[],
    readonly depth: number,
    readonly pretty: boolean,
    /** The blocks start with the separator from the array item before (`,` and, pretty, the indent). */
    readonly separated = false,
  ) {}
}

/** What goes between two documents of a result's `documents` (the `,` and, pretty, the indent of depth 2). */
export function documentSeparator(pretty = false): string {
  return pretty ? `,\n${'  '.repeat(2)}` : ',';
}

/**
 * A document of a result as the bytes `canonicalJsonBytes(result, pretty)`
 * writes for it (an element of `documents`, depth 2), to stand in the
 * result's `documents` in its place.
 */
export function serializedDocument(document: unknown, pretty = false, onBlock?: (block: Uint8Array) => void): Serialized {
  // With `onBlock`, each full block is handed over as soon as it is filled (a
  // large document need not be held as bytes too); the rest is returned.
  const sink = new ByteSink(onBlock);
  writeValue(sink, sortKeys(document), 2, pretty);
  return new Serialized(sink.finish(), 2, pretty);
}

/**
 * Plain objects and arrays above this depth are written member by member
 * (the result, its documents, each document); arrays at this depth (a
 * document's sections, tables, records) in groups of GROUP items, deeper
 * values whole: pieces stay small, and JSON.stringify is called a few times
 * per document rather than once per record.
 */
const SPLIT_DEPTH = 3;
const GROUP = 32;
const BLOCK_BYTES = 1 << 20;
const encoder = new TextEncoder();

/** Text pieces gathered into a string of at most this many code units before they are encoded. */
const PENDING_UNITS = 1 << 16;

class ByteSink {
  readonly blocks: Uint8Array[] = [];

  constructor(private readonly onBlock?: (block: Uint8Array) => void) {}

  private block: Uint8Array | null = null;
  private used = 0;
  private pending = '';
  private hasBlocks = false;

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= PENDING_UNITS) this.flush();
  }

  /** Bytes already encoded, after what was written so far. */
  writeBlocks(blocks: readonly Uint8Array[]): void {
    if (this.pending !== '') this.flush();
    if (this.block !== null && this.used > 0) {
      this.blocks.push(exact(this.block, this.used));
      // The rest of the current block is left unused: later text starts a new one.
      this.block = null;
      this.used = 0;
    }
    for (const block of blocks) this.blocks.push(block);
    this.hasBlocks = true;
  }

  finish(): Uint8Array[] {
    // A small output (the usual case) is encoded in one go, to its exact size.
    if (this.block === null && !this.hasBlocks) return this.pending === '' ? [] : [encoder.encode(this.pending)];
    if (this.block === null) {
      if (this.pending !== '') this.blocks.push(encoder.encode(this.pending));
      this.pending = '';
      return this.blocks;
    }
    this.flush();
    if (this.used > 0) this.blocks.push(exact(this.block, this.used));
    return this.blocks;
  }

  private flush(): void {
    let rest = this.pending;
    this.pending = '';
    // Not zero-filled, and not from Node's shared pool (a worker transfers the buffers).
    let block = (this.block ??= Buffer.allocUnsafeSlow(BLOCK_BYTES));
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.used === 0 ? block : block.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      // The block is full (encodeInto never splits a character): start another.
      rest = rest.slice(read);
      if (this.onBlock) this.onBlock(block.subarray(0, this.used));
      else this.blocks.push(block.subarray(0, this.used));
      block = this.block = Buffer.allocUnsafeSlow(Math.max(BLOCK_BYTES, rest.length * 3));
      this.used = 0;
    }
  }
}

/**
 * The used part of a block; copied to its own buffer when mostly unused, so
 * many small serialized documents do not each keep a 1 MiB block alive.
 */
function exact(block: Uint8Array, used: number): Uint8Array {
  return used < BLOCK_BYTES / 2 ? Uint8Array.prototype.slice.call(block, 0, used) : block.subarray(0, used);
}

/** A long array, GROUP items at a time (each group's brackets cut off). */
function writeGroups(sink: ByteSink, value: Json[], depth: number, pretty: boolean): void {
  const pad = pretty ? '  '.repeat(depth) : '';
  sink.write('[');
  for (let start = 0; start < value.length; start += GROUP) {
    const text = JSON.stringify(value.slice(start, start + GROUP), null, pretty ? 2 : undefined);
    if (start > 0) sink.write(',');
    // Pretty: "[\n  a,\n  b\n]" → "\n  a,\n  b", indented to this depth.
    sink.write(pretty ? text.slice(1, -2).replaceAll('\n', `\n${pad}`) : text.slice(1, -1));
  }
  sink.write(pretty ? `\n${pad}]` : ']');
}

/** Written member by member: arrays, and objects JSON.stringify writes key by key. */
function splittable(value: Json): value is Json[] | { [key: string]: Json } {
  return value !== null && typeof value === 'object' && (Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON !== 'function');
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function writeValue(sink: ByteSink, value: Json, depth: number, pretty: boolean): void {
  if (value instanceof Serialized) {
    if (value.depth !== depth || value.pretty !== pretty) throw new TypeError('a value serialized at another depth or indentation');
    return sink.writeBlocks(value.blocks);
  }
  if (depth === SPLIT_DEPTH && Array.isArray(value) && value.length > GROUP) return writeGroups(sink, value, depth, pretty);
  if (depth >= SPLIT_DEPTH || !splittable(value)) {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined);
    // Nested pretty text is indented to its depth (JSON text has no raw newline but between tokens).
    sink.write(pretty && depth > 0 ? text.replaceAll('\n', `\n${'  '.repeat(depth)}`) : text);
    return;
  }
  const inner = pretty ? `\n${'  '.repeat(depth + 1)}` : '';
  const close = pretty ? `\n${'  '.repeat(depth)}` : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return sink.write('[]');
    sink.write('[');
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (!(item instanceof Serialized && item.separated && i > 0)) sink.write(i > 0 ? `,${inner}` : inner);
      if (skipped(item)) sink.write('null');
      else writeValue(sink, item, depth + 1, pretty);
    }
    sink.write(`${close}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (skipped(item)) continue;
    sink.write(`${first ? '{' : ','}${inner}${JSON.stringify(key)}:${pretty ? ' ' : ''}`);
    first = false;
    writeValue(sink, item, depth + 1, pretty);
  }
  sink.write(first ? '{}' : `${close}}`);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: unknown): Json {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot serialize ${value} as JSON`);
    return value as Json;
  }
  if (value instanceof Serialized) return value as unknown as Json;
  if (Array.isArray(value)) {
    let out: Json[] = value;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      const sorted = sortKeys(item);
      if (sorted !== item) {
        if (out === value) out = value.slice();
        out[i] = sorted;
      }
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  // First pass without allocating: are the keys in order and every value
  // already canonical?  Most objects are, and are returned as they are.
  // (for…in walks an ordinary object's own keys in the order Object.keys
  // gives them; results are plain data objects with nothing inherited.)
  // `checked` values are known canonical and are not walked again below.
  let previous: string | null = null;
  let checked = 0;
  let pending: Json | undefined;
  let clean = true;
  for (const key in record) {
    const item = record[key];
    if ((previous !== null && previous > key) || item === undefined) {
      clean = false;
      break;
    }
    const sorted = sortKeys(item);
    if (sorted !== item) {
      pending = sorted;
      clean = false;
      break;
    }
    previous = key;
    checked++;
  }
  if (clean) return record as Json;
  const keys = Object.keys(record);
  const values = new Map<string, Json>();
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]];
    if (item === undefined) continue;
    values.set(keys[i], i < checked ? (item as Json) : i === checked && pending !== undefined ? pending : sortKeys(item));
  }
  keys.sort();
  const out: { [key: string]: Json } = {};
  for (const key of keys) if (values.has(key)) out[key] = values.get(key)!;
  return out;
}
