/**
 * DOCX and ODT markup as Microsoft Word, Google Docs, WPS and pandoc write it
 * (the corpus files are LibreOffice conversions): tracked changes, content
 * controls, fields, alternate content, run-level characters, table grids,
 * numbering through styles, Strict OOXML and main parts found through the
 * package relationships; ODF's own forms (numbered paragraphs, covered
 * cells, tracked changes, flat ODF).  Each package is built here the way
 * the producer lays it out.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFrontEnd, symbolCharacter } from '../src/formats/docx.js';
import { frontEndFor } from '../src/formats/index.js';
import { odtFrontEnd } from '../src/formats/odt.js';
import { parse } from '../src/parse.js';
import type { Rendition } from '../src/types.js';
import { makeDocx, makeOdt, p } from './helpers/office.js';

const text = (rendition: Rendition | Promise<Rendition>) => (rendition as Rendition).text;
const lines = (rendition: Rendition | Promise<Rendition>) => text(rendition).split('\n');
const docxLines = (body: string, parts: { styles?: string; numbering?: string } = {}) => lines(docxFrontEnd.read(makeDocx(body, parts), {}));
const run = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const tc = (t: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(t)}</w:tc>`;
const author = 'w:id="1" w:author="承辦人" w:date="2023-03-01T09:00:00Z"';

describe('DOCX from Word: revisions, controls, fields', () => {
  it('tracked changes: insertions and moves-to are read, deletions and moves-from are not', () => {
    const body =
      para(`${run('年度目標值')}<w:ins ${author}>${run('調整為')}</w:ins><w:del ${author}><w:r><w:delText>85%</w:delText></w:r></w:del>${run('90%')}`) +
      para(`<w:moveFrom ${author}>${run('舊位置的文字')}</w:moveFrom>${run('提升服務品質')}<w:moveTo ${author}>${run('（移入）')}</w:moveTo>`);
    expect(docxLines(body)).toEqual(['年度目標值調整為90%', '提升服務品質（移入）']);
  });

  it('a deleted table row is not in the table; a deleted paragraph mark joins the paragraph to the next', () => {
    const body =
      para(`${run('一、推動')}`, `<w:rPr><w:del ${author}/></w:rPr>`) +
      p('美感教育') +
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>' +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('關鍵績效指標')}${tc('108年')}</w:tr>` +
      `<w:tr>${tc('滿意度')}${tc('85%')}</w:tr>` +
      `<w:tr><w:trPr><w:del ${author}/></w:trPr>${tc('已刪除的指標')}${tc('10%')}</w:tr>` +
      `<w:tr>${tc('參與人數')}${tc('1,200人')}</w:tr></w:tbl>`;
    const rendition = docxFrontEnd.read(makeDocx(body), {}) as Rendition;
    expect(rendition.text.split('\n')[0]).toBe('一、推動美感教育');
    expect(rendition.tables[0].rows.map((row) => row.cells)).toEqual([
      ['滿意度', '85%'],
      ['參與人數', '1,200人'],
    ]);
    expect(rendition.text).not.toContain('已刪除');
  });

  it('content controls at block, row, cell and run level hold the content; one showing its placeholder holds none', () => {
    const sdt = (content: string, placeholder = false) =>
      `<w:sdt><w:sdtPr><w:alias w:val="欄位"/><w:id w:val="-12"/>${placeholder ? '<w:showingPlcHdr/>' : ''}<w:text/></w:sdtPr><w:sdtEndPr><w:rPr><w:sz w:val="24"/></w:rPr></w:sdtEndPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const body =
      sdt(p('嘉義市政府教育處')) +
      sdt(p('按一下或點選這裡以輸入文字。'), true) +
      para(`${run('計畫名稱：')}${sdt(run('美感教育'))}`) +
      `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('工作項目')}${tc('預算金額')}</w:tr>` +
      sdt(`<w:tr>${tc('校園美感環境')}${sdt(tc('1,500'))}</w:tr>`) +
      `<w:tr>${tc('藝文深耕')}${tc('2,000')}</w:tr></w:tbl>`;
    const rendition = docxFrontEnd.read(makeDocx(body), {}) as Rendition;
    expect(rendition.text.split('\n').slice(0, 2)).toEqual(['嘉義市政府教育處', '計畫名稱：美感教育']);
    expect(rendition.text).not.toContain('按一下');
    expect(rendition.tables[0].rows.map((row) => row.cells)).toEqual([
      ['校園美感環境', '1,500'],
      ['藝文深耕', '2,000'],
    ]);
  });

  it('hyperlinks, smart tags, custom XML and simple fields hold runs; a complex field gives its result, not its instruction', () => {
    const body =
      para(`<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${run('教育處網站')}</w:hyperlink>${run('公告')}`) +
      para(`<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">${run('嘉義市')}</w:smartTag><w:customXml w:element="agency">${run('教育處')}</w:customXml>`) +
      `<w:customXml w:element="section">${p('貳、環境情勢分析')}</w:customXml>` +
      para(`${run('表')}<w:fldSimple w:instr=" SEQ 表 \\* ARABIC ">${run('3')}</w:fldSimple>${run(' 關鍵績效指標')}`) +
      para(
        `${run('完成率')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 45/50*100 \\# "0%" </w:instrText></w:r>` +
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('90%')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      );
    expect(docxLines(body)).toEqual(['教育處網站公告', '嘉義市教育處', '貳、環境情勢分析', '表3 關鍵績效指標', '完成率90%']);
  });

  it('alternate content: a text box is in both branches and is read from neither; other content from the first branch only', () => {
    const textBox = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const body =
      para(
        `${run('單位：千元')}<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
          `<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${textBox('附件一')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${textBox('附件一')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ) +
      para(
        `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14">${run('≧95%')}</mc:Choice><mc:Fallback>${run('>=95%')}</mc:Fallback></mc:AlternateContent>`,
      );
    expect(docxLines(body)).toEqual(['單位：千元', '≧95%']);
  });

  it('run characters: tabs, breaks, carriage returns, hyphens, symbols; hidden text and ruby readings left out', () => {
    const body =
      para(`<w:r><w:t>受理件數</w:t><w:tab/><w:t>1,200件</w:t><w:br/><w:t>(每年)</w:t><w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>化</w:t><w:softHyphen/><w:t>服務</w:t></w:r>`) +
      para(`${run('滿意度')}<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>${run('90%')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隱藏</w:t></w:r>`) +
      para(`<w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>ㄐㄧㄚ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>嘉</w:t></w:r></w:rubyBase></w:ruby>${run('義市')}`) +
      para(`${run('第一頁')}<w:r><w:br w:type="page"/></w:r>${run('第二頁')}`);
    expect(docxLines(body)).toEqual(['受理件數 1,200件', '(每年)', 'e-化服務', '滿意度≥90%', '嘉義市', '第一頁第二頁']);
  });

  it('w:sym: Symbol font codes are mapped, other private-use codes give nothing', () => {
    //   > | <w:sym w:font="Symbol" w:char="F0B3"/>
    expect(symbolCharacter('Symbol', 'F0B3')).toBe('≥');
    expect(symbolCharacter('Symbol', 'F0A3')).toBe('≤');
    expect(symbolCharacter('Symbol', 'F0B4')).toBe('×');
    expect(symbolCharacter('Symbol', 'F025')).toBe('%');
    expect(symbolCharacter('Wingdings', 'F0FC')).toBe('✓');
    expect(symbolCharacter('Wingdings', 'F041')).toBe('');
    expect(symbolCharacter('標楷體', '2267')).toBe('≧');
    expect(symbolCharacter('Symbol', 'zz')).toBe('');
  });

  it('footnotes, endnotes and comments live in their own parts and stay out of the text', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(
        `<w:document ${W}><w:body>${para(`${run('預算')}<w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/>${run('1,500千元')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`)}</w:body></w:document>`,
      ),
      'word/footnotes.xml': strToU8(`<w:footnotes ${W}><w:footnote w:id="1">${p('含追加預算')}</w:footnote></w:footnotes>`),
      'word/comments.xml': strToU8(`<w:comments ${W}><w:comment w:id="0" w:author="審核">${p('請確認金額')}</w:comment></w:comments>`),
    });
    expect(text(docxFrontEnd.read(docx, {}))).toBe('預算1,500千元');
  });
});

describe('DOCX tables from Word', () => {
  it('gridBefore and gridAfter leave grid columns empty; vMerge without a value continues the cell above', () => {
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('機關工作項目')}${tc('重要工作計畫項目')}${tc('預算金額')}</w:tr>` +
      `<w:tr>${tc('社會福利', '<w:vMerge w:val="restart"/>')}${tc('老人福利')}${tc('1,500')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('身心障礙福利')}${tc('2,000')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('兒少福利')}${tc('800')}</w:tr>` +
      `<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>${tc('婦女福利')}${tc('婦女培力')}</w:tr></w:tbl>`;
    const [table] = (docxFrontEnd.read(makeDocx(body), {}) as Rendition).tables;
    expect(table.header).toEqual(['機關工作項目', '重要工作計畫項目', '預算金額']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['社會福利', '老人福利', '1,500'],
      ['', '身心障礙福利', '2,000'],
      ['', '兒少福利', '800'],
      ['婦女福利', '婦女培力', ''],
    ]);
  });

  it('a legacy horizontal merge (w:hMerge) widens the cell before it; a nested table becomes lines of its cell', () => {
    const inner = `<w:tbl><w:tr>${tc('上半年')}${tc('40%')}</w:tr><w:tr>${tc('下半年')}${tc('60%')}</w:tr></w:tbl>`;
    const body =
      `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('關鍵績效指標')}${tc('年度目標值', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}</w:tr>` +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('')}${tc('108年')}${tc('109年')}</w:tr>` +
      `<w:tr>${tc('執行率')}<w:tc>${p('分期')}${inner}</w:tc>${tc('100%')}</w:tr></w:tbl>`;
    const [table] = (docxFrontEnd.read(makeDocx(body), {}) as Rendition).tables;
    expect(table.header).toEqual(['關鍵績效指標', '年度目標值/108年', '年度目標值/109年']);
    expect(table.rows.map((row) => row.cells)).toEqual([['執行率', '分期\n上半年 40%\n下半年 60%', '100%']]);
  });
});

const LEVELS = (format: string, texts: string[], extra = '') =>
  texts.map((lvlText, ilvl) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`).join('');

describe('DOCX numbering as Word links it', () => {
  const numPr = (ilvl: number | null, numId: number) => `<w:numPr>${ilvl === null ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;

  it('a lvlOverride with its own level definition and a startOverride', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${LEVELS('taiwaneseCountingThousand', ['%1、', '(%2)'])}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographLegalTraditional"/><w:lvlText w:val="%1、"/></w:lvl></w:lvlOverride></w:num>';
    expect(docxLines([p('機關任務', numPr(0, 1)), p('推動', numPr(1, 1)), p('施政重點', numPr(0, 2)), p('關鍵績效指標', numPr(0, 2))].join(''), { numbering })).toEqual([
      '一、機關任務',
      '(一) 推動',
      '參、施政重點',
      '肆、關鍵績效指標',
    ]);
  });

  it('numStyleLink: the list definition lives with a numbering style; a missing ilvl is level 0; isLgl shows decimals', () => {
    const styles =
      '<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan List"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>';
    const numbering =
      `<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="PlanList"/>${LEVELS('ideographLegalTraditional', ['%1、'])}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>` +
      '<w:abstractNum w:abstractNumId="8"><w:numStyleLink w:val="PlanList"/></w:abstractNum>' +
      '<w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="8"/></w:num>';
    expect(docxLines([p('機關任務', numPr(null, 6)), p('施政目標', numPr(1, 6)), p('環境分析', numPr(0, 6))].join(''), { styles, numbering })).toEqual(['壹、機關任務', '1.1 施政目標', '貳、環境分析']);
  });

  it('numbering and headings from paragraph styles: pStyle → the style numPr, its outlineLvl; the default style for a paragraph without one', () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="章"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="節"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';
    const numbering = `<w:abstractNum w:abstractNumId="0">${LEVELS('ideographLegalTraditional', ['%1、'])}${LEVELS('taiwaneseCountingThousand', ['', '%2、']).replace(/^<w:lvl w:ilvl="0">.*?<\/w:lvl>/, '')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(docxLines([p('機關任務及願景', '<w:pStyle w:val="1"/>'), p('機關任務', '<w:pStyle w:val="2"/>'), p('本處掌理教育業務。'), p('環境情勢分析', '<w:pStyle w:val="1"/>')].join(''), { styles, numbering })).toEqual([
      '# 壹、機關任務及願景',
      '## 一、機關任務',
      '本處掌理教育業務。',
      '# 貳、環境情勢分析',
    ]);
    // The default paragraph style numbers the paragraphs that name no style.
    // (numId and ilvl inherit one by one, so 章 says its level, as Word writes it then.)
    const numberedNormal = styles
      .replace('<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>')
      .replace('<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>');
    expect(docxLines([p('機關任務及願景', '<w:pStyle w:val="1"/>'), p('教育業務'), p('文化業務')].join(''), { styles: numberedNormal, numbering })).toEqual(['# 壹、機關任務及願景', '一、教育業務', '二、文化業務']);
  });
});

/** A DOCX laid out as `files` say (main part name, namespaces, relationships). */
function pack(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, strToU8(content)])));
}

