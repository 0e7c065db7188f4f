/**
 * Issue 15 — a forced `--encoding` that garbles the file is an error naming
 * the encoding detection finds, not a garbled title with exit 0; a right
 * forced encoding still parses.  Also the grammar of two messages.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { unlikelyShare } from '../src/decode/forced-check.js';
import { parse } from '../src/parse.js';
import { checkQuality } from '../src/quality/index.js';
import { seedText } from './helpers/seeds.js';

const text = seedText('000_41429686ef6f927b.txt');
const utf8 = Buffer.from(text, 'utf8');

describe('forced encodings', () => {
  it.each(['big5', 'cp950', 'gb18030', 'utf-16le'])('--encoding %s on a UTF-8 file: encoding-mismatch error naming utf-8, no documents', (encoding) => {
    const result = parse(utf8, { encoding });
    expect(result.documents).toEqual([]);
    // encoding-mismatch, or (when most bytes do not decode at all) the undecodable-bytes error, naming utf-8 either way.
    const error = result.diagnostics.find((d) => d.severity === 'error')!;
    expect(['encoding-mismatch', 'undecodable-bytes']).toContain(error.code);
    expect(error.message).toContain(encoding);
    expect(error.message).toMatch(/looks like utf-8/);
  });

  it('the right forced encoding still parses (Big5 as cp950, UTF-8 as utf-8)', () => {
    const big5 = iconv.encode(text.normalize('NFC'), 'cp950');
    expect(parse(big5, { encoding: 'cp950' }).documents[0].title).toMatch(/中程\(108至111年度\)施政計畫/);
    expect(parse(utf8, { encoding: 'utf-8' }).diagnostics.some((d) => d.code === 'encoding-mismatch')).toBe(false);
  });

  it('measures unlikely characters in one pass: a plan is clean, Big5-read UTF-8 is not', () => {
    expect(unlikelyShare(text)).toBeLessThan(0.02);
    expect(unlikelyShare(iconv.decode(utf8, 'cp950'))).toBeGreaterThan(0.3);
  });
});

describe('grammar', () => {
  it('"an RTF", "an Excel", "an OpenDocument"', () => {
    const rtf = parse(Buffer.from('{\\rtf1\\ansi hello}'));
    expect(rtf.diagnostics[0].message).toMatch(/^this is an RTF file/);
    const xlsx = parse(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml'), Buffer.alloc(40)]));
    expect(xlsx.diagnostics[0].message).toMatch(/^this is an Excel \(XLSX\) file/);
    const png = parse(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40)]));
    expect(png.diagnostics[0].message).toMatch(/^this is a PNG image file/);
  });

  it('"1 target", not "1 targets"', () => {
    const plan = '嘉義市政府民政處中程(108至111年度)施政計畫\n關鍵績效指標\n策略目標\t關鍵績效指標\t衡量標準\t108年度\t109年度\t110年度\t111年度\n1.正確辦理登記\t1.受理登記案件\t正確率\t98%\t\t\t\n';
    const messages = checkQuality(parse(plan)).filter((d) => d.code === 'kpi-target-count').map((d) => d.message);
    for (const message of messages) expect(message).not.toMatch(/\b1 targets\b|\b0 targets\b/);
    if (messages.length) expect(messages[0]).toMatch(/has 1 target for 4 years/);
  });
});
