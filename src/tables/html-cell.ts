/**
 * Plain text of a table cell that may hold HTML fragments (converter markdown:
 * `<p>…</p>`, `<ol><li>…</li></ol>`, `<br>`).  `<p>`, `<li>` and `<br>`
 * boundaries become `\n`.  Cells without a known tag skip the HTML parser.
 *
 *   > | <p>二、宗教禮俗</p> <p>(一)輔導宗教團體</p>   → `二、宗教禮俗\n(一)輔導宗教團體`
 *   > | <ol><li>召開會報。</li><li>辦理表揚。</li></ol> → `1. 召開會報。\n2. 辦理表揚。`
 *
 * An `<ol>` shows its numbers only through rendering, so its items get a
 * written `1.` `2.` … unless they already carry one or the list hides its
 * numbers (`list-style-type: none`, which converters use when the numbers are
 * in the text).
 */
import { createRequire } from 'node:module';
import type { Element, ElementContent, Root } from 'hast';
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import type { toText as ToText } from 'hast-util-to-text';
import { parseMarker } from '../markers.js';
import { fastHtmlCellText } from './html-cell-fast.js';

// hast-util-from-html pulls in parse5 (~50 ms to load): most runs never see an
// HTML cell, so it is loaded on the first one.  Both packages are ESM-only;
// Node ≥ 20.19 requires them synchronously (as markdown.ts does for remark).
let fromHtml: typeof FromHtml | undefined;
let toText: typeof ToText;

/** hast-util-from-html's `fromHtml`, loaded on first use. */
export function loadHast(): typeof FromHtml {
  if (!fromHtml) {
    const require = createRequire(import.meta.url);
    toText = (require('hast-util-to-text') as typeof import('hast-util-to-text')).toText;
    fromHtml = (require('hast-util-from-html') as typeof import('hast-util-from-html')).fromHtml;
  }
  return fromHtml;
}

//   > | <p>…</p>   <ol style="…">   <br/>   but not `40 < 252`
//       ^^         ^^^             ^^^
const TAG = /<\/?(?:p|li|ol|ul|br|div|span|b|i|u|strong|em|td|tr|table|tbody|thead|th|sup|sub|font)(?=[\s>/])/i;
const HIDDEN_NUMBERS = /list-style-type\s*:\s*none/i;

/**
 * How deep the HTML of one cell may nest before it is read as plain text: the
 * HTML parser and the text extraction each walk the open elements, so their
 * work grows with depth × size.  Converters nest two or three lists at most.
 */
export const MAX_HTML_DEPTH = 32;

/** Called when a cell's HTML nests deeper than `MAX_HTML_DEPTH` (with the depth reached). */
export type OnTooDeep = (depth: number) => void;

export function htmlCellText(cell: string, onTooDeep?: OnTooDeep): string {
  if (!cell.includes('<') || !TAG.test(cell)) return cell;
  const depth = nestingDepth(cell, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    onTooDeep?.(depth);
    return cleanLines(flatText(cell));
  }
  // What converters write (p, br, lists, inline tags, basic entities) is read
  // without parse5 (html-cell-fast.ts); anything else by the full parser.
  return fastHtmlCellText(cell) ?? fullHtmlCellText(cell);
}

/** A cell's text through the full HTML parser (hast-util-from-html and hast-util-to-text). */
export function fullHtmlCellText(cell: string): string {
  const tree = loadHast()(cell, { fragment: true });
  numberOrderedLists(tree);
  return cleanLines(toText(tree, { whitespace: 'pre-wrap' }));
}

function cleanLines(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n');
}

//   > | <ol><li><ol><li>辦理</li></ol></li></ol>
//       ^^^^ ^^^^ ^^^^^     ^^^^^
const ANY_TAG = /<(\/?)([a-z][a-z0-9]*)\b[^<>]*?(\/?)>/gi;
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'embed', 'source', 'track', 'param']);
// Opening one of these closes an open one of the same name (`<li>a<li>b`).
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd']);

/**
 * How deep the cell's elements nest, in one pass over its tags, stopping once
 * past `bound`.  A close tag pops up to its open element; a counter per name
 * makes a close tag without an open element cost nothing.
 */
export function nestingDepth(html: string, bound: number): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let max = 0;
  ANY_TAG.lastIndex = 0;
  for (let match = ANY_TAG.exec(html); match; match = ANY_TAG.exec(html)) {
    const name = match[2].toLowerCase();
    if (match[1]) {
      if (!open.get(name)) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, open.get(top)! - 1);
        if (top === name) break;
      }
      continue;
    }
    if (match[3] || VOID.has(name)) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > max && (max = stack.length) > bound) break;
  }
  return max;
}

//   > | <li>召開會報。</li><br/>辦理表揚
//       ^^^^         ^^^^^^^^^^
const BREAKING_TAG = /<\/?(?:p|li|ol|ul|br|div|tr|table|tbody|thead)\b[^<>]*>/gi;
const OTHER_TAG = /<\/?[a-z][a-z0-9]*\b[^<>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of HTML too deep to parse: block and line-break tags become `\n`, other tags go, common entities are decoded. */
function flatText(html: string): string {
  return html
    .replace(BREAKING_TAG, '\n')
    .replace(OTHER_TAG, '')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

/** Write the numbers of `<ol>` items that do not carry their own (iteratively: depth is bounded, the stack need not be). */
function numberOrderedLists(root: Root): void {
  const pending: Array<Root | Element> = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'ol' && !HIDDEN_NUMBERS.test(String(child.properties?.style ?? ''))) {
        const start = Number(child.properties?.start ?? 1);
        let n = Number.isFinite(start) ? start : 1;
        for (const item of child.children) {
          if (item.type !== 'element' || item.tagName !== 'li') continue;
          if (parseMarker(toText(item)) === null) item.children.unshift({ type: 'text', value: `${n}. ` } as ElementContent);
          n++;
        }
      }
      pending.push(child);
    }
  }
}
