/**
 * ODT front end (OpenDocument text): `content.xml` read in one streaming
 * pass into paragraphs and tables (`blocks.ts`).  List numbering comes from
 * the list styles (`text:list-style`, `style:num-format` with its prefix and
 * suffix) and the outline style for numbered headings, counted per list
 * (`text:continue-numbering`, `text:continue-list`, `text:start-value`).
 * Headers and footers live in `styles.xml` master pages: furniture, never
 * read as text.  Notes, annotations, frames and tracked deletions are skipped.
 */
import type { FrontEnd, Rendition } from '../types.js';
import { type Block, type CellBlock, type ParagraphBlock, type RowBlock, type TableBlock, MAX_COLUMNS, MAX_TABLE_DEPTH, renderBlocks } from './blocks.js';
import { type NumberFormat, ListCounters, formatNumber, odfNumberFormat } from './numbering.js';
import { cleanText, failure, tocEntry } from './package.js';
import { type Attributes, type XmlHandlers, parseXml } from './xml.js';
import { isZip, namesMention, openZip } from './zip.js';

const PREFIXES: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0': 'manifest',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

const MIMETYPE = 'application/vnd.oasis.opendocument.text';

export const odtFrontEnd: FrontEnd = {
  format: 'odt',
  //   PK 03 04 … mimetype application/vnd.oasis.opendocument.text
  sniff: (bytes) => isZip(bytes) && namesMention(bytes, MIMETYPE),
  read: (bytes) => {
    try {
      return readOdt(bytes);
    } catch (error) {
      return failure('odt', 'internal-error', `plan-parse failed on this ODT file (a bug; please report it): ${(error as Error).message}`);
    }
  },
};

/**
 * Flat ODF (`.fodt`): the whole document in one XML file, its styles before
 * its body, which the content reader takes as they come.
 *
 *   > | <office:document … office:mimetype="application/vnd.oasis.opendocument.text">
 *                          ^^^^^^^^^^^^^^^
 */
export const flatOdtFrontEnd: FrontEnd = {
  format: 'odt',
  sniff: (bytes) => isFlatOdt(bytes),
  read: (bytes) => {
    try {
      const blocks: Block[] = [];
      const problem = parseXml(bytes, PREFIXES, contentHandlers(blocks, new OdfStyles()));
      if (problem) return failure('odt', 'damaged-file', `the flat ODT file is damaged: it is not well-formed XML (${problem})`);
      return renderBlocks(blocks, 'odt');
    } catch (error) {
      return failure('odt', 'internal-error', `plan-parse failed on this flat ODT file (a bug; please report it): ${(error as Error).message}`);
    }
  },
};

/** An XML file (UTF-8) whose root, in its first 4 KiB, is an ODF text document. */
function isFlatOdt(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const start = head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
  if (!start.startsWith('<?xml') && !start.startsWith('<office:document')) return false;
  const root = head.indexOf(':document ');
  return root !== -1 && head.includes('application/vnd.oasis.opendocument.text"', root) && /<[A-Za-z_][\w.-]*:document\s/.test(head);
}

function readOdt(bytes: Uint8Array): Rendition {
  const zip = openZip(bytes);
  if ('code' in zip) return failure('odt', zip.code, `the ODT file cannot be read: ${zip.message}`);
  const manifest = zip.read('META-INF/manifest.xml');
  if (manifest && !('code' in manifest) && Buffer.from(manifest).includes('encryption-data'))
    return failure('odt', 'encrypted-file', 'the ODT file is password-protected (encrypted): open it in Writer, remove the password (File → Properties → Security) and save it again');
  const content = zip.read('content.xml');
  if (content === null) return failure('odt', 'missing-part', 'content.xml is missing: this is not an OpenDocument text, or the file is damaged');
  if ('code' in content) return failure('odt', content.code, `the ODT file cannot be read: ${content.message}`);
  const styles = new OdfStyles();
  const stylesPart = zip.read('styles.xml');
  if (stylesPart && !('code' in stylesPart)) parseXml(commonStyles(stylesPart), PREFIXES, styles.handlers());
  const blocks: Block[] = [];
  const problem = parseXml(content, PREFIXES, contentHandlers(blocks, styles));
  if (problem) return failure('odt', 'damaged-file', `the ODT file is damaged: content.xml is not well-formed XML (${problem})`);
  return renderBlocks(blocks, 'odt');
}

/**
 * Of `styles.xml`, only `office:styles` names list, outline and paragraph
 * styles; the automatic styles and master pages after it (page layouts,
 * headers and footers) are left unread.
 */
