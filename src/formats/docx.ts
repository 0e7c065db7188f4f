/**
 * DOCX front end (Office Open XML word processing): the main document part
 * read in one streaming pass into paragraphs and tables (`blocks.ts`), with
 * the automatic numbering of `numbering.xml` resolved into markers and the
 * headings told by their outline level or style.  Headers, footers,
 * footnotes, comments and text boxes live in other parts or in skipped
 * elements: they are furniture and stay out of the rendition.
 */
import type { FrontEnd, Rendition } from '../types.js';
import { type Block, type CellBlock, type ParagraphBlock, type RowBlock, type TableBlock, MAX_TABLE_DEPTH, renderBlocks } from './blocks.js';
import { type NumberFormat, ListCounters, docxNumberFormat, formatNumber, odfNumberFormat } from './numbering.js';
import { cleanText, failure, tocEntry } from './package.js';
import { type Attributes, type XmlHandlers, parseXml } from './xml.js';
import { type ZipPackage, isZip, namesMention, openZip } from './zip.js';

const W = 'w';
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': W,
  'http://purl.oclc.org/ooxml/wordprocessingml/main': W,
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
};


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
  const parts = new PartNames(zip);
  const main = mainPart(zip, parts);
  if (main === null) return failure('docx', 'missing-part', 'word/document.xml is missing: this is not a Word document, or the file is damaged');
  const document = zip.read(main);
  if (document === null || 'code' in document)
    return failure('docx', document?.code ?? 'missing-part', document ? `the DOCX file cannot be read: ${document.message}` : `${main} is missing: the file is damaged`);
  const related = relatedParts(zip, parts, main);
  const styles = readOptional(zip, related.styles, parseStyles) ?? emptyStyles();
  const numbering = readOptional(zip, related.numbering, parseNumbering) ?? emptyNumbering();
  const blocks: Block[] = [];
  const problem = parseXml(document, PREFIXES, documentHandlers(blocks, new Numberer(styles, numbering)));
  if (problem) return failure('docx', 'damaged-file', `the DOCX file is damaged: ${main} is not well-formed XML (${problem})`);
  return renderBlocks(blocks, 'docx');
}

/** Part names of a package, looked up as OPC compares them: case-insensitively. */
class PartNames {
  private readonly byLower = new Map<string, string>();

  constructor(zip: ZipPackage) {
    for (const name of zip.names) if (!this.byLower.has(name.toLowerCase())) this.byLower.set(name.toLowerCase(), name);
  }

