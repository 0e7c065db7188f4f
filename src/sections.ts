/**
 * Section stage: join wrapped lines into paragraphs, find the numbered
 * headings among them, and nest them into a tree.  Levels come from the order
 * in which marker styles nest in each document, not from a fixed table;
 * numbering continuity decides doubtful markers.
 */
import { lineEnd, linesPosition } from './lines.js';
import { parseMarker, type Marker } from './markers.js';
import { tocEntryText } from './normalize/index.js';
import { withoutEmphasis } from './normalize/markdown.js';
import { normalizeText, stripSpaces } from './normalize/text.js';
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
}

interface Heading {
  marker: Marker | null;
  /** Style key used to nest: a marker style (`arabic、` for `1、`), `markdown-hN`, or `unnumbered`. */
  key: string;
  title: string;
  /** Written as a heading (`## 肆、會計部門`: a markdown heading, a DOCX/ODT heading style), not only numbered like one. */
  explicit?: boolean;
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
  for (const paragraph of paragraphs) {
    const heading = readHeading(paragraph, tocTitles, source.format !== 'pdf-text' && source.format !== 'pdf-layout-text');
    const placed = heading ? place(heading, stack) : null;
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
        position: linesPosition(source.lines, first.index, last.index + 1),
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
  finish(roots, source.lines, span);
  return { sections: roots, diagnostics };
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
  // 4. A heading written as one starts its list wherever it starts (a report
  // on some departments only), a sibling of an open level of its style:
  //
  //   > | ## 肆、會計部門
  //          ^^ no 壹 before it
  if (heading.explicit) {
    const same = findLast(stack, (level) => level.key === heading.key);
    return { depth: same === -1 ? stack.length : same, gap: null, restart: false };
  }
  // Otherwise it is not a heading: `2.` inside a sentence, a stray number.
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

/**
 * @param spacedOut whether a line of letters set apart by spaces reads as a
 *   heading: true except in PDF text, where justification spreads the short
 *   last line of a table cell the same way (`色 宗 教 節 慶 活`).
 */
function readHeading(paragraph: Paragraph, tocTitles: Map<string, Marker | null>, spacedOut: boolean): Heading | null {
  const raw = paragraph.lines[0].text;
  let text = paragraph.text;
  const hashes = MARKDOWN_HEADING.exec(raw);
  if (hashes) text = normalizeText(text.replace(/^#{1,6}\s*/, ''));
  else if (LIST_PREFIX.test(raw)) text = normalizeText(text.replace(/^[-*+]\s*/, ''));
  text = withoutEmphasis(text);
  const marker = parseMarker(text);
  if (marker && marker.rest !== '') {
    // `1、` and `1.` are told apart: Word writes its renumbered 壹/一 as `1、`.
    const key = marker.style === 'arabic' && /^[0-9０-９]+\s*、/u.test(text) ? ARABIC_COMMA : marker.style;
    return { marker, key, title: marker.rest, explicit: hashes !== null };
  }
  if (hashes) return { marker: null, key: `markdown-h${hashes[1].length}`, title: text };
  // A heading named in the document's table of contents, or spaced out:
  //
  //   > | 民 政 部 門
  //       ^^^^^^^^^^
  if (paragraph.lines.length === 1) {
    const compact = stripSpaces(text);
    if (tocTitles.has(compact)) {
      const tocMarker = tocTitles.get(compact) ?? null;
      return { marker: tocMarker ? { ...tocMarker, rest: compact } : null, key: tocMarker?.style ?? 'unnumbered', title: compact };
    }
    if (spacedOut && /^\p{Script=Han}(?:[ \u3000]+\p{Script=Han}){2,9}$/u.test(raw.trim())) return { marker: null, key: 'unnumbered', title: compact };
  }
  return null;
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
    const entry = stripSpaces(tocEntryText(line.text));
    const marker = parseMarker(entry);
    const title = marker ? marker.rest : entry;
    if (title) titles.set(stripSpaces(title), marker);
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
  const width = source.format === 'pdf-text' || source.format === 'pdf-layout-text' || source.format === 'text' || source.format === 'pdf' ? fullLineWidth(lines, span) : 0;
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  let previous: Line | null = null;
  const flush = () => {
    if (current.length) paragraphs.push({ lines: current, text: normalizeText(current.map((line) => line.text).join('\n')) });
    current = [];
  };
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

function continues(previous: Line, next: Line, format: SourceText['format'], width: number): boolean {
  const prev = previous.text.trimEnd();
  const text = next.text;
  if (MARKDOWN_HEADING.test(prev) || MARKDOWN_HEADING.test(text) || LIST_PREFIX.test(text)) return false;
  if (parseMarker(withoutEmphasis(text.trim()))) return false;
  if (SENTENCE_END.test(prev)) return false;
  if (CONTINUES.test(prev)) return true;
  // PDF text wraps at the page width: a full line goes on, a short one ends
  // its paragraph.  Word and markdown exports hold one paragraph per line.
  return (format === 'pdf-text' || format === 'pdf-layout-text' || format === 'text' || format === 'pdf') && displayWidth(prev) >= width * 0.8;
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
      const nodeEnd = next ? previousEnd(lines, next.position.start.line - 1) : end;
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
    const inside = level.filter((node) => node.position.start.offset <= offset).pop();
    if (!inside || inside.position.end.offset < offset) return path;
    path.push(`${inside.marker ?? ''}${inside.title}`);
    level = inside.children;
  }
}
