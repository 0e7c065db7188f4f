/**
 * The small reader for converter HTML in table cells (html-cell-fast.ts)
 * must give exactly what the full HTML parser gives (fullHtmlCellText), or
 * leave the cell to it (null).  Checked on every HTML cell of the seeds, on
 * the shapes converters write, and on generated cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHtmlCellText, MAX_DEPTH } from '../src/tables/html-cell-fast.js';
import { fullHtmlCellText, htmlCellText } from '../src/tables/html-cell.js';
import { seedNames, seedText } from './helpers/seeds.js';

const TAG = /<\/?(?:p|li|ol|ul|br|div|span|b|i|u|strong|em|td|tr|table|tbody|thead|th|sup|sub|font)(?=[\s>/])/i;

describe('fastHtmlCellText', () => {
  it('reads every HTML cell of the seeds, as the full parser does', () => {
    let cells = 0;
    for (const name of seedNames) {
      for (const line of seedText(name).split('\n')) {
        for (const cell of line.split('\t')) {
          if (!TAG.test(cell)) continue;
          cells++;
          const fast = fastHtmlCellText(cell);
          expect(fast, cell).not.toBeNull();
          expect(fast).toBe(fullHtmlCellText(cell));
        }
      }
    }
    expect(cells).toBeGreaterThan(30);
  });

  it('numbers <ol> items unless they carry a number or the list hides numbers', () => {
    //   > | <ol><li>召開會報。</li><li>辦理表揚。</li></ol>
    //       ^^^^
    const cell = '<ol><li>召開會報。</li><li>辦理表揚。</li></ol>';
    expect(fastHtmlCellText(cell)).toBe('1. 召開會報。\n2. 辦理表揚。');
    expect(fastHtmlCellText('<ol start="3"><li>甲</li><li>2. 乙</li></ol>')).toBe('3. 甲\n2. 乙');
    expect(fastHtmlCellText('<ol style="list-style-type: none"> <li>1. 加強督導</li> <li>召開</li></ol>')).toBe('1. 加強督導\n召開');
    expect(fastHtmlCellText('<p>二、宗教禮俗&nbsp;</p> <p>(一)輔導&amp;宗教團體<br/>第二行</p>')).toBe('二、宗教禮俗\n(一)輔導&宗教團體\n第二行');
  });

  it('leaves to the full parser what it does not read', () => {
    for (const cell of [
      '<table><tr><td>a</td></tr></table>',
      '<p>a<!-- note --></p>',
      '<p>a<p>b</p>',
      '<p>a<ol><li>b</li></ol></p>',
      '<li>outside a list</li>',
      '<p>a</span>',
      '<p>&copy; 2024</p>',
      '<p>&#128; control</p>',
      '<p>a\r\nb</p>',
      '<p hidden>a</p>',
    ]) {
      expect(fastHtmlCellText(cell), cell).toBeNull();
      expect(htmlCellText(cell)).toBe(fullHtmlCellText(cell));
    }
    expect(fastHtmlCellText(`${'<span>'.repeat(MAX_DEPTH + 1)}deep`)).toBeNull();
  });

  it('on generated cells it either agrees with the full parser or leaves the cell to it', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<br>', '<br/>', '<ol>', '</ol>', '<ol start="2">', '<ol style="list-style-type:none">', '<ul>', '</ul>', '<li>', '</li>',
      '<span style="x">', '</span>', '<b>', '</b>', '<div>', '</div>', '&amp;', '&nbsp;', '&lt;', '&#x4E00;', '&#20108;', ' ', '  ', '\t', '\n',
      '1.', '(一)', '一、', '提升', '服務', '40 < 252', '>', '&', '<', '</', 'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const cell = pieces.join('');
        const fast = fastHtmlCellText(cell);
        if (fast !== null) expect(fast).toBe(fullHtmlCellText(cell));
      }),
      { numRuns: 2000 },
    );
  });
});
