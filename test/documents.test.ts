import { describe, expect, it } from 'vitest';
import { agencyOf, matchTitle, periodOf, splitDocuments } from '../src/documents.js';
import { normalize } from '../src/normalize/index.js';
import { parsedSeed, seedText } from './helpers/seeds.js';

describe('document titles', () => {
  it('recognises the kind from how the title is written', () => {
    expect(matchTitle(' 嘉義市政府民政處中程(108 至 111 年度)施政計畫 ')?.kind).toBe('mid-term-plan');
    expect(matchTitle('彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）')?.kind).toBe('mid-term-plan');
    expect(matchTitle('# 嘉義市西區區公所民政課 112 年度重要工作計畫')?.kind).toBe('work-plan');
    expect(matchTitle('109 年度工作總報告')?.kind).toBe('work-report');
    expect(matchTitle('臺南市政府113年度施政計畫')?.kind).toBe('annual-plan');
    expect(matchTitle('臺北市政府工務局112年施政計畫')?.kind).toBe('annual-plan');
    expect(matchTitle('中程施政計畫(110-113年度)')).toMatchObject({ kind: 'mid-term-plan', hasAgency: false });
    expect(matchTitle('新北市政府112年度施政績效報告')?.kind).toBe('performance-report');
    expect(matchTitle(' 嘉義市政府中程(108 至 111 年度)施政計畫」關鍵績效指標(KPI)滾動修正項目彙總表 ')?.kind).toBe('revision-summary');
  });

  it('takes the plainer endings after an agency or the period alone', () => {
    expect(matchTitle('嘉義市政府民政處113年度工作計畫')).toMatchObject({ kind: 'work-plan', hasAgency: true });
    expect(matchTitle('113 年度工作計畫')).toMatchObject({ kind: 'work-plan', hasAgency: false });
    expect(matchTitle('臺中市政府112年度重點工作計畫')?.kind).toBe('work-plan');
    expect(matchTitle('嘉義市東區區公所110年度工作成果報告')?.kind).toBe('work-report');
    expect(matchTitle('彰化縣和美鎮公所109年度工作總報告書')?.kind).toBe('work-report');
    expect(agencyOf('嘉義市東區區公所110年度工作成果報告')).toBe('嘉義市東區區公所');
    // The same endings closing a sentence or a wrapped line of a body.
    expect(matchTitle('各課室依照109年度工作計畫')).toBeNull();
    expect(matchTitle('提報109年度工作成果報告')).toBeNull();
  });

  it('splits a file of plans titled with the plainer ending', () => {
    const text = [
      '嘉義市政府民政處113年度工作計畫',
      '',
      '壹、計畫目標',
      '一、提升為民服務品質。',
      '',
      '嘉義市政府社會處113年度工作計畫',
      '',
      '壹、計畫目標',
      '一、照顧弱勢家庭。',
    ].join('\n');
    const documents = splitDocuments(normalize(text));
    expect(documents.map((d) => [d.kind, d.agency, d.period?.from])).toEqual([
      ['work-plan', '嘉義市政府民政處', 113],
      ['work-plan', '嘉義市政府社會處', 113],
    ]);
  });

  it('does not take a sentence that mentions a plan for a title', () => {
    expect(matchTitle('1、為促進本所各項服務措施有效達成及績效管理，每年年底編修「年度施政計畫」')).toBeNull();
    expect(matchTitle('每年年初編修前年「年度施政績效報告」')).toBeNull();
    expect(matchTitle('\t配合辦理112年度施政計畫')).toBeNull();
  });

  it('reads agency and period', () => {
    expect(agencyOf('嘉義市政府民政處中程(108至111年度)施政計畫')).toBe('嘉義市政府民政處');
    expect(agencyOf('嘉義市西區區公所民政課112年度重要工作計畫')).toBe('嘉義市西區區公所民政課');
    expect(agencyOf('彰化縣和美戶政事務所中程施政計畫（107至110年度）')).toBe('彰化縣和美戶政事務所');
    expect(periodOf('中程(108 至 111 年度)施政計畫')).toEqual({ from: 108, to: 111, gregorian: { from: 2019, to: 2022 } });
    expect(periodOf('112 年度重要工作計畫')).toEqual({ from: 112, to: 112, gregorian: { from: 2023, to: 2023 } });
  });
});

describe('splitDocuments', () => {
  it('keeps a cover, its title page and the repeated title in one document', () => {
    const spans = splitDocuments(normalize(seedText('000_41429686ef6f927b.txt')));
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ kind: 'mid-term-plan', title: '嘉義市政府民政處中程(108至111年度)施政計畫', agency: '嘉義市政府民政處', revision: '滾動修正', start: 0 });
  });

  it('completes a title that lacks its agency from the cover, and ignores its running repeats', () => {
    const spans = splitDocuments(normalize(seedText('004_68055337084019e7.txt')));
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ kind: 'work-report', title: '嘉義市東區區公所109年度工作總報告', agency: '嘉義市東區區公所', period: { from: 109, to: 109 } });
  });

  it('splits a multi-agency PDF into its plans and the revision summary', () => {
    const documents = parsedSeed('002_518a493018a85667.txt').documents;
    expect(documents).toHaveLength(21);
    expect(documents.filter((d) => d.kind === 'mid-term-plan')).toHaveLength(20);
    expect(documents[20]).toMatchObject({ kind: 'revision-summary', agency: '嘉義市政府', revision: '滾動修正' });
    expect(documents[1].position.start.line).toBe(471);
  });

  it('splits seven department work plans', () => {
    const documents = parsedSeed('001_fcb2d661580278da.txt').documents;
    expect(documents.map((d) => d.agency)).toEqual(['嘉義市西區區公所民政課', '嘉義市西區區公所社建課', '嘉義市西區區公所兵役課', '嘉義市西區區公所會計室', '嘉義市西區區公所人事室', '嘉義市西區區公所行政室', '嘉義市西區區公所政風業務']);
    expect(documents.every((d) => d.kind === 'work-plan' && d.period?.from === 112)).toBe(true);
  });

  it('takes the agency of a two-line title from the line above', () => {
    const [span] = splitDocuments(normalize('臺中市政府文化局\n中程施政計畫(110-113年度)\n\n壹、使命\n'));
    expect(span).toMatchObject({ kind: 'mid-term-plan', title: '臺中市政府文化局中程施政計畫(110-113年度)', agency: '臺中市政府文化局', period: { from: 110, to: 113 } });
  });

  it('gives a file without any title one unknown document', () => {
    const spans = splitDocuments(normalize('一、前言\n本文。\n'));
    expect(spans).toEqual([expect.objectContaining({ kind: 'unknown', start: 0 })]);
  });
});

describe('running titles in converter tables', () => {
  it('takes a running title with trailing tabs as a repeat of the title, not a table row', () => {
    const text = '109 年度工作總報告\n\n嘉義市東區區公所\n\n會計部門\n\n嘉義市東區區公所 109 年度工作總報告\t\t\t\t\t\n\n計畫名稱\t\t\t辦理情形\t完成程度\t備註\n';
    const source = normalize(text);
    const spans = splitDocuments(source);
    expect(spans).toHaveLength(1);
    expect(source.lines[6].role).toBe('running-header');
  });
});

describe('markdown covers', () => {
  it('takes the agency from a markdown heading above a title that lacks it', () => {
    const [span] = splitDocuments(normalize('# 臺中市政府文化局\n\n## 中程施政計畫(110-113年度)\n\n## 壹、使命\n'));
    expect(span).toMatchObject({ title: '臺中市政府文化局中程施政計畫(110-113年度)', agency: '臺中市政府文化局' });
  });
});
