/**
 * Lines kept as offsets and roles (src/line-table.ts), with line objects
 * built only over the document being parsed; the input's bytes freed once
 * decoded; a spilled output read through one buffer (issue 14, memory).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks } from '../src/io/output.js';
import { lineTableOf, splitLineTable } from '../src/line-table.js';
import { splitLines } from '../src/lines.js';
import { normalize } from '../src/normalize/index.js';
import { parse, parseStreaming, parseTextWithEveryLine } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';

const seedDir = path.join(import.meta.dirname, '../fixtures/seeds');
const seeds = readdirSync(seedDir).sort().map((name) => readFileSync(path.join(seedDir, name), 'utf8'));

/** Lines as the regular expressions the splitter replaced read them. */
function expectedLines(text: string) {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '' && /[\r\n]$/.test(text)) parts.pop();
  let offset = 0;
  const starts: number[] = [];
  for (const part of parts) {
    starts.push(offset);
    offset += part.length;
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  return parts.map((part, i) => ({ text: part, offset: starts[i], role: /[^\s\u3000\ufeff]/.test(part) ? 'content' : 'blank' }));
}

describe('splitLineTable', () => {
  it('splits at LF, CRLF and a lone CR; a final newline opens no line; whitespace-only lines are blank', () => {
    //   > | 1.提升資訊安全\r\n\u3000\ufeff\r85%\n\f\n
    //                      ^^^^^^^^^^ blank    ^^ blank (a form feed is white space)
    for (const text of ['', '\n', '\r\n', 'a', 'a\n', 'a\r', 'a\r\n\r\nb', '1.提升資訊安全\r\n\u3000\ufeff\r85%\n\f\n', '\u00a0\u2028x\n \t', 'a\n\n\n']) {
      const table = splitLineTable(text);
      const expected = expectedLines(text);
      expect(table.length, JSON.stringify(text)).toBe(expected.length);
      for (let i = 0; i < table.length; i++) {
        expect(table.lines[i]).toBeUndefined();
        expect({ text: table.textOf(i), offset: table.lineAt(i).offset, role: table.roleOf(i) }).toEqual(expected[i]);
        expect(table.lineAt(i)).toEqual({ index: i, line: i + 1, offset: expected[i].offset, text: expected[i].text, role: expected[i].role });
      }
      expect(splitLines(text).map(({ text, offset, role }) => ({ text, offset, role }))).toEqual(expected);
    }
  });

  it('builds line objects over a range and lets them go, answering the same either way', () => {
    const table = splitLineTable('壹、施政目標\n\n一、提升資訊安全\n85%');
    table.materialize(1, 3);
    expect(table.lines.map((line) => line?.text)).toEqual([undefined, '', '一、提升資訊安全', undefined]);
    table.setRole(2, 'toc');
    expect(table.lines[2]!.role).toBe('toc');
    table.release(0, 4);
    expect(table.lines.every((line) => line === undefined)).toBe(true);
    expect(table.roleOf(2)).toBe('toc');
    expect(table.textOf(2)).toBe('一、提升資訊安全');
  });

  it('reads lines made elsewhere from their objects', () => {
    const lines = splitLines('a\n\nb');
    lines[0].role = 'page-number';
    const table = lineTableOf(lines.slice());
    expect([table.roleOf(0), table.roleOf(1), table.textOf(2)]).toEqual(['page-number', 'blank', 'b']);
  });
});

describe('normalize with lines built by document', () => {
  it('marks the same roles as with every line an object, on the seeds', () => {
    for (const text of seeds) {
      const whole = normalize(text);
      const lean = normalize(text, { linesByDocument: true });
      expect(lean.lines.every((line) => line === undefined)).toBe(true);
      expect(lean.format).toBe(whole.format);
      expect(lean.diagnostics).toEqual(whole.diagnostics);
      const table = lineTableOf(lean.lines);
      expect(Array.from({ length: table.length }, (_, i) => table.lineAt(i))).toEqual(whole.lines);
    }
  });

  it('parses a file of many documents as with every line an object', { timeout: 60_000 }, () => {
    // The seeds one after another (a batch export of several agencies' plans),
    // and each alone: parse builds each document's lines by themselves.
    for (const text of [seeds.join('\n'), ...seeds]) {
      const byDocument = parse(text, { path: 'all.txt' });
      expect(byDocument.documents.length).toBeGreaterThan(0);
      expect(canonicalJson(byDocument, false)).toBe(canonicalJson(parseTextWithEveryLine(text, { path: 'all.txt' }), false));
    }
  });

  it('parses every text fixture as with every line an object', () => {
    // Raw, layout and reading-order PDF text, web copies, Word and markdown exports, hostile inputs.
    const files = readdirSync(path.join(import.meta.dirname, '../fixtures'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.(?:txt|md)$/.test(name) && !name.includes('gold'));
    expect(files.length).toBeGreaterThan(100);
    for (const name of files) {
      const bytes = readFileSync(path.join(import.meta.dirname, '../fixtures', name));
      expect(canonicalJson(parse(bytes, { path: name }), false), name).toBe(canonicalJson(parseTextWithEveryLine(bytes, { path: name }), false));
    }
  }, 120_000);

  it('parses seed 002 as PDF converters without trailing spaces or blank lines write it, as with every line an object', () => {
    // A reader that counts character pairs over the whole file (flattened-cells.ts `pairCounts`) reads it
    // through the line table: over the lines array it met `undefined` past the first document.
    //   sed 's/[ \t]*$//' | grep -v '^\s*$'
    const seed = seeds[2].split('\n').map((line) => line.replace(/[ \t]+$/u, '')).filter((line) => line.trim() !== '').join('\n');
    for (const text of [seed, `${seed}\n${seed}`]) {
      expect(canonicalJson(parse(text, { path: 'variant.txt' }), false)).toBe(canonicalJson(parseTextWithEveryLine(text, { path: 'variant.txt' }), false));
    }
  });
});

describe('the input bytes released once decoded', () => {
  it('frees a large held input when asked to, with the same result', async () => {
    // Over 1 MiB: the seeds six times.
    const bytes = Buffer.from(Array.from({ length: 6 }, () => seeds.join('\n')).join('\n'), 'utf8');
    expect(bytes.byteLength).toBeGreaterThan(1 << 20);
    const copy = () => {
      const own = new Uint8Array(new ArrayBuffer(bytes.byteLength));
      own.set(bytes);
      return own;
    };
    const kept = copy();
    const released = copy();
    const a = await parseStreaming({ bytes: kept }, { path: 'big.txt' });
    const b = await parseStreaming({ bytes: released, release: true }, { path: 'big.txt' });
    expect(kept.byteLength).toBe(bytes.byteLength);
    expect(released.byteLength).toBe(0);
    expect(canonicalJson(b, false)).toBe(canonicalJson(a, false));
  });
});

describe('fileChunks', () => {
  it('reads a file through one buffer when asked to, giving the same bytes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-parse-chunks-'));
    try {
      const file = path.join(dir, 'spill');
      const data = Buffer.alloc((1 << 20) * 2 + 123);
      for (let i = 0; i < data.length; i++) data[i] = i % 251;
      writeFileSync(file, data);
      const copies: Buffer[] = [];
      const buffers = new Set<ArrayBufferLike>();
      for (const chunk of fileChunks(file, true)) {
        copies.push(Buffer.from(chunk));
        buffers.add(chunk.buffer);
      }
      expect(Buffer.concat(copies).equals(data)).toBe(true);
      expect(buffers.size).toBe(1);
      expect(new Set([...fileChunks(file)].map((chunk) => chunk.buffer)).size).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
