/**
 * DOCX front end (Office Open XML word processing): the main document part
 * read in one streaming pass into paragraphs and tables (`blocks.ts`), with
 * the automatic numbering of `numbering.xml` resolved into markers and the
 * headings told by their outline level or style.  Headers, footers,
 * footnotes, comments and text boxes live in other parts or in skipped
 * elements: they are furniture and stay out of the rendition.
 */
import type { FrontEnd, Rendition } from '../types.js';
import { type Block, type CellBlock, type ParagraphBlock, type RowBlock, type TableBlock, renderBlocks } from './blocks.js';
import { type NumberFormat, ListCounters, docxNumberFormat, formatNumber, odfNumberFormat } from './numbering.js';
import { cleanText, failure, tocEntry } from './package.js';
import { type Attributes, parseXml } from './xml.js';
import { type ZipPackage, isZip, namesMention, openZip } from './zip.js';

const W = 'w';
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': W,
  'http://purl.oclc.org/ooxml/wordprocessingml/main': W,
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

/** Tables nested deeper than this are read as the paragraphs of their cell. */
const MAX_TABLE_DEPTH = 8;

export const docxFrontEnd: FrontEnd = {
  format: 'docx',
  //   PK 03 04 … [Content_Types].xml … word/document.xml
  sniff: (bytes) => isZip(bytes) && namesMention(bytes, 'word/'),
  read: (bytes) => {
    try {
      return readDocx(bytes);
    } catch (error) {
      return failure('docx', 'internal-error', `plan-parse failed on this DOCX file (a bug; please report it): ${(error as Error).message}`);
    }
  },
};

function readDocx(bytes: Uint8Array): Rendition {
  const zip = openZip(bytes);
  if ('code' in zip) return failure('docx', zip.code, `the DOCX file cannot be read: ${zip.message}`);
  const main = mainPart(zip);
  if (main === null) return failure('docx', 'missing-part', 'word/document.xml is missing: this is not a Word document, or the file is damaged');
  const document = zip.read(main);
  if (document === null || 'code' in document)
    return failure('docx', document?.code ?? 'missing-part', document ? `the DOCX file cannot be read: ${document.message}` : `${main} is missing: the file is damaged`);
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const styles = readOptional(zip, `${folder}styles.xml`, parseStyles) ?? new Map<string, Style>();
  const numbering = readOptional(zip, `${folder}numbering.xml`, parseNumbering) ?? emptyNumbering();
  const blocks: Block[] = [];
  const problem = parseXml(document, PREFIXES, documentHandlers(blocks, new Numberer(styles, numbering)));
  if (problem) return failure('docx', 'damaged-file', `the DOCX file is damaged: ${main} is not well-formed XML (${problem})`);
  return renderBlocks(blocks, 'docx');
}

