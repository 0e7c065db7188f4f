/**
 * Bad DOCX and ODT files: each a clear error diagnostic and no documents,
 * never a crash — truncated, damaged, encrypted, zip bombs, parts missing or
 * not XML — and random truncations and byte flips of the corpus files always
 * give a schema-valid result.  The other files of a CLI run go on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import type { ParseResult } from '../src/types.js';
import { makeDocx, makeOdt, p } from './helpers/office.js';
import { root } from './helpers/seeds.js';

const filesDir = path.join(root, 'fixtures/corpus/files');
const DOCX = readFileSync(path.join(filesDir, '51_chiayi-education-108-111-kpi.docx'));
const ODT = readFileSync(path.join(filesDir, '63_chiayi-west-district-social-112-workplan.odt'));

function fatal(result: ParseResult) {
  expect(validateResult(result)).toEqual([]);
  expect(result.documents).toEqual([]);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('bad DOCX and ODT files', () => {
  it('a truncated archive is damaged', () => {
    for (const file of [DOCX, ODT]) {
      const error = fatal(parse(file.subarray(0, Math.floor(file.length * 0.7))));
      expect(error.code).toBe('damaged-file');
      expect(error.message).toMatch(/truncated|damaged/);
    }
  });

  it('a damaged part fails its checksum', () => {
    const docx = makeDocx(p('壹、機關任務'.repeat(50)));
    const damaged = Buffer.from(docx);
    // The document part's data starts after its local header; flip a byte in the middle of the package.
    const at = damaged.indexOf('word/document.xml') + 40;
    damaged[at] ^= 0xff;
    const error = fatal(parse(damaged));
    expect(error.code).toBe('damaged-file');
  });

  it('a package without word/document.xml or content.xml says which part is missing', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') });
    expect(fatal(parse(docx))).toMatchObject({ code: 'missing-part', message: expect.stringContaining('word/document.xml') });
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'styles.xml': strToU8('<x/>') });
    expect(fatal(parse(odt))).toMatchObject({ code: 'missing-part', message: expect.stringContaining('content.xml') });
  });

  it('password-protected files: ODF encryption-data in the manifest, OOXML in an encrypted CFB container', () => {
    const manifest =
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>';
    expect(fatal(parse(makeOdt('<text:p>x</text:p>', { manifest }))).code).toBe('encrypted-file');
    // A Compound File header, then directory entries named in UTF-16LE.
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(200)]);
    const error = fatal(parse(cfb));
    expect(error.code).toBe('encrypted-file');
    expect(error.message).toMatch(/password/);
  });

  it('zip bombs: a part compressed far more than documents are, or declaring more than the limit', () => {
    const bomb = makeDocx(p(' '.repeat(3 << 20)));
    expect(fatal(parse(bomb))).toMatchObject({ code: 'too-large', message: expect.stringContaining('word/document.xml') });
    // Declare 3 GiB for the document part in the central directory.
    const declared = Buffer.from(makeDocx(p('本文')));
    const central = declared.lastIndexOf('word/document.xml') - 46;
    declared.writeUInt32LE(0xc0000000, central + 24);
    expect(fatal(parse(declared)).code).toBe('too-large');
  });

  it('a document part that is not well-formed XML, or declares a DTD, is damaged', () => {
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>') });
    expect(fatal(parse(broken)).code).toBe('damaged-file');
    const dtd = zipSync({
      'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY big "x">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&big;</w:t></w:r></w:p></w:body></w:document>'),
    });
    expect(fatal(parse(dtd))).toMatchObject({ code: 'damaged-file', message: expect.stringContaining('DTD') });
  });
});

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzzing the corpus DOCX and ODT files', { timeout: 120_000 }, () => {
  const files = readdirSync(filesDir)
    .filter((name) => /\.(?:docx|odt)$/.test(name))
    .sort()
    .filter((_, i) => i % 4 === 0)
    .map((name) => ({ name, bytes: readFileSync(path.join(filesDir, name)) }));

  const check = (bytes: Uint8Array, label: string) => {
    let result: ParseResult;
    expect(() => (result = parse(bytes, { path: label })), label).not.toThrow();
    expect(validateResult(result!), label).toEqual([]);
    if (result!.documents.length === 0) expect(result!.diagnostics.some((d) => d.severity === 'error'), label).toBe(true);
  };

  it('truncations never throw and are schema-valid', () => {
    for (const { name, bytes } of files) for (let k = 1; k < 16; k++) check(bytes.subarray(0, Math.floor((bytes.length * k) / 16)), `${name}[:${k}/16]`);
  });

  it('byte flips never throw and are schema-valid', () => {
    const next = random(20261128);
    for (const { name, bytes } of files) {
      for (let round = 0; round < 40; round++) {
        const flipped = Buffer.from(bytes);
        const count = 1 + Math.floor(next() * 8);
        for (let k = 0; k < count; k++) flipped[Math.floor(next() * flipped.length)] = Math.floor(next() * 256);
        check(flipped, `${name} round ${round}`);
      }
    }
  });
});

describe('the CLI goes on after a bad DOCX or ODT file', () => {
  it('writes the good files and reports the bad one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-parse-office-cli-'));
    writeFileSync(path.join(dir, 'a-good.docx'), DOCX);
    writeFileSync(path.join(dir, 'b-truncated.odt'), ODT.subarray(0, 5000));
    writeFileSync(path.join(dir, 'c-good.odt'), ODT);
    const out = path.join(dir, 'out');
    const run = spawnSync(process.execPath, [path.join(root, 'bin/plan-parse.js'), path.join(dir, 'a-good.docx'), path.join(dir, 'b-truncated.odt'), path.join(dir, 'c-good.odt'), '-o', out, '-q'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toEqual(expect.arrayContaining(['a-good.docx.json', 'c-good.odt.json']));
    const good = JSON.parse(readFileSync(path.join(out, 'c-good.odt.json'), 'utf8')) as ParseResult;
    expect(good.source.format).toBe('odt');
    expect(good.documents[0].workItems.length).toBeGreaterThan(0);
  });
});
