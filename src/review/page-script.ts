/**
 * The script of a file's review page, inlined in the page (its hash is the
 * only script the page's Content-Security-Policy allows).  It reads the model
 * from `<script type="application/json" id="review-data">` and renders it:
 *
 * - the source in chunks of lines, each rendered when it comes near the
 *   viewport (a 300-page report opens as fast as a short one);
 * - the extraction by tab, long lists in batches as they are scrolled to;
 * - every node with a span (`data-at="from-to"`) highlights and scrolls to
 *   its lines when clicked; a clicked source line lists what came from it.
 *
 * Every input text reaches the DOM through `esc` (or textContent): the page
 * runs no code from the document.  Plain ES2017, no template literals (it
 * lives inside one here).
 */
export const FILE_PAGE_SCRIPT = String.raw`(function () {
'use strict';
var started = performance.now();
var data = JSON.parse(document.getElementById('review-data').textContent);
var lines = data.lines;
var CHUNK = 200;
var BATCH = 120;
var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function esc(value) { return String(value).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
function $(id) { return document.getElementById(id); }
function spanAttr(at) { return at ? ' data-at="' + at[0] + '-' + at[1] + '"' : ''; }
function linesLabel(at) { return at ? (at[0] === at[1] ? 'L' + at[0] : 'L' + at[0] + '–' + at[1]) : ''; }

var sourcePane = $('source');
var sourceLines = $('source-lines');
var extraction = $('extraction');
var tabBody = $('tab-body');
var lineInfo = $('line-info');

// ---------------------------------------------------------------- indexes
var pageAt = {};
data.pages.forEach(function (mark) { pageAt[mark.line] = mark.page; });
var furnitureAt = {};
data.furniture.forEach(function (entry) { furnitureAt[entry[0]] = entry[1]; });
var flagsAt = {};
var warnings = [];
data.diagnostics.forEach(function (d, i) {
  if (!d.at || d.severity === 'info') return;
  (flagsAt[d.at[0]] = flagsAt[d.at[0]] || []).push(i);
  warnings.push(i);
});
warnings.sort(function (a, b) { return data.diagnostics[a].at[0] - data.diagnostics[b].at[0] || a - b; });

var records = [];
data.documents.forEach(function (doc, di) {
  doc.kpis.forEach(function (r) { records.push({ kind: 'kpi', doc: di, rec: r }); });
  doc.workItems.forEach(function (r) { records.push({ kind: 'work', doc: di, rec: r }); });
  doc.reportItems.forEach(function (r) { records.push({ kind: 'report', doc: di, rec: r }); });
});
records.sort(function (a, b) { return a.rec.at[0] - b.rec.at[0] || a.rec.at[1] - b.rec.at[1]; });

// ---------------------------------------------------------------- source
var chunkCount = Math.ceil(lines.length / CHUNK);
var chunks = [];
var rendered = [];
var highlight = null;
var currentLine = 0;
var probe = document.createElement('div');
probe.className = 'ln';
probe.innerHTML = '<span class="no">0</span><span class="tx">0</span>';
sourceLines.appendChild(probe);
var lineHeight = probe.getBoundingClientRect().height || 21;
sourceLines.removeChild(probe);

var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
  entries.forEach(function (entry) { if (entry.isIntersecting) renderChunk(+entry.target.getAttribute('data-c')); });
}, { root: sourcePane, rootMargin: '1200px 0px' }) : null;

(function buildChunks() {
  var fragment = document.createDocumentFragment();
  for (var c = 0; c < chunkCount; c++) {
    var el = document.createElement('div');
    el.className = 'chunk';
    el.setAttribute('data-c', c);
    var from = c * CHUNK + 1, to = Math.min(lines.length, from + CHUNK - 1), marks = 0;
    for (var n = from; n <= to; n++) if (pageAt[n]) marks++;
    el.style.height = ((to - from + 1) * lineHeight + marks * (lineHeight + 12)) + 'px';
    chunks.push(el);
    fragment.appendChild(el);
  }
  sourceLines.appendChild(fragment);
  chunks.forEach(function (el, c) { if (observer) observer.observe(el); else renderChunk(c); });
})();

function lineHtml(n) {
  var text = lines[n - 1];
  var cls = 'ln';
  var title = '';
  var flags = flagsAt[n];
  if (flags) {
    var error = flags.some(function (i) { return data.diagnostics[i].severity === 'error'; });
    cls += error ? ' err' : ' warn';
    title = flags.map(function (i) { var d = data.diagnostics[i]; return d.severity + ' ' + d.code + ': ' + d.message; }).join('\n');
  }
  if (furnitureAt[n]) { cls += ' furn'; if (!title) title = furnitureAt[n]; }
  if (highlight && n >= highlight[0] && n <= highlight[1]) cls += ' hl';
  if (n === currentLine) cls += ' cur';
  var mark = pageAt[n] ? '<div class="pg" data-page="' + pageAt[n] + '">page ' + pageAt[n] + '</div>' : '';
  return mark + '<div class="' + cls + '" data-l="' + n + '"' + (title ? ' title="' + esc(title) + '"' : '') +
    '><span class="no">' + n + '</span><span class="tx">' + esc(text.replace(/\f/g, '')) + '</span></div>';
}

function renderChunk(c) {
  if (c < 0 || c >= chunkCount || rendered[c]) return;
  rendered[c] = true;
  var from = c * CHUNK + 1, to = Math.min(lines.length, from + CHUNK - 1);
  var html = [];
  for (var n = from; n <= to; n++) html.push(lineHtml(n));
  chunks[c].innerHTML = html.join('');
  chunks[c].style.height = '';
  if (observer) observer.unobserve(chunks[c]);
}

function chunkOf(n) { return Math.floor((n - 1) / CHUNK); }
function lineElement(n) {
  var c = chunkOf(n);
  renderChunk(c);
  return chunks[c] ? chunks[c].querySelector('[data-l="' + n + '"]') : null;
}

function setHighlight(at) {
  var old = sourceLines.querySelectorAll('.ln.hl');
  for (var i = 0; i < old.length; i++) old[i].classList.remove('hl');
  highlight = at;
  if (!at) return;
  for (var c = chunkOf(at[0]); c <= chunkOf(at[1]); c++) {
    if (!rendered[c]) continue;
    var from = Math.max(at[0], c * CHUNK + 1), to = Math.min(at[1], c * CHUNK + CHUNK);
    for (var n = from; n <= to; n++) {
      var el = chunks[c].querySelector('[data-l="' + n + '"]');
      if (el) el.classList.add('hl');
    }
  }
}

/** Scroll the source so that lines at[0]…at[1] show: the whole span centred when it fits, else its start near the top. */
function revealSource(at) {
  renderChunk(chunkOf(at[0]) - 1);
  renderChunk(chunkOf(at[0]));
  renderChunk(chunkOf(at[0]) + 1);
  var first = lineElement(at[0]);
  if (!first) return;
  var last = lineElement(Math.min(at[1], at[0] + CHUNK - 1)) || first;
  var pane = sourcePane.getBoundingClientRect();
  var top = first.getBoundingClientRect().top;
  var height = last.getBoundingClientRect().bottom - top;
  var wanted = height < pane.height * 0.8 ? (pane.height - height) / 2 : pane.height * 0.12;
  sourcePane.scrollTop += top - pane.top - wanted;
}

function select(at, element) {
  var old = extraction.querySelectorAll('.sel');
  for (var i = 0; i < old.length; i++) old[i].classList.remove('sel');
  if (element) element.classList.add('sel');
  setHighlight(at);
  if (at) {
    revealSource(at);
    // Chunks rendered around the target can move it: check once more after layout.
    requestAnimationFrame(function () { if (highlight === at && !lineVisible(at[0])) revealSource(at); });
    if (history.replaceState) history.replaceState(null, '', '#L' + at[0] + (at[1] !== at[0] ? '-' + at[1] : ''));
  }
}

function lineVisible(n) {
  var el = lineElement(n);
  if (!el) return false;
  var pane = sourcePane.getBoundingClientRect(), box = el.getBoundingClientRect();
  return box.top >= pane.top && box.bottom <= pane.bottom;
}

function parseAt(value) {
  var m = /^(\d+)-(\d+)$/.exec(value || '');
  return m ? [+m[1], +m[2]] : null;
}

// ---------------------------------------------------------------- extraction: documents, tabs
var docFilter = -1;
var tab = records.length ? 'records' : 'sections';
var shownRecords = [];
var recordLimit = 0;

function periodText(p) {
  if (!p) return '';
  return (p.from === p.to ? p.from : p.from + '–' + p.to) + ' (' + (p.gregorian.from === p.gregorian.to ? p.gregorian.from : p.gregorian.from + '–' + p.gregorian.to) + ')';
}

function renderDocs() {
  var html = data.documents.map(function (doc, i) {
    var counts = [];
    if (doc.kpis.length) counts.push(doc.kpis.length + ' KPIs');
    if (doc.workItems.length) counts.push(doc.workItems.length + ' work items');
    if (doc.reportItems.length) counts.push(doc.reportItems.length + ' report items');
    if (doc.tables.length) counts.push(doc.tables.length + ' tables');
    return '<div class="doc" data-doc="' + i + '"' + spanAttr(doc.at) + '><h2>' + esc(doc.title) + '</h2><div class="meta">' +
      '<span class="badge">' + esc(doc.kind) + '</span> ' +
      (doc.agency ? esc(doc.agency) + ' · ' : '') + (doc.period ? esc(periodText(doc.period)) + ' · ' : '') +
      (doc.revision ? esc(doc.revision) + ' · ' : '') + esc(counts.join(', ')) + ' · ' + linesLabel(doc.at) + '</div></div>';
  });
  // Many documents (a multi-plan PDF) would push the tabs off screen: list them folded.
  $('docs').innerHTML = !html.length ? '<div class="empty">No documents were found in this file.</div>'
    : html.length > 3 ? '<details><summary>' + html.length + ' documents in this file</summary>' + html.join('') + '</details>' : html.join('');
  var chooser = $('doc-filter');
  if (data.documents.length > 1) {
    var options = ['<option value="-1">All ' + data.documents.length + ' documents</option>'];
    data.documents.forEach(function (doc, i) { options.push('<option value="' + i + '">' + esc((i + 1) + '. ' + doc.title) + '</option>'); });
    chooser.innerHTML = options.join('');
    chooser.hidden = false;
  }
}

function setTab(name) {
  tab = name;
  var buttons = $('tabs').querySelectorAll('button');
  for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-selected', String(buttons[i].getAttribute('data-tab') === name));
  renderTab();
}

function renderTab() {
  if (tab === 'records') renderRecords();
  else if (tab === 'sections') renderSections();
  else if (tab === 'tables') renderTables();
  else renderDiagnostics();
}

function inDoc(di) { return docFilter < 0 || docFilter === di; }

function flagHtml(flags) {
  return flags.map(function (i) {
    var d = data.diagnostics[i];
    return '<div class="flag' + (d.severity === 'error' ? ' err' : '') + '" data-d="' + i + '"' + spanAttr(d.at) + '>⚠ ' + esc(d.message) + ' <code>' + esc(d.code) + '</code></div>';
  }).join('');
}

function typedValue(t) {
  var v = t.value;
  if (t.type === 'blank') return '—';
  if (t.type === 'range' && v) return v.min + '–' + v.max + (t.unit ? ' ' + t.unit : '');
  if (t.type === 'percent') return v + ' %';
  if (v === null || v === undefined) return esc(t.raw);
  return esc(String(v) + (t.unit && t.type === 'number' ? ' ' + t.unit : ''));
}

function kpiHtml(r) {
  var s = r.strategy, ind = r.indicator;
  var html = '<div class="h"><span class="badge">' + (r.common ? '共同性 KPI' : 'KPI') + '</span><span class="path">' +
    esc((s.marker ? s.marker + ' ' : '') + s.text) + (s.perspective ? ' <span class="badge">' + esc(s.perspective) + '</span>' : '') +
    (s.weight !== null ? ' <span class="badge">' + esc(s.weight) + '%</span>' : '') + '</span><span class="where">' + linesLabel(r.at) + '</span></div>' +
    '<div class="title">' + esc((ind.marker ? ind.marker + ' ' : '') + ind.text) + (ind.weight !== null ? ' <span class="badge">' + esc(ind.weight) + '%</span>' : '') + '</div>';
  if (r.measure) html += '<div class="kv"><span class="k">衡量標準</span> ' + esc(r.measure) + '</div>';
  if (r.assessment && (r.assessment.system || r.assessment.method)) {
    html += '<div class="kv"><span class="k">評估</span> ' + esc([r.assessment.system, r.assessment.method].filter(Boolean).join(' · ')) + '</div>';
  }
  if (r.targets.length) {
    html += '<table class="targets"><tr><th>年度</th>' + r.targets.map(function (t) { return '<th>' + t.year + ' <span class="t">' + t.gregorianYear + '</span></th>'; }).join('') + '</tr>' +
      '<tr><th>原文</th>' + r.targets.map(function (t) { return '<td>' + esc(t.raw) + '</td>'; }).join('') + '</tr>' +
      '<tr><th>值</th>' + r.targets.map(function (t) { return '<td class="t-' + esc(t.type) + '">' + typedValue(t) + '<span class="t">' + esc(t.type) + '</span></td>'; }).join('') + '</tr></table>';
  }
  return html;
}

function budgetText(b) {
  if (!b) return '<span class="muted">no budget</span>';
  if (b.value === null) return '<span class="budget unparsed">' + esc(b.raw) + '</span><span class="t">not a number</span>';
  return '<span class="budget">' + esc(b.value.toLocaleString('en-US')) + (b.unit ? ' ' + esc(b.unit) : '') + '</span>' + (b.raw !== String(b.value) ? '<span class="t">' + esc(b.raw) + '</span>' : '');
}

function workHtml(r) {
  return '<div class="h"><span class="badge">work item</span><span class="path">' + esc(r.path.join(' › ')) + '</span><span class="where">' + linesLabel(r.at) + '</span></div>' +
    '<div class="title">' + esc(r.item) + '</div>' +
    (r.content ? '<div class="kv pre"><span class="k">實施內容</span> ' + esc(r.content) + '</div>' : '') +
    '<div class="kv"><span class="k">預算</span> ' + budgetText(r.budget) + (r.budget && r.budget.note ? ' <span class="muted">(' + esc(r.budget.note) + ')</span>' : '') + '</div>';
}

function reportHtml(r) {
  var c = r.completion;
  var value = c && c.value !== null ? '<span class="completion">' + esc(c.value) + '%</span>' + (c.raw !== c.value + '%' ? '<span class="t">' + esc(c.raw) + '</span>' : '') +
    '<div class="meter"><span style="width:' + Math.max(0, Math.min(100, +c.value || 0)) + '%"></span></div>'
    : c ? '<span class="completion unparsed">' + esc(c.raw) + '</span>' : '<span class="muted">no completion</span>';
  return '<div class="h"><span class="badge">report item</span><span class="path">' + esc(r.path.join(' › ')) + '</span><span class="where">' + linesLabel(r.at) + '</span></div>' +
    '<div class="kv pre">' + esc(r.status) + '</div>' +
    '<div class="kv"><span class="k">完成程度</span> ' + value + '</div>' +
    (r.note ? '<div class="kv"><span class="k">備註</span> ' + esc(r.note) + '</div>' : '');
}

function recordHtml(i) {
  var entry = records[i], r = entry.rec;
  var body = entry.kind === 'kpi' ? kpiHtml(r) : entry.kind === 'work' ? workHtml(r) : reportHtml(r);
  return '<div class="rec ' + entry.kind + (r.flags.length ? ' flagged' : '') + '" data-r="' + i + '"' + spanAttr(r.at) + '>' + body + flagHtml(r.flags) + '</div>';
}

function renderRecords() {
  shownRecords = [];
  records.forEach(function (entry, i) { if (inDoc(entry.doc)) shownRecords.push(i); });
  recordLimit = 0;
  if (!shownRecords.length) {
    tabBody.innerHTML = '<div class="empty">No KPIs, work items or report items were extracted' + (docFilter >= 0 ? ' from this document' : '') + '. The Tables and Sections tabs show what was found.</div>';
    return;
  }
  tabBody.innerHTML = '<div id="record-list"></div><div id="record-more" class="more"></div>';
  moreRecords(BATCH);
}

function moreRecords(upTo) {
  var list = $('record-list');
  if (!list) return;
  var end = Math.min(shownRecords.length, Math.max(upTo, recordLimit));
  if (end <= recordLimit) return;
  var html = [];
  for (var k = recordLimit; k < end; k++) html.push(recordHtml(shownRecords[k]));
  list.insertAdjacentHTML('beforeend', html.join(''));
  recordLimit = end;
  var more = $('record-more');
  more.textContent = recordLimit < shownRecords.length ? (shownRecords.length - recordLimit) + ' more…' : '';
  if (recordObserver) { recordObserver.disconnect(); if (recordLimit < shownRecords.length) recordObserver.observe(more); }
}

var recordObserver = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
  if (entries.some(function (e) { return e.isIntersecting; })) moreRecords(recordLimit + BATCH);
}, { root: extraction, rootMargin: '600px 0px' }) : null;

function sectionHtml(section, depth) {
  var html = '<li><div class="sec"' + spanAttr(section.at) + '><span class="mk">' + esc(section.marker || '') + '</span>' + esc(section.title || '(untitled)') +
    ' <span class="t">' + linesLabel(section.at) + '</span></div>';
  if (section.children.length && depth < 40) html += '<ul class="tree">' + section.children.map(function (child) { return sectionHtml(child, depth + 1); }).join('') + '</ul>';
  return html + '</li>';
}

function renderSections() {
  var html = [];
  data.documents.forEach(function (doc, di) {
    if (!inDoc(di)) return;
    html.push('<div class="secdoc"><h3>' + esc(doc.title) + '</h3>' + (doc.sections.length ? '<ul class="tree top">' + doc.sections.map(function (s) { return sectionHtml(s, 0); }).join('') + '</ul>' : '<div class="empty">No sections.</div>') + '</div>');
  });
  tabBody.innerHTML = html.join('') || '<div class="empty">No sections.</div>';
}

var ROW_LIMIT = 200;
function tableHtml(table, di, ti, all) {
  var rows = all ? table.rows : table.rows.slice(0, ROW_LIMIT);
  var html = '<div class="tbl" id="t' + di + '-' + ti + '"><h3' + spanAttr(table.at) + ' class="sec"><span class="badge">' + esc(table.kind) + '</span> <span class="badge">' + esc(table.layout) + '</span> ' +
    esc(table.section || '') + ' <span class="t">' + linesLabel(table.at) + ' · ' + table.rows.length + ' rows</span></h3><table class="data"><thead><tr>' +
    table.header.map(function (h) { return '<th>' + esc(h) + '</th>'; }).join('') + '</tr></thead><tbody>';
  rows.forEach(function (row, r) {
    html += '<tr>' + row.map(function (cell, c) {
      var at = table.cells[r] && table.cells[r][c];
      return '<td' + (at ? spanAttr(at) : ' class="nf"') + '>' + esc(cell) + '</td>';
    }).join('') + '</tr>';
  });
  html += '</tbody></table>';
  if (!all && table.rows.length > ROW_LIMIT) html += '<button class="more" data-all-rows="' + di + '-' + ti + '">Show all ' + table.rows.length + ' rows</button>';
  return html + '</div>';
}

function renderTables() {
  var html = [];
  data.documents.forEach(function (doc, di) {
    if (!inDoc(di)) return;
    doc.tables.forEach(function (table, ti) { html.push(tableHtml(table, di, ti, false)); });
  });
  tabBody.innerHTML = html.join('') || '<div class="empty">No tables were found.</div>';
}

function renderDiagnostics() {
  var html = [];
  data.diagnostics.forEach(function (d, i) {
    html.push('<li class="d sev-' + esc(d.severity) + '" data-d="' + i + '"' + spanAttr(d.at) + '><span class="badge' + (d.severity === 'error' ? ' err' : d.severity === 'warning' ? ' warn' : '') + '">' +
      esc(d.severity) + '</span> ' + esc(d.message) + ' <code>' + esc(d.code) + '</code> <span class="t">' + (d.at ? linesLabel(d.at) : 'whole file') + '</span></li>');
  });
  tabBody.innerHTML = html.length ? '<ul class="diags">' + html.join('') + '</ul>' : '<div class="empty">No diagnostics: the parser reported nothing about this file.</div>';
}

// ---------------------------------------------------------------- selecting a record / a warning / a line
var currentRecord = -1;
var currentWarning = -1;

function showRecord(i) {
  if (i < 0 || i >= records.length) return;
  if (!inDoc(records[i].doc)) { docFilter = -1; $('doc-filter').value = '-1'; }
  if (tab !== 'records') setTab('records');
  var k = shownRecords.indexOf(i);
  moreRecords(k + BATCH);
  currentRecord = i;
  var card = tabBody.querySelector('[data-r="' + i + '"]');
  select(records[i].rec.at, card);
  if (card) card.scrollIntoView({ block: 'nearest' });
}

function showWarning(k) {
  if (!warnings.length) return;
  currentWarning = (k + warnings.length) % warnings.length;
  var i = warnings[currentWarning];
  if (tab !== 'diagnostics') setTab('diagnostics');
  var item = tabBody.querySelector('.d[data-d="' + i + '"]');
  select(data.diagnostics[i].at, item);
  if (item) item.scrollIntoView({ block: 'nearest' });
  describeLine(data.diagnostics[i].at[0]);
}

function innermostSection(sections, n, trail) {
  for (var depth = 0; depth < 60; depth++) {
    var next = null;
    for (var i = 0; i < sections.length; i++) if (sections[i].at[0] <= n && n <= sections[i].at[1]) next = sections[i];
    if (!next) break;
    trail.push(next);
    sections = next.children;
  }
  return trail;
}

/** What was extracted from line n: its document and section, records, table cells and diagnostics. */
function describeLine(n) {
  currentLine = n;
  var old = sourceLines.querySelectorAll('.ln.cur');
  for (var i = 0; i < old.length; i++) old[i].classList.remove('cur');
  var el = lineElement(n);
  if (el) el.classList.add('cur');
  var items = [];
  data.documents.forEach(function (doc, di) {
    if (n < doc.at[0] || n > doc.at[1]) return;
    items.push('<li' + spanAttr(doc.at) + '>document: ' + esc(doc.title) + '</li>');
    var trail = innermostSection(doc.sections, n, []);
    if (trail.length) {
      var last = trail[trail.length - 1];
      items.push('<li' + spanAttr(last.at) + '>section: ' + esc(trail.map(function (s) { return (s.marker || '') + s.title; }).join(' › ')) + '</li>');
    }
    doc.tables.forEach(function (table, ti) {
      if (n < table.at[0] || n > table.at[1]) return;
      table.cells.forEach(function (row, r) {
        row.forEach(function (at, c) {
          if (!at || n < at[0] || n > at[1]) return;
          items.push('<li' + spanAttr(at) + ' data-cell="' + di + '-' + ti + '-' + r + '-' + c + '">cell: ' + esc(table.header[c] || 'column ' + (c + 1)) + ' = ' + esc(table.rows[r][c]) + '</li>');
        });
      });
    });
  });
  records.forEach(function (entry, i) {
    var at = entry.rec.at;
    if (n < at[0] || n > at[1]) return;
    var r = entry.rec;
    var label = entry.kind === 'kpi' ? 'KPI: ' + r.indicator.text : entry.kind === 'work' ? 'work item: ' + r.item : 'report item: ' + r.status;
    items.push('<li data-r="' + i + '"' + spanAttr(at) + '>' + esc(label.length > 90 ? label.slice(0, 90) + '…' : label) + '</li>');
  });
  data.diagnostics.forEach(function (d, i) {
    if (d.at && d.at[0] <= n && n <= d.at[1]) items.push('<li data-d="' + i + '"' + spanAttr(d.at) + '>' + esc(d.severity + ': ' + d.message) + '</li>');
  });
  lineInfo.innerHTML = '<h3>Line ' + n + (furnitureAt[n] ? ' <span class="badge">' + esc(furnitureAt[n]) + '</span>' : '') + '</h3>' +
    (items.length ? '<ul>' + items.join('') + '</ul>' : '<div class="muted">Nothing was extracted from this line.</div>');
  lineInfo.hidden = false;
}

// ---------------------------------------------------------------- events
sourceLines.addEventListener('click', function (event) {
  var el = event.target.closest('.ln');
  if (!el) return;
  var n = +el.getAttribute('data-l');
  select([n, n], null);
  describeLine(n);
  currentRecord = -1;
});

extraction.addEventListener('click', function (event) {
  var target = event.target;
  var all = target.closest('[data-all-rows]');
  if (all) {
    var ids = all.getAttribute('data-all-rows').split('-');
    var wrap = $('t' + ids[0] + '-' + ids[1]);
    wrap.outerHTML = tableHtml(data.documents[+ids[0]].tables[+ids[1]], +ids[0], +ids[1], true);
    return;
  }
  var tabButton = target.closest('#tabs button');
  if (tabButton) { setTab(tabButton.getAttribute('data-tab')); return; }
  var inLineInfo = target.closest('#line-info li');
  if (inLineInfo && inLineInfo.hasAttribute('data-r')) { showRecord(+inLineInfo.getAttribute('data-r')); return; }
  if (inLineInfo && inLineInfo.hasAttribute('data-d')) {
    var d = +inLineInfo.getAttribute('data-d');
    var k = warnings.indexOf(d);
    if (k >= 0) { showWarning(k); return; }
  }
  var rec = target.closest('.rec');
  if (rec && !target.closest('.flag')) {
    currentRecord = +rec.getAttribute('data-r');
    select(records[currentRecord].rec.at, rec);
    return;
  }
  var linked = target.closest('[data-at]');
  if (linked) {
    if (linked.hasAttribute('data-d')) currentWarning = warnings.indexOf(+linked.getAttribute('data-d'));
    select(parseAt(linked.getAttribute('data-at')), linked);
  }
});

$('doc-filter').addEventListener('change', function (event) {
  docFilter = +event.target.value;
  renderTab();
  if (docFilter >= 0) select(data.documents[docFilter].at, null);
});

$('wrap').addEventListener('click', function () {
  var off = sourceLines.classList.toggle('nowrap');
  this.setAttribute('aria-pressed', String(!off));
});

function nextRecordFrom(step) {
  if (!records.length) return;
  if (currentRecord < 0 && currentLine) {
    // From a clicked source line: the first record starting after it (or the last before it).
    var i = 0;
    while (i < records.length && records[i].rec.at[0] <= currentLine) i++;
    if (step < 0) while (i > 0 && records[i - 1].rec.at[0] >= currentLine) i--;
    showRecord(step > 0 ? Math.min(i, records.length - 1) : Math.max(i - 1, 0));
    return;
  }
  showRecord(Math.max(0, Math.min(records.length - 1, currentRecord + step)));
}

document.addEventListener('keydown', function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var tag = event.target && event.target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
  var key = event.key;
  if (key === 'j' || key === 'n') nextRecordFrom(1);
  else if (key === 'k' || key === 'p') nextRecordFrom(-1);
  else if (key === 'w') showWarning(currentWarning + 1);
  else if (key === 'W') showWarning(currentWarning - 1);
  else if (key === '1') setTab('records');
  else if (key === '2') setTab('sections');
  else if (key === '3') setTab('tables');
  else if (key === '4') setTab('diagnostics');
  else if (key === '?') $('help').hidden = !$('help').hidden;
  else if (key === 'Escape') { $('help').hidden = true; select(null, null); lineInfo.hidden = true; }
  else return;
  event.preventDefault();
});
$('help').addEventListener('click', function () { this.hidden = true; });

// ---------------------------------------------------------------- start
renderDocs();
$('tabs').innerHTML = [['records', 'Records', records.length], ['sections', 'Sections', null], ['tables', 'Tables', data.counts.tables], ['diagnostics', 'Diagnostics', data.diagnostics.length]]
  .map(function (t) { return '<button type="button" data-tab="' + t[0] + '">' + t[1] + (t[2] !== null ? ' (' + t[2] + ')' : '') + '</button>'; }).join('');
setTab(tab);
var fromHash = /^#L(\d+)(?:-(\d+))?$/.exec(location.hash);
if (fromHash) {
  var a = Math.min(lines.length, +fromHash[1]), b = Math.min(lines.length, +(fromHash[2] || fromHash[1]));
  select([a, Math.max(a, b)], null);
  describeLine(a);
}
window.review = { ready: true, readyAt: performance.now(), startupMs: performance.now() - started, records: records.length, warnings: warnings.length, showRecord: showRecord, showWarning: showWarning };
document.body.setAttribute('data-ready', '1');
})();
`;