/** The main part named by the package relationships (`word/document.xml` in practice). */
function mainPart(zip: ZipPackage): string | null {
  const rels = zip.read('_rels/.rels');
  if (rels && !('code' in rels)) {
    let target: string | null = null;
    parseXml(rels, PREFIXES, {
      open(name, attributes) {
        if (name === 'rel:Relationship' && /\/officeDocument$/.test(attributes.get('Type') ?? '') && target === null) target = (attributes.get('Target') ?? '').replace(/^\//, '');
      },
      close() {},
      text() {},
    });
    if (target && zip.names.includes(target)) return target;
  }
  return zip.names.includes('word/document.xml') ? 'word/document.xml' : null;
}

function readOptional<T>(zip: ZipPackage, name: string, parse: (bytes: Uint8Array) => T): T | null {
  const bytes = zip.read(name);
  return bytes && !('code' in bytes) ? parse(bytes) : null;
}

// ---------------------------------------------------------------------------
// styles.xml: outline levels and list numbering attached to paragraph styles

interface Style {
  name: string;
  basedOn: string | null;
  outline: number | null;
  numId: string | null;
  ilvl: number | null;
}

function parseStyles(bytes: Uint8Array): Map<string, Style> {
  const styles = new Map<string, Style>();
  let current: Style | null = null;
  const path: string[] = [];
  parseXml(bytes, PREFIXES, {
    open(name, attributes) {
      const parent = path[path.length - 1];
      path.push(name);
      if (name === 'w:style') {
        current = { name: '', basedOn: null, outline: null, numId: null, ilvl: null };
        styles.set(attributes.get('w:styleId') ?? '', current);
      }
      if (!current) return;
      const value = attributes.get('w:val');
      if (name === 'w:name' && parent === 'w:style') current.name = value ?? '';
      else if (name === 'w:basedOn' && parent === 'w:style') current.basedOn = value ?? null;
      else if (name === 'w:outlineLvl' && parent === 'w:pPr') current.outline = integer(value);
      else if (name === 'w:numId' && parent === 'w:numPr') current.numId = value ?? null;
      else if (name === 'w:ilvl' && parent === 'w:numPr') current.ilvl = integer(value);
    },
    close(name) {
      path.pop();
      if (name === 'w:style') current = null;
    },
    text() {},
  });
  return styles;
}

/** A style and the styles it is based on, nearest first (bounded: a loop in basedOn ends it). */
function styleChain(styles: Map<string, Style>, id: string | null): Style[] {
  const chain: Style[] = [];
  for (let at = id; at !== null && chain.length < 16; ) {
    const style = styles.get(at);
    if (!style || chain.includes(style)) break;
    chain.push(style);
    at = style.basedOn;
  }
  return chain;
}

// ---------------------------------------------------------------------------
// numbering.xml: abstract list definitions and their instances

interface Level {
  start: number;
  format: NumberFormat;
  /** `%1、`, `(%2)`; null when the level writes no text. */
  text: string | null;
  suffix: string;
  legal: boolean;
  style: string | null;
}

interface Abstract {
  levels: Map<number, Level>;
  /** `w:numStyleLink`: the definition lives with a numbering style. */
  styleLink: string | null;
}

interface Instance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

interface Numbering {
  abstracts: Map<string, Abstract>;
  instances: Map<string, Instance>;
}

function emptyNumbering(): Numbering {
  return { abstracts: new Map(), instances: new Map() };
}

function newLevel(): Level {
  return { start: 1, format: 'decimal', text: null, suffix: 'tab', legal: false, style: null };
}

function parseNumbering(bytes: Uint8Array): Numbering {
  const numbering = emptyNumbering();
  let abstract: Abstract | null = null;
  let instance: Instance | null = null;
  let overrideLevel = -1;
  let level: Level | null = null;
  let skip = 0;
  parseXml(bytes, PREFIXES, {
    open(name, attributes) {
      if (skip || name === 'mc:Fallback') {
        skip++;
        return;
      }
      const value = attributes.get('w:val');
      switch (name) {
        case 'w:abstractNum':
          abstract = { levels: new Map(), styleLink: null };
          numbering.abstracts.set(attributes.get('w:abstractNumId') ?? '', abstract);
          break;
        case 'w:num':
          instance = { abstractId: '', starts: new Map(), levels: new Map() };
          numbering.instances.set(attributes.get('w:numId') ?? '', instance);
          break;
        case 'w:abstractNumId':
          if (instance) instance.abstractId = value ?? '';
          break;
        case 'w:lvlOverride':
          overrideLevel = integer(attributes.get('w:ilvl')) ?? 0;
          break;
        case 'w:startOverride':
          if (instance && overrideLevel >= 0) instance.starts.set(overrideLevel, integer(value) ?? 1);
          break;
        case 'w:lvl':
          level = newLevel();
          if (instance && overrideLevel >= 0) instance.levels.set(overrideLevel, level);
          else if (abstract) abstract.levels.set(integer(attributes.get('w:ilvl')) ?? 0, level);
          break;
        case 'w:numStyleLink':
          if (abstract) abstract.styleLink = value ?? null;
          break;
        default:
          if (!level) break;
          if (name === 'w:start') level.start = integer(value) ?? 1;
          // `custom` formats write their sequence as ODF does: `一, 二, 三, ...`.
          else if (name === 'w:numFmt') level.format = value === 'custom' ? odfNumberFormat(attributes.get('w:format')) : docxNumberFormat(value);
          else if (name === 'w:lvlText') level.text = value ?? null;
          else if (name === 'w:suff') level.suffix = value ?? 'tab';
          else if (name === 'w:isLgl') level.legal = isOn(value);
          else if (name === 'w:pStyle') level.style = value ?? null;
      }
    },
    close(name) {
      if (skip) {
        skip--;
        return;
      }
      if (name === 'w:abstractNum') abstract = null;
      else if (name === 'w:num') instance = null;
      else if (name === 'w:lvlOverride') overrideLevel = -1;
      else if (name === 'w:lvl') level = null;
    },
    text() {},
  });
  return numbering;
}

/**
 * Turns a paragraph's numbering properties into its marker.  Counters: the
 * instances (`w:num`) of one abstract definition share them, as in Word,
 * unless an instance restarts a level (`w:startOverride`); then it counts on
 * its own.
 */
class Numberer {
  private readonly counters = new Map<string, ListCounters>();

  constructor(
    private readonly styles: Map<string, Style>,
    private readonly numbering: Numbering,
  ) {}

  /** Outline level (1-based) of a paragraph, or null for body text. */
  headingLevel(style: string | null, outline: number | null): number | null {
    if (outline !== null) return outline >= 0 && outline < 9 ? outline + 1 : null;
    for (const link of styleChain(this.styles, style)) {
      if (link.outline !== null) return link.outline >= 0 && link.outline < 9 ? link.outline + 1 : null;
      // Built-in heading styles are named `heading N` whatever the language Word runs in; some templates say 標題 N.
      const heading = /^(?:heading|標題)\s*([1-9])$/i.exec(link.name.trim());
      if (heading) return Number(heading[1]);
    }
    return null;
  }

  /** Whether a paragraph style is a table of contents level (Word's built-in `toc 1` …). */
  isTocStyle(style: string | null): boolean {
    return styleChain(this.styles, style).some((link) => /^toc\s*\d$/i.test(link.name.trim()));
  }

  /** The marker of a paragraph with these properties ('' when it is not numbered), advancing its counters. */
  marker(style: string | null, numId: string | null, ilvl: number | null): string {
    let id = numId;
    let level = ilvl;
    if (id === null) {
      for (const link of styleChain(this.styles, style)) {
        if (link.numId !== null) {
          id = link.numId;
          level ??= link.ilvl;
          break;
        }
      }
    }
    if (id === null || id === '0') return '';
    const instance = this.numbering.instances.get(id);
    if (!instance) return '';
    const abstract = this.abstract(instance.abstractId);
    if (!abstract) return '';
    if (level === null && style !== null) for (const [n, def] of abstract.levels) if (def.style === style) level = n;
    const at = Math.max(0, Math.min(8, level ?? 0));
    const definition = (n: number): Level => instance.levels.get(n) ?? abstract.levels.get(n) ?? newLevel();
    const own = instance.starts.size > 0;
    const key = own ? `num:${id}` : `abstract:${instance.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = new ListCounters()));
    const values = counters.next(at, (n) => instance.starts.get(n) ?? definition(n).start);
    const current = definition(at);
    if (current.format === 'bullet' || current.text === null) return '';
    const marker = current.text.replace(/%([1-9])/g, (_, k: string) => {
      const n = Number(k) - 1;
      return n < values.length ? formatNumber(values[n], current.legal ? 'decimal' : definition(n).format) : '';
    });
    if (marker.trim() === '') return '';
    return current.suffix === 'nothing' || /[、，．：]$/u.test(marker) ? marker : `${marker} `;
  }

  /** An abstract definition, following a numbering-style link once or twice. */
  private abstract(id: string): Abstract | null {
    let abstract = this.numbering.abstracts.get(id) ?? null;
    for (let hop = 0; hop < 4 && abstract?.styleLink; hop++) {
      const numId = styleChain(this.styles, abstract.styleLink).find((style) => style.numId !== null)?.numId;
      const instance = numId ? this.numbering.instances.get(numId) : undefined;
      const next = instance ? this.numbering.abstracts.get(instance.abstractId) : undefined;
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }
}

// ---------------------------------------------------------------------------
// document.xml

/**
 * Elements whose content is not the document's running text: text boxes
 * (their own story), the fallback copy of alternate content, moved-away and
 * former-formatting revisions.
 */
const SKIPPED = new Set(['w:txbxContent', 'mc:Fallback', 'w:moveFrom', 'w:pPrChange', 'w:rPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:sectPrChange', 'w:numberingChange', 'w:del']);

interface OpenParagraph {
  parts: string[];
  style: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: number | null;
  /** An entry of a table of contents (inside a TOC field). */
  toc: boolean;
}

interface TableFrame {
  table: TableBlock;
  row: RowBlock | null;
  cell: CellBlock | null;
}

function documentHandlers(root: Block[], numberer: Numberer) {
  const path: string[] = [];
  const containers: Block[][] = [root];
  const tables: TableFrame[] = [];
  let flatTables = 0;
  let skip = 0;
  let paragraph: OpenParagraph | null = null;
  let inText = false;
  let hidden = false;
  // Open fields, each with its instruction (`TOC \o "1-3"`, `PAGEREF _Toc1 \h`).
  const fields: string[] = [];
  let inInstruction = false;
  const inToc = () => fields.some((instruction) => /^\s*TOC\b/.test(instruction));
  return {
    open(name: string, attributes: Attributes) {
      if (skip || SKIPPED.has(name)) {
        skip++;
        return;
      }
      const parent = path[path.length - 1];
      path.push(name);
      // Read on demand: most elements need no attribute.
      const value = (): string | undefined => attributes.get('w:val');
      const frame = tables[tables.length - 1];
      switch (name) {
        case 'w:p':
          paragraph = { parts: [], style: null, numId: null, ilvl: null, outline: null, toc: inToc() };
          return;
        case 'w:tbl':
          if (tables.length >= MAX_TABLE_DEPTH) {
            flatTables++;
            return;
          }
          {
            const table: TableBlock = { kind: 'table', rows: [], coveredCells: false };
            containers[containers.length - 1].push(table);
            tables.push({ table, row: null, cell: null });
          }
          return;
        case 'w:tr':
          if (frame && !flatTables) {
            frame.row = { header: false, skip: 0, cells: [] };
            frame.table.rows.push(frame.row);
          }
          return;
        case 'w:tc':
          if (frame?.row && !flatTables) {
            frame.cell = { blocks: [], columns: 1, rows: 1, merge: null, covered: false };
            frame.row.cells.push(frame.cell);
            containers.push(frame.cell.blocks);
          }
          return;
        case 'w:r':
          hidden = false;
          return;
        case 'w:t':
          inText = parent === 'w:r' && paragraph !== null;
          return;
      }
      if (name === 'w:fldChar') {
        const type = attributes.get('w:fldCharType');
        if (type === 'begin') fields.push('');
        else if (type === 'end') fields.pop();
        if (paragraph && inToc()) paragraph.toc = true;
        return;
      }
      if (name === 'w:instrText') {
        inInstruction = fields.length > 0;
        return;
      }
      if (paragraph && parent === 'w:r') {
        // Tabs stay until the paragraph ends: in a table of contents the one before the page number is its dot leader.
        if (name === 'w:tab') paragraph.parts.push('\t');
        else if (name === 'w:br' || name === 'w:cr') paragraph.parts.push(attributes.get('w:type') === 'page' || attributes.get('w:type') === 'column' ? '' : '\n');
        else if (name === 'w:noBreakHyphen') paragraph.parts.push('-');
        return;
      }
      if (paragraph && parent === 'w:pPr') {
        if (name === 'w:pStyle') paragraph.style = value() ?? null;
        else if (name === 'w:outlineLvl') paragraph.outline = integer(value());
        return;
      }
      if (paragraph && parent === 'w:numPr') {
        if (name === 'w:numId') paragraph.numId = value() ?? null;
        else if (name === 'w:ilvl') paragraph.ilvl = integer(value());
        return;
      }
      if (name === 'w:vanish' && parent === 'w:rPr' && path[path.length - 3] === 'w:r') hidden = isOn(value());
      else if (frame?.row && !flatTables && parent === 'w:trPr') {
        if (name === 'w:tblHeader') frame.row.header = isOn(value());
        else if (name === 'w:gridBefore') frame.row.skip = Math.max(0, integer(value()) ?? 0);
      } else if (frame?.cell && !flatTables && parent === 'w:tcPr') {
        if (name === 'w:gridSpan') frame.cell.columns = Math.max(1, integer(value()) ?? 1);
        else if (name === 'w:vMerge') frame.cell.merge = value() === 'restart' ? 'restart' : 'continue';
      }
    },
    close(name: string) {
      if (skip) {
        skip--;
        return;
      }
      path.pop();
      const frame = tables[tables.length - 1];
      switch (name) {
        case 'w:t':
          inText = false;
          return;
        case 'w:instrText':
          inInstruction = false;
          return;
        case 'w:p':
          if (paragraph) containers[containers.length - 1].push(finishParagraph(paragraph, numberer));
          paragraph = null;
          return;
        case 'w:tc':
          if (frame?.cell && !flatTables) {
            containers.pop();
            frame.cell = null;
          }
          return;
        case 'w:tr':
          if (frame && !flatTables) frame.row = null;
          return;
        case 'w:tbl':
          if (flatTables) flatTables--;
          else tables.pop();
      }
    },
    text(text: string) {
      if (inInstruction && fields.length > 0) {
        fields[fields.length - 1] += text;
        if (paragraph && inToc()) paragraph.toc = true;
      } else if (inText && !hidden && paragraph && !skip) paragraph.parts.push(text);
    },
  };
}

function finishParagraph(open: OpenParagraph, numberer: Numberer): ParagraphBlock {
  let text = open.parts.join('');
  if (open.toc || numberer.isTocStyle(open.style)) text = tocEntry(text);
  text = cleanText(text);
  const heading = numberer.headingLevel(open.style, open.outline);
  // An empty numbered paragraph still takes its number in Word (the rendition then leaves it out).
  const marker = numberer.marker(open.style, open.numId, open.ilvl);
  return { kind: 'paragraph', text, marker, heading };
}

/** A WordprocessingML on/off property: present means on unless its value says off. */
function isOn(value: string | undefined): boolean {
  return value !== 'false' && value !== '0' && value !== 'off';
}

function integer(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}
