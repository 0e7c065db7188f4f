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

function loadHast(): typeof FromHtml {
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

export function htmlCellText(cell: string): string {
  if (!cell.includes('<') || !TAG.test(cell)) return cell;
  // What converters write (p, br, lists, inline tags, basic entities) is read
  // without parse5 (html-cell-fast.ts); anything else by the full parser.
  return fastHtmlCellText(cell) ?? fullHtmlCellText(cell);
}

/** A cell's text through the full HTML parser (hast-util-from-html and hast-util-to-text). */
export function fullHtmlCellText(cell: string): string {
  const tree = loadHast()(cell, { fragment: true });
  numberOrderedLists(tree);
  return toText(tree, { whitespace: 'pre-wrap' })
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n');
}

/** Write the numbers of `<ol>` items that do not carry their own. */
function numberOrderedLists(node: Root | Element): void {
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
    numberOrderedLists(child);
  }
}
