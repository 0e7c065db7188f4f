/**
 * The CLI bundle is pure ASCII (scripts/build-bundle.mjs escapes what
 * esbuild leaves: regex literals such as `/[０-９]/`, String.raw templates),
 * so bin/load-bundle.js reads it as Latin-1 without decoding UTF-8 on every
 * start.  The escapes must mean the same characters.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/seeds.js';

const bundle = path.join(root, 'dist/cli.cjs');

describe.skipIf(!existsSync(bundle))('ASCII bundle', () => {
  const text = readFileSync(bundle, 'latin1');

  it('holds no byte above 0x7F', () => {
    expect(text.search(/[^\x00-\x7f]/)).toBe(-1);
  });

  it('writes a regex literal character as \\uXXXX and a String.raw one as a substitution', () => {
    // src/markers.ts: /[０-９]/g
    expect(text).toContain('/[\\uff10-\\uff19]/g');
    // src/records/targets.ts: String.raw`(?:%|％|﹪|…`
    expect(text).toContain('String.raw`(?:%|${"\\uff05"}|${"\\ufe6a"}|');
    const unit = new RegExp(String.raw`^(?:%|${'\uff05'}|${'\ufe6a'})$`, 'u');
    expect(unit.test('％')).toBe(true);
  });
});
