/**
 * Plain text of a table cell that may hold HTML fragments (converter markdown:
 * `<p>…</p>`, `<ol><li>…</li></ol>`, `<br>`).  `<p>`, `<li>` and `<br>`
 * boundaries become `\n`.  Cells without `<` skip the HTML parser.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const TAG = /<\/?(?:p|li|ol|ul|br|div|span|b|i|u|strong|em|td|tr|table|tbody|thead|th|sup|sub|font)\b[^>]*>/i;

export function htmlCellText(cell: string): string {
  if (!cell.includes('<') || !TAG.test(cell)) return cell;
  const tree = fromHtml(cell, { fragment: true });
  return toText(tree, { whitespace: 'pre-wrap' })
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n');
}
