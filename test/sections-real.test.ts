/**
 * Issue 12 — headings as real documents write them: markers that lost their
 * `、`, spaced brackets and spaced-out headings, compound numerals split by a
 * space, ordinals past 20, formal markers inside markdown list items, trailing
 * colons, headings without numbers, one-line text, tables no reader took.
 * Every case rewrites a seed (or the corpus) the way the phenomenon does.
 */
import { describe, expect, it } from 'vitest';
import { parseLooseMarker, parseMarker } from '../src/markers.js';
import { splitOneLine } from '../src/one-line.js';
import { parse } from '../src/parse.js';
import { isTableHeader } from '../src/table-region.js';
import type { PlanDocument, Section } from '../src/types.js';
import { seedText } from './helpers/seeds.js';

const SEED = '003_778b9b4aea791543.txt';
const seed = seedText(SEED);

function only(text: string): PlanDocument {
  const documents = parse(text).documents;
  expect(documents).toHaveLength(1);
  return documents[0];
}

/** The level-1/2 outline: `level ordinal title`. */
function outline(sections: Section[]): string[] {
  return sections.flatMap((s) => [`1 ${s.ordinal} ${s.title}`, ...s.children.map((c) => `2 ${c.ordinal} ${c.title}`)]);
}

const seedOutline = outline(only(seed).sections);

describe('markers as converters leave them', () => {
  it('reads headings whose 、 was lost', () => {
    expect(parseLooseMarker('壹 機關任務')).toMatchObject({ marker: '壹、', ordinal: 1, rest: '機關任務' });
    expect(parseLooseMarker('一 組織職掌')).toMatchObject({ marker: '一、', ordinal: 1, rest: '組織職掌' });
    expect(parseMarker('壹 機關任務')).toBeNull();
    // Every formal and plain heading of seed 003 without its 、.
    const text = seed.replace(/^([壹貳參肆一二三四五六七八九十]+)、/gmu, '$1 ');
    expect(text).not.toBe(seed);
    expect(outline(only(text).sections)).toEqual(seedOutline);
  });

  it('does not take a numeral starting a sentence or a table column for a heading', () => {
    expect(parseLooseMarker('一年內完成')).toBeNull();
    const text = seed.replace('一、使命\n', '一、使命\n\n一 年 內 完 成 所 有 戶 籍 資 料 的 清 查\n');
    expect(outline(only(text).sections)).toEqual(seedOutline);
  });

  it('reads spaced brackets and spaced-out headings', () => {
    expect(parseMarker('( 一 )辦理「戶籍資料異動跨機關通報服務」。')).toMatchObject({ marker: '(一)', ordinal: 1 });
    const spaced = seed.replace(/（([一二三四五六七八九十]+)）/gu, '( $1 )').replace('貳、施政重點', '貳、施 政 重 點');
    expect(outline(only(spaced).sections)).toEqual(seedOutline);
    const deeper = only(spaced).sections[1].children[0].children.map((s) => s.marker);
    expect(deeper.slice(0, 2)).toEqual(['(一)', '(二)']);
  });

  it('reads compound numerals split by a space and ordinals past 20', () => {
    // A city's plan listing its departments (the agencies of seed 002) as 壹 … 貳拾壹.
    const units = ['民政處', '建設處', '教育處', '工務處', '都市發展處', '觀光新聞處', '社會處', '地政處', '行政處', '交通處', '智慧科技處', '主計處', '人事處', '政風處', '文化局', '財政稅務局', '衛生局', '環境保護局', '警察局', '消防局', '秘書處'];
    const formal = ['壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖', '拾', '拾 壹', '拾 貳', '拾 參', '拾 肆', '拾 伍', '拾 陸', '拾 柒', '拾 捌', '拾 玖', '貳 拾', '貳 拾 壹'];
    const text = ['嘉義市政府112年度施政計畫', '', ...units.flatMap((unit, i) => [`${formal[i]}、${unit}`, `${unit}依本府施政方針推動業務。`, ''])].join('\n');
    const sections = only(text).sections;
    expect(sections.map((s) => s.ordinal)).toEqual(units.map((_, i) => i + 1));
    expect(sections[20]).toMatchObject({ marker: '貳拾壹、', ordinal: 21, title: '秘書處' });
    expect(parseMarker('二十一、災害防救業務。')).toMatchObject({ ordinal: 21 });
    expect(parseMarker('㉑辦理災民收容救濟業務')).toMatchObject({ style: 'circled', ordinal: 21 });
  });

  it('reads the one-character enclosed markers as the styles they stand for', () => {
    //   > | ㈠落實照顧原住民權益      ⑴辦理歲時祭儀      ⒈召開會議
    //       ^ (一)                   ^ (1)              ^ 1.
    const text = ['嘉義市政府民政處中程(108至111年度)施政計畫', '', '壹、機關任務', '一、使命', '㈠落實照顧原住民權益', '⑴辦理歲時祭儀', '⑵推廣客家文化', '㈡輔導宗教團體', '⒈召開會議', '貳、願景'].join('\n');
    const [first] = only(text).sections;
    const mission = first.children[0];
    expect(mission.children.map((s) => [s.marker, s.title, s.children.map((c) => c.marker)])).toEqual([
      ['(一)', '落實照顧原住民權益', ['(1)', '(2)']],
      ['(二)', '輔導宗教團體', ['1.']],
    ]);
    expect(parseMarker('⒛ 辦理')).toMatchObject({ marker: '20.', style: 'arabic', ordinal: 20, rest: '辦理' });
    expect(parseMarker('㈩辦理')).toMatchObject({ marker: '(十)', style: 'cjk-paren', ordinal: 10 });
  });

  it('lets a formal marker inside a markdown list item or bold paragraph decide the level', () => {
    const text = seed.replace('壹、使命及願景', '1. 壹、使命及願景').replace('貳、施政重點', '2. **貳、施政重點**').replace('參、關鍵策略目標', '3. 參、關鍵策略目標');
    expect(outline(only(text).sections)).toEqual(seedOutline);
    expect(only(text).sections.map((s) => s.marker)).toEqual(['壹、', '貳、', '參、']);
  });

  it('keeps a trailing colon in the title', () => {
    const text = seed.replace('一、使命\n', '一、使命：\n').replace('貳、施政重點', '貳、施政重點:');
    const sections = only(text).sections;
    expect(sections[0].children[0].title).toBe('使命：');
    expect(sections[1].title).toBe('施政重點:');
  });

  it('starts an excerpt at its first department, 肆', () => {
    const text = seed.replace('壹、使命及願景', '肆、使命及願景').replace('貳、施政重點', '伍、施政重點').replace('參、關鍵策略目標', '陸、關鍵策略目標');
    expect(only(text).sections.map((s) => `${s.marker}${s.title}`)).toEqual(['肆、使命及願景', '伍、施政重點', '陸、關鍵策略目標、共同性目標、關鍵績效指標及共同性指標']);
  });
});

