/**
 * Issue #6 — wrong files given by mistake: each gets one clear error
 * diagnostic saying what it is (and, for documents, to export text first),
 * and no documents.  The detection lives in src/decode/; these tests go
 * through `parse()` as the CLI does.
 */
import { deflateRawSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import type { ParseResult } from '../src/types.js';

const bytes = (...parts: Array<string | number[] | Uint8Array>): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

/** A minimal ZIP local file header for an entry named `name`. */
function zipWith(...names: string[]): Uint8Array {
  const parts: Buffer[] = [];
  for (const name of names) {
    const data = deflateRawSync(Buffer.from('<?xml version="1.0"?><x/>'));
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(25, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(header, Buffer.from(name), data);
  }
  parts.push(Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18));
  return new Uint8Array(Buffer.concat(parts));
}

function fatalOf(result: ParseResult) {
  expect(validateResult(result)).toEqual([]);
  expect(result.documents).toEqual([]);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0];
}

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', new Uint8Array(64));
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0], new Uint8Array(64));
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0], new Uint8Array(32));

describe('wrong file types get a message that says what they are', () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    // PDF, DOCX and ODT files are read (test/pdf.test.ts, test/fuzz-office.test.ts cover the broken ones).
    ['XLSX', zipWith('[Content_Types].xml', 'xl/workbook.xml'), /Excel|XLSX/],
    ['ZIP', zipWith('plans/a.txt'), /ZIP/i],
    ['PNG', PNG, /PNG/],
    ['JPEG', JPEG, /JPEG/],
    ['GIF', GIF, /GIF/],
    ['legacy DOC', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(64)), /DOC|Office/],
    ['gzip', new Uint8Array(gzipSync(Buffer.from('壹、任務\n'))), /gzip/i],
  ];
  for (const [name, input, what] of cases) {
    it(`${name}: wrong-file-type naming the format`, () => {
      const error = fatalOf(parse(input, { path: `x.${name.toLowerCase()}` }));
      expect(error.code).toBe('wrong-file-type');
      expect(error.message).toMatch(what);
    });
  }

  it('legacy Office files and spreadsheets are told to save as PDF, DOCX or ODT', () => {
    expect(fatalOf(parse(cases[0][1])).message).toMatch(/save it as PDF, DOCX or ODT/);
    expect(fatalOf(parse(cases[5][1])).message).toMatch(/save it as PDF, DOCX or ODT/);
  });

  it('images are told the text export (or OCR) is needed', () => {
    for (const input of [PNG, JPEG, GIF]) expect(fatalOf(parse(input)).message).toMatch(/text|OCR/i);
  });
});

describe('other bad content', () => {
  it('other binary content (NUL bytes, control characters) is not a text document', () => {
    const random = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    for (const input of [random, bytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0], 'abc'), bytes('\x01\x02\x03\x04\x05\x06\x07\x08'.repeat(50))]) {
      const error = fatalOf(parse(input));
      expect(error.code).toBe('binary-file');
      expect(error.message).toMatch(/binary|not text/i);
    }
  });

  it('an empty file has a clear error', () => {
    const error = fatalOf(parse(new Uint8Array(0)));
    expect(error.code).toBe('empty-file');
    expect(error.message).toMatch(/empty/);
  });

  it('a file of only whitespace / only a BOM is reported as empty', () => {
    for (const input of [bytes('   \n\n\t \r\n'), bytes([0xef, 0xbb, 0xbf])]) {
      expect(fatalOf(parse(input)).code).toBe('empty-file');
    }
  });

  it('mostly undecodable bytes: undecodable-bytes error that suggests --encoding', () => {
    // Invalid UTF-8 that is also implausible as Big5 / GB18030: lone continuation bytes.
    const input = bytes('abc\n', new Uint8Array(400).fill(0x80), '\n');
    const result = parse(input);
    expect(validateResult(result)).toEqual([]);
    expect(result.documents).toEqual([]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBe(1);
    expect(['undecodable-bytes', 'binary-file']).toContain(errors[0].code);
  });

  it('a few undecodable bytes in a real document: a warning, the document is still parsed', () => {
    const input = bytes(Buffer.from('嘉義市政府民政處中程(108至111年度)施政計畫\n壹、機關任務及願景\n本處', 'utf8'), [0xff], Buffer.from('負責民政業務。\n', 'utf8'));
    const result = parse(input);
    expect(validateResult(result)).toEqual([]);
    expect(result.documents.length).toBeGreaterThan(0);
    expect(result.diagnostics.some((d) => d.code === 'undecodable-bytes' && d.severity === 'warning')).toBe(true);
  });

  it('the wrong forced encoding (Big5 bytes read as UTF-8): a clear error suggesting --encoding, no documents', () => {
    const big5 = new Uint8Array(iconv.encode('嘉義市政府民政處中程(108至111年度)施政計畫\n壹、機關任務及願景\n本處負責民政業務，辦理選舉。\n'.repeat(5), 'big5'));
    const error = fatalOf(parse(big5, { encoding: 'utf-8' }));
    expect(error.code).toBe('undecodable-bytes');
    expect(error.message).toMatch(/--encoding/);
    // Detected automatically, the same bytes parse.
    const detected = parse(big5);
    expect(detected.documents.length).toBeGreaterThan(0);
    expect(detected.source.encoding).toMatch(/big5|cp950/);
  });

  it('an unknown forced encoding is an error, not a crash', () => {
    const error = fatalOf(parse(bytes('壹、任務\n'), { encoding: 'no-such-encoding' }));
    expect(error.code).toBe('unknown-encoding');
    expect(error.message).toContain('no-such-encoding');
  });

  it('text that starts like a magic number is still text ("BMW…", "MZ…", "PK…")', () => {
    for (const text of ['BMW 與 計畫\n壹、任務\n', 'MZ 計畫\n壹、任務\n', 'PK 賽\n壹、任務\n']) {
      const result = parse(bytes(Buffer.from(text, 'utf8')));
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});
