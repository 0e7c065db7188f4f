/**
 * Seed 000 laid out by LibreOffice Writer from HTML and printed to PDF
 * (fixtures/writer-html/README.md): another agency's KPI table, ruled and
 * borderless, with the page breaks falling in different places.  The scores
 * are floors (a ratchet).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';
import type { ParseResult } from '../src/types.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const DIR = path.join(root, 'fixtures/writer-html');
const VARIANTS = ['r00', 'r02', 'r10', 'b00', 'b04', 'b10', 'b11'];
const results = new Map<string, ParseResult>();

beforeAll(async () => {
  for (const variant of VARIANTS) {
    const name = `000-${variant}.pdf`;
    results.set(variant, await parseAsync(readFileSync(path.join(DIR, name)), { path: name }));
  }
}, 60_000);

function totals(variant: string): Record<string, number | null> {
  const name = `000-${variant}.pdf`;
  return scoreResults([{ name, result: results.get(variant)!, gold: path.join(DIR, 'gold', `${name}.gold.json`) }]).totals;
}

describe('a KPI table Writer laid out from HTML', () => {
  it.each(['r00', 'r02', 'r10'])('ruled, %s: every KPI row and cell (a row cut by a page break joined, a header alone at a page foot kept)', (variant) => {
    const score = totals(variant);
    expect(score.kpiRows).toBe(1);
    expect(score.kpiCells).toBe(1);
  });

  it.each([
    ['b00', 1, 1],
    ['b04', 1, 1],
    ['b10', 1, 1],
    // The header cut by the page break: its years start the next page.
    ['b11', 1, 1],
  ])('borderless, %s: merged cells set at their rows\' top edge beside centred cells, digits autospaced from ideographs', (variant, rows, cells) => {
    const score = totals(variant);
    expect(score.kpiRows).toBeGreaterThanOrEqual(rows);
    expect(score.kpiCells).toBeGreaterThanOrEqual(cells);
  });

  it('a digit Writer sets apart from the ideographs around it stays in its cell', () => {
    //   > | 每年至少3項
    //             ^ 0.2 em either side
    const kpi = results.get('b00')!.documents[0].kpis.find((candidate) => candidate.indicator.text.includes('結合本市宗教團體輔導'))!;
    expect(kpi.targets.map((target) => target.raw)).toEqual(['每年至少3項', '每年至少3項', '每年至少3項', '每年至少3項']);
  });

  it('the strategies stand on their own rows', () => {
    const kpis = results.get('b00')!.documents[0].kpis;
    const strategyOf = (indicator: string) => kpis.find((kpi) => kpi.indicator.text.includes(indicator))?.strategy.text;
    expect(strategyOf('結合本市宗教團體輔導')).toBe('結合宗教團體舉辦特色宗教節慶活動及濟助弱勢家庭學生助學計畫');
    expect(strategyOf('辦理春、秋二季祭典')).toBe('端正禮俗，改善社會風氣，保存優良傳統文化');
    expect(strategyOf('設置新住民諮詢窗口')).toBe('落實新住民生活照顧、產業輔導、友善移民城市營造');
  });

  it('a borderless table followed right away by the next document\'s title keeps its rows in its own document', async () => {
    const result = await parseAsync(readFileSync(path.join(DIR, '002-two-b.pdf')), { path: '002-two-b.pdf' });
    expect(result.documents.map((document) => document.title)).toEqual(['嘉義市政府民政處中程(108至111年度)施政計畫', '嘉義市政府建設處中程(108至111年度)施政計畫']);
    const kpis = result.documents[0].kpis;
    expect(kpis).toHaveLength(13);
    expect(kpis[12].indicator.text).toContain('三合一會報');
    expect(kpis[12].targets.map((target) => target.raw)).toEqual(['2', '2', '2', '2']);
    expect(result.documents[1].kpis).toHaveLength(10);
    // Strategies in ordinary cells, centred on the first row of their group (blank cells below).
    const market = result.documents[1].kpis.find((kpi) => kpi.indicator.text.startsWith('市場建築物修繕維護'));
    expect(market?.strategy.text).toBe('加強零售市場管理，更新軟硬體設施，提振市場商機，改善環境衛生，提供市民良好購物場所');
    const score = scoreResults([{ name: '002-two-b.pdf', result, gold: path.join(DIR, 'gold', '002-two-b.pdf.gold.json') }]).totals;
    expect(score.kpiRows).toBeGreaterThanOrEqual(0.956);
    expect(score.kpiCells).toBeGreaterThanOrEqual(0.987);
  });

  it('a word wrapped past a page break joins its cell, though the line before did not reach the cell\'s edge', async () => {
    const result = await parseAsync(readFileSync(path.join(DIR, '004-r.pdf')), { path: '004-r.pdf' });
    const items = result.documents.flatMap((document) => document.reportItems);
    const item = items.find((candidate) => candidate.status?.includes('本區里鄰長健保總人數計369'));
    expect(item?.status).toBe('辦理里、鄰長健保轉入、轉出等異動事宜，本區里鄰長健保總人數計369人。');
    expect(item?.path[item.path.length - 1]).toBe('(一)里鄰長健保業務');
  });
});
