/**
 * Reading-order text from MuPDF (`mutool draw -F txt`, `mutool convert -F text`) and
 * pdfminer (`pdf2txt`): the heuristics of `reading-order-stacked.ts`, the stacked
 * work-plan and work-report cells of `reading-order-rows.ts` and the page numbers of
 * text without form feeds, each on the real input its doc comment shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { paragraphs } from '../src/tables/reading-order-cells.js';
import { isStacked, stackedLines } from '../src/tables/reading-order-stacked.js';
import type { Line } from '../src/types.js';
import { root } from './helpers/seeds.js';

/** Lines of a text (a blank line between blocks), as the line stage gives them. */
function linesOf(text: string): Line[] {
  return text.split('\n').map((line, index) => ({ text: line, index, role: line.trim() === '' ? 'blank' : 'content' }) as Line);
}

/** Body lines and known cell ends of stacked text, as texts. */
function stacked(text: string, years = 4): { texts: string[]; ends: string[] } {
  const lines = linesOf(text);
  const { body, ends } = stackedLines(paragraphs(lines, 0, lines.length), lines, years);
  return { texts: body.map((line) => line.text), ends: body.filter((line) => ends.has(line.index)).map((line) => line.text) };
}

function fixture(folder: string, name: string): Buffer {
  return readFileSync(path.join(root, 'fixtures/extractors', folder, name));
}

describe('stacked blocks (MuPDF)', () => {
  it('tells MuPDF blocks (a lone ordinal over text) from reading-order blocks (a cell each)', () => {
    const mupdf = linesOf('一\n推動嘉義市鐵路\n高架化工程，加\n\n1\n辦理嘉義大車站發展\n計畫\n\n二\n推動都市更新，\n調整公共設施，');
    expect(isStacked(paragraphs(mupdf, 0, mupdf.length))).toBe(true);
    const poppler = linesOf('一\n\n推動嘉義市鐵路\n高架化工程，加\n\n1\n\n辦理嘉義大車站發展\n計畫\n\n二\n\n推動都市更新，\n調整公共設施，');
    expect(isStacked(paragraphs(poppler, 0, poppler.length))).toBe(false);
  });

  it('a measure over the row targets: the text ends where the values start', () => {
    expect(stacked('推動美感教育課程及計畫\n之校數\n10\n18\n27\n27')).toEqual({
      texts: ['推動美感教育課程及計畫', '之校數', '10', '18', '27', '27'],
      ends: ['之校數', '27'],
    });
  });

  it('joins targets wrapped in a narrow column, inside a block and past its end', () => {
    // More value lines than years: `10` / `0%` is one value.
    expect(stacked('清疏工程辦理進度\n10\n0%\n\n10\n0%\n\n10\n0%\n\n10\n0%').texts).toEqual(['清疏工程辦理進度', '100%', '100%', '100%', '100%']);
    expect(stacked('參與總人次\n-\n-\n≧10\n00\n\n≧10\n\n00').texts).toEqual(['參與總人次', '-', '-', '≧1000', '≧1000']);
    expect(stacked('全年辦理件數\n33萬\n\n件\n\n33萬\n\n件').texts).toEqual(['全年辦理件數', '33萬件', '33萬件']);
    expect(stacked('分支管網建置及用戶接管\n長度(公尺)\n\n2,00\n\n0\n\n6,00\n\n0').texts).toEqual(['分支管網建置及用戶接管', '長度(公尺)', '2,000', '6,000']);
    // A block of two value lines in a run longer than the years: one wrapped target.
    expect(stacked('執行率\n\n≧9\n1%\n\n≧9\n1%\n\n≧9\n1%\n\n≧9\n1%').texts).toEqual(['執行率', '≧91%', '≧91%', '≧91%', '≧91%']);
    // As many value lines as years: each is a value.
    expect(stacked('辦理校數\n3\n0\n3\n3').texts).toEqual(['辦理校數', '3', '0', '3', '3']);
  });

  it('a formula or a sentence cut in a number goes on in the text', () => {
    expect(stacked('民眾每年展覽次數\n申請展覽次數/12×10\n0%').texts).toEqual(['民眾每年展覽次數', '申請展覽次數/12×100%']);
    expect(stacked('財產管理及處分收入達1,\n000萬元以上').texts).toEqual(['財產管理及處分收入達1,000萬元以上']);
    expect(stacked('平均每月電話進線數≧12\n00\n0').texts).toEqual(['平均每月電話進線數≧1200', '0']);
    expect(stacked('（當年所得扣繳件數 /預\n估當年所得扣繳件數）×\n100%\n\n10\n0%\n\n10\n0%\n\n10\n0%\n\n10\n0%').texts).toEqual([
      '（當年所得扣繳件數 /預',
      '估當年所得扣繳件數）×100%',
      '100%',
      '100%',
      '100%',
      '100%',
    ]);
  });

  it('reads a MuPDF KPI table row by row', () => {
    const result = parse(fixture('mutool-draw', '51_chiayi-education-108-111-kpi.txt'), { path: '51.txt' });
    const kpis = result.documents[0].kpis;
    expect(kpis).toHaveLength(8);
    expect(kpis[0].strategy?.text).toBe('落實美感教育');
    expect(kpis[0].indicator?.text).toBe('發展校本美感課程及空間改造');
    expect(kpis[0].measure).toBe('推動美感教育課程及計畫之校數');
    expect(kpis[0].targets.map((target) => target.raw)).toEqual(['10', '18', '27', '27']);
    // `10` / `0%` four times.
    expect(kpis[6].targets.map((target) => target.raw)).toEqual(['100%', '100%', '100%', '100%']);
  });
});

