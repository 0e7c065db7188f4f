/**
 * A small reader for the HTML that converters put in table cells: `<p>`,
 * `<br>`, `<ol>`/`<ul>`/`<li>`, `<div>`, inline `<span>` `<b>` `<i>` `<u>`
 * `<strong>` `<em>` `<sup>` `<sub>` `<font>`, and the entities `&amp;` `&lt;`
 * `&gt;` `&quot;` `&apos;` `&nbsp;` `&#…;`.  It gives what the full HTML parser
 * (hast-util-from-html, then hast-util-to-text) gives for them, without
 * loading parse5 (~50 ms per process and per worker) or building a hast
 * tree, and returns null for anything else — another tag, a comment, an
 * entity it does not know, markup the HTML parser would repair (a block
 * opened inside `<p>`, an `<li>` outside a list, a stray end tag), nesting
 * deeper than MAX_DEPTH — so that the caller falls back to the full parser.
 *
 *   > | <ol style="list-style-type: none"> <li>1. 加強督導里幹事服勤</li> <li>2. 召開會報。</li></ol>
 *       ^^^^                               ^^^^                   ^^^^^
 */
import { parseMarker } from '../markers.js';

/** Deeper nesting goes to the full parser (and its own depth bound). */
export const MAX_DEPTH = 32;

const BLOCK = new Set(['p', 'div', 'ol', 'ul', 'li']);
const INLINE = new Set(['span', 'b', 'i', 'u', 'strong', 'em', 'sup', 'sub', 'font']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const HIDDEN_NUMBERS = /list-style-type\s*:\s*none/i;

interface Element {
  tag: string;
  attributes: Map<string, string>;
  children: Node[];
}
type Node = Element | string;

/**
 * The cell's text as htmlCellText gives it (`<p>`, `<li>`, `<br>`, block
 * boundaries as `\n`; `<ol>` items numbered unless they carry a number or the
 * list hides its numbers), or null when the full HTML parser must read it.
 */
export function fastHtmlCellText(cell: string): string | null {
  const root = readTree(cell);
  if (root === null) return null;
  const out: string[] = [];
  writeText(root, out);
  return out
    .join('')
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n');
}

/** The element tree of a cell, or null for markup outside this reader's subset. */
function readTree(cell: string): Element | null {
  const root: Element = { tag: '#root', attributes: new Map(), children: [] };
  const stack: Element[] = [root];
  let text = '';
  let i = 0;
  const flushText = (): void => {
    if (text !== '') stack[stack.length - 1].children.push(text);
    text = '';
  };
  while (i < cell.length) {
    const code = cell.charCodeAt(i);
    if (code === 0 || code === 13) return null; // parse5 rewrites NUL and CR
    if (code === 38 /* & */) {
      const end = cell.indexOf(';', i);
      if (end < 0 || end - i > 10) return null;
      const decoded = entity(cell.slice(i + 1, end));
      if (decoded === null) return null;
      text += decoded;
      i = end + 1;
      continue;
    }
    if (code !== 60 /* < */) {
      text += cell[i];
      i++;
      continue;
    }
    const next = cell.charCodeAt(i + 1);
    const closing = next === 47; /* / */
    const first = closing ? cell.charCodeAt(i + 2) : next;
    if (!isAsciiLetter(first)) {
      // `40 < 252`: text.  `<!--`, `<?`, `</ ` are comments to the HTML parser.
      if (next === 33 || next === 63 || closing || Number.isNaN(next)) return null;
      text += '<';
      i++;
      continue;
    }
    const tag = readTag(cell, closing ? i + 2 : i + 1);
    if (tag === null) return null;
    flushText();
    i = tag.end;
    const name = tag.name;
    if (closing) {
      if (name === 'br' || tag.attributes.size > 0 || tag.selfClosing) return null;
      const top = stack[stack.length - 1];
      // `<li>` closes at the end of its list too, as the HTML parser closes it.
      if (top.tag === 'li' && (name === 'ol' || name === 'ul') && stack[stack.length - 2].tag === name) stack.pop();
      if (stack[stack.length - 1].tag !== name || stack.length === 1) return null;
      stack.pop();
      continue;
    }
    if (name === 'br') {
      stack[stack.length - 1].children.push({ tag: 'br', attributes: tag.attributes, children: [] });
      continue;
    }
    if (tag.selfClosing || tag.attributes.has('hidden')) return null;
    if (BLOCK.has(name)) {
      // The HTML parser closes an open <p> here (or an open <li> at a new item): only the plain cases are read here.
      if (name === 'li') {
        if (stack[stack.length - 1].tag === 'li') stack.pop();
        const parent = stack[stack.length - 1].tag;
        if (parent !== 'ol' && parent !== 'ul') return null;
      }
      for (const open of stack) if (open.tag === 'p') return null;
    } else if (!INLINE.has(name)) return null;
    if (stack.length > MAX_DEPTH) return null;
    const element: Element = { tag: name, attributes: tag.attributes, children: [] };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  }
  flushText();
  // Open elements are closed at the end, as the HTML parser closes them.
  return root;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  /** Index just after the `>`. */
  end: number;
}

//   > | <ol style="list-style-type: none" start=3>
//        ^^ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ^^^^^^^
function readTag(cell: string, start: number): Tag | null {
  let i = start;
  while (i < cell.length && isAsciiAlphanumeric(cell.charCodeAt(i))) i++;
  const name = cell.slice(start, i).toLowerCase();
  const attributes = new Map<string, string>();
  let selfClosing = false;
  for (;;) {
    while (i < cell.length && isHtmlSpace(cell.charCodeAt(i))) i++;
    if (i >= cell.length) return null;
    const code = cell.charCodeAt(i);
    if (code === 62 /* > */) return { name, attributes, selfClosing, end: i + 1 };
    if (code === 47 /* / */) {
      if (cell.charCodeAt(i + 1) !== 62) return null;
      selfClosing = true;
      i++;
      continue;
    }
    const nameStart = i;
    while (i < cell.length && !isHtmlSpace(cell.charCodeAt(i)) && !'/>="\'<'.includes(cell[i])) i++;
    if (i === nameStart) return null;
    const attribute = cell.slice(nameStart, i).toLowerCase();
    while (i < cell.length && isHtmlSpace(cell.charCodeAt(i))) i++;
    let value = '';
    if (cell.charCodeAt(i) === 61 /* = */) {
      i++;
      while (i < cell.length && isHtmlSpace(cell.charCodeAt(i))) i++;
      const quote = cell[i];
      if (quote === '"' || quote === "'") {
        const close = cell.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = cell.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < cell.length && !isHtmlSpace(cell.charCodeAt(i)) && cell[i] !== '>') i++;
        value = cell.slice(valueStart, i);
        if (value === '' || /["'<=`]/.test(value)) return null;
      }
      // Entities in attribute values are the full parser's job.
      if (value.includes('&')) return null;
    }
    // The first of two same-named attributes wins, as in HTML.
    if (!attributes.has(attribute)) attributes.set(attribute, value);
  }
}

function entity(name: string): string | null {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
    const code = Number.parseInt(digits, hex ? 16 : 10);
    // Characters the HTML parser remaps or reports (controls, surrogates, noncharacters) are left to it.
    const plain = code === 9 || code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfdcf) || (code >= 0xfdf0 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff && (code & 0xfffe) !== 0xfffe);
    return plain ? String.fromCodePoint(code) : null;
  }
  return ENTITIES[name] ?? null;
}

