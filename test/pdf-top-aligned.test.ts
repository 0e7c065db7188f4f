/**
 * Borderless tables with top-aligned cells, as Word lays them out by default
 * (vAlign top, 0.19 cm side margins, no borders): corpus DOCX 54 (KPI), 64
 * (work plan) and 66 (report) rewritten by scripts/make-top-aligned-docx.py and
 * printed to PDF by LibreOffice 7.4 (fixtures/corpus/README.md).  Read from
 * glyph positions (layout `pdf-aligned`); the scores are floors (a ratchet).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../src/formats/pdf.js';
import { cellBlocks, type CellLine, cellLines, cutAtRowStarts } from '../src/formats/pdf/cell-blocks.js';
import type { TextRun } from '../src/formats/pdf/page.js';
import { wordsOf } from '../src/formats/pdf/words.js';
import { parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { scoreResults } from './helpers/corpus.js';
import { corpusDir } from './helpers/pdf.js';

const NAMES = ['54_chiayi-tourism-108-111-kpi', '64_chiayi-west-district-military-112-workplan', '66_chiayi-east-district-109-report-accounting-personnel-admin'];
const results = new Map<string, ParseResult>();

beforeAll(async () => {
  for (const name of NAMES) results.set(name, await parseAsync(readFileSync(path.join(corpusDir, 'top-aligned', `${name}-top.pdf`)), { path: `${name}-top.pdf` }));
});

function totals(name: string): Record<string, number | null> {
  return scoreResults([{ name: `${name}-top.pdf`, result: results.get(name)!, gold: path.join(corpusDir, 'gold', `${name}.docx.gold.json`) }]).totals;
}

/** A column's lines from `[y, x0, x1, text]` runs (12 pt). */
function column(runs: [number, number, number, string][]): CellLine[] {
  return cellLines(runs.flatMap(([y, x0, x1, text]): ReturnType<typeof wordsOf> => wordsOf({ text, x: x0, y, width: x1 - x0, size: 12 } satisfies TextRun, 0)));
}

describe('cutting key blocks at row starts', () => {
  // 66 (top-aligned), 柒 page 2: the status cells of two rows follow at the
  // line pitch (17.25 pt), the completions `100` / `%` start each row.
  const status = column([
    [106.3, 170, 420, '利用各項會議讓同仁瞭解市政脈動，檢討業務'],
    [123.6, 170, 380, '執行情形，彙集意見解決問題。'],
    [140.8, 170, 420, '1. 依政府採購法、市府暨所屬機關學校、採購'],
  ]);
  const completion = column([
    [103.7, 430, 448, '100'],
    [117.5, 430, 440, '%'],
    [138.2, 430, 448, '100'],
    [152.0, 430, 440, '%'],
  ]);

  it('cuts a status block where a completion starts level with one of its lines', () => {
    const columns = [cellBlocks(status, 17.75, 0), cellBlocks(completion, 14.5, 1)];
    expect(columns[0]).toHaveLength(1);
    expect(cutAtRowStarts(columns, 0)).toBe(true);
    expect(columns[0].map((block) => block.lines.length)).toEqual([2, 1]);
  });

  it('leaves a block alone when no other block starts inside it', () => {
    const columns = [cellBlocks(status, 17.75, 0), cellBlocks(column([[103.7, 430, 448, '100'], [117.5, 430, 440, '%']]), 14.5, 1)];
    expect(cutAtRowStarts(columns, 0)).toBe(false);
    expect(columns[0]).toHaveLength(1);
  });
});

describe('top-aligned borderless tables (Word-style cells, LibreOffice PDF)', () => {
  it('reads the KPI table: digits of a narrow target column wrapped (`2,00` / `0`), ordinals in their own column', () => {
    const score = totals(NAMES[0]);
    expect(score.kpiRows).toBeGreaterThanOrEqual(1);
    expect(score.kpiCells).toBeGreaterThanOrEqual(1);
  });

  it('reads the work plan with its budgets', () => {
    const score = totals(NAMES[1]);
    expect(score.work).toBeGreaterThanOrEqual(1);
    expect(score.budgets).toBeGreaterThanOrEqual(1);
  });

  it('reads the report (floor)', () => {
    const score = totals(NAMES[2]);
    expect(score.docs).toBeGreaterThanOrEqual(1);
    expect(score.report).toBeGreaterThanOrEqual(0.87);
  });

  it('flags every report row whose completion cell holds two values (rows joined)', async () => {
    const rendition = await readPdf(new Uint8Array(readFileSync(path.join(corpusDir, 'top-aligned', `${NAMES[2]}-top.pdf`))));
    const report = rendition.tables.filter((table) => table.layout === 'pdf-aligned' && table.header.some((name) => name.includes('辦理情形')));
    expect(report.length).toBeGreaterThan(0);
    const completion = report[0].header.findIndex((name) => name.includes('完成'));
    expect(completion).toBeGreaterThanOrEqual(0);
    const joined = report.flatMap((table) => table.rows).filter((row) => (row.cells[completion].match(/[0-9]+%/gu) ?? []).length > 1);
    expect(joined.length).toBeGreaterThan(0);
    for (const row of joined) expect(row.warning?.code).toBe('report-item-uncertain');
  });

  it('reads them as tables without rules', () => {
    for (const name of NAMES) expect(results.get(name)!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
