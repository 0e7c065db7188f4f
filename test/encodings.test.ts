/**
 * Seed 000 saved in every encoding the tool must read parses to the same
 * documents and sections as the original (the variants are made here, at test
 * time, with iconv-lite and opencc-js).
 */
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { seedText } from './helpers/seeds.js';

const text = seedText('000_41429686ef6f927b.txt');
const original = parse(text);

/** What must not change with the encoding: documents and their section trees, positions aside. */
function structure(result: ParseResult) {
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));
  return result.documents.map((d) => strip({ kind: d.kind, title: d.title, agency: d.agency, period: d.period, sections: d.sections }));
}

describe('encodings give the same structure', () => {
  const variants: Array<[string, Buffer, string]> = [
    // The seed has CJK compatibility ideographs (U+F900–U+FAFF), which Big5 lacks;
    // their NFC forms, which every output field gets anyway, are in Big5.
    ['Big5', iconv.encode(text.normalize('NFC'), 'cp950'), 'cp950'],
    ['UTF-16LE with BOM', iconv.encode(text, 'utf16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16LE without BOM', iconv.encode(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(text, 'utf16be', { addBOM: true }), 'utf-16be'],
    ['UTF-16BE without BOM', iconv.encode(text, 'utf16be'), 'utf-16be'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
  ];
  for (const [name, bytes, encoding] of variants) {
    it(name, () => {
      const result = parse(bytes);
      expect(result.source.encoding).toBe(encoding);
      // Big5 has no 逹 (U+9039): compare with the text the Big5 file can hold.
      const expected = encoding === 'cp950' ? parse(iconv.decode(bytes, 'cp950')) : original;
      expect(structure(result)).toEqual(structure(expected));
      expect(result.documents[0].sections.length).toBe(original.documents[0].sections.length);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  it('mojibake (UTF-8 read as CP1252 and saved again) is repaired, with an info diagnostic', () => {
    // Decoded the way browsers and most editors read Windows-1252 (WHATWG: the
    // five unassigned bytes become U+0081 …), then saved as UTF-8.
    const mojibake = Buffer.from(new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8')), 'utf8');
    const result = parse(mojibake);
    expect(structure(result)).toEqual(structure(original));
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', code: 'mojibake-repaired' }));
  });

  it('Simplified text saved as GB18030 comes back in Traditional script with the same structure', () => {
    const OpenCC = createRequire(import.meta.url)('opencc-js') as { Converter(options: { from: string; to: string }): (s: string) => string };
    const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
    expect(simplified).not.toBe(text);
    const result = parse(iconv.encode(simplified, 'gb18030'));
    expect(result.source).toMatchObject({ encoding: 'gb18030', script: 'simplified' });
    expect(result.source.converted).not.toBeNull();
    const [document] = result.documents;
    expect(document.title).toBe(original.documents[0].title);
    const titles = (r: ParseResult) => JSON.stringify(r.documents[0].sections, ['title', 'level', 'ordinal', 'children']);
    // Round trips through two scripts are not always exact (一對多 characters); the tree shape is.
    const shape = (r: ParseResult) => JSON.stringify(r.documents[0].sections, ['level', 'ordinal', 'marker', 'children']);
    expect(shape(result)).toBe(shape(original));
    const back = titles(result);
    const want = titles(original);
    let same = 0;
    for (let i = 0; i < Math.min(back.length, want.length); i++) if (back[i] === want[i]) same++;
    expect(same / want.length).toBeGreaterThan(0.99);
  });

  it('--no-convert keeps the Simplified script', () => {
    const OpenCC = createRequire(import.meta.url)('opencc-js') as { Converter(options: { from: string; to: string }): (s: string) => string };
    const simplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
    const result = parse(iconv.encode(simplified, 'gb18030'), { convert: false });
    expect(result.source).toMatchObject({ script: 'simplified', converted: null });
    expect(result.documents[0].title).toBe(OpenCC.Converter({ from: 'tw', to: 'cn' })(original.documents[0].title ?? ''));
  });
});

describe('line endings', () => {
  it('CRLF (Windows) and LF files give the same documents', async () => {
    const { seedNames } = await import('./helpers/seeds.js');
    const withoutPositions = (result: ParseResult) => JSON.stringify(result.documents, (key, value) => (key === 'position' ? undefined : value));
    for (const name of seedNames) {
      const lf = seedText(name);
      expect(withoutPositions(parse(lf.replace(/\n/g, '\r\n')))).toBe(withoutPositions(parse(lf)));
    }
  });
});