const CT = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = (type: string, target: string) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`;

describe('DOCX packages from other producers', () => {
  const numbering = (ns: string) =>
    `<w:numbering xmlns:w="${ns}"><w:abstractNum w:abstractNumId="0">${LEVELS('ideographLegalTraditional', ['%1、'])}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const numbered = (t: string) => p(t, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');

  it('the main part named by the package relationships (word/document2.xml), its numbering by its own relationships', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const docx = pack({
      '[Content_Types].xml': CT('word/document2.xml'),
      '_rels/.rels': RELS('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', '/word/document2.xml'),
      'word/_rels/document2.xml.rels': RELS('http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering', 'lists/numbering1.xml'),
      'word/document2.xml': `<w:document xmlns:w="${W}"><w:body>${numbered('機關任務')}${numbered('環境分析')}</w:body></w:document>`,
      'word/lists/numbering1.xml': numbering(W),
    });
    expect(lines(docxFrontEnd.read(docx, {}))).toEqual(['壹、機關任務', '貳、環境分析']);
  });

  it('without package relationships, [Content_Types].xml names the main part', () => {
    const docx = pack({
      '[Content_Types].xml': CT('word/main.xml'),
      'word/main.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('嘉義市政府教育處')}</w:body></w:document>`,
    });
    expect(text(docxFrontEnd.read(docx, {}))).toBe('嘉義市政府教育處');
  });

  it('Strict OOXML: the purl.oclc.org namespaces and relationship types', () => {
    const W = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const docx = pack({
      '[Content_Types].xml': CT('word/document.xml'),
      '_rels/.rels': RELS('http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument', 'word/document.xml'),
      'word/_rels/document.xml.rels': RELS('http://purl.oclc.org/ooxml/officeDocument/relationships/numbering', 'numbering.xml'),
      'word/document.xml': `<w:document xmlns:w="${W}" w:conformance="strict"><w:body>${numbered('機關任務')}<w:tbl><w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>${tc('指標')}${tc('目標值')}</w:tr><w:tr>${tc('滿意度')}${tc('90%')}</w:tr></w:tbl></w:body></w:document>`,
      'word/numbering.xml': numbering(W),
    });
    const rendition = docxFrontEnd.read(docx, {}) as Rendition;
    expect(rendition.text.split('\n')[0]).toBe('壹、機關任務');
    expect(rendition.tables[0].header).toEqual(['指標', '目標值']);
    expect(rendition.tables[0].rows.map((row) => row.cells)).toEqual([['滿意度', '90%']]);
  });
});

