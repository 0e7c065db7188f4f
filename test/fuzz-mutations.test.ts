/**
 * Issue #16 — structured mutations of the seeds, the edits that found the
 * holes in `cells`: a line split somewhere in its middle (a converter that
 * wraps), a tab inserted or deleted (a cell merged or split), a stray CR (an
 * old Mac line end inside a row), a line joined to the next, a line
 * duplicated (a page-break repeat).  Whatever the edits, `parse` never throws
 * and its result always validates against the schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { canonicalJson } from '../src/serialize.js';
import { validateResult } from '../src/validate.js';
import { seedNames, seedText } from './helpers/seeds.js';

type Edit =
  | { kind: 'split'; line: number; at: number }
  | { kind: 'tab'; line: number; at: number }
  | { kind: 'untab'; line: number; nth: number }
  | { kind: 'cr'; line: number; at: number }
  | { kind: 'join'; line: number }
  | { kind: 'duplicate'; line: number };

const position = fc.nat({ max: 1_000_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('split' as const), line: position, at: position }),
  fc.record({ kind: fc.constant('tab' as const), line: position, at: position }),
  fc.record({ kind: fc.constant('untab' as const), line: position, nth: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('cr' as const), line: position, at: position }),
  fc.record({ kind: fc.constant('join' as const), line: position }),
  fc.record({ kind: fc.constant('duplicate' as const), line: position }),
);

/** Apply edits to the lines of a text; positions wrap around the line count and length. */
export function mutate(text: string, edits: readonly Edit[], tableLinesOnly: boolean): string {
  const lines = text.split('\n');
  const pool = () => {
    const tabbed = lines.map((line, i) => (line.includes('\t') ? i : -1)).filter((i) => i >= 0);
    return tableLinesOnly && tabbed.length > 0 ? tabbed : lines.map((_, i) => i);
  };
  for (const e of edits) {
    const candidates = pool();
    const i = candidates[e.line % candidates.length];
    const line = lines[i];
    const at = 'at' in e ? e.at % (line.length + 1) : 0;
    switch (e.kind) {
      case 'split':
        lines.splice(i, 1, line.slice(0, at), line.slice(at));
        break;
      case 'tab':
        lines[i] = `${line.slice(0, at)}\t${line.slice(at)}`;
        break;
      case 'untab': {
        const tabs = [...line].flatMap((ch, k) => (ch === '\t' ? [k] : []));
        if (tabs.length > 0) {
          const k = tabs[e.nth % tabs.length];
          lines[i] = line.slice(0, k) + line.slice(k + 1);
        }
        break;
      }
      case 'cr':
        lines[i] = `${line.slice(0, at)}\r${line.slice(at)}`;
        break;
      case 'join':
        if (i + 1 < lines.length) lines.splice(i, 2, `${line}${lines[i + 1]}`);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
    }
  }
  return lines.join('\n');
}

const RUNS = { numRuns: 40, seed: 16, endOnFailure: true } as const;

function check(text: string): void {
  let result;
  try {
    result = parse(text, { path: 'mutated.txt' });
  } catch (error) {
    throw new Error(`parse threw: ${(error as Error).stack}`);
  }
  expect(validateResult(result)).toEqual([]);
  expect(canonicalJson(result).endsWith('\n')).toBe(true);
}

describe('fuzz: structured mutations of the seeds always give a schema-valid result', () => {
  it('mutate() splits, tabs, untabs, CRs, joins and duplicates lines as described', () => {
    expect(mutate('a\tb\nc', [{ kind: 'split', line: 0, at: 1 }], false)).toBe('a\n\tb\nc');
    expect(mutate('a\tb\nc', [{ kind: 'untab', line: 0, nth: 0 }], true)).toBe('ab\nc');
    expect(mutate('ab\nc', [{ kind: 'cr', line: 0, at: 1 }], false)).toBe('a\rb\nc');
    expect(mutate('ab\nc', [{ kind: 'join', line: 0 }], false)).toBe('abc');
    expect(mutate('ab\nc', [{ kind: 'duplicate', line: 1 }], false)).toBe('ab\nc\nc');
  });

  for (const name of seedNames) {
    const text = seedText(name);
    // Seed 002 is 318 KB: fewer runs keep the file under a minute on a loaded machine.
    const runs = name.startsWith('002') ? 8 : RUNS.numRuns;
    it(`${name}: edits inside table rows`, () => {
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(mutate(text, edits, true))), { ...RUNS, numRuns: runs });
    }, 120_000);
    it(`${name}: edits anywhere`, () => {
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(mutate(text, edits, false))), { ...RUNS, numRuns: runs });
    }, 120_000);
  }
});
