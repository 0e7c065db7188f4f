#!/usr/bin/env node
// Make fixtures/lotext/seed-003.html: seed 003 (tab-separated KPI tables) as
// an HTML document whose tables have real merged cells — a header cell over
// the year columns (colspan), header cells over both header rows (rowspan),
// and a strategy's ordinal and text cells over all of its indicator rows
// (rowspan, where the tab export left them empty) — the way the table stands
// in the agency's word processor.  LibreOffice Writer then opens it and saves
// it as Text (see fixtures/lotext/README.md for the commands):
//
//   node scripts/make-writer-text-fixtures.mjs fixtures/seeds/003_778b9b4aea791543.txt > /tmp/seed-003.html
import { readFileSync } from 'node:fs';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = readFileSync(process.argv[2], 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
// Paragraphs and tables in order; a table the page break cut (its header
// printed again, a row's rest on the next page) is one table in the document.
const parts = [];
for (let i = 0; i < lines.length; ) {
  // A table of contents (dot leaders) is paragraphs with tabs, not a table.
  if (!lines[i].includes('\t') || /\.{3,}|…/.test(lines[i])) {
    if (lines[i].trim()) parts.push(`<p>${escape(lines[i].trim()).replace(/\t/g, '&#9;')}</p>`);
    i++;
    continue;
  }
  const block = [];
  while (i < lines.length && lines[i].includes('\t') && !/\.{3,}|…/.test(lines[i])) block.push(lines[i++].split('\t').map((cell) => cell.trim()));
  const last = parts[parts.length - 1];
  if (Array.isArray(last) && last[0].join('\t') === block[0].join('\t')) {
    const rows = block.slice(isSubHeader(block[1]) ? 2 : 1);
    const key = keyColumn(rows);
    // A first row without its key cell (the indicator number, the 辦理情形) is the rest of the row above.
    if (rows.length && rows[0].slice(0, key + 1).every((cell) => cell === '')) {
      const rest = rows.shift();
      last[last.length - 1] = last[last.length - 1].map((cell, c) => [cell, rest[c] ?? ''].filter(Boolean).join(''));
    }
    for (const row of rows) last.push(row);
  } else parts.push(block);
}
const out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>seed</title></head><body>'];
for (const part of parts) out.push(Array.isArray(part) ? table(part) : part);
out.push('</body></html>');
process.stdout.write(`${out.join('\n')}\n`);

/** A header's second row: years under 年度目標值, or 類 / 項 / 目 under 計畫名稱. */
function isSubHeader(row) {
  return row !== undefined && row.some((cell) => /^(?:\d{2,3}|[類項目])$/.test(cell)) && row.every((cell) => cell === '' || /^(?:\d{2,3}|[類項目])$/.test(cell));
}

/** The first column every body row fills (the indicator number, 辦理情形); the ones before it are merged labels. */
function keyColumn(rows) {
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let c = 0; c < width; c++) if (rows.every((row) => (row[c] ?? '') !== '')) return c;
  return 0;
}

function table(rows) {
  const width = Math.max(...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push('');
  const years = isSubHeader(rows[1]) ? rows[1] : null;
  const html = ['<table border="1">'];
  // Header: a title over empty cells that have years under them spans them.
  const top = ['<tr>'];
  for (let c = 0; c < width; c++) {
    let span = 1;
    while (years && c + span < width && rows[0][c + span] === '' && years[c + span] !== '') span++;
    const rowspan = years && years[c] === '' ? ' rowspan="2"' : '';
    top.push(`<th${span > 1 ? ` colspan="${span}"` : ''}${rowspan}>${escape(rows[0][c])}</th>`);
    c += span - 1;
  }
  html.push(`${top.join('')}</tr>`);
  if (years) html.push(`<tr>${years.filter((cell) => cell !== '').map((cell) => `<th>${escape(cell)}</th>`).join('')}</tr>`);
  const body = rows.slice(years ? 2 : 1);
  // A strategy's ordinal and text (the columns before the indicator number),
  // a report's 類 / 項 / 目, span the rows under them: an empty cell there,
  // on a row with its key cell, is covered by the cell above.
  const merged = keyColumn(body);
  const spans = body.map((row) => row.map(() => 1));
  for (let c = 0; c < merged; c++) {
    let origin = -1;
    body.forEach((row, r) => {
      if (row[c] === '' && origin >= 0 && row[merged] !== '') {
        spans[origin][c]++;
        spans[r][c] = 0;
      } else origin = r;
    });
  }
  body.forEach((row, r) => {
    const cells = row.map((cell, c) => (spans[r][c] === 0 ? '' : `<td${spans[r][c] > 1 ? ` rowspan="${spans[r][c]}"` : ''}>${escape(cell)}</td>`));
    html.push(`<tr>${cells.join('')}</tr>`);
  });
  html.push('</table>');
  return html.join('\n');
}
