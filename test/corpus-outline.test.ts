/**
 * Issue 12 / issue 9 — documents, metadata and the level-1/2 outline on the
 * corpus's PDF text extractions (pdftotext reading order, `-layout` of two
 * producers' PDFs), scored against their gold by fixtures/score.mjs.  Tables
 * in these files are left to the table readers; their rows' markers must not
 * become headings, which is what keeps the outline whole here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each case parses and scores dozens of files: slower than a unit test on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
import { parse } from '../src/parse.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const textDir = path.join(root, 'fixtures/corpus/text');
const goldDir = path.join(root, 'fixtures/corpus/gold');

describe('corpus PDF text extractions', () => {
  const names = readdirSync(textDir).filter((name) => name.endsWith('.txt')).sort();
  const report = scoreResults<Record<string, number>>(names.map((name) => ({ name, result: parse(readFileSync(path.join(textDir, name)), { path: name }), gold: path.join(goldDir, `${name}.gold.json`) })));

  it('covers the three extractions of every document', () => {
    expect(names).toHaveLength(48);
    expect(names.filter((name) => name.endsWith('-raw.txt'))).toHaveLength(16);
  });

  it('finds every document with its kind, agency and period', () => {
    expect(report.totals.docs).toBeGreaterThanOrEqual(1);
    expect(report.totals.meta).toBeGreaterThanOrEqual(1);
  });

  it('keeps the level-1/2 outline (0.748 before issue 12)', () => {
    expect(report.totals.outline).toBeGreaterThanOrEqual(1);
  });
});

describe('the same extractions as one-line text', () => {
  // What some PDF copies do: every page on one physical line, its lines
  // joined by a space (reading-order and LibreOffice-layout extractions).
  const names = readdirSync(textDir).filter((name) => name.endsWith('-raw.txt') || name.endsWith('-lo-layout.txt')).sort();
  const report = scoreResults<Record<string, number>>(
    names.map((name) => {
      const pages = readFileSync(path.join(textDir, name), 'utf8').split('\f');
      const text = `${pages.map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean).join(' ')).join('\n')}\n`;
      const oneLine = name.replace(/\.txt$/u, '-oneline.txt');
      return { name: oneLine, result: parse(text, { path: oneLine }), gold: path.join(goldDir, `${name}.gold.json`) };
    }),
  );

  it('finds the documents, their metadata and outline from mid-line markers', () => {
    expect(names).toHaveLength(32);
    expect(report.totals.docs).toBeGreaterThanOrEqual(1);
    expect(report.totals.meta).toBeGreaterThanOrEqual(1);
    expect(report.totals.outline).toBeGreaterThanOrEqual(1);
  });
});

/** Parse rewritten copies of the corpus files and score them against the same gold. */
function scoreVariant(rewrite: (text: string, gold: GoldFile) => string, filter = (_name: string) => true): Record<string, number> {
  const names = readdirSync(textDir).filter((name) => name.endsWith('.txt') && filter(name)).sort();
  return scoreResults<Record<string, number>>(
    names.map((name) => {
      const gold = path.join(goldDir, `${name}.gold.json`);
      const text = rewrite(readFileSync(path.join(textDir, name), 'utf8'), JSON.parse(readFileSync(gold, 'utf8')) as GoldFile);
      return { name, result: parse(text, { path: name }), gold };
    }),
  ).totals;
}

interface GoldFile {
  documents: Array<{ outline: Array<{ level: number; ordinal: number | null; title: string }> }>;
}

const FORMAL = '壹貳參肆伍陸柒捌玖拾';
const PLAIN = '一二三四五六七八九十';