describe('headings without numbers', () => {
  it('takes a short line right before a list starting at 1 for a heading that lost its number', () => {
    const text = seed.replace('壹、使命及願景', '使命及願景').replace('貳、施政重點', '施政重點');
    const sections = only(text).sections;
    expect(outline(sections)).toEqual(seedOutline.map((entry) => entry.replace(/^1 [12] (使命及願景|施政重點)$/u, '1 null $1')));
    expect(sections[0]).toMatchObject({ marker: null, ordinal: null, title: '使命及願景' });
    // `…如下：` introduces a list the way a sentence does.
    expect(outline(only(seed.replace('一、使命\n', '本所願景如下：\n\n一、使命\n')).sections)).toEqual(seedOutline);
  });

  it('takes `- ` bullets that every heading shares for headings without numbers', () => {
    // Seed 003's first part as a converter writes Word headings whose numbering it dropped.
    const text = [
      '彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）',
      '',
      '- 使命',
      '',
      '本所為基層戶政機關，專責受理轄區民眾申辦出生、死亡、結婚、離婚等各項戶籍登記暨核發國民身分證、戶口名簿、戶籍謄本、印鑑證明等書表證明。',
      '',
      '- 願景',
      '',
      '為因應電子化政府之趨勢及推廣「多用網路、少用馬路」之便民措施，未來將持續推動與各機關網路作業系統連線。',
    ].join('\n');
    expect(only(text).sections.map((s) => [s.title, s.ordinal])).toEqual([['使命', null], ['願景', null]]);
    // A bullet list mixed with plain short lines is not written alike: no headings guessed.
    expect(only(text.replace('- 願景', '願景')).sections).toEqual([]);
  });

  it('reads a plan whose numbering was lost altogether: short lines followed by text', () => {
    // Corpus 52 (工務處) as a Word export that dropped its list numbering.
    const text = [
      '嘉義市政府工務處中程(108至111年度)施政計畫',
      '機關任務',
      '本處業務職掌包含道路徵收開闢、雨污水下水道及區域排水相關設施規劃闢建及道路設施，如路面、路燈修護，勞務與工程採購、工程施工查核、代辦公共建築工程等。',
      '願景',
      '打造宜居城市，提升居住品質，使全體市民居住於適宜之住宅且享有尊嚴之居住環境。',
      '環境情勢分析',
      '本市道路多已開闢完成，惟部分巷道狹小，影響消防救災及交通安全，亟待改善。',
    ].join('\n');
    const sections = only(text).sections;
    expect(sections.map((s) => [s.title, s.ordinal, s.level])).toEqual([['機關任務', null, 1], ['願景', null, 1], ['環境情勢分析', null, 1]]);
    expect(sections[1].body[0]).toMatch(/^打造宜居城市/u);
  });

  it('takes a spaced-out line of PDF text for a heading, outside tables', () => {
    // Seed 002's first plan (PDF text) with its first heading's number lost and its letters spread.
    const plan = seedText('002_518a493018a85667.txt').split('\n').slice(0, 470).join('\n');
    const original = parse(plan).documents[0].sections.map((s) => s.title);
    expect(original[0]).toBe('機關任務及願景');
    const text = plan.replace('壹、機關任務及願景', '機 關 任 務 及 願 景');
    expect(parse(text).source.format).toBe('pdf-text');
    const sections = only(text).sections;
    expect(sections.map((s) => s.title)).toEqual(original);
    expect(sections[0]).toMatchObject({ marker: null, ordinal: null, level: 1 });
    expect(sections[0].children.map((s) => s.title)).toEqual(parse(plan).documents[0].sections[0].children.map((s) => s.title));
  });

  it('takes a line named in the TOC for a heading with ordinal null', () => {
    const text = seed.replace('壹、使命及願景', '目錄\n使命及願景……………1\n施政重點……………3\n\n使命及願景');
    const first = only(text).sections[0];
    expect(first).toMatchObject({ title: '使命及願景', ordinal: null, marker: null, level: 1 });
  });
});

