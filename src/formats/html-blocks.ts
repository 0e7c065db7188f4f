/**
 * An HTML tree (hast, from parse5) as the blocks the DOCX and ODT readers
 * collect (`blocks.ts`): paragraphs in document order, headings with their
 * level, and tables cell by cell with `rowspan` / `colspan`, so one table
 * engine serves every format that stores its cells.
 *
 * HTML's table model is DOCX's without `vMerge`: a cell spanning rows is
 * written once and the rows under it leave its places out, which is what the
 * grid builder does when a table has no covered cells (`coveredCells: false`).
 *
 * The walk is an explicit stack (no recursion depth tied to the input).
 * Page chrome of web pages (`nav`, `header`, `footer`, `aside`), scripts,
 * styles and forms' controls are not text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { parseMarker } from '../markers.js';
import { type Block, type CellBlock, MAX_TABLE_DEPTH, type ParagraphBlock, type RowBlock, type TableBlock } from './blocks.js';

/** Elements whose content is never document text. */
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'nav', 'header', 'footer', 'aside', 'select', 'button', 'svg', 'math', 'iframe', 'object']);

/** Elements that end the paragraph before them and their own at their end. */
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'blockquote', 'pre', 'address', 'figure', 'figcaption',
  'caption', 'center', 'form', 'fieldset', 'legend', 'hr', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr',
]);

const HEADING = /^h([1-6])$/;
//   > | <ol style="list-style-type: none">   the numbers are in the text
//                    ^^^^^^^^^^^^^^^^^^^^^^
const HIDDEN_NUMBERS = /list-style(?:-type)?\s*:\s*none/i;


/** Where a table row stands in the HTML: 1-based first and last line. */
export interface RowLines {
  row: RowBlock;
  from: number;
  to: number;
}

interface Container {
  blocks: Block[];
  text: string;
  marker: string;
  heading: number | null;
}

interface List {
  ordered: boolean;
  next: number;
}

interface Frame {
  children: readonly ElementContent[];
  at: number;
  exit: (() => void) | null;
}

/** The blocks of an HTML tree; `rowLines` (when given) receives every table row's source lines. */
export function htmlBlocks(root: Root | Element, rowLines?: RowLines[]): Block[] {
  const top: Container = { blocks: [], text: '', marker: '', heading: null };
  let container = top;
  const lists: List[] = [];
  let table: TableBlock | null = null;
  let row: RowBlock | null = null;
  let inHead = 0;
  let pre = 0;
  let tableDepth = 0;
  const headerCells = new WeakSet<CellBlock>();

  const flush = (target: Container) => {
    const text = target.text
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (text) {
      const marker = target.marker && !parseMarker(text) ? target.marker : '';
      const paragraph: ParagraphBlock = { kind: 'paragraph', text, marker, heading: target.heading };
      target.blocks.push(paragraph);
    }
    target.text = '';
    target.marker = '';
    target.heading = null;
  };

  const frames: Frame[] = [{ children: root.children as ElementContent[], at: 0, exit: null }];
  while (frames.length) {
    const frame = frames[frames.length - 1];
    if (frame.at >= frame.children.length) {
      frames.pop();
      frame.exit?.();
      continue;
    }
    const node = frame.children[frame.at++];
    if (node.type === 'text') {
      container.text += pre ? node.value : node.value.replace(/[ \t\r\n\f]+/g, ' ');
      continue;
    }
    if (node.type !== 'element') continue;
    const name = node.tagName;
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      container.text += '\n';
      continue;
    }
    const exits: (() => void)[] = [];
    const cellsAllowed = tableDepth > 0 && tableDepth <= MAX_TABLE_DEPTH;
    if (BLOCK.has(name)) {
      flush(container);
      const owner = container;
      exits.push(() => flush(owner));
    }
    const heading = HEADING.exec(name);
    if (heading) container.heading = Number(heading[1]);
    if (name === 'pre') {
      pre++;
      exits.push(() => pre--);
    }
    if (name === 'ol' || name === 'ul') {
      const start = Number(node.properties?.start ?? 1);
      const hidden = HIDDEN_NUMBERS.test(String(node.properties?.style ?? ''));
      lists.push({ ordered: name === 'ol' && !hidden, next: Number.isFinite(start) ? start : 1 });
      exits.push(() => lists.pop());
    }
    if (name === 'li') {
      const list = lists[lists.length - 1];
      if (list?.ordered) container.marker = `${list.next++}.`;
    }
    if (name === 'thead') {
      inHead++;
      exits.push(() => inHead--);
    }
    if (name === 'table') {
      tableDepth++;
      const outer = { table, row };
      if (tableDepth <= MAX_TABLE_DEPTH) {
        table = { kind: 'table', rows: [], coveredCells: false };
        container.blocks.push(table);
        row = null;
      }
      exits.push(() => {
        tableDepth--;
        table = outer.table;
        row = outer.row;
      });
    }
    if (name === 'tr' && cellsAllowed && table) {
      const current: RowBlock = { header: inHead > 0, skip: 0, cells: [] };
      table.rows.push(current);
      const outerRow = row;
      row = current;
      const from = node.position?.start.line;
      exits.push(() => {
        // A row of `<th>` cells only is a header row too (no `<thead>`).
        if (current.cells.length > 0 && current.cells.every((cell) => headerCells.has(cell))) current.header = true;
        if (rowLines && from !== undefined) rowLines.push({ row: current, from, to: node.position?.end.line ?? from });
        row = outerRow;
      });
    }
    if ((name === 'td' || name === 'th') && cellsAllowed && row) {
      const cell: CellBlock = {
        blocks: [],
        columns: span(node.properties?.colSpan),
        rows: span(node.properties?.rowSpan),
        merge: null,
        covered: false,
      };
      if (name === 'th') headerCells.add(cell);
      row.cells.push(cell);
      const outer = container;
      container = { blocks: cell.blocks, text: '', marker: '', heading: null };
      const inner = container;
      exits.push(() => {
        flush(inner);
        container = outer;
      });
    }
    frames.push({ children: node.children, at: 0, exit: exits.length === 0 ? null : () => { for (let i = exits.length - 1; i >= 0; i--) exits[i](); } });
  }
  flush(top);
  return top.blocks;
}

function span(value: unknown): number {
  const n = Number(value ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}