function commonStyles(part: Uint8Array): Uint8Array {
  const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const root = bytes.indexOf('<office:document-styles');
  const rootEnd = root === -1 ? -1 : bytes.indexOf('>', root);
  const start = bytes.indexOf('<office:styles');
  const end = bytes.indexOf('</office:styles>');
  if (rootEnd === -1 || start < rootEnd || end < start) return part;
  return Buffer.concat([bytes.subarray(0, rootEnd + 1), bytes.subarray(start, end + '</office:styles>'.length), Buffer.from('</office:document-styles>')]);
}

// ---------------------------------------------------------------------------
// Styles: list styles, the outline style, paragraph styles' outline levels

interface ListLevel {
  format: NumberFormat;
  prefix: string;
  suffix: string;
  start: number;
  /** How many levels the number shows (`1.2` shows 2). */
  shown: number;
  /** `text:label-followed-by="nothing"`: the text follows the number directly. */
  joined: boolean;
}

interface ParagraphStyle {
  parent: string | null;
  outline: number | null;
}

const OUTLINE = '\u0000outline';

/** Style parts with nothing the reader needs: fonts, page layouts, master pages (headers and footers are furniture). */
const UNREAD_STYLES = new Set(['office:font-face-decls', 'style:page-layout', 'style:master-page', 'style:default-style', 'text:notes-configuration', 'text:linenumbering-configuration', 'office:scripts', 'office:settings', 'office:meta']);

class OdfStyles {
  readonly lists = new Map<string, Map<number, ListLevel>>();
  readonly paragraphs = new Map<string, ParagraphStyle>();
  private list: Map<number, ListLevel> | null = null;
  private level: ListLevel | null = null;

  /** Handlers reading the styles of `styles.xml` or of `content.xml`'s automatic styles. */
  handlers(): XmlHandlers {
    return { open: (name, attributes) => this.open(name, attributes), close: (name) => this.close(name), text() {}, wantsText: () => false };
  }

  /** Reads a start tag; true when its content holds nothing to read. */
  open(name: string, attributes: Attributes): boolean {
    if (name === 'text:list-style' || name === 'text:outline-style') {
      this.list = new Map();
      this.lists.set(name === 'text:outline-style' ? OUTLINE : (attributes.get('style:name') ?? ''), this.list);
    } else if (this.list && (name === 'text:list-level-style-number' || name === 'text:outline-level-style' || name === 'text:list-level-style-bullet' || name === 'text:list-level-style-image')) {
      const numbered = name === 'text:list-level-style-number' || name === 'text:outline-level-style';
      this.list.set(positive(attributes.get('text:level')) ?? 1, {
        format: numbered ? odfNumberFormat(attributes.get('style:num-format')) : 'bullet',
        prefix: attributes.get('style:num-prefix') ?? '',
        suffix: attributes.get('style:num-suffix') ?? '',
        start: nonNegative(attributes.get('text:start-value')) ?? 1,
        shown: positive(attributes.get('text:display-levels')) ?? 1,
        joined: false,
      });
      this.level = this.list.get(positive(attributes.get('text:level')) ?? 1) ?? null;
    } else if (this.level && name === 'style:list-level-label-alignment') {
      this.level.joined = attributes.get('text:label-followed-by') === 'nothing';
    } else if (name === 'style:style') {
      if (attributes.get('style:family') === 'paragraph')
        this.paragraphs.set(attributes.get('style:name') ?? '', {
          parent: attributes.get('style:parent-style-name') ?? null,
          outline: positive(attributes.get('style:default-outline-level')),
        });
      // A style's properties (fonts, spacing, borders) say nothing the reader needs.
      return true;
    } else if (UNREAD_STYLES.has(name)) return true;
    return false;
  }

  close(name: string): void {
    if (name === 'text:list-style' || name === 'text:outline-style') this.list = null;
    if (name.startsWith('text:list-level-style-') || name === 'text:outline-level-style') this.level = null;
  }

