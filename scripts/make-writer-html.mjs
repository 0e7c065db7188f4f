#!/usr/bin/env node
// Rebuild a parsed document as an HTML page for LibreOffice Writer to lay out
// (fixtures/writer-html/README.md): its opening lines, its sections as
// headings and paragraphs, its tables with their two-level headers (colspan /
// rowspan), in source order.  `--ruled` gives the tables borders;
// `--filler N` puts N paragraphs before the first table, moving where the
// page breaks cut it.
//
//   node bin/plan-parse.js fixtures/seeds/000_….txt -o /tmp/out
//   node scripts/make-writer-html.mjs /tmp/out/000_….txt.json fixtures/seeds/000_….txt page.html [--ruled] [--filler N]
import { readFileSync, writeFileSync } from 'node:fs';

const [json, source, output, ...flags] = process.argv.slice(2);
const ruled = flags.includes('--ruled');
const fillerAt = flags.indexOf('--filler');
const filler = fillerAt >= 0 ? Number(flags[fillerAt + 1]) : 0;
const result = JSON.parse(readFileSync(json, 'utf8'));
const sourceLines = readFileSync(source, 'utf8').split(/\r?\n/);
const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let html = '<html><head><meta charset="utf-8"></head><body>\n';
let tables = 0;
for (const document of result.documents) {
  const items = [];
  const walk = (section) => {
    items.push({ at: section.position.start.offset, section });
    section.children.forEach(walk);
  };
  document.sections.forEach(walk);
  for (const table of document.tables) items.push({ at: table.position.start.offset, table });
  items.sort((a, b) => a.at - b.at);
  const firstLine = Math.min(...items.map((item) => (item.section ?? item.table).position.start.line));
  for (let line = document.position.start.line; line < firstLine; line++) {
    if (sourceLines[line - 1]?.trim()) html += `<p>${escape(sourceLines[line - 1].trim())}</p>\n`;
  }
  for (const { section, table } of items) {
    if (section) {
      const level = Math.min(6, section.level + 1);
      html += `<h${level}>${escape((section.marker ?? '') + section.title)}</h${level}>\n`;
      for (const paragraph of section.body) html += `<p>${escape(paragraph)}</p>\n`;
      continue;
    }
    if (tables++ === 0) for (let i = 0; i < filler; i++) html += '<p>本段為版面測試之說明文字，用以推移表格於頁面中之位置，不影響計畫內容。</p>\n';
    const groups = table.header.map((label) => label.split('/'));
    html += ruled ? '<table border="1" cellpadding="2">\n' : '<table>\n';
    if (groups.every((group) => group.length === 1)) {
      html += `<tr>${table.header.map((label) => `<th>${escape(label)}</th>`).join('')}</tr>\n`;
    } else {
      let top = '';
      let below = '';
      for (let i = 0; i < groups.length; ) {
        if (groups[i].length === 1) {
          top += `<th rowspan="2">${escape(groups[i][0])}</th>`;
          i++;
          continue;
        }
        let j = i;
        while (j < groups.length && groups[j].length > 1 && groups[j][0] === groups[i][0]) below += `<th>${escape(groups[j++].slice(1).join('/'))}</th>`;
        top += `<th colspan="${j - i}">${escape(groups[i][0])}</th>`;
        i = j;
      }
      html += `<tr>${top}</tr>\n<tr>${below}</tr>\n`;
    }
    for (const row of table.rows) html += `<tr>${row.map((cell) => `<td>${escape(cell).replace(/\n/g, '<br>')}</td>`).join('')}</tr>\n`;
    html += '</table>\n';
  }
}
writeFileSync(output, `${html}</body></html>\n`);
