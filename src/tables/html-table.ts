/**
 * Reader for HTML tables inside a text export: converters write a table as
 * raw HTML when its cells span rows or columns or hold lists (pandoc's
 * GitHub markdown, markdown exporters of DOCX), with the rest of the
 * document as markdown or text:
 *
 *   > | <table>
 *       ^^^^^^ a line starting a table, up to the `</table>` that closes it
 *   > | <thead><tr><th>機關工作項目</th><th>重要工作計畫項目</th>…
 *   > | <tr class="odd"><td rowspan="5">一、貫徹農地農用政策</td>…
 *
 * The block is parsed by parse5 (loaded on the first HTML table) and read
 * cell by cell by the same table engine as DOCX, ODT and HTML files
 * (`formats/html-blocks.ts`, `formats/blocks.ts`): spans, header rows and
 * repeated headers handled once for every format.
 */
import { lineTableOf } from '../line-table.js';
import { layOutTable, type TableBlock } from '../formats/blocks.js';
import { type RowLines, htmlBlocks } from '../formats/html-blocks.js';
import { linesPosition } from '../lines.js';
import type { Line, RawRow, TableReader } from '../types.js';
import { loadHast } from './html-cell.js';
import { rowOver } from './ruled-text.js';

//   > |   <table class="MsoTableGrid" border=1>
//         ^^^^^^
const TABLE_START = /^\s*<table[\s>]/i;
const TABLE_TAG = /<(\/?)table[\s>]/gi;

// Where each table that opens at a line start closes (exclusive end line),
// found for all of a source's lines in one pass and kept per lines array: the
// reader is asked at every line, and a rescan per `<table` line would make
// many unclosed tables quadratic.
const tableEnds = new WeakMap<Line[], Map<number, number>>();

function endsOf(lines: Line[]): Map<number, number> {
  let ends = tableEnds.get(lines);
  if (ends) return ends;
  ends = new Map();
  const open: number[] = [];
  // Through the line table: the lines array may hold only the document's objects.
  const table = lineTableOf(lines);
  for (let i = 0; i < table.length; i++) {
    const text = table.textOf(i);
    if (!text.includes('<')) continue;
    TABLE_TAG.lastIndex = 0;
    let first = true;
    for (let match = TABLE_TAG.exec(text); match; match = TABLE_TAG.exec(text)) {
      if (!match[1]) open.push(first && TABLE_START.test(text) ? i : -1);
      else {
        const start = open.pop();
        if (start !== undefined && start >= 0 && open.length === 0) ends.set(start, i + 1);
      }
      first = false;
    }
  }
  tableEnds.set(lines, ends);
  return ends;
}

export const htmlTableReader: TableReader = {
  layout: 'html',
  read(lines, start, limit) {
    if (!TABLE_START.test(lines[start].text)) return null;
    const end = endsOf(lines).get(start);
    if (end === undefined || end > limit) return null;
    const parts: string[] = [];
    for (let i = start; i < end; i++) parts.push(lines[i].text);
    const rowLines: RowLines[] = [];
    const tree = loadHast()(parts.join('\n'), { fragment: true });
    const table = htmlBlocks(tree, rowLines).find((block): block is TableBlock => block.kind === 'table');
    if (!table || table.rows.length < 2) return null;
    const laidOut = layOutTable(table);
    if (laidOut.header.length < 2) return null;
    const where = new Map(rowLines.map((entry) => [entry.row, entry]));
    const rows: RawRow[] = [];
    for (const { values, row, data } of laidOut.rows) {
      if (!data) continue;
      const source = where.get(table.rows[row]);
      // hast lines are 1-based within the block.
      const from = source ? start + source.from - 1 : start;
      rows.push(rowOver(lines, values, from, source ? Math.min(end, start + source.to) : from + 1));
    }
    return { layout: 'html', header: laidOut.header, rows, start, end, position: linesPosition(lines, start, end), diagnostics: [] };
  },
};