describe('one-line text', () => {
  // Seed 003's first two parts as a PDF copy writes them: every line of a page on one line.
  const lines = seed.split('\n').slice(0, 61).filter((line) => line.trim() !== '');
  const title = lines[0];
  const oneLine = `${title}\n${lines.slice(1).map((line) => line.replace(/^- /u, '')).join(' ')}\n`;

  it('starts headings at mid-line markers the numbering confirms', () => {
    expect(oneLine.split('\n')[1].length).toBeGreaterThan(1000);
    const document = only(oneLine);
    expect(document.kind).toBe('mid-term-plan');
    expect(outline(document.sections)).toEqual(seedOutline.slice(0, outline(only(seed).sections.slice(0, 2)).length));
    const second = document.sections[1].children[0];
    expect(second.position.start.line).toBe(second.position.end.line);
    expect(second.position.start.column).toBeGreaterThan(1);
  });

  it('reads a whole document on one line, its title first', () => {
    const whole = `${lines.map((line) => line.replace(/^- /u, '')).join(' ')}\n`;
    expect(whole.split('\n')).toHaveLength(2);
    const document = only(whole);
    expect(document).toMatchObject({ kind: 'mid-term-plan', title: '彰化縣和美戶政事務所中程施政計畫（107至110年度）', agency: '彰化縣和美戶政事務所', period: { from: 107, to: 110 } });
    expect(outline(document.sections)).toEqual(outline(only(oneLine).sections));
    expect(document.sections[0].children[0].body[0]).toMatch(/^本所為基層戶政機關/u);
  });

  it('does not take a number inside a sentence for a marker', () => {
    const sentence = '本所全年辦理到宅服務計 12 次，預定 115-118年 持續推動，並配合 2022-2025 年國家發展計畫。';
    const text = `${sentence} (一)辦理「戶籍資料異動跨機關通報服務」。 ${sentence} (二)加強簡政便民措施。 ${sentence}`.repeat(3);
    const pieces = splitOneLine(text).map(([from, to]) => text.slice(from, to).trim());
    expect(pieces.every((piece) => !/^(?:12|115|2022)/u.test(piece))).toBe(true);
    expect(pieces.filter((piece) => piece.startsWith('(一)'))).toHaveLength(3);
    expect(splitOneLine(sentence.repeat(10))).toEqual([[0, sentence.length * 10]]);
  });
});

describe('tables no reader took', () => {
  it('knows a table header line, split or whole', () => {
    expect(isTableHeader('  機關工作項目      重要工作計畫項目           實施內容')).toBe(true);
    expect(isTableHeader('計畫名稱')).toBe(true);
    expect(isTableHeader('預算金額(單位：千元)')).toBe(true);
    expect(isTableHeader('二、關鍵績效指標(KPI)達成情形說明如下，各項目標均已達成。')).toBe(false);
  });

  it('does not read the markers of its rows as headings', () => {
    // Seed 001's 社建課 work-plan table as pdftotext prints it in reading order (corpus 63).
    const text = [
      '嘉義市西區區公所社建課112年度重要工作計畫',
      '壹、年度工作重點',
      '一、農林漁牧調查統計陳報，以供政府施政之參考。',
      '二、農業用地作農業使用證明書之核發。',
      '',
      '貳、重大工作目標',
      '機關工作項目',
      '',
      '重要工作計畫項目',
      '',
      '實施內容',
      '',
      '一、貫徹農地農用政 農林漁牧調查統計陳報， 配合上級農林漁牧業調查作業，並實地調',
      '策',
      '二、工商財稅業務',
      '(一)全民健康保險',
      '1. 申請對象： (1) 第5類人口係指符合社',
    ].join('\n');
    expect(outline(only(text).sections)).toEqual(['1 1 年度工作重點', '2 1 農林漁牧調查統計陳報，以供政府施政之參考。', '2 2 農業用地作農業使用證明書之核發。', '1 2 重大工作目標']);
    const closed = `${text}\n參、預期效益\n提升為民服務品質。\n`;
    expect(only(closed).sections.map((s) => s.title)).toEqual(['年度工作重點', '重大工作目標', '預期效益']);
  });
});
