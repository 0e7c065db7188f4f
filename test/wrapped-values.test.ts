/**
 * Target values wrapped in a narrow column, one printed line each
 * (`pdftotext -raw`, reading-order text): `wrapped-values.ts` joins a row's
 * pieces back into one value per year, on the inputs its doc comments show
 * (lines of fixtures/extractors/pdftotext-raw/).
 */
import { describe, expect, it } from 'vitest';
import { joinWrappedValues } from '../src/tables/wrapped-values.js';
import type { Line } from '../src/types.js';

function linesOf(text: string): Line[] {
  return text.split('\n').map((line, index) => ({ text: line, index, line: index + 1, offset: 0, role: 'content' }) as Line);
}

function joined(text: string, years = 4): string[] {
  return joinWrappedValues(linesOf(text), years).map((line) => line.text);
}

describe('wrapped target values', () => {
  it('joins a number cut inside its thousands group, not two whole numbers', () => {
    // 54_chiayi-tourism: 108 `0`, then `2,000` `1,000` `100`.
    expect(joined('1 人行環境鋪面改善 改善面積(m2) 0 2,00\n0\n1,00\n0\n100\n2 自行車道鋪面改善 改善面積(m2) 0 4,50')).toEqual([
      '1 人行環境鋪面改善 改善面積(m2) 0 2,000 1,000 100',
      '2 自行車道鋪面改善 改善面積(m2) 0 4,50',
    ]);
  });

  it('joins a unit printed under its number, and `10` / `0%` while pieces outnumber the years', () => {
    // 54_chiayi-tourism and 52_chiayi-public-works.
    expect(joined('四 觀光事業規劃及\n推動\n嘉義市旅館住宿人數 統計數據(人次) 150\n萬\n153\n萬\n158\n萬\n160\n萬\n五 強化新聞發布與')).toEqual([
      '四 觀光事業規劃及',
      '推動',
      '嘉義市旅館住宿人數 統計數據(人次) 150萬 153萬 158萬 160萬',
      '五 強化新聞發布與',
    ]);
    expect(joined('清疏工程辦理進度 10\n0%\n10\n0%\n10\n0%\n10\n0%\n2 雨水下水道興建工程')).toEqual(['清疏工程辦理進度 100% 100% 100% 100%', '2 雨水下水道興建工程']);
  });

  it('keeps whole values and a row ordinal after them apart', () => {
    // 53_chiayi-urban-dev: three values on a line, the fourth wrapped; then the next row's `2`.
    expect(joined('完成都市更新招商 30% 60% 80%\n10\n0%\n2\n辦理都市危險及老舊')).toEqual(['完成都市更新招商 30% 60% 80% 100%', '2', '辦理都市危險及老舊']);
    expect(joined('監測數據 75% 80% 80% 83%\n2\n對所有人不健康的紅')).toEqual(['監測數據 75% 80% 80% 83%', '2', '對所有人不健康的紅']);
  });

  it('gives the first piece back to the text line it ends (`×10` / `0%`)', () => {
    // 55_chiayi-admin: the measure `申請展覽次數/12×100%`, then four `100%`.
    expect(joined('民眾每年展覽次數\n申請展覽次數/12×10\n0%\n10\n0%\n10\n0%\n10\n0%\n10\n0%\n二')).toEqual([
      '民眾每年展覽次數',
      '申請展覽次數/12×100%',
      '100% 100% 100% 100%',
      '二',
    ]);
  });

  it('joins a unit Writer sets apart from its number (`19 日`, `881 公` / `噸`)', () => {
    // pdftotext-raw-lo/61_chiayi-environment.
    expect(joined('日數\n監測數據 19 日 8 日 15 日 10 日\n三')).toEqual(['日數', '監測數據 19日 8日 15日 10日', '三']);
    expect(joined('實際完成數據\n881 公\n噸\n890 公噸 899 公噸 900 公噸\n')).toEqual(['實際完成數據', '881公噸 890公噸 899公噸 900公噸', '']);
    // A unit word in a text cell stays apart when no run of targets follows.
    expect(joined('每年辦理 1 場次\n特色馬拉松')).toEqual(['每年辦理 1 場次', '特色馬拉松']);
  });

  it('joins `1 萬` / `6 千` / `件` into one value, but not `150萬` / `153`', () => {
    // pdftotext-raw-lo/60_chiayi-finance-tax.
    expect(joined('全年辦理件數\n1 萬\n6 千\n件\n2 萬\n件\n2 萬\n8 千\n件\n2 萬\n8 千\n件\n五')).toEqual(['全年辦理件數', '1萬6千件 2萬件 2萬8千件 2萬8千件', '五']);
  });

  it('places comparison signs printed after their numbers (Writer: `≧` on a baseline of its own)', () => {
    // pdftotext-raw-lo/57_chiayi-smart-tech: 110 and 111 are `≧1000`.
    expect(joined('參與總人次 - - 1000\n≧ 1000\n≧\n2\n支持青年團隊在地')).toEqual(['參與總人次 - - ≧1000 ≧1000', '2', '支持青年團隊在地']);
    // A sign right before its number is read by the cell reader: left alone.
    expect(joined('平均每月電話進線數\n0\n≧\n1200\n≧\n1200\n≧\n1200\n四')).toEqual(['平均每月電話進線數', '0 ≧1200 ≧1200 ≧1200', '四']);
  });

  it('gives a piece no value starts with (`00`) to the text line it ends', () => {
    // 57_chiayi-smart-tech: the measure `平均每月電話進線數≧1200`, then `0` and three `≧1200`.
    expect(joined('平均每月電話進線數≧12\n00\n0\n≧12\n00\n≧12\n00\n≧12\n00\n四')).toEqual(['平均每月電話進線數≧1200', '0 ≧1200 ≧1200 ≧1200', '四']);
  });

  it('gives a value wrapped after `×` to the measure when the targets after it wrap too', () => {
    // 55_chiayi-admin: the measure ends `×` / `10` / `0%`, then four `100%` over two lines each.
    expect(joined('估當年所得扣繳件數）×\n10\n0%\n10\n0%\n10\n0%\n10\n0%\n10\n0%\n八')).toEqual(['估當年所得扣繳件數）×100%', '100% 100% 100% 100%', '八']);
    // Seed 002 (no trailing spaces): the measure's `100﹪` alone, the targets on one line — left to the cell reader.
    expect(joined('數/ 應申報人數×\n100﹪\n100﹪ 100﹪ 100﹪ 100﹪\n二')).toEqual(['數/ 應申報人數×', '100﹪', '100﹪ 100﹪ 100﹪ 100﹪', '二']);
  });

  it('leaves a value that ends the text cell on its lines (`達 1,000` / `人次`)', () => {
    // Seed 002 (no trailing spaces): the measure `個案需求媒合相關資源達1,000人次`, then the targets.
    expect(joined('個案需求媒合相\n關資源達 1,000\n人次\n100% 100% 100% 100%\n三')).toEqual(['個案需求媒合相', '關資源達 1,000', '人次', '100% 100% 100% 100%', '三']);
  });

  it('leaves a run with a noted value as printed (the cell readers take no notes)', () => {
    // 61_chiayi-environment: `5MW(累積)` … each over two or three lines.
    const text = '峰瓦)\n5MW\n(累\n積)\n12M\nW(累\n積)\n25M\nW(累\n積)\n30M\nW(累\n積)\n二';
    expect(joined(text)).toEqual(text.split('\n'));
  });
});
