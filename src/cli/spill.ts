/**
 * A large output's documents on disk instead of in memory.  The canonical
 * JSON starts with the result's diagnostics, known only once every document
 * is parsed, so the documents' bytes must wait somewhere: up to `limit` bytes
 * in memory (most files), past it in a temp file, which
 * the main thread copies into the output in order and removes.
 */
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { documentSeparator, Serialized } from '../serialize.js';

/** Documents' bytes held in memory per file before the rest go to a temp file. */
export const SPILL_BYTES = 4 << 20;

export class DocumentSpill {
  /** The temp file, once documents went to it. */
  path: string | null = null;
  /** The zero-length block that marks, in the serialized result, where the file's bytes go. */
  readonly marker = new Uint8Array(0);
  private fd: number | null = null;
  private held = 0;

  constructor(
    private readonly pretty: boolean,
    /** Called when the temp file is made (the main thread removes it if this worker is stopped). */
    private readonly onOpen: (path: string) => void,
    private readonly limit = SPILL_BYTES,
  ) {}

  /**
   * Serialize a document (at depth 2) with `serialize`, which hands over full
   * blocks as it goes and returns the rest: its bytes stay in memory, or go to
   * the temp file once the file's documents pass the limit.  Returns the
   * stand-in for the document: itself, or a marker of its bytes in the file.
   */
  add(serialize: (onBlock: (block: Uint8Array) => void) => Serialized): Serialized {
    const wasSpilling = this.fd !== null;
    let startedHere = false;
    let first = true;
    const mine: Uint8Array[] = [];
    const onBlock = (block: Uint8Array): void => {
      if (this.fd === null) {
        this.held += block.byteLength;
        if (this.held <= this.limit) {
          mine.push(block);
          return;
        }
        this.open();
        startedHere = true;
        // This document is the file's first: no separator before it (the serializer writes it before the marker).
        this.write(mine);
        mine.length = 0;
        first = false;
      }
      if (first && wasSpilling) this.write([Buffer.from(documentSeparator(this.pretty))]);
      first = false;
      this.write([block]);
    };
    const serialized = serialize(onBlock);
    for (const block of serialized.blocks) onBlock(block);
    if (wasSpilling) return new Serialized([], serialized.depth, serialized.pretty, true);
    if (startedHere) return new Serialized([this.marker], serialized.depth, serialized.pretty);
    return new Serialized(mine, serialized.depth, serialized.pretty);
  }

  /** Done writing (the main thread reads the file next). */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  /** Close and remove the temp file (the output is not written after all). */
  remove(): void {
    this.close();
    if (this.path === null) return;
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
    this.path = null;
  }

  private open(): void {
    this.path = join(tmpdir(), `.plan-parse-${process.pid}-${threadId}-${randomBytes(6).toString('hex')}.spill`);
    this.onOpen(this.path);
    // 'wx': never follow or reuse an existing file at the name.
    this.fd = openSync(this.path, 'wx', 0o600);
  }

  private write(blocks: readonly Uint8Array[]): void {
    for (const block of blocks) {
      let written = 0;
      while (written < block.byteLength) written += writeSync(this.fd!, block, written, block.byteLength - written);
    }
  }
}
