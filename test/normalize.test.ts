import { describe, expect, it } from 'vitest';
import { detectFormat, normalize } from '../src/normalize/index.js';
import { joinWrapped, normalizeCell, normalizeText } from '../src/normalize/text.js';
import { splitLines } from '../src/lines.js';
import { seedNames, seedText } from './helpers/seeds.js';

describe('normalizeText (SPEC §2)', () => {
  it('removes whitespace between CJK characters and between CJK and digits', () => {
    expect(normalizeText('色 宗 教')).toBe('色宗教');
    expect(normalizeText('112 年度')).toBe('112年度');
    expect(normalizeText('每年 7月 31日前')).toBe('每年7月31日前');
    expect(normalizeText('嘉義市東區區公所 109 年度工作總報告')).toBe('嘉義市東區區公所109年度工作總報告');
  });

  it('keeps the space between two numbers and around Latin words', () => {
    expect(normalizeText('40 252')).toBe('40 252');
    expect(normalizeText('NCDR 官方 Line 群組')).toBe('NCDR 官方 Line 群組');
  });

  it('turns full-width letters and digits half-width and keeps CJK punctuation', () => {
    expect(normalizeText('１２３ＡＢｃ，「（一）」')).toBe('123ABc，「（一）」');
  });

  it('collapses other whitespace and trims', () => {
    expect(normalizeText('  a \t  b\u3000 ')).toBe('a b');
  });

  it('joins hard-wrapped lines', () => {
    expect(joinWrapped(['民政為庶政的基礎，以人民之', '政事；綜觀業務'])).toBe('民政為庶政的基礎，以人民之政事；綜觀業務');
    expect(normalizeText('一年\n二次')).toBe('一年二次');
  });

  it('keeps structural line breaks inside a table cell', () => {
    expect(normalizeCell('1. 加強督導。\n\n2. 召開 工作會報。')).toBe('1. 加強督導。\n2. 召開工作會報。');
  });
});

describe('normalize stage', () => {
  it('never changes the source text and keeps offsets into it', () => {
    const text = 'a\r\nb\rc\n\n';
    const source = normalize(text);
    expect(source.text).toBe(text);
    for (const line of source.lines) expect(text.slice(line.offset, line.offset + line.text.length)).toBe(line.text);
    expect(source.lines.map((line) => line.line)).toEqual([1, 2, 3, 4]);
  });

  it('tells the export format of each seed', () => {
    const formats = Object.fromEntries(seedNames.map((name) => [name.slice(0, 3), normalize(seedText(name)).format]));
    expect(formats).toEqual({ '000': 'word-text', '001': 'markdown', '002': 'pdf-text', '003': 'markdown', '004': 'markdown' });
  });

  it('does not take a PDF table row of dashes for a markdown list item', () => {
    expect(detectFormat(splitLines('- - 78% 80% \n\n- 2% 20% 40% \n\n- - \n\n正文 \n'))).not.toBe('markdown');
  });

  it('marks page numbers written as 2-5, - 3 - and 第 3 頁', () => {
    const source = normalize('正文一行\n\n2-5 \n\n正文\n- 3 -\n第 3 頁\n');
    expect(source.lines.filter((line) => line.role === 'page-number').map((line) => line.text.trim())).toEqual(['2-5', '- 3 -', '第 3 頁']);
  });

  it('keeps a lone number that is a table ordinal, takes one set apart by blank lines', () => {
    const inTable = normalize('一 \n1 \n辦理市民集團結婚 \n');
    expect(inTable.lines[1].role).toBe('content');
    const page = normalize('正文。\n\n\n12\n\n正文');
    expect(page.lines[3].role).toBe('page-number');
  });

  it('marks table-of-contents entries with dot leaders and page references', () => {
    const source = normalize('109 年度工作總報告目錄\n\n一、\t民政部門.....\t1\n壹、機關任務及願景……………………16-1\n民 政 部 門\n');
    expect(source.lines.map((line) => line.role)).toEqual(['toc', 'blank', 'toc', 'toc', 'content']);
  });

  it('marks a line printed next to the page number on every page as a running header', () => {
    const page = (n: number) => `某市政府年報\n正文第${n}頁的內容。\n\n- ${n} -\n`;
    const source = normalize([1, 2, 3, 4].map(page).join('\n'));
    expect(source.lines.filter((line) => line.role === 'running-header')).toHaveLength(4);
  });
});

describe('nfc fast path', () => {
  it('still folds what NFC changes', async () => {
    const { nfc } = await import('../src/normalize/text.js');
    // compatibility ideograph 年 (U+F98E), e + combining acute, Å sign, en quad
    for (const text of ['\uf98e度', 'caf\u0065\u0301', '\u212b', 'a\u2000b', '\u304b\u3099']) expect(nfc(text)).toBe(text.normalize('NFC'));
    const plain = '嘉義市政府民政處中程(108至111年度)施政計畫，「以服務為導向」';
    expect(nfc(plain)).toBe(plain);
  });
});
