/**
 * Issue 12 — documents as real documents write them: title forms and kinds,
 * agencies, periods, missing titles, web-copy furniture, text that is not a
 * plan.  Every case rewrites seed 003 (彰化縣和美戶政事務所中程施政計畫) the way
 * the phenomenon does, keeping its real text.
 */
import { describe, expect, it } from 'vitest';
import { agencyOf, matchTitle, periodOf } from '../src/documents.js';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse.js';
import { cjkYear, periodInSentence } from '../src/periods.js';
import type { PlanDocument, Section } from '../src/types.js';
import { seedText } from './helpers/seeds.js';

const SEED = '003_778b9b4aea791543.txt';
const TITLE = '彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）';
const seed = seedText(SEED);
/** The seed without its title line. */
const body = seed.replace(`${TITLE}\n`, '');

function withTitle(...lines: string[]): string {
  return seed.replace(`${TITLE}\n`, `${lines.join('\n')}\n`);
}

function only(text: string): PlanDocument {
  const documents = parse(text).documents;
  expect(documents).toHaveLength(1);
  return documents[0];
}

function outline(sections: Section[]): string[] {
  return sections.flatMap((s) => [`${s.marker ?? ''}${s.title}`, ...s.children.map((c) => `  ${c.marker ?? ''}${c.title}`)]);
}

const seedOutline = outline(only(seed).sections);

describe('title forms and kinds', () => {
  it.each([
    ['彰化縣和美戶政事務所112年度施政目標與重點', 'annual-plan', '彰化縣和美戶政事務所', 112, 112],
    ['國家發展委員會112年度施政計畫目標與重點及衡量指標', 'annual-plan', '國家發展委員會', 112, 112],
    ['文化部112年度施政目標', 'annual-plan', '文化部', 112, 112],
    ['行政院農業委員會農糧署112年度施政計畫', 'annual-plan', '行政院農業委員會農糧署', 112, 112],
    ['臺北市大安區公所112年度施政計畫', 'annual-plan', '臺北市大安區公所', 112, 112],
    ['國立臺灣博物館111年度施政績效報告', 'performance-report', '國立臺灣博物館', 111, 111],
    ['原住民族委員會110年度本會施政績效報告', 'performance-report', '原住民族委員會', 110, 110],
    ['彰化縣和美戶政事務所中程施政計畫草案(100至103年度)', 'mid-term-plan', '彰化縣和美戶政事務所', 100, 103],
    ['文化部106至109年度中程施政計畫(107年修正版)', 'mid-term-plan', '文化部', 106, 109],
  ])('%s', (title, kind, agency, from, to) => {
    const document = only(withTitle(title));
    expect(document).toMatchObject({ kind, title, agency, period: { from, to } });
    expect(outline(document.sections)).toEqual(seedOutline);
  });

  it('keeps a revision note of the title', () => {
    expect(only(withTitle('文化部106至109年度中程施政計畫(107年修正版)')).revision).toBe('修正版');
  });

  it('keeps one document when the next page repeats the title in another word order', () => {
    const document = only(withTitle('彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）', '\f', '彰化縣和美戶政事務所107至110年度中程施政計畫'));
    expect(document).toMatchObject({ kind: 'mid-term-plan', agency: '彰化縣和美戶政事務所', period: { from: 107, to: 110 } });
    expect(outline(document.sections)).toEqual(seedOutline);
  });

  it('keeps one document when the title comes again in another word order after a preface', () => {
    const text = withTitle('彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）', '本計畫經本所主管會報通過，陳報彰化縣政府核定後實施。', '\f', '彰化縣和美戶政事務所107至110年度中程施政計畫');
    expect(only(text)).toMatchObject({ agency: '彰化縣和美戶政事務所', period: { from: 107, to: 110 } });
    // Another agency's plan in the same file is another document.
    const two = parse(`${text}\n\f\n彰化縣員林戶政事務所107至110年度中程施政計畫\n壹、使命及願景\n本所為基層戶政機關。\n`).documents;
    expect(two.map((d) => d.agency)).toEqual(['彰化縣和美戶政事務所', '彰化縣員林戶政事務所']);
  });

  it('takes 本所 and 本會 for no agency', () => {
    expect(agencyOf('本所112年度重要工作計畫')).toBeNull();
    expect(agencyOf('本會111年度施政計畫')).toBeNull();
    expect(only(withTitle('本所107至110年度中程施政計畫')).agency).toBeNull();
  });

  it('does not read a sentence naming a plan as a title', () => {
    expect(matchTitle('本所依據內政部108年度施政綱要，訂定109年度施政目標與重點')).toBeNull();
  });
});