describe('ODT markup from Writer and other producers', () => {
  const LIST_STYLE =
    '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="壹, 貳, 參, ..."/><text:list-level-style-number text:level="2" style:num-suffix="、" style:num-format="一, 二, 三, ..."/></text:list-style>';

  it('soft page breaks, counted spaces, tabs, line breaks; list headers unnumbered', () => {
    const body =
      '<text:p>受理件數<text:s text:c="3"/>1,200件<text:tab/>(每年)</text:p><text:soft-page-break/>' +
      '<text:p>第一行<text:line-break/>第二行</text:p>' +
      '<text:list text:style-name="L1"><text:list-header><text:p>說明：</text:p></text:list-header><text:list-item><text:p>機關任務</text:p></text:list-item><text:list-item><text:soft-page-break/><text:p>環境分析</text:p></text:list-item></text:list>';
    expect(lines(odtFrontEnd.read(makeOdt(body, { automaticStyles: LIST_STYLE }), {}))).toEqual(['受理件數   1,200件 (每年)', '第一行', '第二行', '說明：', '壹、機關任務', '貳、環境分析']);
  });

  it('numbered paragraphs (ODF 1.2) count on by list id, at their level', () => {
    const np = (t: string, level: number) => `<text:numbered-paragraph text:list-id="list1" text:style-name="L1" text:level="${level}"><text:number>?</text:number><text:p>${t}</text:p></text:numbered-paragraph>`;
    const body = np('機關任務', 1) + np('教育', 2) + np('文化', 2) + '<text:p>本文</text:p>' + np('環境分析', 1);
    expect(lines(odtFrontEnd.read(makeOdt(body, { automaticStyles: LIST_STYLE }), {}))).toEqual(['壹、機關任務', '一、教育', '二、文化', '本文', '貳、環境分析']);
  });

  it('header rows, covered cells; tracked changes: the deletions region is not text, insertions are', () => {
    const cell = (t: string, attrs = '') => `<table:table-cell${attrs}><text:p>${t}</text:p></table:table-cell>`;
    const body =
      '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">承辦人</dc:creator></office:change-info><text:p>85%</text:p></text:deletion></text:changed-region>' +
      '<text:changed-region text:id="ct2"><text:insertion><office:change-info/></text:insertion></text:changed-region></text:tracked-changes>' +
      '<table:table table:name="表1"><table:table-column table:number-columns-repeated="3"/>' +
      `<table:table-header-rows><table:table-row>${cell('關鍵績效指標', ' table:number-rows-spanned="2"')}${cell('年度目標值', ' table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row>` +
      `<table:table-row><table:covered-table-cell/>${cell('108年')}${cell('109年')}</table:table-row></table:table-header-rows>` +
      `<table:table-row>${cell('滿意度')}<table:table-cell><text:p><text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>90%<text:change-end text:change-id="ct2"/></text:p></table:table-cell>${cell('92%')}</table:table-row></table:table>`;
    const rendition = odtFrontEnd.read(makeOdt(body), {}) as Rendition;
    expect(rendition.tables[0].header).toEqual(['關鍵績效指標', '年度目標值/108年', '年度目標值/109年']);
    expect(rendition.tables[0].rows.map((row) => row.cells)).toEqual([['滿意度', '90%', '92%']]);
    expect(rendition.text).not.toContain('85%');
  });

  it('pandoc: spans without covered cells; a header span into a row that fills every column is ignored', () => {
    const cell = (t: string, attrs = '') => `<table:table-cell${attrs}><text:p>${t}</text:p></table:table-cell>`;
    const row = (cells: string[]) => `<table:table-row>${cells.map((t) => cell(t)).join('')}</table:table-row>`;
    const body =
      '<table:table table:name="Table1">' +
      `<table:table-header-rows><table:table-row>${cell('關鍵策略目標', ' table:number-columns-spanned="2" table:number-rows-spanned="2"')}${cell('關鍵績效指標', ' table:number-columns-spanned="2" table:number-rows-spanned="2"')}${cell('衡量標準', ' table:number-rows-spanned="2"')}${cell('年度目標值', ' table:number-columns-spanned="4"')}</table:table-row></table:table-header-rows>` +
      `<table:table-row>${cell('一', ' table:number-rows-spanned="2"')}${cell('落實美感教育', ' table:number-rows-spanned="2"')}${['1', '發展校本美感課程', '校數', '10', '18', '27', '27'].map((t) => cell(t)).join('')}</table:table-row>` +
      row(['2', '美感環境', '校數', '5', '8', '11', '14']) +
      '</table:table>';
    const [table] = (odtFrontEnd.read(makeOdt(body), {}) as Rendition).tables;
    expect(table.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值', '年度目標值', '年度目標值', '年度目標值']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['一、落實美感教育', '1.發展校本美感課程', '校數', '10', '18', '27', '27'],
      ['', '2.美感環境', '校數', '5', '8', '11', '14'],
    ]);
  });

  it('ruby text is a reading, not text', () => {
    const body = '<text:p><text:ruby><text:ruby-base>嘉</text:ruby-base><text:ruby-text>ㄐㄧㄚ</text:ruby-text></text:ruby>義市</text:p>';
    expect(text(odtFrontEnd.read(makeOdt(body), {}))).toBe('嘉義市');
  });

  it('flat ODF (.fodt): one XML file, its styles before its body, headers in master pages left out', () => {
    const fodt = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">' +
        `<office:styles>${LIST_STYLE}</office:styles><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>嘉義市政府</text:p></style:header></style:master-page></office:master-styles>` +
        '<office:body><office:text><text:p>嘉義市政府教育處中程(108至111年度)施政計畫</text:p><text:list text:style-name="L1"><text:list-item><text:p>機關任務及願景</text:p></text:list-item></text:list></office:text></office:body></office:document>',
    );
    expect(frontEndFor(fodt)?.format).toBe('odt');
    expect(lines(frontEndFor(fodt)!.read(fodt, {}))).toEqual(['嘉義市政府教育處中程(108至111年度)施政計畫', '壹、機關任務及願景']);
    // Cut short, it is a damaged file, not text.
    const cut = frontEndFor(fodt.subarray(0, fodt.length - 40))!.read(fodt.subarray(0, fodt.length - 40), {}) as Rendition;
    expect([cut.fatal, cut.diagnostics[0].code]).toEqual([true, 'damaged-file']);
    const result = parse(fodt);
    expect(result.source.format).toBe('odt');
    expect(result.documents[0].sections[0].title).toBe('機關任務及願景');
  });
});
