/**
 * The run's `index.html`: one row per input file with its documents, record
 * counts and problems, sortable by any column and filtered by warnings,
 * document kind and diagnostic code, each row linking to the file's page.
 */
import type { Diagnostic, DocumentKind } from '../types.js';
import { embedJson, escapeHtml } from './html.js';
import type { ReviewModel } from './model.js';
import { contentSecurityPolicy, plural } from './page.js';
import { INDEX_PAGE_STYLE } from './page-style.js';

export interface IndexEntry {
  path: string;
  /** The file's page, relative to index.html; null when the file got no page (it could not be read or parsed). */
  href: string | null;
  /** `ok`, `failed`, `io-error`, `crashed` (as in a run's results). */
  status: string;
  documents: number;
  /** Document kinds in the file, each once, in order of appearance. */
  kinds: DocumentKind[];
  titles: string[];
  kpis: number;
  workItems: number;
  reportItems: number;
  errors: number;
  warnings: number;
  /** Codes of the file's warnings and errors, each once. */
  codes: string[];
  /** The first error's message, for a file without a page. */
  problem: string | null;
}

/** The row of a file that has a page. */
export function indexEntry(model: ReviewModel, href: string | null, status = 'ok'): IndexEntry {
  const kinds: DocumentKind[] = [];
  for (const document of model.documents) if (!kinds.includes(document.kind)) kinds.push(document.kind);
  const problem = model.diagnostics.find((d) => d.severity === 'error');
  return {
    path: model.file.path,
    href,
    status,
    documents: model.counts.documents,
    kinds,
    titles: model.documents.map((document) => document.title),
    kpis: model.counts.kpis,
    workItems: model.counts.workItems,
    reportItems: model.counts.reportItems,
    errors: model.counts.errors,
    warnings: model.counts.warnings,
    codes: codesOf(model.diagnostics),
    problem: problem ? problem.message : null,
  };
}

/** The row of a file that could not be read or parsed: no page, its first error shown. */
export function failedEntry(path: string, status: string, diagnostics: readonly Diagnostic[]): IndexEntry {
  const problem = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  return {
    path,
    href: null,
    status,
    documents: 0,
    kinds: [],
    titles: [],
    kpis: 0,
    workItems: 0,
    reportItems: 0,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    codes: codesOf(diagnostics),
    problem: problem ? problem.message : null,
  };
}

function codesOf(diagnostics: readonly { severity: string; code: string }[]): string[] {
  const codes: string[] = [];
  for (const d of diagnostics) if (d.severity !== 'info' && !codes.includes(d.code)) codes.push(d.code);
  return codes.sort();
}

