/**
 * Issue #14 — memory: the CLI's parse mode serializes each document as soon
 * as it is parsed (`parseStreaming` + `serializedDocument`), keeps a file's
 * documents as bytes up to a limit and past it in a temp file
 * (`DocumentSpill`), which is copied into the output where the documents go.
 * The bytes must be exactly `canonicalJson(parse(input))`, compact and
 * pretty, wherever the limit falls.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { built, cli } from './helpers/cli.js';
import { DocumentSpill } from '../src/cli/spill.js';
import { parse, parseStreaming } from '../src/parse.js';
import { canonicalJson, canonicalJsonBytes, serializedDocument } from '../src/serialize.js';
import { seedBytes, seedNames } from './helpers/seeds.js';

/** The output bytes as the CLI writes them: blocks, with the temp file's bytes read in at the marker. */
async function streamedJson(bytes: Uint8Array, pretty: boolean, limit: number): Promise<{ json: string; spilled: boolean; documents: number }> {
  let path: string | null = null;
  const spill = new DocumentSpill(pretty, (file) => (path = file), limit);
  let documents = 0;
  const result = await parseStreaming({ bytes }, { path: 'plan.txt' }, (document) => {
    documents++;
    return spill.add((onBlock) => serializedDocument(document, pretty, onBlock)) as never;
  });
  const blocks = canonicalJsonBytes(result, pretty);
  spill.close();
  const parts: Buffer[] = [];
  for (const block of blocks) {
    if (block === spill.marker) parts.push(readFileSync(path!));
    else parts.push(Buffer.from(block));
  }
  const spilled = path !== null;
  if (spilled) {
    spill.remove();
    expect(existsSync(path!)).toBe(false);
  }
  return { json: Buffer.concat(parts).toString('utf8'), spilled, documents };
}

// Seed 002 holds 21 plans (documents); seed 004 one report.
const seeds = seedNames.filter((name) => name.startsWith('002') || name.startsWith('004'));

describe('documents serialized as parsed, held or spilled: byte-identical output', () => {
  for (const name of seeds) {
    const bytes = seedBytes(name);
    for (const pretty of [false, true]) {
      const expected = canonicalJson(parse(bytes, { path: 'plan.txt' }), pretty);
      // No limit reached, reached after a few documents, reached inside the first one.
      for (const limit of [1 << 30, Math.floor(Buffer.byteLength(expected) / 3), 10]) {
        it(`${name}${pretty ? ' (pretty)' : ''}, limit ${limit} bytes`, async () => {
          const { json, spilled } = await streamedJson(bytes, pretty, limit);
          expect(spilled).toBe(limit < Buffer.byteLength(expected));
          expect(json).toBe(expected);
        });
      }
    }
  }

  it('a file of several documents spills after the first ones (seed 002: 21 plans)', async () => {
    const bytes = seedBytes(seeds.find((name) => name.startsWith('002'))!);
    const expected = canonicalJson(parse(bytes, { path: 'plan.txt' }));
    const { json, spilled, documents } = await streamedJson(bytes, false, 20_000);
    expect(documents).toBeGreaterThan(5);
    expect(spilled).toBe(true);
    expect(json).toBe(expected);
  });

  it('the parser lets go of held bytes once decoded', async () => {
    const held = { bytes: seedBytes(seeds[0]) as Uint8Array | null };
    const result = await parseStreaming(held as { bytes: Uint8Array }, { path: 'plan.txt' });
    expect(held.bytes).toBeNull();
    expect(result.documents.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!built)('the CLI: a large output spilled and copied in', () => {
  it('gives the same bytes as the library, -o and stdout, and leaves no temp file', () => {
    // The seeds four times over: ~1.8 MB of input, ~5 MB of JSON (past the 4 MiB held in memory).
    const input = Buffer.concat(Array.from({ length: 4 }, () => seedNames.map((name) => seedBytes(name))).flat());
    const work = mkdtempSync(path.join(tmpdir(), 'plan-parse-spill-'));
    try {
      const temp = path.join(work, 'tmp');
      writeFileSync(path.join(work, 'plans.txt'), input);
      const expected = canonicalJson(parse(input, { path: 'plans.txt' }));
      expect(Buffer.byteLength(expected)).toBeGreaterThan(4 << 20);
      // TMPDIR: where the spill goes, to see it removed.
      mkdirSync(temp);
      const env = { TMPDIR: temp };
      const written = cli(['plans.txt', '-o', 'out', '-q'], { cwd: work, env });
      expect(written.code).toBe(0);
      expect(readFileSync(path.join(work, 'out/plans.txt.json'), 'utf8')).toBe(expected);
      const printed = cli(['plans.txt', '-q'], { cwd: work, env });
      expect(printed.stdout).toBe(expected);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});

