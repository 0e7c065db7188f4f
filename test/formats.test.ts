/**
 * Front-end wiring: a format front end's rendition goes through the same
 * stages as a text export, its exact tables are taken as they are, its
 * furniture is skipped and its pages reach the positions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { frontEnds } from '../src/formats/index.js';
import { parse, parseAsync } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import type { FrontEnd, Rendition } from '../src/types.js';

const MAGIC = Buffer.from('%TEST-FORMAT\n');

// A rendition as a DOCX front end would give it: title, headings, one exact table.
const RENDITION_TEXT = [
  '嘉義市政府民政處中程(108至111年度)施政計畫',
  '壹、機關任務及願景',
  '本處掌理民政業務。',
  '參、未來4年施政重點及關鍵績效指標',
  '關鍵策略目標\t關鍵績效指標\t衡量標準\t108年\t109年\t110年\t111年',
  '一、正確辦理各項戶籍登記\t1.受理戶籍登記案件\t正確率\t98%\t98%\t99%\t99%',
  '第 1 頁',
].join('\n');

function rendition(): Rendition {
  return {
    text: RENDITION_TEXT,
    format: 'docx',
    tables: [
      {
        layout: 'docx',
        header: ['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年'],
        rows: [{ cells: ['一、正確辦理各項戶籍登記', '1.受理戶籍登記案件', '正確率', '98%', '98%', '99%', '99%'], start: 5, end: 6 }],
        start: 4,
        end: 6,
      },
    ],
    furniture: [{ line: 6, role: 'page-number' }],
    pageStarts: [0, 3],
    diagnostics: [],
    fatal: false,
  };
}

function install(frontEnd: FrontEnd): void {
  frontEnds.unshift(frontEnd);
}

afterEach(() => {
  frontEnds.splice(0, frontEnds.length, ...frontEnds.filter((f) => !f.sniff(MAGIC)));
});

describe('format front ends', () => {
  it('parses a rendition with its exact table, furniture and pages', () => {
    install({ format: 'docx', sniff: (bytes) => Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC), read: () => rendition() });
    const result = parse(MAGIC);
    expect(validateResult(result)).toEqual([]);
    expect(result.source.format).toBe('docx');
    const [document] = result.documents;
    expect(document.kind).toBe('mid-term-plan');
    expect(document.tables).toHaveLength(1);
    expect(document.tables[0].layout).toBe('docx');
    expect(document.kpis).toHaveLength(1);
    expect(document.kpis[0].targets.map((t) => t.value)).toEqual([98, 98, 99, 99]);
    // Line 6 (index 5) is on page 2.
    expect(document.kpis[0].position.start).toMatchObject({ line: 6, page: 2 });
    expect(document.sections.map((s) => s.title)).toEqual(['機關任務及願景', '未來4年施政重點及關鍵績效指標']);
  });

  it('reads an asynchronous front end with parseAsync; parse says it needs it', async () => {
    install({ format: 'pdf', sniff: (bytes) => Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC), read: async () => ({ ...rendition(), format: 'pdf' }) });
    const sync = parse(MAGIC);
    expect(sync.documents).toEqual([]);
    expect(sync.diagnostics.map((d) => d.code)).toEqual(['async-required']);
    const result = await parseAsync(MAGIC);
    expect(result.source.format).toBe('pdf');
    expect(result.documents[0].kpis).toHaveLength(1);
  });

  it('emits no documents for a fatal rendition', () => {
    install({
      format: 'docx',
      sniff: (bytes) => Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC),
      read: () => ({ ...rendition(), fatal: true, diagnostics: [{ severity: 'error', code: 'damaged-file', message: 'the archive is truncated', position: null }] }),
    });
    const result = parse(MAGIC);
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['damaged-file']);
    expect(validateResult(result)).toEqual([]);
  });
});
