import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { seedBytes, seedNames } from './helpers/seeds.js';

describe('canonical JSON (SPEC §4)', () => {
  it('sorts keys by UTF-16 code units at every depth (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, A: true, '\u00e9': 0, '\ud83d\ude00': 1, '\ufb33': 2 })).toBe(
      '{"A":true,"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1,"\u00e9":0,"\ud83d\ude00":1,"\ufb33":2}\n',
    );
  });

  it('writes numbers in shortest form', () => {
    expect(canonicalJson([1.5, 100, 1e21, 0.000001, -0, 561390])).toBe('[1.5,100,1e+21,0.000001,0,561390]\n');
  });

  it('indents --pretty output with two spaces in the same key order', () => {
    expect(canonicalJson({ b: [1, 2], a: {} }, true)).toBe('{\n  "a": {},\n  "b": [\n    1,\n    2\n  ]\n}\n');
    const value = { b: [1, { d: 1, c: 2 }], a: 'x' };
    expect(JSON.parse(canonicalJson(value, true))).toEqual(JSON.parse(canonicalJson(value)));
  });

  it('gives byte-identical output for the same input, with no timestamps or absolute paths', () => {
    for (const name of seedNames) {
      const first = canonicalJson(parse(seedBytes(name), { path: `seeds/${name}` }));
      const second = canonicalJson(parse(seedBytes(name), { path: `seeds/${name}` }));
      expect(second).toBe(first);
      expect(first).not.toContain(process.cwd());
      expect(first).toContain(`"path":"seeds/${name}"`);
    }
  });
});