describe('pdfminer: a strategy ordinal on the line of its text', () => {
  it('一 落實美感教育 is the ordinal and the strategy', () => {
    const result = parse(fixture('pdfminer', '51_chiayi-education-108-111-kpi.txt'), { path: '51.txt' });
    const first = result.documents[0].kpis[0];
    expect(first.strategy?.ordinal).toBe(1);
    expect(first.strategy?.text).toBe('落實美感教育');
    expect(first.indicator?.text).toBe('發展校本美感課程及空間改造');
  });
});

describe('pdfminer: completions in a run after their entries', () => {
  it('依會計法… / 1. 嚴格… / 2. 均於… then 100% ×5: each entry its own', () => {
    const result = parse(fixture('pdfminer', '66_chiayi-east-district-109-report-accounting-personnel-admin.txt'), { path: '66.txt' });
    const items = result.documents[0].reportItems;
    for (const start of ['依實施計畫按月分配', '依會計法及相關法令執行', '嚴格執行內部審核', '均於期限內完成款項支付', '依限完成108年度單位決算']) {
      expect(items.find((item) => item.status.startsWith(start))?.completion?.raw).toBe('100%');
    }
  });
});

describe('work plans with a cell per line (MuPDF)', () => {
  it('learns the item and content widths from the wrapped lines', () => {
    const result = parse(fixture('mutool-draw', '63_chiayi-west-district-social-112-workplan.txt'), { path: '63.txt' });
    const items = result.documents[0].workItems;
    expect(items[0].path).toEqual(['一、貫徹農地農用政策']);
    expect(items[0].item).toBe('農林漁牧調查統計陳報，俾利上級研擬農林漁牧政策之參考。');
    expect(items[1].item).toBe('農業用地作農業使用證明書之核發。');
  });
});

describe('work reports with stacked cells (MuPDF)', () => {
  it('splits the path labels, the entry and its percentage', () => {
    const result = parse(fixture('mutool-draw', '66_chiayi-east-district-109-report-accounting-personnel-admin.txt'), { path: '66.txt' });
    const item = result.documents[0].reportItems.find((entry) => entry.status.startsWith('依會計法'));
    expect(item?.status).toBe('依會計法及相關法令執行。');
    expect(item?.completion?.raw).toBe('100%');
    expect(item?.path.at(-1)).toBe('(一)確實執行會計制度簡化會計處理程序');
  });
});

describe('work plans in content-stream order (pdftotext -raw)', () => {
  it('a header of words on one line starts the table; a page is read line by line', () => {
    const result = parse(fixture('pdftotext-raw', '64_chiayi-west-district-military-112-workplan.txt'), { path: '64.txt' });
    const items = result.documents[0].workItems;
    expect(items[0].path).toEqual(['一、編練業務']);
    expect(items[0].item).toBe('國民兵異動管理。');
    // `279` on a line of its own: the first item's budget.
    expect(items[0].budget?.raw).toBe('279');
    expect(items[2].item).toBe('補充兵徵集入營作業。');
  });
});

describe('page numbers in text without form feeds (mutool convert)', () => {
  const page = (n: number) => `${'依法辦理如期完成。\n'.repeat(20)}\n${n}\n\n伍、人事部門\n`;

  it('a run of lone numbers counting pages a page apart', () => {
    const source = normalize([3, 4, 5].map(page).join('\n'));
    expect(source.lines.filter((line) => line.role === 'page-number').map((line) => line.text)).toEqual(['3', '4', '5']);
  });

  it('not ordinals a few lines apart, nor numbers that do not count', () => {
    const ordinals = normalize('一\n\n1\n\n辦理嘉義大車站發展\n\n2\n\n願景館規劃與策展，\n\n3\n\n完成');
    expect(ordinals.lines.filter((line) => line.role === 'page-number')).toEqual([]);
    const source = normalize([3, 7, 5].map(page).join('\n'));
    expect(source.lines.filter((line) => line.role === 'page-number')).toEqual([]);
  });
});
