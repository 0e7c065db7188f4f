/**
 * Reader for markdown pipe tables (GFM), as some converters write them:
 *
 *   > | | 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 108年 |
 *   > | |---|---|---|---|
 *       ^^^^^ a delimiter row under the first row makes it a table
 *   > | | 一、原住民歲時祭儀 | 參與人數 | 500 |
 *
 * The block is parsed with remark-parse + remark-gfm, which know the escaping
 * rules (`\|`, code spans, `<br>`) that splitting at pipes gets wrong.  They are
 * loaded on the first pipe table only: loading them costs ~100 ms.
 */
import { createRequire } from 'node:module';
import { linesPosition } from '../lines.js';
import type { RawRow, RawTable, TableReader } from '../types.js';

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$/;

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number } };
}

type ParseMarkdown = (text: string) => MdNode;
let parseMarkdown: ParseMarkdown | undefined;

function markdownParser(): ParseMarkdown {
  if (!parseMarkdown) {
    // unified and remark are ESM-only; Node ≥ 20.19 loads them synchronously.
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
    const processor = unified().use(remarkParse).use(remarkGfm);
    parseMarkdown = (text) => processor.runSync(processor.parse(text)) as unknown as MdNode;
  }
  return parseMarkdown;
}

export const markdownTableReader: TableReader = {
  layout: 'markdown',
  read(lines, start, limit) {
    if (!PIPE_ROW.test(lines[start].text)) return null;
    const delimiter = start + 1 < limit ? lines[start + 1] : undefined;
    if (!delimiter || !DELIMITER_ROW.test(delimiter.text) || !delimiter.text.includes('-')) return null;
    let end = start + 2;
    while (end < limit && PIPE_ROW.test(lines[end].text)) end++;
    const block = lines.slice(start, end);
    const tree = markdownParser()(block.map((line) => line.text).join('\n'));
    const table = tree.children?.find((node) => node.type === 'table');
    if (!table?.children?.length) return null;
    const [headerRow, ...bodyRows] = table.children;
    const rows: RawRow[] = bodyRows.map((row) => {
      const at = start + (row.position?.start.line ?? 1) - 1;
      return { cells: (row.children ?? []).map(cellText), position: linesPosition(lines, at, at + 1), lines: [at] };
    });
    return {
      layout: 'markdown',
      header: (headerRow.children ?? []).map(cellText),
      rows,
      start,
      end,
      position: linesPosition(lines, start, end),
      diagnostics: [],
    } satisfies RawTable;
  },
};

/** Text of a cell; `<br>` and other inline HTML boundaries become `\n`. */
function cellText(cell: MdNode): string {
  let text = '';
  const walk = (node: MdNode) => {
    if (node.type === 'html') text += /^<\/?(?:br|p|li|div)\b/i.test(node.value ?? '') ? '\n' : '';
    else if (node.type === 'break') text += '\n';
    else if (typeof node.value === 'string') text += node.value;
    for (const child of node.children ?? []) walk(child);
  };
  walk(cell);
  return text.trim();
}
