/**
 * Issue #6 — hostile and broken input: the whole pipeline (parse → schema
 * validation → canonical JSON) never throws and always yields a schema-valid
 * result, or a result with a fatal error diagnostic and no documents.
 *
 * Generators: random bytes, random Unicode (astral, combining, controls),
 * strings assembled from the tokens the parser reacts to (markers, tabs,
 * table headers, HTML, pipes, dot leaders, years), and windows of the real
 * seed files with truncations and byte flips.  Every property runs with a
 * fixed seed and a bounded number of runs, so CI is reproducible and the file
 * finishes in a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { validateResult } from '../src/validate.js';
import type { ParseResult } from '../src/types.js';

const SEED_DIR = new URL('../fixtures/seeds/', import.meta.url).pathname;
const SEEDS = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(join(SEED_DIR, name))));

/** Parse, validate and serialize; throw (with the input) when a property is broken. */
export function checkPipeline(input: Uint8Array | string): ParseResult {
  let result: ParseResult;
  try {
    result = parse(input, { path: 'fuzz.txt' });
  } catch (error) {
    throw new Error(`parse threw on ${describeInput(input)}: ${(error as Error).stack ?? error}`);
  }
  const problems = validateResult(result);
  if (problems.length) throw new Error(`schema-invalid result for ${describeInput(input)}:\n${problems.map((p) => p.message).join('\n')}`);
  const fatal = result.diagnostics.some((d) => d.severity === 'error');
  if (fatal && result.documents.length > 0 && isFatalCode(result)) {
    throw new Error(`fatal diagnostic but documents were still emitted for ${describeInput(input)}`);
  }
  let json: string;
  try {
    json = canonicalJson(result);
  } catch (error) {
    throw new Error(`canonicalJson threw on ${describeInput(input)}: ${(error as Error).message}`);
  }
  if (!json.endsWith('\n') || json.endsWith('\n\n')) throw new Error('canonical JSON must end with exactly one newline');
  const reparsed = JSON.parse(json) as ParseResult;
  if (reparsed.schemaVersion !== result.schemaVersion) throw new Error('canonical JSON does not round-trip');
  return result;
}

/** Decode-stage failures: the file is not a text document at all. */
const FATAL_CODES = new Set(['empty-file', 'binary-file', 'wrong-file-type', 'undecodable-bytes', 'unknown-encoding']);
function isFatalCode(result: ParseResult): boolean {
  return result.diagnostics.some((d) => d.severity === 'error' && FATAL_CODES.has(d.code));
}

function describeInput(input: Uint8Array | string): string {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  return `${typeof input === 'string' ? 'string' : 'bytes'} of length ${input.length}: ${JSON.stringify(text.slice(0, 200))}${text.length > 200 ? '…' : ''}`;
}

const RUN = { seed: 42 } as const;

// Tokens the parser reacts to.  Strings built from these reach deep into the
// stages (markers, tables, page furniture, document titles) far more often
// than uniform random text does.
const TOKENS = [
  '\n', '\n', '\n', '\r\n', '\r', '\t', '\t', '\t\t', ' ', '  ', '\u3000', '\f', '\v', '\ufeff',
  '壹、', '貳、', '參、', '拾壹、', '一、', '二、', '三、', '十、', '(一)', '（二）', '(1)', '（２）', '1.', '2.', '3．', '1、', '１、', '1.1', '1.1.1', '①', '②', '甲、', '乙、',
  '# ', '## ', '###### ', '- ', '* ', '> ',
  '關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值', '評估體制', '評估方式', '權重', '(25%)', '業務成果',
  '機關工作項目', '重要工作計畫項目', '實施內容', '預算金額', '千元', '類', '項', '目', '辦理情形', '完成程度', '備註',
  '嘉義市政府民政處', '中程(108至111年度)施政計畫', '112年度重要工作計畫', '109年度工作總報告', '滾動修正', '關鍵績效指標(KPI)滾動修正項目彙總表', '目錄',
  '107', '108', '109', '110', '111', '112', '2019', '100%', '98%', '1,751', '56萬1,390', '7/28', '每年一次', '1.5', '- 3 -', '第 3 頁', '16-1',
  '<p>', '</p>', '<ol>', '<li>', '</li>', '</ol>', '<br>', '<br/>', '<td>', '<', '>', '&amp;', '&#x0;',
  '|', '| ', ' |', '|---|---|', ':-:', '---',
  '……', '....', '‧‧‧', '．．．', '…1', '.....12',
  '色 宗 教', '。', '，', '；', '：', '「', '」', '（', '）', '、',
  '\u0301', '\u200b', '\u200d', '\ud83d\ude00', '\ud842\udfb7', '\ud800', '\udfff', '\u0000', '\u0085', '\u2028', '\u2029',
  'ä¸­å¤®', 'abc', 'KPI', 'x',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).map((parts) => parts.join(''));
