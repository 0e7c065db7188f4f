/**
 * Markdown whose text escapes ASCII punctuation (mammoth, fixtures/converters/mammoth):
 * headings and table cells are read without the escapes.  Accuracy over all
 * 16 documents: test/converters-accuracy.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import type { Section } from '../src/types.js';

const markdown = readFileSync(new URL('../fixtures/converters/mammoth/53_chiayi-urban-dev-108-111-kpi.mammoth.md', import.meta.url), 'utf8');
const titles = (sections: readonly Section[]): string[] => sections.flatMap((s) => [s.title, ...titles(s.children)]);
const [document] = parse(markdown).documents;

describe('mammoth markdown', () => {
  //   > | ### 二、關鍵績效指標\(KPI\)
  //                        ^      ^ escapes
  it('takes headings without their backslash escapes', () => {
    expect(titles(document.sections)).toContain('關鍵績效指標(KPI)');
    expect(titles(document.sections).some((title) => title.includes('\\'))).toBe(false);
  });

  //   > | 完成整體規劃構想
  //   > |
  //   > | \-
  //       ^^ the placeholder of an empty 108 target, escaped
  it('reads an escaped dash as the placeholder of an empty target', () => {
    const first = document.kpis[0];
    expect([first.indicator.text, first.measure, first.targets.map((t) => [t.raw, t.type])]).toEqual([
      '辦理嘉義大車站發展計畫',
      '完成整體規劃構想',
      [['-', 'blank'], ['30%', 'percent'], ['60%', 'percent'], ['80%', 'percent']],
    ]);
  });
});