describe('periods', () => {
  it('reads two years run together or set apart by a space as a range', () => {
    expect(periodOf('彰化縣和美戶政事務所中程施政計畫（106109年度）')).toMatchObject({ from: 106, to: 109 });
    expect(periodOf('彰化縣和美戶政事務所中程施政計畫(106 109年度)')).toMatchObject({ from: 106, to: 109 });
    expect(only(withTitle('彰化縣和美戶政事務所中程施政計畫（107110年度）')).period).toMatchObject({ from: 107, to: 110 });
  });

  it('reads years written in Chinese numerals', () => {
    expect(cjkYear('九十五')).toBe(95);
    expect(cjkYear('一〇六')).toBe(106);
    expect(cjkYear('一百零六')).toBe(106);
    expect(only(withTitle('彰化縣和美戶政事務所九十五年度施政計畫')).period).toMatchObject({ from: 95, to: 95, gregorian: { from: 2006, to: 2006 } });
    expect(only(withTitle('彰化縣和美戶政事務所一〇六年度施政計畫')).period).toMatchObject({ from: 106, to: 106 });
    expect(agencyOf('彰化縣和美戶政事務所九十五年度施政計畫')).toBe('彰化縣和美戶政事務所');
    // Both years of a range, the first without its own 年.
    expect(periodOf('彰化縣和美戶政事務所中程(一一二至一一五年度)施政計畫')).toMatchObject({ from: 112, to: 115 });
  });

  it('reads a range in brackets that lost its 年度, only as plausible years', () => {
    expect(periodOf('彰化縣和美戶政事務所中程施政計畫（112～115）')).toMatchObject({ from: 112, to: 115 });
    expect(periodOf('中程施政計畫(1-3)')).toBeNull();
    expect(periodOf('中程施政計畫(100-130)')).toBeNull();
  });

  it('takes the period from the cover when the title has none', () => {
    const document = only(withTitle('彰化縣和美戶政事務所中程施政計畫', '（107 至 110 年度）'));
    expect(document).toMatchObject({ title: '彰化縣和美戶政事務所中程施政計畫', period: { from: 107, to: 110 } });
  });

  it('takes the period from the first sentence, skipping years that name another document', () => {
    const text = withTitle('彰化縣和美戶政事務所年度施政計畫', '本所依據內政部108年度施政綱要，訂定109年度施政計畫。');
    expect(only(text).period).toMatchObject({ from: 109, to: 109 });
    expect(periodInSentence('本所依據內政部108年度施政綱要，訂定本計畫')).toBeNull();
    expect(periodInSentence('本所配合107-110年度中程施政計畫目標體系，擬定本計畫')).toBeNull();
    expect(only(withTitle('彰化縣和美戶政事務所年度施政計畫', '本所配合107-110年度中程施政計畫目標體系，擬定本計畫。')).period).toBeNull();
  });
});

describe('documents without a title line', () => {
  it('keeps title and agency null rather than inventing them from a sentence', () => {
    const text = body.replace(/^\s+/u, '');
    const document = only(`本所為基層戶政機關，專責受理轄區民眾申辦出生、死亡、結婚、離婚等各項戶籍登記。\n\n${text}`);
    expect(document.title).toBeNull();
    expect(document.agency).toBeNull();
  });
});