/** Text in document order, blocks and `<br>` as line breaks, `<ol>` items numbered. */
function writeText(element: Element, out: string[]): void {
  const hideNumbers = element.tag === 'ol' && HIDDEN_NUMBERS.test(element.attributes.get('style') ?? '');
  let n = 1;
  if (element.tag === 'ol') {
    const start = Number(element.attributes.get('start') ?? 1);
    n = Number.isFinite(start) ? start : 1;
  }
  for (const child of element.children) {
    if (typeof child === 'string') {
      out.push(child);
      continue;
    }
    if (child.tag === 'br') {
      out.push('\n');
      continue;
    }
    const block = BLOCK.has(child.tag);
    if (block) out.push('\n');
    if (element.tag === 'ol' && child.tag === 'li') {
      if (!hideNumbers && parseMarker(collapsedText(child)) === null) out.push(`${n}. `);
      n++;
    }
    writeText(child, out);
    if (block) out.push('\n');
  }
}

/** An item's text as hast-util-to-text's normal white space gives it, enough for parseMarker. */
function collapsedText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (typeof child === 'string') parts.push(child);
      else if (child.tag === 'br' || BLOCK.has(child.tag)) {
        parts.push('\n');
        walk(child);
        parts.push('\n');
      } else walk(child);
    }
  };
  walk(element);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f]+/g, ' ').replace(/^ | $/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57);
}

function isHtmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}
