#!/usr/bin/env node
/**
 * Make DOCX/ODT fixtures whose numbering is automatic, as Word and Writer
 * store it: the corpus files (LibreOffice conversions) carry their markers
 * `壹、` `一、` `(一)` as literal text; this rewrites them the way a writer who
 * used the list buttons would have saved them — the marker removed from the
 * paragraph, a list definition attached instead:
 *
 * - DOCX: `word/numbering.xml` with one multi-level list (壹、 一、 (一)); the
 *   heading styles link levels 0 and 1 (`w:numPr` in styles.xml, `w:pStyle` in
 *   the levels), other paragraphs carry `w:numPr`; where the numbers do not
 *   run on (肆、 first, 柒、 after 伍、, (一) again) a new `w:num` restarts the
 *   level with `w:startOverride`, as Word's "Set numbering value" does.
 * - ODT: headings numbered by the outline style (chapter numbering, with
 *   `text:restart-numbering` / `text:start-value` where needed), body items
 *   in `text:list`s of a list style (一、 and (一) levels), continued with
 *   `text:continue-numbering` or restarted with `text:start-value`.
 *
 * Only paragraphs outside tables change.  Usage:
 *   node scripts/make-numbered-fixtures.mjs <in.docx|in.odt> <out>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: make-numbered-fixtures.mjs <in.docx|in.odt> <out>');
  process.exit(2);
}

const DIGITS = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 壹: 1, 貳: 2, 參: 3, 肆: 4, 伍: 5, 陸: 6, 柒: 7, 捌: 8, 玖: 9 };
/** Value of 一 … 九十九 / 壹 … 玖拾玖. */
function numeral(text) {
  const chars = [...text];
  const ten = chars.findIndex((ch) => ch === '十' || ch === '拾');
  if (ten === -1) return chars.length === 1 ? DIGITS[chars[0]] : null;
  const tens = ten === 0 ? 1 : DIGITS[chars[0]];
  const units = chars[ten + 1] ? DIGITS[chars[ten + 1]] : 0;
  return tens * 10 + units;
}

//   壹、機關任務     一、機關任務     (一)好品德
//   ^^ level 0      ^^ level 1       ^^^ level 2
const MARKER = /^(?:([壹貳參肆伍陸柒捌玖拾]{1,3})、|([一二三四五六七八九十]{1,3})、|\(([一二三四五六七八九十]{1,3})\))/u;

function markerOf(text) {
  const m = MARKER.exec(text);
  if (!m) return null;
  const level = m[1] ? 0 : m[2] ? 1 : 2;
  return { level, value: numeral(m[1] ?? m[2] ?? m[3]), length: m[0].length };
}

/** Remove the first `count` characters of text from the XML of a paragraph (text may be split over runs or spans). */
function dropLeadingText(xml, count, textPattern) {
  let left = count;
  return xml.replace(textPattern, (whole, open, text, close) => {
    if (left === 0) return whole;
    const chars = [...text];
    const take = Math.min(left, chars.length);
    left -= take;
    return `${open}${chars.slice(take).join('')}${close}`;
  });
}

/** Counters as Word and Writer keep them: a value per level, deeper levels restarting. */
class Counters {
  constructor() {
    this.values = [];
  }
  predicted(level) {
    return this.values[level] === undefined ? 1 : this.values[level] + 1;
  }
  set(level, value) {
    this.values[level] = value;
    this.values.length = level + 1;
  }
}

const files = unzipSync(readFileSync(input));
if (files['word/document.xml']) numberDocx(files);
else if (files['content.xml']) numberOdt(files);
else throw new Error(`${input}: neither DOCX nor ODT`);
// ODF wants the mimetype entry first and stored, where readers look for it.
const ordered = files.mimetype ? { mimetype: [files.mimetype, { level: 0 }] } : {};
for (const [name, data] of Object.entries(files)) if (name !== 'mimetype') ordered[name] = data;
writeFileSync(output, zipSync(ordered, { level: 6 }));

// ---------------------------------------------------------------------------

