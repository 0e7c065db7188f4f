/**
 * Issue 12 — tables of contents in every leader, page-reference and layout
 * form are furniture; where one cannot be told from the body, `toc-not-closed`.
 * The TOCs are seed 003's own headings, written the way exporters write TOCs.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { isLeaderEntry, readEntryEnd, tocEntries, tocEntryText } from '../src/normalize/toc.js';
import { parse } from '../src/parse.js';
import { checkQuality } from '../src/quality/index.js';
import { tocNotClosed } from '../src/quality/rules.js';
import type { ParseResult, Section } from '../src/types.js';
import { seedText } from './helpers/seeds.js';

const SEED = '003_778b9b4aea791543.txt';
const TITLE = '彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）';
const seed = seedText(SEED);

function withToc(toc: string[]): string {
  return seed.replace(`${TITLE}\n`, `${TITLE}\n\n${toc.join('\n')}\n\n`);
}

function outline(sections: Section[]): string[] {
  return sections.flatMap((s) => [`1 ${s.ordinal} ${s.title}`, ...s.children.map((c) => `2 ${c.ordinal} ${c.title}`)]);
}

function tocCodes(result: ParseResult): string[] {
  return result.diagnostics.filter((d) => d.code === 'toc-not-closed').map((d) => d.code);
}

const seedOutline = outline(parse(seed).documents[0].sections);

/** Roles of the lines holding these texts. */
function roles(text: string, entries: string[]): string[] {
  const lines = normalize(text).lines;
  return entries.map((entry) => lines.find((line) => line.text === entry)?.role ?? 'missing');
}

describe('TOC entries by their leaders and page references', () => {
  const entries = [
    '壹、使命及願景……………………………1',
    '一、使命.........................1-1',
    '二、願景‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧‧2',
    '貳、施政重點·······················15-21',
    '一、現有計畫執行成效檢討…‧‧..…‧‧..3',
    '二、環境情勢分析及優先發展課題 . . . . . . . . 4',
    '三、未來四年施政重点……………',
    '參、關鍵策略目標、共同性目標、關鍵績效指標及共同性指標－－－－－－－－',
  ];

  it('reads the leader and page reference off each entry', () => {
    expect(readEntryEnd('一、使命.........................1-1')).toMatchObject({ leader: true, page: true });
    expect(readEntryEnd('三、未來四年施政重点……………')).toMatchObject({ leader: true, page: false });
    expect(tocEntryText('二、環境情勢分析及優先發展課題 . . . . . . . . 4')).toBe('二、環境情勢分析及優先發展課題 ');
    expect(isLeaderEntry('完成率 95.5')).toBe(false);
    expect(isLeaderEntry('本所辦理戶籍登記……等業務')).toBe(false);
  });

  it('marks every form as furniture, and the body keeps its outline', () => {
    const text = withToc(['目錄', ...entries]);
    expect(roles(text, ['目錄', ...entries])).toEqual(['目錄', ...entries].map(() => 'toc'));
    const result = parse(text);
    expect(result.documents).toHaveLength(1);
    expect(outline(result.documents[0].sections)).toEqual(seedOutline);
    expect(tocCodes(result)).toEqual([]);
  });

  it('marks entries with leaders even without a 目錄 title', () => {
    const text = withToc(entries);
    expect(roles(text, entries)).toEqual(entries.map(() => 'toc'));
    expect(outline(parse(text).documents[0].sections)).toEqual(seedOutline);
  });
});

describe('TOC layouts', () => {
  it('takes a whole TOC on the line of 目錄 / 目 錄', () => {
    const line = '目 錄 壹、使命及願景……1 貳、施政重點……3 參、關鍵策略目標、共同性目標、關鍵績效指標及共同性指標……9';
    expect(tocEntries(line)).toEqual(['壹、使命及願景', '貳、施政重點', '參、關鍵策略目標、共同性目標、關鍵績效指標及共同性指標']);
    const text = withToc([line]);
    expect(roles(text, [line])).toEqual(['toc']);
    expect(outline(parse(text).documents[0].sections)).toEqual(seedOutline);
  });

  it('takes a one-line TOC under a 目錄 title', () => {
    const line = '壹、使命及願景‧‧‧‧1 一、使命‧‧‧‧1 二、願景‧‧‧‧2 貳、施政重點‧‧‧‧3';
    const text = withToc(['目 錄', line]);
    expect(roles(text, ['目 錄', line])).toEqual(['toc', 'toc']);
    expect(outline(parse(text).documents[0].sections)).toEqual(seedOutline);
  });

  it('takes a TOC without leaders or page numbers up to where its first entry comes again', () => {
    const toc = ['壹、使命及願景', '貳、施政重點', '參、關鍵策略目標、共同性目標、關鍵績效指標及共同性指標'];
    const text = withToc(['目錄', ...toc]);
    const lines = normalize(text).lines;
    expect(lines.filter((line) => line.role === 'toc').map((line) => line.text)).toEqual(['目錄', ...toc]);
    const result = parse(text);
    expect(outline(result.documents[0].sections)).toEqual(seedOutline);
    expect(tocCodes(result)).toEqual([]);
  });

  it('takes a TOC whose levels are all written 1. and nested by indentation', () => {
    const toc = ['1. 使命及願景 .................... 1', '    1. 使命 ......................... 1', '    2. 願景 ......................... 2', '2. 施政重點 ........................ 3', '    1. 現有計畫執行成效檢討 ........ 3'];
    expect(roles(withToc(['目錄', ...toc]), toc)).toEqual(toc.map(() => 'toc'));
    expect(outline(parse(withToc(['目錄', ...toc])).documents[0].sections)).toEqual(seedOutline);
    const bare = toc.map((entry) => entry.replace(/\s*\.+\s*\d+$/u, ''));
    const text = withToc(['目 錄', ...bare]).replace('壹、使命及願景', '1. 使命及願景');
    expect(roles(text, bare)).toEqual(bare.map(() => 'toc'));
    expect(tocCodes(parse(text))).toEqual([]);
  });
});

describe('toc-not-closed', () => {
  it('warns where a TOC without leaders never meets its first entry again', () => {
    // Its first entry, 前言, is not a heading of the body.
    const toc = ['前言', '使命及願景', '施政重點'];
    const text = withToc(['目錄', ...toc]);
    const found = parse(text).diagnostics.filter((d) => d.code === 'toc-not-closed');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', position: { start: { line: 5 } } });
  });

  it('validate flags TOC entries that came out as sections', () => {
    // A TOC with neither a 目錄 title nor leaders: its entries read as headings.
    const text = withToc(['壹、使命及願景', '貳、施政重點', '參、關鍵策略目標、共同性目標、關鍵績效指標及共同性指標']);
    const result = parse(text);
    const found = tocNotClosed(result);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/使命及願景/u);
    expect(found[0].position?.start.line).toBe(5);
    expect(checkQuality(result).some((d) => d.code === 'toc-not-closed')).toBe(true);
    expect(tocNotClosed(parse(seed))).toEqual([]);
  });
});
