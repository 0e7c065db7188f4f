/**
 * Markdown the way docling and markitdown write a document's tables: every
 * table a GFM pipe table, a spanning cell's text repeated in every place it
 * covers (header cells across their columns, a strategy down its rows).
 * Reads fixtures/corpus/html, writes fixtures/converters/span-copies/.
 *
 *   node scripts/make-span-copies.mjs
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
const require = createRequire(new URL('../package.json', import.meta.url));
const { fromHtml } = require('hast-util-from-html');
const { toText } = require('hast-util-to-text');
const dir = new URL('../fixtures/corpus/html/', import.meta.url).pathname;
const outDir = new URL('../fixtures/converters/span-copies/', import.meta.url).pathname;
for (const name of readdirSync(dir).filter((file) => file.endsWith('.html'))) {
  const tree = fromHtml(readFileSync(`${dir}/${name}`, 'utf8'));
  const out = [];
  const walk = (node) => {
    if (node.type === 'element' && ['style', 'script', 'head'].includes(node.tagName)) return;
    if (node.type === 'element' && node.tagName === 'table') { out.push(table(node), ''); return; }
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) { out.push('#'.repeat(+node.tagName[1]) + ' ' + toText(node).trim(), ''); return; }
    if (node.type === 'element' && ['p', 'li'].includes(node.tagName)) { const t = toText(node).trim(); if (t) out.push(t, ''); return; }
    for (const child of node.children ?? []) walk(child);
  };
  const table = (node) => {
    const rows = [];
    const visit = (n) => { if (n.type !== 'element') return; if (n.tagName === 'tr') rows.push(n); else for (const c of n.children) visit(c); };
    visit(node);
    const grid = [];
    rows.forEach((tr, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of tr.children.filter((x) => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th'))) {
        while (grid[r][c] !== undefined) c++;
        const text = toText(cell).replace(/\s*\n\s*/g, ' ').trim().replace(/\|/g, '\\|');
        const cs = +(cell.properties.colSpan ?? 1), rs = +(cell.properties.rowSpan ?? 1);
        for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) { grid[r + dr] ??= []; grid[r + dr][c + dc] = text; }
        c += cs;
      }
    });
    const width = Math.max(...grid.map((row) => row.length));
    const line = (row) => '| ' + Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ') + ' |';
    return [line(grid[0]), '|' + ' --- |'.repeat(width), ...grid.slice(1).map(line)].join('\n');
  };
  walk(tree);
  writeFileSync(`${outDir}${name.replace('.html', '.span-copies.md')}`, `${out.join('\n')}\n`);
}