function numberDocx(files) {
  const HEADING_LEVEL = { Heading2: 0, Heading3: 1 };
  const lists = new Map([[1, new Counters()]]);
  const overrides = [];
  let current = 1;
  let styleLinked = true;
  let tableDepth = 0;
  const document = strFromU8(files['word/document.xml']).replace(/<w:tbl>|<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>/g, (element) => {
    if (element === '<w:tbl>') tableDepth++;
    else if (element === '</w:tbl>') tableDepth--;
    if (!element.startsWith('<w:p>') || tableDepth > 0) return element;
    const text = [...element.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const marker = markerOf(text);
    if (!marker) return element;
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(element)?.[1];
    let counters = lists.get(current);
    if (counters.predicted(marker.level) !== marker.value) {
      // The numbers do not run on: a new instance restarting this level.
      current = lists.size + 1;
      counters = new Counters();
      lists.set(current, counters);
      overrides.push({ numId: current, level: marker.level, start: marker.value });
      styleLinked = false;
    }
    counters.set(marker.level, marker.value);
    let paragraph = dropLeadingText(element, marker.length, /(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g);
    paragraph = paragraph.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, '');
    const linked = styleLinked && HEADING_LEVEL[style] === marker.level;
    if (!linked) {
      const numPr = `<w:numPr><w:ilvl w:val="${marker.level}"/><w:numId w:val="${current}"/></w:numPr>`;
      paragraph = paragraph.replace(/(<w:pStyle w:val="[^"]+"\/>)/, `$1${numPr}`);
    }
    return paragraph;
  });
  files['word/document.xml'] = strToU8(document);

  // Heading styles link the list's first two levels.
  let styles = strFromU8(files['word/styles.xml']);
  for (const [style, level] of Object.entries(HEADING_LEVEL)) {
    styles = styles.replace(new RegExp(`(<w:style w:type="paragraph" w:styleId="${style}">[\\s\\S]*?<w:pPr>)(?:<w:numPr>[\\s\\S]*?</w:numPr>)?`), `$1<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`);
  }
  files['word/styles.xml'] = strToU8(styles);

  const level = (ilvl, format, text, style) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${style ? `<w:pStyle w:val="${style}"/>` : ''}<w:suff w:val="nothing"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/></w:lvl>`;
  const nums = [`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`];
  for (const { numId, level: ilvl, start } of overrides) nums.push(`<w:num w:numId="${numId}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride></w:num>`);
  files['word/numbering.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
      level(0, 'ideographLegalTraditional', '%1、', 'Heading2') +
      level(1, 'taiwaneseCountingThousand', '%2、', 'Heading3') +
      level(2, 'taiwaneseCountingThousand', '(%3)') +
      '</w:abstractNum>' +
      nums.join('') +
      '</w:numbering>',
  );
  const relsName = 'word/_rels/document.xml.rels';
  files[relsName] = strToU8(
    strFromU8(files[relsName]).replace('</Relationships>', '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'),
  );
  files['[Content_Types].xml'] = strToU8(
    strFromU8(files['[Content_Types].xml']).replace('</Types>', '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'),
  );
}

// ---------------------------------------------------------------------------

function numberOdt(files) {
  const outline = new Counters();
  const body = new Counters();
  let tableDepth = 0;
  let lastWasList = false;
  const TEXT = /(>)([^<]+)()/g;
  let content = strFromU8(files['content.xml']).replace(/<table:table [^>]*>|<\/table:table>|<text:(h|p) [^>]*[^/>]>[\s\S]*?<\/text:\1>/g, (element) => {
    if (element.startsWith('<table:table ')) tableDepth++;
    else if (element === '</table:table>') tableDepth--;
    if (!/^<text:[hp] /.test(element) || tableDepth > 0) {
      if (/^<text:[hp] /.test(element)) lastWasList = false;
      return element;
    }
    const marker = markerOf(element.replace(/<[^>]+>/g, ''));
    const isHeading = element.startsWith('<text:h');
    if (!marker || (!isHeading && marker.level === 0)) {
      lastWasList = false;
      return element;
    }
    const stripped = dropLeadingText(element, marker.length, TEXT);
    if (isHeading) {
      // Chapter numbering: the outline style numbers level 2 as 壹、, level 3 as 一、.
      const restart = outline.predicted(marker.level) !== marker.value;
      outline.set(marker.level, marker.value);
      lastWasList = false;
      return restart ? stripped.replace('<text:h ', `<text:h text:restart-numbering="true" text:start-value="${marker.value}" `) : stripped;
    }
    // Body items: a list of the list style "LNumbered", level 1 一、, level 2 (一).
    const level = marker.level; // 1 or 2
    const continues = lastWasList && body.predicted(level - 1) === marker.value;
    const restartsAtOne = !continues && marker.value === 1;
    const startValue = continues || restartsAtOne ? '' : ` text:start-value="${marker.value}"`;
    const continuation = continues || (!restartsAtOne && lastWasList) ? ' text:continue-numbering="true"' : '';
    if (!continuation) body.values = [];
    body.set(level - 1, marker.value);
    lastWasList = true;
    let wrapped = stripped;
    for (let depth = level; depth >= 1; depth--) {
      const item = depth === level ? `<text:list-item${startValue}>` : '<text:list-item>';
      const list = depth === 1 ? `<text:list text:style-name="LNumbered"${continuation}>` : '<text:list>';
      wrapped = `${list}${item}${wrapped}</text:list-item></text:list>`;
    }
    return wrapped;
  });
  const listStyle =
    '<text:list-style style:name="LNumbered">' +
    '<text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>' +
    '<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="一, 二, 三, ..."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>' +
    '</text:list-style>';
  content = content.replace('</office:automatic-styles>', `${listStyle}</office:automatic-styles>`);
  files['content.xml'] = strToU8(content);
  let styles = strFromU8(files['styles.xml']);
  styles = styles.replace(/<text:outline-level-style text:level="2"([^>]*?) style:num-format=""/, '<text:outline-level-style text:level="2"$1 style:num-suffix="、" style:num-format="壹, 貳, 參, ..."');
  styles = styles.replace(/<text:outline-level-style text:level="3"([^>]*?) style:num-format=""/, '<text:outline-level-style text:level="3"$1 style:num-suffix="、" style:num-format="一, 二, 三, ..."');
  files['styles.xml'] = strToU8(styles);
}
