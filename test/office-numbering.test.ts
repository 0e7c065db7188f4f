/**
 * Automatic numbering: Word and Writer store `壹、` `一、` `(一)` as list
 * definitions and counters, not as text; the front ends prefix the marker the
 * application displays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFrontEnd } from '../src/formats/docx.js';
import { ListCounters, docxNumberFormat, formatNumber, odfNumberFormat } from '../src/formats/numbering.js';
import { odtFrontEnd } from '../src/formats/odt.js';
import { parse } from '../src/parse.js';
import type { Rendition } from '../src/types.js';
import { makeDocx, makeOdt, p } from './helpers/office.js';
import { root } from './helpers/seeds.js';

const lines = (rendition: Rendition | Promise<Rendition>) => (rendition as Rendition).text.split('\n');

describe('number formats', () => {
  it('counts in Chinese as Word and Writer write list numbers', () => {
    const counting = [1, 2, 9, 10, 11, 12, 19, 20, 21, 99, 100, 101, 110].map((n) => formatNumber(n, 'cjk-counting'));
    expect(counting).toEqual(['一', '二', '九', '十', '十一', '十二', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十']);
    expect([1, 3, 4, 7, 10, 11, 20].map((n) => formatNumber(n, 'cjk-formal'))).toEqual(['壹', '參', '肆', '柒', '拾', '拾壹', '貳拾']);
    expect([1, 2, 10, 11].map((n) => formatNumber(n, 'cjk-stems'))).toEqual(['甲', '乙', '癸', '甲']);
    expect([1, 20].map((n) => formatNumber(n, 'circled'))).toEqual(['①', '⑳']);
    expect(formatNumber(12, 'decimal-full-width')).toBe('１２');
    expect(formatNumber(10, 'cjk-digits')).toBe('一〇');
    expect([1, 27].map((n) => formatNumber(n, 'upper-letter'))).toEqual(['A', 'AA']);
    expect(formatNumber(14, 'lower-roman')).toBe('xiv');
    expect(formatNumber(3, 'bullet')).toBe('');
  });

  it('maps DOCX numFmt and ODF num-format names', () => {
    expect(docxNumberFormat('taiwaneseCountingThousand')).toBe('cjk-counting');
    expect(docxNumberFormat('ideographLegalTraditional')).toBe('cjk-formal');
    expect(docxNumberFormat('ideographTraditional')).toBe('cjk-stems');
    expect(docxNumberFormat('decimalEnclosedCircle')).toBe('circled');
    expect(docxNumberFormat('somethingNew')).toBe('decimal');
    expect(odfNumberFormat('一, 二, 三, ...')).toBe('cjk-counting');
    expect(odfNumberFormat('壹, 貳, 參, ...')).toBe('cjk-formal');
    expect(odfNumberFormat('甲, 乙, 丙, ...')).toBe('cjk-stems');
    expect(odfNumberFormat('')).toBe('none');
    expect(odfNumberFormat('A')).toBe('upper-letter');
  });

  it('restarts the levels below the one it advances', () => {
    const counters = new ListCounters();
    const start = () => 1;
    expect(counters.next(0, start)).toEqual([1]);
    expect(counters.next(1, start)).toEqual([1, 1]);
    expect(counters.next(1, start)).toEqual([1, 2]);
    expect(counters.next(0, start)).toEqual([2]);
    expect(counters.next(1, start)).toEqual([2, 1]);
    expect(counters.next(2, start, 5)).toEqual([2, 1, 5]);
  });
});

const ABSTRACT =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographLegalTraditional"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:suff w:val="nothing"/><w:lvlText w:val="%2、"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:suff w:val="nothing"/><w:lvlText w:val="(%3)"/></w:lvl>' +
  '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%4."/></w:lvl>' +
  '<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>' +
  '</w:abstractNum>';
const numPr = (ilvl: number, numId: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

describe('DOCX numbering', () => {
  it('prefixes numbering.xml markers: levels, lower levels restarting, bullets without a marker', () => {
    const docx = makeDocx(
      [p('機關任務及願景', numPr(0, 1)), p('機關任務', numPr(1, 1)), p('推動', numPr(2, 1)), p('辦理', numPr(2, 1)), p('細項', numPr(3, 1)), p('要點', numPr(4, 1)), p('願景', numPr(1, 1)), p('推動', numPr(2, 1)), p('環境', numPr(0, 1)), p('分析', numPr(1, 1))].join(''),
      { numbering: `${ABSTRACT}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` },
    );
    expect(lines(docxFrontEnd.read(docx, {}))).toEqual(['壹、機關任務及願景', '一、機關任務', '(一)推動', '(二)辦理', '1. 細項', '要點', '二、願景', '(一)推動', '貳、環境', '一、分析']);
  });

  it('continues numbering across paragraphs of other lists and tables; startOverride restarts; numId 0 removes it', () => {
    const docx = makeDocx(
      [
        p('會計部門', numPr(0, 2)),
        p('本文', ''),
        p('人事部門', numPr(0, 2)),
        p('不編號', numPr(0, 0)),
        p('行政部門', numPr(0, 3)),
        p('資訊部門', numPr(0, 3)),
        p('另一清單', numPr(0, 1)),
      ].join(''),
      {
        numbering:
          ABSTRACT +
          '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
          '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>' +
          '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>',
      },
    );
    expect(lines(docxFrontEnd.read(docx, {}))).toEqual(['肆、會計部門', '本文', '伍、人事部門', '不編號', '柒、行政部門', '捌、資訊部門', '壹、另一清單']);
  });

  it('numbers paragraphs through their style (basedOn chain, level named by w:pStyle) and tells headings by outline level', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:basedOn w:val="Heading1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>';
    const docx = makeDocx(
      [p('機關任務', '<w:pStyle w:val="Heading1"/>'), p('本文'), p('環境分析', '<w:pStyle w:val="Chapter"/>'), p('附錄', '<w:pStyle w:val="Heading2"/>')].join(''),
      { styles, numbering: `${ABSTRACT}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` },
    );
    expect(lines(docxFrontEnd.read(docx, {}))).toEqual(['# 壹、機關任務', '本文', '# 貳、環境分析', '附錄']);
  });

  it('an unnumbered heading (a cover line styled Heading 1) does not become a section the numbered ones nest under', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>';
    const h1 = '<w:pStyle w:val="Heading1"/>';
    const docx = makeDocx([p('嘉義市政府民政處', h1), p('嘉義市政府民政處中程(108至111年度)施政計畫', h1), p('目錄', h1), p('壹、機關任務', h1), p('本文'), p('貳、環境分析', h1)].join(''), { styles });
    const [document] = parse(docx).documents;
    expect(document.sections.map((section) => [section.level, section.marker, section.title])).toEqual([
      [1, '壹、', '機關任務'],
      [1, '貳、', '環境分析'],
    ]);
  });

  it('shows legal numbering (isLgl) and multi-level text (%1.%2)', () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographLegalTraditional"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num>';
    const docx = makeDocx([p('總則', numPr(0, 9)), p('目的', numPr(1, 9)), p('範圍', numPr(1, 9))].join(''), { numbering });
    expect(lines(docxFrontEnd.read(docx, {}))).toEqual(['壹、總則', '1.1 目的', '1.2 範圍']);
  });
});

const LIST_STYLE =
  '<text:list-style style:name="L1">' +
  '<text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>' +
  '<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="一, 二, 三, ..."/>' +
  '<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="2"/>' +
  '</text:list-style>';
const item = (text: string, attributes = '') => `<text:list-item${attributes}><text:p>${text}</text:p></text:list-item>`;

describe('ODT numbering', () => {
  it('numbers list items from the list style; nested lists are deeper levels; a list header is not numbered', () => {
    const odt = makeOdt(
      `<text:list text:style-name="L1">${item('機關任務')}<text:list-item><text:p>願景</text:p><text:p>說明段落</text:p><text:list>${item('品德')}${item('美感')}</text:list></text:list-item><text:list-header><text:p>補充</text:p></text:list-header>${item('策略')}</text:list>`,
      { automaticStyles: LIST_STYLE },
    );
    expect(lines(odtFrontEnd.read(odt, {}))).toEqual(['一、機關任務', '二、願景', '說明段落', '(一) 品德', '(二) 美感', '補充', '三、策略']);
  });

  it('a new list restarts; continue-numbering and continue-list go on; start-value sets the number', () => {
    const odt = makeOdt(
      `<text:list text:style-name="L1" xml:id="list1">${item('甲項')}${item('乙項')}</text:list><text:p>本文</text:p>` +
        `<text:list text:style-name="L1" text:continue-numbering="true">${item('丙項')}</text:list>` +
        `<text:list text:style-name="L1">${item('重新')}</text:list>` +
        `<text:list text:style-name="L1" text:continue-list="list1">${item('丁項')}${item('跳號', ' text:start-value="11"')}</text:list>`,
      { automaticStyles: LIST_STYLE },
    );
    expect(lines(odtFrontEnd.read(odt, {}))).toEqual(['一、甲項', '二、乙項', '本文', '三、丙項', '一、重新', '四、丁項', '十一、跳號']);
  });

  it('numbers headings by the outline style (chapter numbering) and shows several levels', () => {
    const styles =
      '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-suffix="、" style:num-format="壹, 貳, 參, ..."/>' +
      '<text:outline-level-style text:level="2" style:num-suffix="、" style:num-format="一, 二, 三, ..."/></text:outline-style>';
    const odt = makeOdt(
      '<text:h text:outline-level="1">機關任務</text:h><text:h text:outline-level="2">任務</text:h><text:h text:outline-level="2">願景</text:h>' +
        '<text:h text:outline-level="1" text:restart-numbering="true" text:start-value="4">會計部門</text:h><text:h text:outline-level="2">歲計</text:h>' +
        `<text:list text:style-name="L1">${item('一')}<text:list-item><text:list>${item('二')}<text:list-item><text:list>${item('細項')}</text:list></text:list-item></text:list></text:list-item></text:list>` +
        '<text:h text:outline-level="3">未編號</text:h>',
      { automaticStyles: LIST_STYLE, styles },
    );
    expect(lines(odtFrontEnd.read(odt, {}))).toEqual(['# 壹、機關任務', '## 一、任務', '## 二、願景', '# 肆、會計部門', '## 一、歲計', '一、一', '(一) 二', '一.1. 細項', '未編號']);
  });
});

describe('files whose headings carry no marker in their text', () => {
  const numbered = path.join(root, 'fixtures/numbered');
  const docx = path.join(numbered, '66_chiayi-east-district-109-report-accounting-personnel-admin-numbered.docx');
  const odt = path.join(numbered, '63_chiayi-west-district-social-112-workplan-numbered.odt');

  it('the fixtures hold the heading text without its marker', () => {
    const documentXml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']);
    const headings = documentXml.split('</w:p>').filter((paragraph) => paragraph.includes('<w:pStyle w:val="Heading2"/>'));
    expect(headings.map((heading) => heading.replace(/<[^>]+>/g, ''))).toEqual(['會計部門', '人事部門', '行政部門']);
    const contentXml = strFromU8(unzipSync(readFileSync(odt))['content.xml']);
    expect(contentXml).toContain('>災害防救業務。<');
    expect(contentXml).not.toContain('十一、災害防救業務');
  });

  it('restarted DOCX numbering gives the headings of a report on some departments', () => {
    const result = parse(readFileSync(docx), { path: docx });
    expect(result.documents[0].sections.map((section) => `${section.marker}${section.title}`)).toEqual(['肆、會計部門', '伍、人事部門', '柒、行政部門']);
  });

  it('ODT list numbering counts past ten (十一、 十二、)', () => {
    const text = (odtFrontEnd.read(readFileSync(odt), {}) as Rendition).text.split('\n');
    expect(text).toContain('十一、災害防救業務。');
    expect(text).toContain('十二、國民年金宣導及敬老愛心悠遊卡之申請。');
    const result = parse(readFileSync(odt), { path: odt });
    const [first] = result.documents[0].sections;
    expect(first.title).toBe('年度工作重點');
    expect(first.children.map((child) => child.marker)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、', '十二、']);
  });
});