  /** The outline level a paragraph style gives (through its parents), or null. */
  outlineOf(style: string | null): number | null {
    let at = style;
    for (let hop = 0; at !== null && hop < 16; hop++) {
      const found = this.paragraphs.get(at);
      if (!found) return null;
      if (found.outline !== null) return found.outline;
      at = found.parent;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------
// content.xml

/**
 * Elements whose content is not running text: notes, annotations, frames
 * (text boxes, images), tracked changes (deleted text), the cached list
 * number (computed here), the template of an index.
 */
const SKIPPED = new Set(['text:note', 'office:annotation', 'draw:frame', 'draw:custom-shape', 'draw:a', 'text:tracked-changes', 'text:number', 'text:table-of-content-source', 'text:index-title-template', 'office:forms', 'text:sequence-decls', 'text:ruby-text']);

/** One list instance's counters (a `text:list` and the lists continuing it). */
interface ListInstance {
  style: string;
  counters: ListCounters;
}

interface ListFrame {
  instance: ListInstance;
  level: number;
  /** The current item, until its first paragraph takes the number. */
  pending: { restart: number | undefined; header: boolean } | null;
}

interface OpenParagraph {
  parts: string[];
  heading: number | null;
  marker: string;
}

interface TableFrame {
  table: TableBlock;
  row: RowBlock | null;
  cell: CellBlock | null;
  header: number;
  /** Copies of the current cell to add when it closes (`number-columns-repeated`). */
  repeat: number;
}

function contentHandlers(root: Block[], styles: OdfStyles): XmlHandlers {
  const containers: Block[][] = [root];
  const tables: TableFrame[] = [];
  const lists: ListFrame[] = [];
  const lastByStyle = new Map<string, ListInstance>();
  const byId = new Map<string, ListInstance>();
  const outline = new ListCounters();
  let flatTables = 0;
  // The element just opened had its content skipped: its close is the next event.
  let skipped = false;
  let paragraphDepth = 0;
  let paragraph: OpenParagraph | null = null;
  let inBody = false;
  let toc = 0;

  const startParagraph = (name: string, attributes: Attributes): void => {
    paragraphDepth++;
    if (paragraph) return;
    const level = name === 'text:h' ? (positive(attributes.get('text:outline-level')) ?? 1) : styles.outlineOf(attributes.get('text:style-name') ?? null);
    paragraph = { parts: [], heading: level, marker: '' };
    const list = lists[lists.length - 1];
    if (list?.pending) {
      const item = list.pending;
      list.pending = null;
      if (!item.header) paragraph.marker = listMarker(styles, list, item.restart);
    } else if (!list && name === 'text:h' && level !== null && attributes.get('text:is-list-header') !== 'true') {
      paragraph.marker = outlineMarker(styles, outline, level, nonNegative(attributes.get('text:start-value')), attributes.get('text:restart-numbering') === 'true');
    }
  };

  return {
    open(name, attributes) {
      if (SKIPPED.has(name)) {
        // Its content is not read; its close comes next.
        skipped = true;
        return true;
      }
      if (!inBody) {
        // Automatic styles come before the body: list styles of lists in the text.
        if (name === 'office:body') inBody = true;
        else return styles.open(name, attributes);
        return;
      }
      const frame = tables[tables.length - 1];
      switch (name) {
        case 'text:p':
        case 'text:h':
          startParagraph(name, attributes);
          return;
        case 'text:s':
          paragraph?.parts.push(' '.repeat(Math.min(positive(attributes.get('text:c')) ?? 1, 64)));
          return;
        case 'text:tab':
          // In a table of contents the tab before the page number is its dot leader.
          paragraph?.parts.push(toc > 0 ? '\t' : ' ');
          return;
        case 'text:table-of-content':
          toc++;
          return;
        case 'text:line-break':
          paragraph?.parts.push('\n');
          return;
        case 'text:list': {
          const outer = lists[lists.length - 1];
          const style = attributes.get('text:style-name') ?? outer?.instance.style ?? '';
          let instance = outer?.instance;
          if (!instance) {
            const continued = attributes.get('text:continue-list');
            instance =
              (continued ? byId.get(continued) : undefined) ??
              (attributes.get('text:continue-numbering') === 'true' ? lastByStyle.get(style) : undefined) ??
              { style, counters: new ListCounters() };
            lastByStyle.set(style, instance);
          }
          const id = attributes.get('xml:id');
          if (id) byId.set(id, instance);
          lists.push({ instance, level: outer ? outer.level + 1 : 1, pending: null });
          return;
        }
        case 'text:list-item':
        case 'text:list-header': {
          const list = lists[lists.length - 1];
          if (list) list.pending = { restart: nonNegative(attributes.get('text:start-value')), header: name === 'text:list-header' };
          return;
        }
        case 'text:numbered-paragraph': {
          // A list item standing alone (ODF 1.2), its level given; those of one
          // list-id count on together, as one list's items would.
          //   <text:numbered-paragraph text:list-id="list1" text:level="2"><text:number>(一)</text:number><text:p>…
          const style = attributes.get('text:style-name') ?? '';
          const id = attributes.get('text:list-id');
          let instance = id ? byId.get(id) : undefined;
          if (!instance) {
            instance = (attributes.get('text:continue-numbering') === 'true' ? lastByStyle.get(style) : undefined) ?? { style, counters: new ListCounters() };
            if (id) byId.set(id, instance);
          }
          lastByStyle.set(instance.style, instance);
          lists.push({ instance, level: Math.min(positive(attributes.get('text:level')) ?? 1, 10), pending: { restart: nonNegative(attributes.get('text:start-value')), header: false } });
          return;
        }
        case 'table:table':
          if (tables.length >= MAX_TABLE_DEPTH) {
            flatTables++;
            return;
          }
          {
            const table: TableBlock = { kind: 'table', rows: [], coveredCells: true };
            containers[containers.length - 1].push(table);
            tables.push({ table, row: null, cell: null, header: 0, repeat: 0 });
          }
          return;
        case 'table:table-header-rows':
          if (frame && !flatTables) frame.header++;
          return;
        case 'table:table-row':
          if (frame && !flatTables) {
            frame.row = { header: frame.header > 0, skip: 0, cells: [] };
            frame.table.rows.push(frame.row);
          }
          return;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (frame?.row && !flatTables) {
            const covered = name === 'table:covered-table-cell';
            frame.cell = {
              blocks: [],
              columns: positive(attributes.get('table:number-columns-spanned')) ?? 1,
              rows: positive(attributes.get('table:number-rows-spanned')) ?? 1,
              merge: null,
              covered,
            };
            frame.repeat = Math.min((positive(attributes.get('table:number-columns-repeated')) ?? 1) - 1, MAX_COLUMNS);
            frame.row.cells.push(frame.cell);
            // A covered cell's content is hidden (and empty in practice).
            containers.push(covered ? [] : frame.cell.blocks);
          }
          return;
      }
    },
    close(name) {
      if (skipped) {
        skipped = false;
        return;
      }
      if (!inBody) {
        styles.close(name);
        return;
      }
      const frame = tables[tables.length - 1];
      switch (name) {
        case 'text:p':
        case 'text:h':
          paragraphDepth--;
          if (paragraph && paragraphDepth === 0) {
            containers[containers.length - 1].push(finishParagraph(paragraph));
            paragraph = null;
          }
          return;
        case 'text:list':
        case 'text:numbered-paragraph':
          lists.pop();
          return;
        case 'text:table-of-content':
          toc--;
          return;
        case 'text:list-item':
        case 'text:list-header': {
          const list = lists[lists.length - 1];
          if (list) list.pending = null;
          return;
        }
        case 'table:table-header-rows':
          if (frame && !flatTables) frame.header--;
          return;
        case 'table:table-row':
          if (frame && !flatTables) frame.row = null;
          return;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (frame?.cell && frame.row && !flatTables) {
            containers.pop();
            for (let k = 0; k < frame.repeat && frame.row.cells.length < MAX_COLUMNS; k++) frame.row.cells.push({ ...frame.cell });
            frame.cell = null;
            frame.repeat = 0;
          }
          return;
        case 'table:table':
          if (flatTables) flatTables--;
          else tables.pop();
          return;
      }
    },
    text(text) {
      // ODF collapses white space in text (spaces are written as text:s).
      if (paragraph) paragraph.parts.push(text.replace(/[ \t\r\n]+/g, ' '));
    },
    wantsText: () => paragraph !== null,
  };
}

function finishParagraph(open: OpenParagraph): ParagraphBlock {
  const text = cleanText(tocEntry(open.parts.join('')));
  return { kind: 'paragraph', text, marker: open.marker, heading: open.heading };
}

/** The marker of a list item's first paragraph, advancing the list's counters. */
function listMarker(styles: OdfStyles, list: ListFrame, restart: number | undefined): string {
  const levels = styles.lists.get(list.instance.style);
  const definition = (level: number): ListLevel => levels?.get(level) ?? { format: 'decimal', prefix: '', suffix: '.', start: 1, shown: 1, joined: false };
  const values = list.instance.counters.next(list.level - 1, (n) => definition(n + 1).start, restart);
  return marker(definition(list.level), values, (n) => definition(n + 1).format);
}

/** The marker of a heading numbered by the outline style (Writer's chapter numbering). */
function outlineMarker(styles: OdfStyles, counters: ListCounters, level: number, start: number | undefined, restart: boolean): string {
  const levels = styles.lists.get(OUTLINE);
  const at = Math.min(Math.max(level, 1), 10);
  const definition = (n: number): ListLevel => levels?.get(n) ?? { format: 'none', prefix: '', suffix: '', start: 1, shown: 1, joined: false };
  const values = counters.next(at - 1, (n) => definition(n + 1).start, start ?? (restart ? definition(at).start : undefined));
  return marker(definition(at), values, (n) => definition(n + 1).format);
}

//   style:num-prefix="(" style:num-format="一, 二, 三, ..." style:num-suffix=")"   → (一)
function marker(level: ListLevel, values: number[], formatOf: (level: number) => NumberFormat): string {
  if (level.format === 'bullet' || level.format === 'none') return '';
  const shown = Math.min(level.shown, values.length);
  const numbers: string[] = [];
  for (let n = values.length - shown; n < values.length; n++) numbers.push(formatNumber(values[n], n === values.length - 1 ? level.format : formatOf(n)));
  const text = `${level.prefix}${numbers.join('.')}${level.suffix}`;
  return level.joined || /[、，．：]$/u.test(text) || text === '' ? text : `${text} `;
}

function positive(value: string | undefined): number | null {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : null;
}

function nonNegative(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