/** Lines of tokens, so that line-level structure (markers at line start, tab rows) is common. */
const tokenLines = fc
  .array(fc.array(fc.constantFrom(...TOKENS.filter((t) => !/[\r\n]/.test(t))), { maxLength: 12 }).map((parts) => parts.join('')), { maxLength: 120 })
  .map((lines) => lines.join('\n'));

describe('fuzz: parse never throws and always yields a valid result', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => void checkPipeline(bytes)), { ...RUN, numRuns: 300 });
  });

  it('random bytes with a UTF-8 / UTF-16 BOM in front', () => {
    const bom = fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], []);
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 2000 }), (prefix, bytes) => void checkPipeline(new Uint8Array([...prefix, ...bytes]))),
      { ...RUN, numRuns: 150 },
    );
  });

  it('random Unicode strings (astral, combining, lone surrogates), as bytes and as strings', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom('一', '\u0301', '\ud83d\ude00', '\t', '\n', ' ', '、', '(', ')', '1', '.', '壹'), maxLength: 500 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        checkPipeline(s);
        checkPipeline(new Uint8Array(Buffer.from(s, 'utf8')));
      }),
      { ...RUN, numRuns: 250 },
    );
  });

  it('strings assembled from the tokens the parser reacts to', () => {
    fc.assert(fc.property(tokenText, (s) => void checkPipeline(s)), { ...RUN, numRuns: 400 });
  });

  it('lines assembled from tokens, also encoded as UTF-16LE and Big5-ish bytes', () => {
    fc.assert(
      fc.property(tokenLines, fc.constantFrom('utf8', 'utf16le', 'latin1'), (s, encoding) => {
        checkPipeline(s);
        checkPipeline(new Uint8Array(Buffer.from(s, encoding as BufferEncoding)));
      }),
      { ...RUN, numRuns: 200 },
    );
  });

  it('windows of the seed files, truncated and with flipped bytes', () => {
    const mutation = fc.record({
      seed: fc.nat({ max: SEEDS.length - 1 }),
      start: fc.nat(),
      length: fc.integer({ min: 0, max: 24_000 }),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(mutation, ({ seed, start, length, flips }) => {
        const source = SEEDS[seed];
        const from = source.length === 0 ? 0 : start % source.length;
        const bytes = source.slice(from, from + length);
        for (const [at, xor] of flips) if (bytes.length) bytes[at % bytes.length] ^= xor;
        checkPipeline(bytes);
      }),
      { ...RUN, numRuns: 60 },
    );
  });

  it('whole seed files truncated at a random byte (mid-character, mid-table)', () => {
    fc.assert(
      fc.property(fc.nat({ max: SEEDS.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, cut) => {
        const source = SEEDS[seed];
        // Keep the large seed short enough for a quick run.
        const bytes = source.slice(0, Math.floor(Math.min(source.length, 60_000) * cut));
        checkPipeline(bytes);
      }),
      { ...RUN, numRuns: 30 },
    );
  });

  it('the seed files themselves', () => {
    for (const seed of SEEDS) {
      const result = checkPipeline(seed);
      expect(result.documents.length).toBeGreaterThan(0);
    }
  });
});