/** A TOC of the document's own outline, put before its first heading (after the cover). */
function withToc(text: string, gold: GoldFile, entry: (marker: string, title: string, page: number) => string): string {
  const outline = gold.documents[0].outline;
  const lines = text.split('\n');
  const first = outline[0].title.replace(/\s/gu, '');
  const at = lines.findIndex((line) => line.replace(/\s/gu, '').endsWith(first));
  const toc = outline.map((o, i) => entry(`${(o.level === 1 ? FORMAL : PLAIN)[(o.ordinal ?? 1) - 1]}、`, o.title, i + 1));
  return [...lines.slice(0, at), '目  錄', ...toc, '', '\f', ...lines.slice(at)].join('\n');
}

describe('the corpus rewritten the way other documents and tools write it', () => {
  it('headings whose 、 was lost (short headings and item sentences)', () => {
    const totals = scoreVariant((text) => text.replace(/^(\s*[壹貳參肆伍陸柒捌玖拾一二三四五六七八九十]{1,3})、/gmu, '$1 '));
    expect(totals.docs).toBeGreaterThanOrEqual(1);
    expect(totals.outline).toBeGreaterThanOrEqual(0.98);
  });

  it('level-1 headings whose number was lost (a short line before a list starting at 1)', () => {
    const totals = scoreVariant((text) => text.replace(/^(\s*)[壹貳參肆伍陸柒捌玖拾]{1,3}、/gmu, '$1'));
    expect(totals.docs).toBeGreaterThanOrEqual(1);
    expect(totals.outline).toBeGreaterThanOrEqual(0.97);
  });

  it('a TOC with leaders and page numbers before the body', () => {
    const totals = scoreVariant((text, gold) => withToc(text, gold, (marker, title, page) => `${marker}${title}……………………${page}`));
    expect(totals.docs).toBeGreaterThanOrEqual(1);
    expect(totals.meta).toBeGreaterThanOrEqual(1);
    expect(totals.outline).toBeGreaterThanOrEqual(1);
  });

  it('a TOC of bare entries (whole item sentences too), closed where the body starts', () => {
    const totals = scoreVariant((text, gold) => withToc(text, gold, (marker, title) => `${marker}${title}`));
    expect(totals.docs).toBeGreaterThanOrEqual(1);
    expect(totals.outline).toBeGreaterThanOrEqual(1);
  });

  it('a web page copy: navigation, counters, download links and a contact line around the document', () => {
    const head = ['跳到主要內容區塊', ':::', '首頁 > 政府資訊公開 > 施政計畫', '瀏覽人次：1,523', '更新日期：2020-03-02', 'Download', 'Size: 595 x 842 px', '聯絡電話：05-2254321'];
    const totals = scoreVariant((text) => `${head.join('\n')}\n${text}\n回頁首\nCopyright © 2020 嘉義市政府\n`);
    expect(totals.docs).toBeGreaterThanOrEqual(1);
    expect(totals.meta).toBeGreaterThanOrEqual(1);
    expect(totals.outline).toBeGreaterThanOrEqual(1);
  });
});

describe('the seeds with every marker\'s 、 lost', () => {
  it('keeps their level-1/2 outline (headings, list items, markdown headings and bullets, TOC entries)', () => {
    const seedDir = path.join(root, 'fixtures/seeds');
    const seedGold = path.join(root, 'fixtures/gold');
    const { totals } = scoreResults<Record<string, number>>(
      readdirSync(seedDir)
        .filter((n) => n.endsWith('.txt'))
        .map((name) => {
          const text = readFileSync(path.join(seedDir, name), 'utf8').replace(/^(\s*(?:[-*]\s+)?(?:#+\s*)?)([壹貳參肆伍陸柒捌玖拾一二三四五六七八九十]{1,3})、/gmu, '$1$2 ');
          return { name, result: parse(text, { path: name }), gold: path.join(seedGold, `${name}.gold.json`) };
        }),
    );
    expect(totals.docs).toBeGreaterThanOrEqual(1);
    expect(totals.meta).toBeGreaterThanOrEqual(1);
    expect(totals.outline).toBeGreaterThanOrEqual(1);
  });
});
