/**
 * A table of contents in a DOCX (a TOC field, or paragraphs in the `toc N`
 * styles) or an ODT (`text:table-of-content`): its entries are written with a
 * dot leader, so they are marked `toc` and never read as the headings they
 * list.
 */
import { describe, expect, it } from 'vitest';
import { docxFrontEnd } from '../src/formats/docx.js';
import { odtFrontEnd } from '../src/formats/odt.js';
import { parse } from '../src/parse.js';
import type { Rendition } from '../src/types.js';
import { makeDocx, makeOdt, p } from './helpers/office.js';

const TITLE = '嘉義市政府民政處中程(108至111年度)施政計畫';

describe('tables of contents', () => {
  it('DOCX: entries inside a TOC field get a dot leader; the headings are read once', () => {
    const entry = (text: string, page: number) => `<w:p><w:r><w:t>${text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>${page}</w:t></w:r></w:p>`;
    const body =
      p(TITLE) +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>壹、機關任務及願景</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:p>' +
      entry('貳、環境情勢分析', 2) +
      '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      p('壹、機關任務及願景') +
      p('本處掌理民政業務。') +
      p('貳、環境情勢分析') +
      p('人口持續成長。');
    const rendition = docxFrontEnd.read(makeDocx(body), {}) as Rendition;
    expect(rendition.text.split('\n').slice(1, 3)).toEqual(['壹、機關任務及願景……1', '貳、環境情勢分析……2']);
    const result = parse(makeDocx(body));
    expect(result.documents[0].sections.map((section) => section.title)).toEqual(['機關任務及願景', '環境情勢分析']);
  });

  it('DOCX: paragraphs in a toc style are entries too', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>';
    const body = `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>壹、機關任務</w:t></w:r><w:r><w:tab/><w:t>3</w:t></w:r></w:p>`;
    expect((docxFrontEnd.read(makeDocx(body, { styles }), {}) as Rendition).text).toBe('壹、機關任務……3');
  });

  it('ODT: text:table-of-content entries', () => {
    const body =
      '<text:table-of-content><text:table-of-content-source><text:index-title-template>目錄</text:index-title-template></text:table-of-content-source>' +
      '<text:index-body><text:p>壹、機關任務及願景<text:tab/>1</text:p><text:p>貳、環境情勢分析<text:tab/>2</text:p></text:index-body></text:table-of-content>' +
      '<text:p>壹、機關任務及願景</text:p>';
    expect((odtFrontEnd.read(makeOdt(body), {}) as Rendition).text.split('\n')).toEqual(['壹、機關任務及願景……1', '貳、環境情勢分析……2', '壹、機關任務及願景']);
  });
});