describe('web-copy furniture', () => {
  const page = [
    '跳到主要內容區塊',
    ':::',
    '首頁 > 政府資訊公開 > 施政計畫',
    '彰化縣和美戶政事務所106年度施政計畫 | 彰化縣和美戶政事務所',
    '瀏覽人次：1,523',
    '更新日期：2018-03-02',
    'Download',
    '和美戶政中程施政計畫.pdf (1.2 MB)',
    'Size: 595 x 842 px',
    '聯絡電話：04-7562064',
  ];

  const footer = ['回頁首', '地址：50546彰化縣和美鎮和光路100號', '服務時間：週一至週五 08:00-17:00', 'Copyright © 2018 彰化縣和美戶政事務所'];

  it('never takes navigation, counters, links or contact lines for the title, a document or a section', () => {
    const text = `${withTitle(...page, TITLE)}\n${footer.join('\n')}\n`;
    const lines = normalize(text).lines;
    expect(lines.filter((line) => page.includes(line.text)).map((line) => line.role)).toEqual(page.map(() => 'furniture'));
    expect(lines.filter((line) => line.role === 'furniture')).toHaveLength(page.length + footer.length);
    const document = only(text);
    expect(document).toMatchObject({ kind: 'mid-term-plan', title: '彰化縣和美戶政事務所中程施政計畫（107至110年度）', agency: '彰化縣和美戶政事務所', period: { from: 107, to: 110 } });
    expect(outline(document.sections)).toEqual(seedOutline);
    expect(JSON.stringify(document.sections)).not.toMatch(/Copyright|回頁首|服務時間/u);
  });

  it('keeps the same words inside the document', () => {
    const text = withTitle(TITLE).replace('一、使命\n', '一、使命\n\n電話：本所服務專線04-7562064，週一至週五受理。\n');
    expect(normalize(text).lines.some((line) => line.text.startsWith('電話：') && line.role === 'content')).toBe(true);
  });

  it('takes a host page title of another year before the real title for furniture', () => {
    const document = only(withTitle('彰化縣和美戶政事務所106年度施政計畫', '瀏覽人次：1,523', TITLE));
    expect(document).toMatchObject({ kind: 'mid-term-plan', period: { from: 107, to: 110 } });
    const sameKind = only(withTitle('彰化縣和美戶政事務所中程施政計畫（103 至 106 年度）', 'Download', TITLE));
    expect(sameKind.period).toMatchObject({ from: 107, to: 110 });
  });
});

describe('text that is not a plan', () => {
  // A news article about the plan's KPIs, written from the seed's own figures.
  const article = [
    '和美戶政所公布關鍵績效指標 跨機關通報服務滿意度達九成',
    '記者王小明／彰化報導',
    '彰化縣和美戶政事務所今（15）日公布施政成果，「戶籍資料異動跨機關通報服務」全年受理計 12 次抽查，正確率達98%，民眾滿意度90%。',
    '主任表示，所內已於2022-2025年間推動戶政E化，115-118年將持續推動到宅服務，讓行動不便的民眾也能申請印鑑登記。',
    '1. 提升服務品質 85% 90% 95% 100% 的目標，她說，明年還要再努力。',
  ].join('\n');

  it('a speech: kind unknown, its numbered sentence and years are prose', () => {
    const speech = [
      '主任致詞',
      '各位同仁、各位貴賓大家好：',
      '本所自107年起推動戶政E化，全年受理計 12 次到宅服務，感謝大家的努力。',
      '1. 未來115-118年，我們要持續提升服務品質，讓民眾滿意度達到95%以上。',
      '謝謝大家。',
    ].join('\n');
    const document = only(speech);
    expect(document).toMatchObject({ kind: 'unknown', period: null, title: '主任致詞', kpis: [], sections: [] });
  });

  it('is kind unknown, with no KPIs, sections or period from its prose', () => {
    const document = only(article);
    expect(document.kind).toBe('unknown');
    expect(document.kpis).toEqual([]);
    expect(document.sections).toEqual([]);
    expect(document.period).toBeNull();
    expect(document.title).toBe('和美戶政所公布關鍵績效指標跨機關通報服務滿意度達九成');
  });
});

describe('numbered items are not titles', () => {
  it('a report row whose item starts 四、1. is not a work-plan title', () => {
    // A LibreOffice PDF's table row, as its text rendition spaces it.
    expect(matchTitle('四  、   1. 辦理 108 年工作總報告暨 109 年重要工作計畫')).toBeNull();
    expect(matchTitle('(三)、辦理109年重要工作計畫')).toBeNull();
    expect(matchTitle('嘉義市東區區公所 109 年度工作總報告')).not.toBeNull();
  });
});
