/**
 * Section stage: join wrapped lines into paragraphs, find the numbered
 * headings among them, and nest them into a tree.  Levels come from the order
 * in which marker styles nest in each document, not from a fixed table;
 * numbering continuity decides doubtful markers.
 */
import { append } from './arrays.js';
import { lineEnd, linesPosition, pointAt } from './lines.js';
import { parseLooseMarker, parseMarker, type Marker } from './markers.js';
import { tocEntries } from './normalize/index.js';
import { isLeaderEntry } from './normalize/toc.js';
import { MarkerSequence, markerCandidates, splitOneLine } from './one-line.js';
import { holdsTableHeader, isTableHeader } from './table-region.js';
import { withoutEmphasis, withoutEscapes, withoutHashes } from './normalize/markdown.js';
import { isSpaceCode, normalizeText, stripSpaces } from './normalize/text.js';
import type { Diagnostic, DocumentSpan, Line, Position, RawTable, Section, SourceText } from './types.js';

export interface SectionTree {
  sections: Section[];
  diagnostics: Diagnostic[];
}

/** A run of source lines that reads as one paragraph. */
export interface Paragraph {
  lines: Line[];
  /** The text with wrapped lines joined and normalized. */
  text: string;
  /** A piece of a one-line text: the columns [from, to) of its line it covers. */
  from?: number;
  to?: number;
  /** Body text of a one-line piece: never a heading. */
  prose?: boolean;
}

interface Heading {
  marker: Marker | null;
  /** The marker lost its `、` (`壹 機關任務`): a heading only where the numbering confirms it. */
  loose?: boolean;
  /** A loose item written as a sentence: it also needs a sibling next to it. */
  sentence?: boolean;
  /** Style key used to nest: a marker style (`arabic、` for `1、`), `markdown-hN`, or `unnumbered`. */
  key: string;
  title: string;
}

interface OpenLevel {
  key: string;
  ordinal: number | null;
  section: Section;
}

/** Nesting key of arabic markers written `1、`. */
const ARABIC_COMMA = 'arabic、';