  /** The entry holding the part `name` (`word/document.xml`, `/word/document.xml`), or null. */
  find(name: string): string | null {
    let clean = name.replace(/^\//, '');
    try {
      clean = decodeURIComponent(clean);
    } catch {
      // a stray % stays as written
    }
    return this.byLower.get(clean.toLowerCase()) ?? null;
  }
}

/** The relationships of a `.rels` part: type → target, first of each type. */
function relationships(zip: ZipPackage, parts: PartNames, name: string): Map<string, string> {
  const targets = new Map<string, string>();
  const entry = parts.find(name);
  const rels = entry === null ? null : zip.read(entry);
  if (!rels || 'code' in rels) return targets;
  parseXml(rels, PREFIXES, {
    open(element, attributes) {
      if (element !== 'rel:Relationship' || attributes.get('TargetMode') === 'External') return;
      // Transitional and Strict types end alike: …/relationships/officeDocument, …/styles, …/numbering.
      const type = (attributes.get('Type') ?? '').replace(/^.*\//, '');
      const target = attributes.get('Target');
      if (target !== undefined && !targets.has(type)) targets.set(type, target);
    },
    close() {},
    text() {},
    wantsText: () => false,
  });
  return targets;
}

/** A relationship target resolved against the folder of its source part (`../x`, `/x`, `x`). */
function resolveTarget(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter((segment) => segment !== '');
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The main document part: the package relationship of type officeDocument
 * (Word writes `word/document.xml`, others `word/document2.xml` or another
 * folder), else the part `[Content_Types].xml` gives the main document type,
 * else `word/document.xml`.
 */
function mainPart(zip: ZipPackage, parts: PartNames): string | null {
  const target = relationships(zip, parts, '_rels/.rels').get('officeDocument');
  const fromRels = target === undefined ? null : parts.find(resolveTarget('', target));
  if (fromRels !== null) return fromRels;
  const types = parts.find('[Content_Types].xml');
  const typesPart = types === null ? null : zip.read(types);
  if (typesPart && !('code' in typesPart)) {
    let found: string | null = null;
    parseXml(typesPart, PREFIXES, {
      open(element, attributes) {
        //   <Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        if (found === null && element === 'ct:Override' && /wordprocessingml\.(?:document|template)(?:\.macroEnabled)?\.main\+xml$/i.test(attributes.get('ContentType') ?? ''))
          found = parts.find(attributes.get('PartName') ?? '');
      },
      close() {},
      text() {},
    });
    if (found !== null) return found;
  }
  return parts.find('word/document.xml');
}

/** The styles and numbering parts of the main part, by its relationships (else beside it, as Word names them). */
function relatedParts(zip: ZipPackage, parts: PartNames, main: string): { styles: string | null; numbering: string | null } {
  const slash = main.lastIndexOf('/');
  const folder = main.slice(0, slash + 1);
  const rels = relationships(zip, parts, `${folder}_rels/${main.slice(slash + 1)}.rels`);
  const part = (type: string, usual: string) => {
    const target = rels.get(type);
    return (target === undefined ? null : parts.find(resolveTarget(folder, target))) ?? parts.find(`${folder}${usual}`);
  };
  return { styles: part('styles', 'styles.xml'), numbering: part('numbering', 'numbering.xml') };
}

function readOptional<T>(zip: ZipPackage, name: string | null, parse: (bytes: Uint8Array) => T): T | null {
  if (name === null) return null;
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

/** The key under which the default paragraph style (`w:default="1"`, Normal) is also kept. */
const DEFAULT_STYLE = '\u0000default';

function emptyStyles(): Map<string, Style> {
  return new Map();
}

const STYLE_LAYOUT = new Set(['w:rPr', 'w:tblPr', 'w:tcPr', 'w:trPr', 'w:tblStylePr', 'w:latentStyles', 'w:docDefaults']);

function parseStyles(bytes: Uint8Array): Map<string, Style> {
  const styles = new Map<string, Style>();
  let current: Style | null = null;
  const path: string[] = [];
  parseXml(bytes, PREFIXES, {
    open(name, attributes) {
      const parent = path[path.length - 1];
      path.push(name);
      // Fonts and table formatting, and Word's list of ~370 latent styles: nothing the reader needs.
      if (STYLE_LAYOUT.has(name)) return true;
      if (name === 'w:style') {
        current = { name: '', basedOn: null, outline: null, numId: null, ilvl: null };
        styles.set(attributes.get('w:styleId') ?? '', current);
        // A paragraph without w:pStyle has the default paragraph style.
        if (attributes.get('w:type') === 'paragraph' && isOn(attributes.get('w:default') ?? 'false') && !styles.has(DEFAULT_STYLE)) styles.set(DEFAULT_STYLE, current);
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
    wantsText: () => false,
  });
  return styles;
}

/** A style and the styles it is based on, nearest first (bounded: a loop in basedOn ends it). */
function styleChain(styles: Map<string, Style>, id: string | null): Style[] {
  const chain: Style[] = [];
  for (let at: string | null = id ?? DEFAULT_STYLE; at !== null && chain.length < 16; ) {
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
  parseXml(bytes, PREFIXES, {
    open(name, attributes) {
      // The other branch of alternate content (a numFmt Word 2007 reads), a level's layout and font.
      if (name === 'mc:Fallback' || name === 'w:rPr' || name === 'w:pPr' || name === 'w:numPicBullet') return true;
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
      if (name === 'w:abstractNum') abstract = null;
      else if (name === 'w:num') instance = null;
      else if (name === 'w:lvlOverride') overrideLevel = -1;
      else if (name === 'w:lvl') level = null;
    },
    text() {},
    wantsText: () => false,
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

  /** What a paragraph style gives, by style id (a document has a few styles and thousands of paragraphs). */
  private readonly byStyle = new Map<string | null, { heading: number | null; toc: boolean; numId: string | null; ilvl: number | null }>();

  private styleFacts(style: string | null) {
    let facts = this.byStyle.get(style);
    if (facts) return facts;
    const chain = styleChain(this.styles, style);
    let heading: number | null = null;
    for (const link of chain) {
      if (link.outline !== null) {
        heading = link.outline >= 0 && link.outline < 9 ? link.outline + 1 : null;
        break;
      }
      // Built-in heading styles are named `heading N` whatever the language Word runs in; some templates say 標題 N.
      const named = /^(?:heading|標題)\s*([1-9])$/i.exec(link.name.trim());
      if (named) {
        heading = Number(named[1]);
        break;
      }
    }
    // numId and ilvl are inherited one by one: a `節` style based on `章` may give only its level.
    const numId = chain.find((link) => link.numId !== null)?.numId ?? null;
    const ilvl = chain.find((link) => link.ilvl !== null)?.ilvl ?? null;
    facts = { heading, toc: chain.some((link) => /^toc\s*\d$/i.test(link.name.trim())), numId, ilvl };
    this.byStyle.set(style, facts);
    return facts;
  }

  /** Outline level (1-based) of a paragraph, or null for body text. */
  headingLevel(style: string | null, outline: number | null): number | null {
    if (outline !== null) return outline >= 0 && outline < 9 ? outline + 1 : null;
    return this.styleFacts(style).heading;
  }

  /** Whether a paragraph style is a table of contents level (Word's built-in `toc 1` …). */
  isTocStyle(style: string | null): boolean {
    return this.styleFacts(style).toc;
  }

  /** The marker of a paragraph with these properties ('' when it is not numbered), advancing its counters. */
  marker(style: string | null, numId: string | null, ilvl: number | null): string {
    let id = numId;
    let level = ilvl;
    if (id === null) {
      const facts = this.styleFacts(style);
      id = facts.numId;
      level ??= facts.ilvl;
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
 * (their own story, in either branch of alternate content), the fallback
 * copy of alternate content, deleted and moved-away revisions, former
 * formatting, ruby text (the reading over the base text).
 */
const SKIPPED = ['w:txbxContent', 'mc:Fallback', 'w:moveFrom', 'w:pPrChange', 'w:rPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:sectPrChange', 'w:numberingChange', 'w:rt'];

/** Layout with nothing the reader needs, its content skipped unread (a quarter of a part's tags are cell borders). */
const LAYOUT = ['w:tcBorders', 'w:tblPr', 'w:tblGrid', 'w:sectPr', 'w:drawing', 'w:pict', 'w:object', 'w:tblBorders', 'w:pBdr', 'w:tabs', 'w:tcMar', 'w:tblCellMar', 'w:sdtEndPr', 'w:shd', 'w:fonts'];

/** What `open` does with an element, by name (one map lookup per element; most elements do nothing). */
const enum Action {
  None,
  Skip,
  Paragraph,
  Table,
  Row,
  Cell,
  Run,
  Text,
  FieldChar,
  Instruction,
  Tab,
  Break,
  Hyphen,
  Symbol,
  ParagraphStyle,
  OutlineLevel,
  NumberingId,
  NumberingLevel,
  Vanish,
  Deleted,
  RowHeader,
  GridBefore,
  GridSpan,
  VerticalMerge,
  HorizontalMerge,
  ContentControl,
  Placeholder,
  ControlContent,
}

const ACTIONS = new Map<string, Action>([
  ['w:p', Action.Paragraph],
  ['w:tbl', Action.Table],
  ['w:tr', Action.Row],
  ['w:tc', Action.Cell],
  ['w:r', Action.Run],
  ['w:t', Action.Text],
  ['w:fldChar', Action.FieldChar],
  ['w:instrText', Action.Instruction],
  ['w:tab', Action.Tab],
  ['w:ptab', Action.Tab],
  ['w:br', Action.Break],
  ['w:cr', Action.Break],
  ['w:noBreakHyphen', Action.Hyphen],
  ['w:sym', Action.Symbol],
  ['w:pStyle', Action.ParagraphStyle],
  ['w:outlineLvl', Action.OutlineLevel],
  ['w:numId', Action.NumberingId],
  ['w:ilvl', Action.NumberingLevel],
  ['w:vanish', Action.Vanish],
  ['w:del', Action.Deleted],
  ['w:tblHeader', Action.RowHeader],
  ['w:gridBefore', Action.GridBefore],
  ['w:gridSpan', Action.GridSpan],
  ['w:vMerge', Action.VerticalMerge],
  ['w:hMerge', Action.HorizontalMerge],
  ['w:sdt', Action.ContentControl],
  ['w:showingPlcHdr', Action.Placeholder],
  ['w:sdtContent', Action.ControlContent],
  ...SKIPPED.map((name): [string, Action] => [name, Action.Skip]),
  ...LAYOUT.map((name): [string, Action] => [name, Action.Skip]),
]);

interface OpenParagraph {
  parts: string[];
  style: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: number | null;
  /** An entry of a table of contents (inside a TOC field). */
  toc: boolean;
  /** Its paragraph mark is a tracked deletion: its text runs on into the next paragraph. */
  markDeleted: boolean;
}

interface TableFrame {
  table: TableBlock;
  row: RowBlock | null;
  cell: CellBlock | null;
}

function documentHandlers(root: Block[], numberer: Numberer): XmlHandlers {
  const path: string[] = [];
  const containers: Block[][] = [root];
  const tables: TableFrame[] = [];
  // Content controls (w:sdt) open around the element, each true while it shows its placeholder.
  const controls: boolean[] = [];
  let flatTables = 0;
  // The element just opened had its content skipped: its close is the next event.
  let skipped = false;
  let paragraph: OpenParagraph | null = null;
  // The text of a paragraph whose mark was deleted, waiting for the paragraph it joins.
  let carried: OpenParagraph | null = null;
  let inText = false;
  let hidden = false;
  // Open fields, each with its instruction (`TOC \o "1-3"`, `PAGEREF _Toc1 \h`).
  const fields: string[] = [];
  let tocFields = 0;
  let inInstruction = false;
  const flushCarried = () => {
    if (carried) containers[containers.length - 1].push(finishParagraph(carried, numberer));
    carried = null;
  };
  return {
    open(name: string, attributes: Attributes) {
      const action = ACTIONS.get(name) ?? Action.None;
      const parent = path[path.length - 1];
      if (action === Action.Deleted) {
        //   <w:trPr><w:del …/></w:trPr>: a deleted row;  <w:pPr><w:rPr><w:del …/></w:rPr></w:pPr>: a deleted paragraph mark.
        const frame = tables[tables.length - 1];
        if (parent === 'w:trPr' && frame?.row && !flatTables) frame.row.deleted = true;
        else if (parent === 'w:rPr' && path[path.length - 2] === 'w:pPr' && paragraph) paragraph.markDeleted = true;
      }
      // A deleted revision's content, like the skipped elements', is not read; its close comes next.
      // A control showing its placeholder (`按一下這裡以輸入文字。`) holds no content of the document.
      if (action === Action.Skip || action === Action.Deleted || (action === Action.ControlContent && controls.length > 0 && controls[controls.length - 1])) {
        skipped = true;
        return true;
      }
      path.push(name);
      if (action === Action.None) return;
      const frame = tables[tables.length - 1];
      switch (action) {
        case Action.Paragraph:
          paragraph = { parts: carried ? carried.parts : [], style: null, numId: null, ilvl: null, outline: null, toc: tocFields > 0, markDeleted: false };
          carried = null;
          return;
        case Action.Table:
          flushCarried();
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
        case Action.Row:
          if (frame && !flatTables) {
            frame.row = { header: false, skip: 0, cells: [] };
            frame.table.rows.push(frame.row);
          }
          return;
        case Action.Cell:
          if (frame?.row && !flatTables) {
            frame.cell = { blocks: [], columns: 1, rows: 1, merge: null, covered: false };
            frame.row.cells.push(frame.cell);
            containers.push(frame.cell.blocks);
          }
          return;
        case Action.Run:
          hidden = false;
          return;
        case Action.Text:
          inText = parent === 'w:r' && paragraph !== null;
          return;
        case Action.FieldChar: {
          const type = attributes.get('w:fldCharType');
          if (type === 'begin') fields.push('');
          else if (type === 'end' && fields.length) {
            if (isTocField(fields.pop() ?? '')) tocFields--;
          }
          if (paragraph && tocFields > 0) paragraph.toc = true;
          return;
        }
        case Action.Instruction:
          inInstruction = fields.length > 0;
          return;
        case Action.ContentControl:
          controls.push(false);
          return;
        case Action.Placeholder:
          if (parent === 'w:sdtPr' && controls.length) controls[controls.length - 1] = isOn(attributes.get('w:val'));
          return;
      }
      if (parent === 'w:r') {
        if (!paragraph) return;
        // Tabs stay until the paragraph ends: in a table of contents the one before the page number is its dot leader.
        if (action === Action.Tab) paragraph.parts.push('\t');
        else if (action === Action.Break) {
          const type = attributes.get('w:type');
          paragraph.parts.push(type === 'page' || type === 'column' ? '' : '\n');
        } else if (action === Action.Hyphen) paragraph.parts.push('-');
        else if (action === Action.Symbol) paragraph.parts.push(symbolCharacter(attributes.get('w:font'), attributes.get('w:char')));
        return;
      }
      if (parent === 'w:pPr') {
        if (!paragraph) return;
        if (action === Action.ParagraphStyle) paragraph.style = attributes.get('w:val') ?? null;
        else if (action === Action.OutlineLevel) paragraph.outline = integer(attributes.get('w:val'));
        return;
      }
      if (parent === 'w:numPr') {
        if (!paragraph) return;
        if (action === Action.NumberingId) paragraph.numId = attributes.get('w:val') ?? null;
        else if (action === Action.NumberingLevel) paragraph.ilvl = integer(attributes.get('w:val'));
        return;
      }
      if (action === Action.Vanish) {
        if (parent === 'w:rPr' && path[path.length - 3] === 'w:r') hidden = isOn(attributes.get('w:val'));
      } else if (parent === 'w:trPr') {
        if (!frame?.row || flatTables) return;
        if (action === Action.RowHeader) frame.row.header = isOn(attributes.get('w:val'));
        else if (action === Action.GridBefore) frame.row.skip = Math.max(0, integer(attributes.get('w:val')) ?? 0);
      } else if (parent === 'w:tcPr') {
        if (!frame?.cell || flatTables) return;
        if (action === Action.GridSpan) frame.cell.columns = Math.max(1, integer(attributes.get('w:val')) ?? 1);
        // No value means continue: `<w:vMerge/>` is the cell under a merged one.
        else if (action === Action.VerticalMerge) frame.cell.merge = attributes.get('w:val') === 'restart' ? 'restart' : 'continue';
        // Word 97's horizontal merge: a continuing cell is part of the cell before it.
        else if (action === Action.HorizontalMerge) frame.cell.joinsLeft = attributes.get('w:val') !== 'restart';
      }
    },
    close(name: string) {
      if (skipped) {
        skipped = false;
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
          if (paragraph?.markDeleted) carried = paragraph;
          else if (paragraph) containers[containers.length - 1].push(finishParagraph(paragraph, numberer));
          paragraph = null;
          return;
        case 'w:sdt':
          controls.pop();
          return;
        case 'w:tc':
          if (frame?.cell && !flatTables) {
            flushCarried();
            containers.pop();
            frame.cell = null;
          }
          return;
        case 'w:tr':
          if (frame?.row && !flatTables) {
            // A deleted row (a tracked change) is not in the table.
            if (frame.row.deleted) frame.table.rows.pop();
            frame.row = null;
          }
          return;
        case 'w:tbl':
          flushCarried();
          if (flatTables) flatTables--;
          else tables.pop();
          return;
        case 'w:body':
          flushCarried();
      }
    },
    text(text: string) {
      if (inInstruction && fields.length > 0) {
        const before = isTocField(fields[fields.length - 1]);
        fields[fields.length - 1] += text;
        if (!before && isTocField(fields[fields.length - 1])) tocFields++;
        if (paragraph && tocFields > 0) paragraph.toc = true;
      } else if (inText && !hidden && paragraph) paragraph.parts.push(text);
    },
    wantsText() {
      return inInstruction || (inText && !hidden && paragraph !== null);
    },
  };
}

/** A field instruction that builds a table of contents: ` TOC \o "1-3" \h`. */
function isTocField(instruction: string): boolean {
  return /^\s*TOC\b/.test(instruction);
}

/**
 * The character a `w:sym` shows.  Symbol fonts put their glyphs at U+F000 +
 * the font's code (Word writes `F0B3` for Symbol's ≥); Symbol's own codes
 * are mapped, and a private-use code of another font, which no reader could
 * use, gives nothing.
 *
 *   > | <w:sym w:font="Symbol" w:char="F0B3"/>   →   ≥
 *                                       ^^^^
 */
export function symbolCharacter(font: string | undefined, char: string | undefined): string {
  const code = char === undefined ? NaN : Number.parseInt(char, 16);
  if (!Number.isInteger(code) || code <= 0 || code > 0xffff) return '';
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code <= 0xff ? code : -1;
  if (low === -1) return code >= 0xe000 && code <= 0xf8ff ? '' : String.fromCharCode(code);
  const name = (font ?? '').trim().toLowerCase();
  if (name === 'symbol') return SYMBOL_FONT.get(low) ?? (low >= 0x20 && low < 0x7f && !/[A-Za-z]/.test(String.fromCharCode(low)) ? String.fromCharCode(low) : '');
  if (name.startsWith('wingdings')) return WINGDINGS.get(low) ?? '';
  return code >= 0xf000 ? (low >= 0x20 && low < 0x7f ? String.fromCharCode(low) : '') : String.fromCharCode(code);
}

/** Symbol font codes that differ from ASCII, the ones planning documents use (comparisons, arithmetic, arrows, bullets). */
const SYMBOL_FONT = new Map<number, string>([
  [0x22, '∀'], [0x24, '∃'], [0x27, '∋'], [0x2a, '∗'], [0x2d, '−'], [0x40, '≅'], [0x5e, '⊥'],
  [0x61, 'α'], [0x62, 'β'], [0x63, 'χ'], [0x64, 'δ'], [0x44, 'Δ'], [0x65, 'ε'], [0x67, 'γ'], [0x6c, 'λ'], [0x6d, 'μ'], [0x70, 'π'], [0x73, 'σ'], [0x53, 'Σ'], [0x57, 'Ω'], [0x77, 'ω'],
  [0xa3, '≤'], [0xa5, '∞'], [0xab, '↔'], [0xac, '←'], [0xad, '↑'], [0xae, '→'], [0xaf, '↓'], [0xb0, '°'], [0xb1, '±'], [0xb3, '≥'], [0xb4, '×'], [0xb7, '•'],
  [0xb8, '÷'], [0xb9, '≠'], [0xba, '≡'], [0xbb, '≈'], [0xbc, '…'], [0xd6, '√'], [0xd7, '⋅'], [0xd8, '¬'], [0xd9, '∧'], [0xda, '∨'], [0xdb, '⇔'], [0xde, '⇒'],
]);

/** Wingdings check boxes and marks, which forms use for 是/否 and completion. */
const WINGDINGS = new Map<number, string>([
  [0x6c, '●'], [0x6e, '■'], [0x6f, '□'], [0xa1, '○'], [0xa8, '□'], [0x9f, '•'], [0xfb, '✗'], [0xfc, '✓'], [0xfd, '☒'], [0xfe, '☑'],
]);

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
