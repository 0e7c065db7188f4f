/**
 * Work-report tables in content-stream order (`pdftotext -raw`, src/tables/raw-report.ts):
 * real input from fixtures/extractors/pdftotext-raw/ and pdftotext-raw-lo/ (document 66).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { root } from './helpers/seeds.js';

const TITLE = '嘉義市東區區公所109年度工作總報告\n';

function items(body: string) {
  const result = parse(Buffer.from(`${TITLE}${body}`), { path: 'report.txt' });
  return result.documents[0].reportItems.map((item) => ({ path: item.path, status: item.status, completion: item.completion?.raw ?? null }));
}

describe('raw work-report tables', () => {
  it('splits the first line at its ordinals, joins wrapped path cells and closes each entry at its completion', () => {
    // The first page of 66_chiayi-east-district-109-report-accounting-personnel-admin.txt (pdftotext -raw), as the extractor wrote it:
    // `肆、會` / `計部門` (a 類 cell wrapped), `一、歲計 (一)編製預算 編製110年度預算…` (path cells before the entry on one baseline),
    // `(二)加強內部審` / `核、公款支付時` / `限, 勵行經費公` / `開` (a 目 cell wrapped), `1. 嚴格執行內部審核。 100%`.
    const text = readFileSync(path.join(root, 'fixtures/extractors/pdftotext-raw/66_chiayi-east-district-109-report-accounting-personnel-admin.txt'), 'utf8');
    const firstPage = text.split('\n').slice(0, 34).join('\n');
    const result = parse(Buffer.from(`${firstPage}\n`), { path: 'report.txt' });
    const found = result.documents[0].reportItems.map((item) => ({ path: item.path, status: item.status, completion: item.completion?.raw ?? null }));
    expect(found.slice(0, 5)).toEqual([
      { path: ['肆、會計部門', '一、歲計', '(一)編製預算'], status: '編製110年度預算, 歲入預算數16萬9,000元, 歲出預算數1億2,003萬7,000元。', completion: '100%' },
      { path: ['肆、會計部門', '一、歲計', '(二)辦理分配預算'], status: '依實施計畫按月分配, 均於預算實施前為之。', completion: '100%' },
      { path: ['肆、會計部門', '二、會計', '(一)確實執行會計制度簡化會計處理程序'], status: '依會計法及相關法令執行。', completion: '100%' },
      { path: ['肆、會計部門', '二、會計', '(二)加強內部審核、公款支付時限, 勵行經費公開'], status: '嚴格執行內部審核。', completion: '100%' },
      { path: ['肆、會計部門', '二、會計', '(二)加強內部審核、公款支付時限, 勵行經費公開'], status: '均於期限內完成款項支付。', completion: '100%' },
    ]);
  });

  it('reads Writer’s spaced-out path cells and its wrapped 完成程 / 度 header', () => {
    // 66_chiayi-east-district-109-report-accounting-personnel-admin-lo.txt (pdftotext -raw)
    const body = ['計畫名稱', '辦理情形', '完成程', '度', '百分比', '備註', '類 項 目', '柒、 行政', '部門', '二 、 庶 務', '管理 (一)行政管理 1. 人事費依實際人數及職階等之規定標準按月核發。 100%', '2. 事務費依照規定程序統籌運用辦理繳納。 100%', ''].join('\n');
    expect(items(body)).toEqual([
      { path: ['柒、行政部門', '二、庶務管理', '(一)行政管理'], status: '人事費依實際人數及職階等之規定標準按月核發。', completion: '100%' },
      { path: ['柒、行政部門', '二、庶務管理', '(一)行政管理'], status: '事務費依照規定程序統籌運用辦理繳納。', completion: '100%' },
    ]);
  });

  it('gives text continued after a page break to the entry before it', () => {
    // 66_chiayi-east-district-109-report-accounting-personnel-admin.txt: the completion stands before the break.
    const body = ['計畫名稱', '辦理情形', '完成程度', '百分比', '備註', '類 項 目', '伍、人', '事部門', '二、考核獎', '懲', '(一)整飭辦公', '紀律嚴懲貪瀆', '1. 配合行政院及所屬各機關公務人員平時', '考核要點，印製「公務人', '100%', '\f4', '計畫名稱', '辦理情形', '完成程度', '百分比', '備註', '類 項 目', '員平時考核紀錄表」每人1份。', '2. 公平、客觀辦妥公務人員年終考績。', '100%', ''].join('\n');
    expect(items(body).map((item) => item.status)).toEqual(['配合行政院及所屬各機關公務人員平時考核要點，印製「公務人員平時考核紀錄表」每人1份。', '公平、客觀辦妥公務人員年終考績。']);
  });

  it('keeps a Latin word and the CJK after it in one path cell', () => {
    // 66_chiayi-east-district-109-report-accounting-personnel-admin.txt (pdftotext -raw)
    const body = ['柒、行政部門', '嘉義市東區區公所109年度工作總報告', '計畫名稱', '辦理情形', '完成程度', '百分比', '備註', '類 項 目', '柒、行', '政部門', '三、出納管', '理', '(七)自行收納款', '項收據控管', '加強控管自行收納款項收據之領用。 100%', '(八)e 化管理系', '統', '1. 利用規費罰鍰歲入系統電腦上線作業，', '提升申辦便利', '性。', '100%', ''].join('\n');
    expect(items(body).map((item) => item.path[2])).toEqual(['(七)自行收納款項收據控管', '(八)e 化管理系統']);
  });

  it('takes the text before an entry list that starts at 1. as a path cell without an ordinal', () => {
    // 66_chiayi-east-district-109-report-accounting-personnel-admin.txt (pdftotext -raw):
    // `六、地方創` / `生` / `辦理地方創生業` / `務` / `1. 5月28日派員參與市府舉辦「地方創生推` …
    const text = readFileSync(path.join(root, 'fixtures/extractors/pdftotext-raw/66_chiayi-east-district-109-report-accounting-personnel-admin.txt'));
    const result = parse(text, { path: 'report.txt' });
    const creation = result.documents.flatMap((doc) => doc.reportItems).filter((item) => item.path[1] === '六、地方創生');
    expect(creation.length).toBe(8);
    expect(new Set(creation.map((item) => item.path[2]))).toEqual(new Set(['辦理地方創生業務']));
    expect(creation[0].status).toBe('5月28日派員參與市府舉辦「地方創生推動工作坊」。');
  });
});
