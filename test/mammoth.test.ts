/**
 * DOCX files of the corpus as mammoth converts them (fixtures/converters/mammoth):
 * HTML with the tables kept, and markdown without tables whose text escapes
 * ASCII punctuation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import type { Section } from '../src/types.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/converters/mammoth/${name}`, import.meta.url));
const gold = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/corpus/gold/${name}.docx.gold.json`, import.meta.url), 'utf8'));
const titles = (sections: readonly Section[]): string[] => sections.flatMap((s) => [s.title, ...titles(s.children)]);

describe('mammoth HTML', () => {
  it('reads the KPI table as the DOCX has it', () => {
    const [document] = parse(fixture('51_chiayi-education-108-111-kpi.mammoth.html'), { path: 'x.html' }).documents;
    const expected = gold('51_chiayi-education-108-111-kpi').documents[0].kpis;
    expect(document.kpis.map((k) => [k.indicator.text, k.targets.map((t) => t.raw)])).toEqual(expected.map((k: { indicator: string; targets: Record<string, string> }) => [k.indicator, Object.values(k.targets)]));
  });

  it('reads the work items with their budgets', () => {
    const [document] = parse(fixture('64_chiayi-west-district-military-112-workplan.mammoth.html'), { path: 'x.html' }).documents;
    expect(document.workItems.length).toBe(gold('64_chiayi-west-district-military-112-workplan').documents[0].workItems.length);
  });
});

describe('mammoth markdown', () => {
  //   > | ### 二、關鍵績效指標\(KPI\)
  //                        ^      ^ escapes
  it('takes headings without their backslash escapes', () => {
    const [document] = parse(fixture('51_chiayi-education-108-111-kpi.mammoth.md').toString('utf8')).documents;
    expect(titles(document.sections)).toContain('關鍵績效指標(KPI)');
    expect(titles(document.sections).some((title) => title.includes('\\'))).toBe(false);
  });
});
