/**
 * canonicalJsonBytes: the UTF-8 bytes of canonicalJson, written piece by
 * piece into blocks, so a large result never exists as one string beside its
 * bytes.  The concatenated blocks must be byte-identical to the string's
 * encoding, compact and pretty, on every seed and on the shapes JSON.stringify
 * treats specially.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../src/serialize.js';
import { parsedSeed, seedNames } from './helpers/seeds.js';

const joined = (blocks: Uint8Array[]): Buffer => Buffer.concat(blocks);

describe('canonicalJsonBytes', () => {
  it.each(seedNames)('seed %s: the same bytes as canonicalJson, compact and pretty', (name) => {
    const result = parsedSeed(name);
    for (const pretty of [false, true]) {
      const expected = Buffer.from(canonicalJson(result, pretty), 'utf8');
      expect(joined(canonicalJsonBytes(result, pretty)).equals(expected)).toBe(true);
    }
  });

  it('sorts keys, leaves out undefined and functions, writes null for them in arrays, honours toJSON', () => {
    const value = {
      zeta: [1, undefined, () => 0, { b: 2, a: [[], {}] }],
      alpha: { y: undefined, x: '嘉義市', deep: { d: { c: { b: { a: [1, { z: 1, y: 2 }] } } } } },
      when: new Date(0),
      empty: {},
      none: [],
      nothing: null,
      text: '\n"\u2028',
    };
    for (const pretty of [false, true]) {
      const bytes = joined(canonicalJsonBytes(value, pretty));
      expect(bytes.toString('utf8')).toBe(canonicalJson(value, pretty));
    }
    expect(joined(canonicalJsonBytes(value)).toString('utf8')).toBe(
      '{"alpha":{"deep":{"d":{"c":{"b":{"a":[1,{"y":2,"z":1}]}}}},"x":"嘉義市"},"empty":{},"none":[],"nothing":null,"text":"\\n\\"\u2028","when":"1970-01-01T00:00:00.000Z","zeta":[1,null,null,{"a":[[],{}],"b":2}]}\n',
    );
  });

  it('splits a large output into blocks of about 1 MiB without cutting a character', () => {
    // 3-byte characters and a 4-byte one, so block ends fall inside a character's bytes.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ text: `第${i}項　${'嘉義市政府'.repeat(60)}😀` }));
    const blocks = canonicalJsonBytes({ rows });
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks.slice(0, -1)) expect(block.byteLength).toBeGreaterThan((1 << 20) - 4);
    for (const block of blocks) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(block)).not.toThrow();
    expect(joined(blocks).toString('utf8')).toBe(canonicalJson({ rows }));
  });

  it('a value JSON cannot hold is refused as canonicalJson refuses it', () => {
    expect(() => canonicalJsonBytes({ a: [Number.NaN] })).toThrow(TypeError);
    expect(() => canonicalJson({ a: [Number.NaN] })).toThrow(TypeError);
  });
});