const SENTENCE_END = /[。！？!?；;：:]$/u;
const CONTINUES = /[，、,（(「『～~\-－—]$/u;
const LIST_PREFIX = /^\s*[-*+]\s+/;
const MARKDOWN_HEADING = /^\s*(#{1,6})\s+/;

export function buildSections(source: SourceText, span: DocumentSpan, tables: readonly RawTable[]): SectionTree {
  const diagnostics: Diagnostic[] = [];
  const paragraphs = buildParagraphs(source, span, tables);
  const tocTitles = tableOfContents(source, span);
  const roots: Section[] = [];
  const stack: OpenLevel[] = [];
  /**
   * Depth of the open section holding a table no reader took (its header
   * line is still a paragraph): until a heading closes that section, its
   * rows' markers (`一、`, `(一)`, `1.`) are cells, not headings.
   */
  let tableDepth = -1;
  const regionStarts = tableRegionStarts(source, span, tables);
  let nextRegion = 0;
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    while (nextRegion < regionStarts.length && regionStarts[nextRegion] <= paragraph.lines[0].index) {
      tableDepth = stack.length;
      nextRegion++;
    }
    // In PDF text a spaced-out line is a heading only outside tables and
    // alone: justification spreads a table cell's short last line the same way.
    const spacedOut = !isPdfText(source.format) || (tableDepth === -1 && !spacedNeighbour(paragraphs, index));
    const heading = readHeading(paragraph, tocTitles, spacedOut, source.format) ?? (tableDepth === -1 ? introducesList(paragraphs, index) : null);
    let placed = heading && (!heading.sentence || confirmedBySibling(paragraphs, index, heading)) ? place(heading, stack) : null;
    if (heading && placed && tableDepth !== -1) {
      const closes = heading.key.startsWith('markdown') || (heading.marker !== null && !heading.loose && placed.depth < tableDepth && !placed.restart);
      if (closes) tableDepth = -1;
      else placed = null;
    }
    if (!heading && (paragraph.prose ? holdsTableHeader(paragraph.text) : isTableHeader(paragraph.text))) tableDepth = stack.length;
    const first = paragraph.lines[0];
    const last = paragraph.lines[paragraph.lines.length - 1];
    if (heading && placed !== null) {
      const { depth, gap, restart } = placed;
      stack.length = depth;
      // Keys in canonical (sorted) order: the serializer then need not copy.
      const section: Section = {
        body: [],
        children: [],
        level: depth + 1,
        marker: heading.marker?.marker ?? null,
        ordinal: heading.marker?.ordinal ?? null,
        position: paragraph.from !== undefined ? { end: pointAt(first, paragraph.to), start: pointAt(first, paragraph.from) } : linesPosition(source.lines, first.index, last.index + 1),
        style: heading.marker?.style ?? (heading.key.startsWith('markdown') ? 'markdown' : null),
        title: heading.title,
      };
      if (gap) diagnostics.push({ severity: 'warning', code: 'section-numbering-gap', message: `${heading.marker?.marker} does not follow ${gap}`, position: section.position });
      if (restart) diagnostics.push({ severity: 'info', code: 'section-numbering-restart', message: `${heading.marker?.marker} starts its list again`, position: section.position });
      (depth === 0 ? roots : stack[depth - 1].section.children).push(section);
      stack.push({ key: heading.key, ordinal: heading.marker?.ordinal ?? null, section });
    } else if (stack.length) {
      const open = stack[stack.length - 1].section;
      if (open.children.length === 0) open.body.push(paragraph.text);
    }
  }
  if (roots.length === 0 && span.kind !== 'unknown') append(roots, unnumberedHeadings(source, paragraphs, regionStarts[0] ?? span.end));
  finish(roots, source.lines, span);
  return { sections: span.kind === 'unknown' ? confirmedOnly(roots) : roots, diagnostics };
}

/**
 * A heading that lost its number: a short line (no sentence punctuation)
 * right before a list that starts at 1, after a sentence or a heading.
 *
 *   > | 機關任務及願景          ← was 壹、
 *   > | 一、機關任務
 */
function introducesList(paragraphs: readonly Paragraph[], index: number): Heading | null {
  const paragraph = paragraphs[index];
  if (paragraph.prose || paragraph.lines.length !== 1 || paragraph.text.length > 2 * MAX_UNNUMBERED || isTableHeader(paragraph.text)) return null;
  const title = headingText(paragraph);
  // `…如下：` introduces the list as a sentence does; `年度工作重點：` is a heading.
  if (!isShortHeading(title.replace(/[：:]$/u, '')) || /(?:如下|下列|以下|如次|說明)[：:]?$/u.test(title) || stripSpaces(title).length > MAX_UNNUMBERED) return null;
  if (!/\p{Script=Han}.*\p{Script=Han}/u.test(title)) return null;
  const next = paragraphs[index + 1];
  const marker = next ? parseMarker(withoutEmphasis(next.text.replace(/^[-*+]\s*/u, ''))) : null;
  if (!marker || marker.ordinal !== 1 || marker.rest === '') return null;
  const previous = paragraphs[index - 1];
  if (previous && !SENTENCE_END.test(previous.text) && !parseMarker(previous.text)) return null;
  return { marker: null, key: 'unnumbered', title };
}

/**
 * A plan whose numbering was lost in conversion (Word list numbering the
 * text export did not write): its headings are the short lines, each followed
 * by body text, written alike (all `- ` bullets, or none).
 *
 *   > | 機關任務
 *   > | 本處業務職掌包含道路徵收開闢、雨污水下水道及區域排水…
 */
function unnumberedHeadings(source: SourceText, paragraphs: readonly Paragraph[], tableStart: number): Section[] {
  // Only before the first table: its cells are short lines followed by text too.
  let end = paragraphs.findIndex((paragraph) => paragraph.lines[0].index >= tableStart || isTableHeader(paragraph.text));
  if (end === -1) end = paragraphs.length;
  const isCandidate = (k: number) => {
    const paragraph = paragraphs[k];
    if (k >= end || paragraph.prose || paragraph.lines.length !== 1 || paragraph.text.length > 2 * MAX_UNNUMBERED) return false;
    const title = headingText(paragraph);
    if (!/\p{Script=Han}.*\p{Script=Han}/u.test(title)) return false;
    const next = paragraphs[k + 1];
    return isShortHeading(title.replace(/[：:]$/u, '')) && stripSpaces(title).length <= MAX_UNNUMBERED && next !== undefined && stripSpaces(next.text).length > MAX_UNNUMBERED;
  };
  const found: number[] = [];
  const isHeading = new Uint8Array(paragraphs.length);
  for (let k = 0; k < end; k++) if (isCandidate(k)) (found.push(k), (isHeading[k] = 1));
  // Written alike: every candidate a `- ` bullet, or none.
  const bullets = found.filter((k) => LIST_PREFIX.test(paragraphs[k].lines[0].text)).length;
  if (found.length < 2 || (bullets !== 0 && bullets !== found.length)) return [];
  const sections: Section[] = [];
  let open: Section | null = null;
  for (let k = 0; k < paragraphs.length; k++) {
    const paragraph = paragraphs[k];
    if (isHeading[k]) {
      const line = paragraph.lines[0];
      open = { body: [], children: [], level: 1, marker: null, ordinal: null, position: linesPosition(source.lines, line.index, line.index + 1), style: null, title: headingText(paragraph) };
      sections.push(open);
    } else if (open) open.body.push(paragraph.text);
  }
  return sections;
}

/** An unnumbered heading is at most this long (characters). */
const MAX_UNNUMBERED = 20;

/** A paragraph's text without a markdown bullet or emphasis. */
function headingText(paragraph: Paragraph): string {
  return withoutEmphasis(paragraph.text.replace(/^[-*+]\s*/u, ''));
}

/**
 * Lines after which a table's rows are left as paragraphs: the end of a table
 * a reader took only the header (or one row) of, and a table header repeated
 * on every page, which the normalize stage marked as a running header.
 */
function tableRegionStarts(source: SourceText, span: DocumentSpan, tables: readonly RawTable[]): number[] {
  const starts: number[] = [];
  for (const table of tables) if (table.rows.length <= 1 && table.start >= span.start && table.end <= span.end) starts.push(table.end);
  for (let i = span.start; i < span.end; i++) if (source.lines[i].role === 'running-header' && isTableHeader(source.lines[i].text)) starts.push(i);
  return starts.sort((a, b) => a - b);
}

/**
 * In text that is not a plan (a news article, a speech), a numbered
 * sentence alone of its style at the top, with no sections under it, is
 * prose: a lone `1. 提升服務品質 85% 90%…，她說…。` is not a heading (a lone
 * short heading such as `一、機關任務` stays one).
 */
function confirmedOnly(sections: Section[]): Section[] {
  const count = new Map<string, number>();
  for (const section of sections) if (section.style !== null) count.set(section.style, (count.get(section.style) ?? 0) + 1);
  const prose = (section: Section) => /[，,]|。$/u.test(section.title) || section.body.length === 0;
  return sections.filter((section) => section.style === null || section.style === 'markdown' || section.children.length > 0 || (count.get(section.style) ?? 0) > 1 || !prose(section));
}

/** Find where a heading goes: the depth of the stack to keep, or null when it is body text. */
interface Placement {
  /** How many open levels to keep: the heading goes at depth + 1. */
  depth: number;
  /** The marker it jumps from, when it skips numbers. */
  gap: string | null;
  /** It restarts an open list at 1. */
  restart: boolean;
}

function place(heading: Heading, stack: readonly OpenLevel[]): Placement | null {
  const n = heading.marker?.ordinal ?? null;
  if (heading.loose) return placeLoose(heading, stack);
  if (n === null) {
    // Unnumbered headings: siblings of the same kind, else one level deeper.
    const same = findLast(stack, (level) => level.key === heading.key);
    return { depth: same === -1 ? (heading.key === 'unnumbered' ? 0 : stack.length) : same, gap: null, restart: false };
  }
  // 1. It continues an open sequence: a sibling there (deepest first).  A
  // 壹、 that only continues a Word-renumbered `N、` level takes the outermost
  // one: 壹 is the outermost style wherever it is used.
  const continues = (level: OpenLevel) => level.ordinal !== null && n === level.ordinal + 1;
  let continued = findLast(stack, (level) => continues(level) && level.key === heading.key);
  if (continued === -1) {
    continued = heading.key === 'cjk-formal' ? stack.findIndex((level) => continues(level) && compatible(level, heading)) : findLast(stack, (level) => continues(level) && compatible(level, heading));
  }
  if (continued !== -1) return { depth: continued, gap: null, restart: false };
  // A document that is an excerpt (a report's 肆、 and 伍、 departments) opens
  // its outline with a formal numeral other than 壹: nothing is open yet.
  if (stack.length === 0 && heading.key === 'cjk-formal') return { depth: 0, gap: null, restart: false };
  // 2. It starts a new sequence: a child of the deepest open section.  A style
  // nests inside itself only once, right under a heading of that style with
  // nothing under it yet (Word renders both 壹 and 一 as `1、`):
  //
  //   > | 1、 機關任務及願景
  //   > | 1、 機關任務        ← child
  //
  // Anywhere else a `1` of an open style restarts that style's list, so the
  // depth of the tree stays bounded by the number of styles.
  if (n === 1) {
    const same = stack.filter((level) => level.key === heading.key).length;
    const deepest = stack[stack.length - 1];
    const bareHeading = deepest !== undefined && deepest.section.body.length === 0 && deepest.section.children.length === 0;
    if (same === 0 || (same === 1 && deepest.key === heading.key && bareHeading)) return { depth: stack.length, gap: null, restart: false };
    return { depth: findLast(stack, (level) => level.key === heading.key), gap: null, restart: true };
  }
  // 3. A small jump in an open sequence of the same style: a sibling, with a warning.
  const jumped = findLast(stack, (level) => level.key === heading.key && level.ordinal !== null && n > level.ordinal + 1 && n <= level.ordinal + 3);
  if (jumped !== -1) return { depth: jumped, gap: `${stack[jumped].section.marker}`, restart: false };
  // 4. A short heading numbered with a formal numeral past 1 where no formal
  // list is open: an excerpt of a longer document (its departments 肆、伍、柒),
  // or the first part's heading lost its number.
  //
  //   > | 肆、會計部門
  //       ^^
  if (heading.key === 'cjk-formal' && !stack.some((level) => level.key === 'cjk-formal') && isShortHeading(heading.title)) return { depth: 0, gap: null, restart: false };
  // Otherwise it is not a heading: `2.` inside a sentence, a stray number.
  return null;
}

/** How far a sibling confirming a loose item may be (paragraphs). */
const SIBLING_WINDOW = 40;

/**
 * A loose item sentence is a heading when the previous or next number of its
 * style starts a paragraph nearby (with or without its `、`).
 */
function confirmedBySibling(paragraphs: readonly Paragraph[], index: number, heading: Heading): boolean {
  const n = heading.marker?.ordinal ?? 0;
  const style = heading.marker?.style;
  const sibling = (k: number, ordinal: number) => {
    const raw = paragraphs[k].lines[0].text.replace(MARKDOWN_PREFIX, '');
    const marker = parseMarker(raw) ?? looseHeading(raw);
    return marker !== null && marker.style === style && marker.ordinal === ordinal;
  };
  for (let k = index + 1; k < paragraphs.length && k <= index + SIBLING_WINDOW; k++) if (sibling(k, n + 1)) return true;
  for (let k = index - 1; k >= 0 && k >= index - SIBLING_WINDOW; k--) if (sibling(k, n - 1)) return true;
  return false;
}

/**
 * A marker that lost its `、` is a heading only where the numbering confirms
 * it: it continues an open list of its style, or starts one at 1.
 *
 *   > | 壹 機關任務及願景
 *   > | 一 組織職掌           ← starts 一
 *   > | 二 願景               ← continues it
 */
function placeLoose(heading: Heading, stack: readonly OpenLevel[]): Placement | null {
  const n = heading.marker?.ordinal ?? 0;
  const continues = (level: OpenLevel) => compatible(level, heading) && level.ordinal !== null && n === level.ordinal + 1;
  // 壹 is the outermost style wherever it is used (as in `place`).
  const continued = heading.key === 'cjk-formal' ? stack.findIndex(continues) : findLast(stack, continues);
  if (continued !== -1) return { depth: continued, gap: null, restart: false };
  if (n === 1 && !stack.some((level) => level.key === heading.key)) return { depth: stack.length, gap: null, restart: false };
  return null;
}

/**
 * Word exports render 壹、 and 一、 list numbering as `1、`, so a `N、` level and
 * a 壹/一 level continue each other:
 *
 *   > | 1、 機關任務及願景
 *   > | 1、 機關任務
 *   > |  二、願景          ← continues the inner `1、`
 *   > | 2、 環境情勢分析…   ← continues the outer `1、`
 */
function compatible(level: OpenLevel, heading: Heading): boolean {
  if (level.key === heading.key) return true;
  const formal = (key: string) => key === 'cjk' || key === 'cjk-formal';
  return (level.key === ARABIC_COMMA && formal(heading.key)) || (heading.key === ARABIC_COMMA && formal(level.key));
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

const SPACED_OUT = /^\p{Script=Han}(?:[ \u3000]+\p{Script=Han}){2,9}$/u;

/** The paragraph before or after is a short spaced-out line too (cells of a table, not a heading). */
function spacedNeighbour(paragraphs: readonly Paragraph[], index: number): boolean {
  const spaced = (k: number) => k >= 0 && k < paragraphs.length && /\p{Script=Han}[ \u3000]+\p{Script=Han}[ \u3000]+\p{Script=Han}/u.test(paragraphs[k].lines[0].text) && stripSpaces(paragraphs[k].text).length <= 12;
  return spaced(index - 1) || spaced(index + 1);
}

/**
 * @param spacedOut whether a line of letters set apart by spaces reads as a
 *   heading: in PDF text only outside tables and alone, since justification
 *   spreads the short last line of a table cell the same way (`色 宗 教 節 慶 活`).
 */
function readHeading(paragraph: Paragraph, tocTitles: Map<string, Marker | null>, spacedOut: boolean, format: SourceText['format']): Heading | null {
  if (paragraph.prose) return null;
  const raw = paragraph.from !== undefined ? paragraph.lines[0].text.slice(paragraph.from, paragraph.to) : paragraph.lines[0].text;
  let text = paragraph.text;
  const hashes = MARKDOWN_HEADING.exec(raw);
  if (hashes) text = normalizeText(withoutHashes(text));
  else if (LIST_PREFIX.test(raw)) text = normalizeText(text.replace(/^[-*+]\s*/, ''));
  text = withoutEmphasis(text);
  if (format === 'markdown') text = withoutEscapes(text);
  let marker = parseMarker(text);
  // A formal marker inside a markdown list item decides the level, not the
  // list's own number:
  //
  //   > | 1. 貳、財政        1. **貳、財政**
  //          ^^^                ^^^
  if (marker && marker.style === 'arabic' && format === 'markdown') {
    const inner = parseMarker(withoutEmphasis(marker.rest));
    if (inner && inner.rest !== '' && (inner.style === 'cjk-formal' || inner.style === 'cjk' || inner.style === 'cjk-paren')) marker = inner;
  }
  if (marker && marker.rest !== '') {
    // `1、` and `1.` are told apart: Word writes its renumbered 壹/一 as `1、`.
    const key = marker.style === 'arabic' && /^[0-9０-９]+\s*、/u.test(text) ? ARABIC_COMMA : marker.style;
    return { marker, key, title: withoutEmphasis(marker.rest) };
  }
  // The line without its markdown heading or bullet syntax, for markers whose `、` was lost.
  const bare = withoutEmphasis(raw.replace(MARKDOWN_PREFIX, ''));
  if (hashes) {
    const loose = looseHeading(bare);
    if (loose && isShortHeading(loose.rest)) return { marker: { ...loose, rest: stripSpaces(loose.rest) }, key: loose.style, title: normalizeText(loose.rest), loose: true };
    return { marker: null, key: `markdown-h${hashes[1].length}`, title: text };
  }
  if (paragraph.lines.length === 1) {
    const compact = stripSpaces(text);
    if (tocTitles.has(compact)) {
      const tocMarker = tocTitles.get(compact) ?? null;
      return { marker: tocMarker ? { ...tocMarker, rest: compact } : null, key: tocMarker?.style ?? 'unnumbered', title: compact };
    }
    // A heading spaced out, or its marker's `、` lost:
    //
    //   > | 民 政 部 門        壹 機關任務
    //       ^^^^^^^^^^        ^^
    const loose = looseHeading(bare);
    if (loose && isShortHeading(loose.rest)) return { marker: { ...loose, rest: stripSpaces(loose.rest) }, key: loose.style, title: normalizeText(loose.rest), loose: true };
    if (spacedOut && SPACED_OUT.test(raw.trim())) return { marker: null, key: 'unnumbered', title: compact };
  }
  // An item written as a sentence whose `、` was lost: a heading only when a
  // sibling next to it confirms the list (see `confirmedBySibling`).
  //
  //   > | 一 農林漁牧調查統計陳報，以供政府施政之參考。
  //   > | 二 農業用地作農業使用證明書之核發。
  const item = looseHeading(bare);
  if (item && stripSpaces(item.rest).length <= MAX_LOOSE_ITEM) {
    const title = normalizeText([bare.slice(item.length), ...paragraph.lines.slice(1).map((line) => line.text)].join('\n'));
    return { marker: { ...item, rest: title }, key: item.style, title, loose: true, sentence: true };
  }
  return null;
}

/** An item sentence with a lost `、` longer than this is a paragraph. */
const MAX_LOOSE_ITEM = 120;

/** A markdown heading's `#`s or a list item's bullet at the start of a line. */
const MARKDOWN_PREFIX = /^\s*(?:#{1,6}|[-*+])\s+/u;

/**
 * A marker that lost its `、`, when what follows reads as words: not a
 * table's column gap after it, not text spaced out letter by letter
 * (`一 年 內 完 成`).
 */
function looseHeading(raw: string): Marker | null {
  const loose = parseLooseMarker(raw);
  if (!loose) return null;
  // One space stands for the lost `、`; a wide gap is a table's column.
  if (/[ \u3000]{3}/u.test(raw.trim().slice(0, loose.length + 3))) return null;
  if (/^\p{Script=Han}[ \u3000]+\p{Script=Han}(?:[ \u3000]|$)/u.test(loose.rest)) return null;
  return loose;
}

/** A short heading's text: no sentence punctuation, no column gap. */
function isShortHeading(text: string): boolean {
  const compact = stripSpaces(text);
  return compact.length >= 2 && compact.length <= 30 && !/[，。；！？,;]/u.test(compact) && !/\S[ \u3000]{3,}\S/u.test(text);
}

/**
 * Titles listed in the document's table of contents (lines the normalize
 * stage marked `toc`), with their markers:
 *
 *   > | 一、\t民政部門.....\t1
 *       ^^^^^^^^^^^^ → 民政部門, 一、
 */
function tableOfContents(source: SourceText, span: DocumentSpan): Map<string, Marker | null> {
  const titles = new Map<string, Marker | null>();
  for (let i = span.start; i < span.end; i++) {
    const line = source.lines[i];
    if (line.role !== 'toc') continue;
    for (const entry of tocEntries(line.text)) {
      const marker = parseMarker(entry) ?? parseLooseMarker(entry);
      const title = marker ? marker.rest : entry;
      if (title) titles.set(stripSpaces(title), marker);
    }
  }
  return titles;
}

/**
 * Join hard-wrapped lines into paragraphs.  A paragraph ends before a marker,
 * a markdown heading or list item, a table, after sentence-final punctuation,
 * and (in PDF text, where every line is wrapped at the page width) after a
 * line clearly shorter than the page's full lines.
 */
export function buildParagraphs(source: SourceText, span: DocumentSpan, tables: readonly RawTable[]): Paragraph[] {
  const skip = new Set(span.titleLines);
  const inTable = new Uint8Array(span.end - span.start);
  for (const table of tables) for (let i = table.start; i < table.end; i++) if (i >= span.start && i < span.end) inTable[i - span.start] = 1;
  const lines = source.lines;
  const width = isPdfText(source.format) || source.format === 'text' ? fullLineWidth(lines, span) : 0;
  // Word and markdown exports hold a paragraph per line, however long.
  const oneLine = source.format !== 'markdown' && source.format !== 'word-text';
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  let previous: Line | null = null;
  const flush = () => {
    if (current.length) paragraphs.push({ lines: current, text: normalizeText(current.map((line) => line.text).join('\n')) });
    current = [];
  };
  const sequence = oneLine ? markerSequence(lines, span, inTable) : null;
  for (let i = span.start; i < span.end; i++) {
    const line = lines[i];
    if (inTable[i - span.start] || skip.has(i)) {
      flush();
      previous = null;
      continue;
    }
    // Blank lines and page furniture do not end a paragraph by themselves: PDF
    // text puts a blank line after every wrapped line.
    if (line.role !== 'content') continue;
    if (sequence && line.text.length >= ONE_LINE_MIN) {
      // A page (or the whole document) on one physical line: its pieces
      // between confirmed markers are the paragraphs.
      const pieces = splitOneLine(line.text, sequence, line.offset);
      if (pieces.length > 1) {
        flush();
        for (const [from, to] of pieces) pushPiece(paragraphs, line, from, to === line.text.length ? withoutPageNumber(line.text, to) : to);
        previous = null;
        continue;
      }
    }
    if (previous && continues(previous, line, source.format, width)) current.push(line);
    else {
      flush();
      current.push(line);
    }
    previous = line;
  }
  flush();
  return paragraphs;
}

/**
 * The numbering of a document with one-line pages: the markers in mid-line
 * of its long lines and at the start of its other lines, or null when it
 * has no long line.
 */
function markerSequence(lines: readonly Line[], span: DocumentSpan, inTable: Uint8Array): MarkerSequence | null {
  let any = false;
  for (let i = span.start; i < span.end && !any; i++) any = lines[i].role === 'content' && lines[i].text.length >= ONE_LINE_MIN;
  if (!any) return null;
  const sequence = new MarkerSequence();
  for (let i = span.start; i < span.end; i++) {
    const line = lines[i];
    if (line.role !== 'content' || inTable[i - span.start]) continue;
    if (line.text.length >= ONE_LINE_MIN) {
      for (const candidate of markerCandidates(line.text, line.offset)) sequence.add(candidate);
    } else {
      const marker = parseMarker(line.text);
      if (marker && marker.rest !== '') sequence.add({ at: line.offset, key: marker.style, ordinal: marker.ordinal });
    }
  }
  return sequence;
}

/**
 * A piece of a one-line text: a heading's title runs to the first space or
 * `。` after its marker (where the line broke in the original), the rest is
 * its body.
 *
 *   > | 一、使命 本所為基層戶政機關，專責受理…
 *       ^^^^^^^^ heading  ^^^^^^^^^^^^ body
 */
function pushPiece(paragraphs: Paragraph[], line: Line, from: number, to: number): void {
  const text = line.text;
  const marker = parseMarker(text.slice(from, Math.min(to, from + 16)));
  if (!marker) {
    paragraphs.push({ lines: [line], text: normalizeText(text.slice(from, to)), from, to, prose: true });
    return;
  }
  if (isLeaderEntry(text.slice(from, to))) {
    // A TOC entry of a TOC printed on the same line.
    paragraphs.push({ lines: [line], text: normalizeText(text.slice(from, to)), from, to, prose: true });
    return;
  }
  // A short heading ends at the first space between words (its line break;
  // not the space PDF text sets around digits); an item written as a
  // sentence (a comma before that space) ends at its `。`.
  const start = from + marker.length;
  let space = start;
  while (space < to && !(isSpaceCode(text.charCodeAt(space)) && !nextToDigit(text, space))) space++;
  const stop = text.indexOf('。', start);
  const sentence = /[，,；、]/u.test(text.slice(start, space)) || (stop !== -1 && stop < space);
  const end = sentence && stop !== -1 && stop < to ? stop + 1 : space;
  if (end - from > MAX_PIECE_TITLE || text.slice(end, to).trim() === '') {
    paragraphs.push({ lines: [line], text: normalizeText(text.slice(from, to)), from, to });
    return;
  }
  paragraphs.push({ lines: [line], text: normalizeText(text.slice(from, end)), from, to: end });
  paragraphs.push({ lines: [line], text: normalizeText(text.slice(end, to)), from: end, to, prose: true });
}

/**
 * The end of a one-line page before the page number printed at its foot:
 *
 *   > | …一、未來4年施政重點 3-2
 *                          ^^^
 */
function withoutPageNumber(text: string, to: number): number {
  const m = /(?<!\s)\s+(?:\d{1,3}\s*[-–]\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|\d{1,3})\s*$/u.exec(text.slice(Math.max(0, to - 24), to));
  return m ? to - m[0].length : to;
}

/** Whether the space run at `at` has a digit on either side (`未來 4 年`): spacing, not a break. */
function nextToDigit(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && isSpaceCode(text.charCodeAt(before))) before--;
  let after = at;
  while (after < text.length && isSpaceCode(text.charCodeAt(after))) after++;
  const digit = (code: number) => code >= 48 && code <= 57;
  return (before >= 0 && digit(text.charCodeAt(before))) || (after < text.length && digit(text.charCodeAt(after)));
}

/** A one-line heading longer than this (code units) has no line break or sentence end to find its end by. */
const MAX_PIECE_TITLE = 200;

function continues(previous: Line, next: Line, format: SourceText['format'], width: number): boolean {
  const prev = previous.text.trimEnd();
  const text = next.text;
  if (MARKDOWN_HEADING.test(prev) || MARKDOWN_HEADING.test(text) || LIST_PREFIX.test(text)) return false;
  if (parseMarker(withoutEmphasis(text.trim()))) return false;
  // A line starting with a marker that lost its `、`, after a line that ended a sentence or a heading.
  if (looseHeading(text) && (SENTENCE_END.test(prev) || isShortHeading(prev) || looseHeading(prev))) return false;
  if (SENTENCE_END.test(prev)) return false;
  if (CONTINUES.test(prev)) return true;
  // PDF text wraps at the page width: a full line goes on, a short one ends
  // its paragraph.  Word and markdown exports hold one paragraph per line.
  return (isPdfText(format) || format === 'text') && displayWidth(prev) >= width * 0.8;
}

/** PDF text of any extractor (`pdf-text`, a layout rendition): lines wrapped at the page width. */
function isPdfText(format: SourceText['format']): boolean {
  return format.startsWith('pdf');
}

/** Display width: CJK and full-width characters count 2. */
function displayWidth(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  let width = 0;
  for (let i = start; i < end; i++) width += text.charCodeAt(i) > 0x2e80 ? 2 : 1;
  return width;
}

function fullLineWidth(lines: readonly Line[], span: DocumentSpan): number {
  // The 90th percentile by counting, not by sorting with a comparator
  // (widths are small integers; a sort calls back into JS per comparison).
  const widths: number[] = [];
  let max = 0;
  for (let i = span.start; i < span.end; i++) {
    if (lines[i].role !== 'content') continue;
    const w = displayWidth(lines[i].text);
    widths.push(w);
    if (w > max) max = w;
  }
  if (widths.length === 0) return 0;
  const rank = Math.floor(widths.length * 0.9);
  if (max > MAX_COUNTED_WIDTH) {
    widths.sort((a, b) => a - b);
    return widths[rank];
  }
  const counts = new Uint32Array(max + 1);
  for (let k = 0; k < widths.length; k++) counts[widths[k]]++;
  let seen = 0;
  for (let w = 0; ; w++) {
    seen += counts[w];
    if (seen > rank) return w;
  }
}

/** A line this long (in code units) may be a whole page on one line. */
const ONE_LINE_MIN = 300;

/** Above this width (a megabyte on one line) the widths are sorted instead of counted. */
const MAX_COUNTED_WIDTH = 1 << 16;

/** Positions: a section runs from its heading to just before the next heading at its level or above. */
function finish(roots: Section[], lines: readonly Line[], span: DocumentSpan): void {
  let endLine = span.end;
  while (endLine > span.start && lines[endLine - 1].role !== 'content') endLine--;
  const docEnd: Position['end'] = linesPosition(lines, Math.max(span.start, endLine - 1), Math.max(span.start + 1, endLine)).end;
  const walk = (nodes: Section[], end: Position['end']) => {
    nodes.forEach((node, i) => {
      const next = nodes[i + 1];
      // A piece of a one-line text ends where the next one starts.
      const nodeEnd = !next ? end : next.position.start.line === node.position.start.line ? next.position.start : previousEnd(lines, next.position.start.line - 1);
      node.position = { end: nodeEnd, start: node.position.start };
      walk(node.children, nodeEnd);
    });
  };
  walk(roots, docEnd);
}

/** End of the last non-blank line before 0-based line index `index`. */
function previousEnd(lines: readonly Line[], index: number): Position['end'] {
  let k = index - 1;
  while (k > 0 && lines[k].role === 'blank') k--;
  const line = lines[Math.max(0, k)];
  return lineEnd(line);
}

/** Titles of the sections enclosing a source offset, outermost first. */
export function sectionPathAt(sections: readonly Section[], offset: number): string[] {
  const path: string[] = [];
  let level: readonly Section[] = sections;
  for (;;) {
    const inside = lastStartingBy(level, offset);
    if (!inside || inside.position.end.offset < offset) return path;
    path.push(`${inside.marker ?? ''}${inside.title}`);
    level = inside.children;
  }
}

/** The last of `nodes` (in source order) that starts at or before `offset`: a binary search, as this runs once per table. */
function lastStartingBy(nodes: readonly Section[], offset: number): Section | undefined {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].position.start.offset <= offset) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? nodes[low - 1] : undefined;
}
