/**
 * The PDF front end on real files: the text rendition carries pdftotext
 * -layout's characters, pages and furniture; grid tables keep their cells'
 * structure; bad PDFs give one clear error.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFrontEnd, readPdf } from '../src/formats/pdf.js';
import { parse, parseAsync } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { characterCounts, corpusDir, fixturePdf, realPdfs, renditionOf } from './helpers/pdf.js';
import { root } from './helpers/seeds.js';

const KPI = path.join(corpusDir, 'files/51_chiayi-education-108-111-kpi.pdf');
const CUT_ROW = path.join(corpusDir, 'files/57_chiayi-smart-tech-108-111-kpi-lo.pdf');
const REPORT = path.join(corpusDir, 'files/66_chiayi-east-district-109-report-accounting-personnel-admin.pdf');

describe('PDF text rendition', () => {
  it('carries the characters of pdftotext -layout, page by page', async () => {
    const rendition = await renditionOf(KPI);
    const expected = readFileSync(KPI.replace(/\.pdf$/, '.pdftotext-layout.txt'), 'utf8');
    expect(characterCounts(rendition.text)).toEqual(characterCounts(expected));
    // pdftotext ends each page with a form feed; the rendition's pages start after one.
    const pages = rendition.text.split('\f').map((page) => page.replace(/\s+/g, ''));
    expect(pages).toEqual(expected.split('\f').map((page) => page.replace(/\s+/g, '')).filter((page, i, all) => i < all.length - 1 || page !== ''));
    expect(rendition.pageStarts).toHaveLength(3);
  });

  it('spaces a table row by x position, like pdftotext -layout', async () => {
    const lines = (await renditionOf(KPI)).text.split('\n');
    //   > | 一  落實美感教育                                                    10     18    27     27
    const row = lines.find((line) => line.trim().startsWith('一') && line.includes('落實美感教育'))!;
    expect(row.trim().split(/\s{2,}/u)).toEqual(['一', '落實美感教育', '10', '18', '27', '27']);
  });

  it('marks page numbers in the margin as furniture and puts page numbers on positions', async () => {
    const rendition = await renditionOf(KPI);
    const lines = rendition.text.split('\n');
    expect(rendition.furniture.map((f) => [lines[f.line].trim(), f.role])).toEqual([
      ['3-2', 'page-number'],
      ['3-3', 'page-number'],
    ]);
    const result = await parseAsync(fixturePdf('files/51_chiayi-education-108-111-kpi.pdf'));
    const kpis = result.documents[0].kpis;
    expect(kpis[0].position.start.page).toBe(3);
    expect(result.documents[0].position.start.page).toBe(1);
  });
});

describe('PDF grid tables', () => {
  it('reads the header rows joined with / per column, an ordinal column joined to its text', async () => {
    const [table] = (await renditionOf(KPI)).tables;
    expect(table.layout).toBe('pdf-grid');
    expect(table.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(table.rows[0].cells).toEqual(['一、落實美感教育', '發展校本美感課程及空間改造', '推動美感教育課程及計畫之校數', '10', '18', '27', '27']);
    // A number wrapped by a narrow column joins up again: `10` / `0%`.
    expect(table.rows.find((row) => row.cells[0].includes('特色馬拉松'))!.cells.slice(3)).toEqual(['100%', '100%', '100%', '100%']);
    // A merged strategy cell stands on the first row it spans.
    const english = table.rows.filter((row) => row.cells[1].includes('英語') || row.cells[1].includes('外師'));
    expect(english.map((row) => row.cells[0])).toEqual(['五、營造英語學習環境', '']);
  });

  it('keeps a cell\'s paragraphs apart and joins a table continued over pages', async () => {
    const tables = (await renditionOf(REPORT)).tables;
    // One table per department, each over several pages, its repeated header dropped.
    expect(tables.map((t) => t.header[0])).toEqual(['計畫名稱/類', '計畫名稱/類', '計畫名稱/類']);
    expect(tables[0].header).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度百分比', '備註']);
    const all = tables.flatMap((t) => t.rows.map((row) => row.cells));
    expect(all.some((cells) => cells[3] === '辦理情形')).toBe(false);
    // A wrapped path entry is one paragraph: `(二)辦理分配預` / `算`.
    expect(all.map((cells) => cells[2])).toContain('(二)辦理分配預算');
  });

  it('keeps numbered paragraphs of a cell apart, and a wrap before a word like 五、六類 inside its line', async () => {
    const rows = (await renditionOf(path.join(corpusDir, 'files/63_chiayi-west-district-social-112-workplan.pdf'))).tables.flatMap((t) => t.rows);
    const children = rows.find((row) => row.cells[1] === '加強辦理兒童及少年福利。')!;
    expect(children.cells[2].split('\n')).toEqual(['1. 受理第二、三款低收入戶兒童按月發放生活補助費。', '2. 受理第二、三款低收入戶就讀高中職以上學生按月發放生活補助費。', '3. 受理兒童及少年生活扶助。']);
    const insurance = rows.find((row) => row.cells[1].startsWith('辦理健保保險對象'))!;
    expect(insurance.cells[2]).toContain('提供民眾諮詢有關第五、六類健保資訊。');
    expect(insurance.cells[2].split('\n')).toHaveLength(2);
  });

  it('joins a row cut by a page break whose border was drawn (LibreOffice)', async () => {
    const rows = (await renditionOf(CUT_ROW)).tables.flatMap((t) => t.rows);
    const cut = rows.find((row) => row.cells[1].includes('ISO'))!;
    expect(cut.cells[1].replace(/\s/g, '')).toBe('2.資訊安全管理系統ISO27001國際認證');
    expect(cut.cells.slice(3)).toEqual(['100%', '100%', '100%', '100%']);
  });
});

describe('real government PDFs', () => {
  const reals = realPdfs();
  it('has at least the bundled one', () => {
    expect(reals.length).toBeGreaterThanOrEqual(1);
  });
  for (const { name, file, pdftotext } of reals) {
    it(`${name}: parses without error, pdftotext's characters, running headers and page references as furniture`, async () => {
      const result = await parseAsync(readFileSync(file), { path: name });
      expect(validateResult(result)).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.documents.length).toBeGreaterThanOrEqual(1);
      const rendition = await renditionOf(file);
      expect(characterCounts(rendition.text)).toEqual(characterCounts(readFileSync(pdftotext, 'utf8')));
      const pages = rendition.pageStarts!.length;
      const lines = rendition.text.split('\n');
      const pageRefs = rendition.furniture.filter((f) => f.role === 'page-number');
      // Nearly every page past the cover carries a page reference in its margin.
      expect(pageRefs.length).toBeGreaterThanOrEqual(pages * 0.7);
      for (const { line } of pageRefs) expect(lines[line]).toMatch(/\d/);
    }, 60_000);
  }

  it('marks the Taipei budget book\'s running header (agency on every page) as furniture', async () => {
    const taipei = reals.find((r) => r.name.startsWith('taipei'))!;
    const rendition = await renditionOf(taipei.file);
    const lines = rendition.text.split('\n');
    const headers = rendition.furniture.filter((f) => f.role === 'running-header').map((f) => lines[f.line].trim());
    expect(headers.filter((text) => text === '臺北市政府主計處').length).toBeGreaterThanOrEqual(20);
    expect(rendition.furniture.some((f) => f.role === 'page-number' && /^02-004-\d+$/.test(lines[f.line].trim()))).toBe(true);
  }, 60_000);
});

describe('bad PDFs', () => {
  const minimal = (page: string) =>
    Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj${page}endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

  it('a PDF without a text layer is an error saying OCR is needed', async () => {
    const result = await parseAsync(minimal('<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>'));
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['no-text-layer']);
    expect(result.diagnostics[0].message).toMatch(/OCR/);
    expect(validateResult(result)).toEqual([]);
  });

  it('a damaged or truncated PDF is an error, never a crash', async () => {
    const bytes = fixturePdf('files/51_chiayi-education-108-111-kpi.pdf');
    for (const cut of [20, 400, Math.floor(bytes.length / 2)]) {
      const result = await parseAsync(bytes.subarray(0, cut));
      expect(validateResult(result)).toEqual([]);
      expect(result.diagnostics.every((d) => d.severity !== 'error' || /^(?:pdf-damaged|no-text-layer)$/.test(d.code))).toBe(true);
    }
    const garbage = await parseAsync(Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n'));
    expect(garbage.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:pdf-damaged|no-text-layer)$/)]));
    expect(garbage.documents).toEqual([]);
  });

  it('a PDF encrypted with a user password is an error; one with only an owner password reads normally', async () => {
    // Made with qpdf --encrypt (AES-256) from the corpus PDF 51.
    const locked = await parseAsync(fixturePdf('bad/51-user-password.pdf'));
    expect(locked.diagnostics.map((d) => d.code)).toEqual(['pdf-encrypted']);
    expect(locked.diagnostics[0].message).toMatch(/password/);
    expect(locked.documents).toEqual([]);
    const restricted = await parseAsync(fixturePdf('bad/51-owner-password-only.pdf'));
    expect(restricted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(restricted.documents[0].kpis).toHaveLength(8);
  });

  it('a PDF is recognised by its signature; parse() says it needs parseAsync()', () => {
    const bytes = fixturePdf('files/51_chiayi-education-108-111-kpi.pdf');
    expect(pdfFrontEnd.sniff(bytes)).toBe(true);
    expect(pdfFrontEnd.sniff(Buffer.from('一、PDF 檔'))).toBe(false);
    expect(parse(bytes).diagnostics.map((d) => d.code)).toEqual(['async-required']);
  });

  it('reads the direct readPdf API with no documents on a fatal file', async () => {
    const rendition = await readPdf(new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF')));
    expect(rendition.fatal).toBe(true);
    expect(rendition.diagnostics).toHaveLength(1);
  });
});

describe('install', () => {
  it('keeps pdf.js\'s native canvas package out: the empty stand-in resolves', () => {
    const require = createRequire(path.join(root, 'package.json'));
    const resolved = require.resolve('@napi-rs/canvas');
    expect(resolved).toContain(path.join('scripts', 'no-canvas'));
    expect(Object.keys(require('@napi-rs/canvas') as object)).toEqual([]);
  });
});

describe('plan-parse on PDFs', () => {
  it('gives the same output with --jobs 1 and --jobs 2 (PDFs read in worker threads)', () => {
    const files = ['files/51_chiayi-education-108-111-kpi.pdf', 'files/57_chiayi-smart-tech-108-111-kpi-lo.pdf', 'bad/51-user-password.pdf'].map((name) => path.join(corpusDir, name));
    const run = (jobs: string) => {
      try {
        return execFileSync(process.execPath, [path.join(root, 'bin/plan-parse.js'), ...files, '-q', '--jobs', jobs], { encoding: 'utf8' });
      } catch (error) {
        // Exit 1: the encrypted file has an error; the others are still written.
        return String((error as { stdout?: string }).stdout);
      }
    };
    const one = run('1');
    expect(one.trim().split('\n')).toHaveLength(2);
    expect(run('2')).toBe(one);
  }, 60_000);
});

describe('plan-parse text', () => {
  it('prints the rendition of a PDF', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'bin/plan-parse.js'), 'text', KPI], { encoding: 'utf8' });
    expect(out).toContain('嘉義市政府教育處中程(108至111年度)施政計畫');
    expect(characterCounts(out)).toEqual(characterCounts(readFileSync(KPI.replace(/\.pdf$/, '.pdftotext-layout.txt'), 'utf8')));
  });
});
