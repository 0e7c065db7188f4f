/**
 * The aligned reader on pdftotext -layout text of Chromium PDFs: the lines
 * each fix in src/tables/aligned.ts recognises, in their corpus pages.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { corpusFiles, corpusText } from './helpers/corpus.js';

const pageOf = (prefix: string) => {
  const name = corpusFiles((file) => file.startsWith(prefix) && file.endsWith('-layout.txt') && !file.endsWith('-lo-layout.txt'))[0];
  return { name, text: corpusText(name) };
};

describe('aligned reader on Chromium -layout text', () => {
  it('puts a wrapped value’s next line under its first line’s column', () => {
    //   > |     網，提升本市防    00人 00人 000    000
    //   > |     救災能力            人    人
    const { name, text } = pageOf('62_');
    expect(text).toContain('    救災能力                                                   人    人');
    const kpi = parse(text, { path: name })
      .documents.flatMap((document) => document.kpis)
      .find((entry) => entry.indicator.text === '提升網站點閱次數')!;
    expect(kpi.targets.map((target) => target.raw)).toEqual(['≧2,000人', '≧2,000人', '≧12,000人', '≧12,000人']);
  });
});

describe('aligned reader on Chromium -layout text: one space is inside a cell', () => {
  it('keeps a word one space after its cell there when a later word past a gutter holds the next column', () => {
    //   > |           針對西區所有道路附屬設 1. 本區道路路面維護及搶修。2. 維護改善    15,500
    const { name, text } = pageOf('63_');
    expect(text).toContain('          針對西區所有道路附屬設 1. 本區道路路面維護及搶修。2. 維護改善    15,500');
    const item = parse(text, { path: name })
      .documents.flatMap((document) => document.workItems)
      .find((entry) => entry.item.startsWith('針對西區所有道路附屬設'))!;
    expect(item.budget?.raw).toBe('15,500');
    expect(item.budget?.value).toBe(15500);
    expect(item.content).toContain('2. 維護改善市區道路側溝');
  });
});