const INDEX_SCRIPT = String.raw`(function () {
'use strict';
var entries = JSON.parse(document.getElementById('review-index').textContent);
var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function esc(value) { return String(value).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
var body = document.getElementById('rows');
var onlyWarnings = document.getElementById('only-warnings');
var kind = document.getElementById('kind');
var code = document.getElementById('code');
var shown = document.getElementById('shown');
var sortKey = 'path', sortDir = 1;
function fill(select, values) {
  values.sort().forEach(function (v) { var o = document.createElement('option'); o.value = v; o.textContent = v; select.appendChild(o); });
}
var kinds = {}, codes = {};
entries.forEach(function (e) { e.kinds.forEach(function (k) { kinds[k] = 1; }); e.codes.forEach(function (c) { codes[c] = 1; }); });
fill(kind, Object.keys(kinds));
fill(code, Object.keys(codes));
function value(e, key) { return key === 'kinds' ? e.kinds.join(' ') : key === 'problems' ? e.errors * 1e6 + e.warnings : e[key]; }
function render() {
  var list = entries.filter(function (e) {
    return (!onlyWarnings.checked || e.warnings + e.errors > 0) && (!kind.value || e.kinds.indexOf(kind.value) >= 0) && (!code.value || e.codes.indexOf(code.value) >= 0);
  });
  list.sort(function (a, b) {
    var x = value(a, sortKey), y = value(b, sortKey);
    return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * sortDir || a.path.localeCompare(b.path);
  });
  body.innerHTML = list.map(function (e) {
    var name = e.href ? '<a href="' + esc(e.href) + '">' + esc(e.path) + '</a>' : esc(e.path);
    var problems = (e.errors ? '<span class="badge err">' + e.errors + ' error' + (e.errors === 1 ? '' : 's') + '</span> ' : '') +
      (e.warnings ? '<span class="badge warn">' + e.warnings + ' warning' + (e.warnings === 1 ? '' : 's') + '</span> ' : '') +
      (e.codes.length ? '<span class="muted">' + esc(e.codes.join(', ')) + '</span>' : '') + (e.href ? '' : '<div>' + esc(e.problem || 'no page') + '</div>');
    return '<tr class="' + (e.href ? '' : 'failed') + '"><td class="path">' + name + '<div class="muted">' + esc(e.titles.slice(0, 3).join(' · ') + (e.titles.length > 3 ? ' …' : '')) + '</div></td>' +
      '<td class="n">' + e.documents + '</td><td>' + esc(e.kinds.join(', ')) + '</td><td class="n">' + e.kpis + '</td><td class="n">' + e.workItems + '</td><td class="n">' + e.reportItems + '</td><td>' + problems + '</td></tr>';
  }).join('');
  shown.textContent = list.length === entries.length ? entries.length + ' files' : list.length + ' of ' + entries.length + ' files';
  var heads = document.querySelectorAll('th[data-key]');
  for (var i = 0; i < heads.length; i++) heads[i].setAttribute('aria-sort', heads[i].getAttribute('data-key') === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
}
document.querySelector('thead').addEventListener('click', function (event) {
  var th = event.target.closest('th[data-key]');
  if (!th) return;
  var key = th.getAttribute('data-key');
  if (key === sortKey) sortDir = -sortDir; else { sortKey = key; sortDir = key === 'path' || key === 'kinds' ? 1 : -1; }
  render();
});
[onlyWarnings, kind, code].forEach(function (el) { el.addEventListener('change', render); });
render();
document.body.setAttribute('data-ready', '1');
})();
`;

export function renderIndexPage(entries: readonly IndexEntry[]): string {
  const files = entries.length;
  const withProblems = entries.filter((e) => e.errors + e.warnings > 0).length;
  const totals = entries.reduce((sum, e) => ({ kpis: sum.kpis + e.kpis, workItems: sum.workItems + e.workItems, reportItems: sum.reportItems + e.reportItems }), {
    kpis: 0,
    workItems: 0,
    reportItems: 0,
  });
  const head = (key: string, label: string, numeric = false): string =>
    `<th data-key="${key}"${numeric ? ' class="n"' : ''} aria-sort="none"><button type="button">${label}</button></th>`;
  return `<!doctype html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([INDEX_SCRIPT])}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="plan-parse review">
<title>plan-parse review · ${plural(files, 'file')}</title>
<style>${INDEX_PAGE_STYLE}</style>
</head>
<body>
<h1>plan-parse review</h1>
<div class="muted">${escapeHtml(
    [plural(files, 'file'), `${withProblems} with warnings or errors`, plural(totals.kpis, 'KPI'), plural(totals.workItems, 'work item'), plural(totals.reportItems, 'report item')].join(' · '),
  )}</div>
<div id="filters">
<label><input type="checkbox" id="only-warnings"> only files with warnings or errors</label>
<label>document kind <select id="kind"><option value="">any</option></select></label>
<label>diagnostic <select id="code"><option value="">any</option></select></label>
<span id="shown" class="muted"></span>
</div>
<table>
<thead><tr>${head('path', 'file')}${head('documents', 'docs', true)}${head('kinds', 'kinds')}${head('kpis', 'KPIs', true)}${head('workItems', 'work items', true)}${head('reportItems', 'report items', true)}${head('problems', 'problems')}</tr></thead>
<tbody id="rows"></tbody>
</table>
<noscript><p>This page needs JavaScript to list the files.</p></noscript>
<script type="application/json" id="review-index">${embedJson(entries)}</script>
<script>${INDEX_SCRIPT}</script>
</body>
</html>
`;
}
