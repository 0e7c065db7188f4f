/**
 * A file's review page: one self-contained HTML file (inline style and
 * script, the model as JSON), which opens from disk with no network.  The
 * Content-Security-Policy allows no fetches at all and no script but the
 * page's own (by hash), so even a text that slipped past escaping could not
 * run.
 */
import { createHash } from 'node:crypto';
import { embedJson, escapeHtml } from './html.js';
import type { ReviewModel } from './model.js';
import { FILE_PAGE_SCRIPT } from './page-script.js';
import { FILE_PAGE_STYLE } from './page-style.js';

/** The CSP of a page whose only scripts are `scripts`. */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = scripts.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  return `default-src 'none'; script-src ${hashes.join(' ')}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
}

export interface FilePageOptions {
  /** Link back to the run's index (relative to the page), if any. */
  indexHref?: string;
}

export function renderFilePage(model: ReviewModel, options: FilePageOptions = {}): string {
  const { file, counts } = model;
  const facts = [
    file.format,
    file.encoding + (file.converted ? ` → ${file.converted}` : ''),
    `${model.lines.length.toLocaleString('en-US')} lines`,
    model.pages.length ? `${model.pages.length} pages` : '',
    plural(counts.documents, 'document'),
    counts.kpis ? plural(counts.kpis, 'KPI') : '',
    counts.workItems ? plural(counts.workItems, 'work item') : '',
    counts.reportItems ? plural(counts.reportItems, 'report item') : '',
  ].filter(Boolean);
  const problems =
    (counts.errors ? ` <span class="badge err">${plural(counts.errors, 'error')}</span>` : '') +
    (counts.warnings ? ` <span class="badge warn">${plural(counts.warnings, 'warning')}</span>` : '');
  const back = options.indexHref ? `<a href="${escapeHtml(options.indexHref)}">← all files</a>` : '';
  return `<!doctype html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([FILE_PAGE_SCRIPT])}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="plan-parse review">
<title>${escapeHtml(file.path)} · plan-parse review</title>
<style>${FILE_PAGE_STYLE}</style>
</head>
<body>
<header id="top">${back}<h1>${escapeHtml(file.path)}</h1><span class="meta">${escapeHtml(facts.join(' · '))}${problems}</span>
<button type="button" id="wrap" aria-pressed="true" title="wrap long source lines">wrap</button>
<span class="keys"><kbd>j</kbd>/<kbd>k</kbd> record · <kbd>w</kbd> warning · <kbd>?</kbd> keys</span></header>
<main>
<section id="source" aria-label="source text" tabindex="0"><div id="source-lines"></div></section>
<section id="extraction" aria-label="what was extracted">
<div id="docs"></div>
<div id="bar"><nav id="tabs"></nav><select id="doc-filter" hidden aria-label="document"></select></div>
<div id="line-info" hidden></div>
<div id="tab-body"></div>
</section>
</main>
<div id="help" hidden><div><h2>Keys</h2><table>
<tr><td><kbd>j</kbd> <kbd>n</kbd></td><td>next record (KPI, work item, report item)</td></tr>
<tr><td><kbd>k</kbd> <kbd>p</kbd></td><td>previous record</td></tr>
<tr><td><kbd>w</kbd> <kbd>W</kbd></td><td>next / previous warning</td></tr>
<tr><td><kbd>1</kbd>–<kbd>4</kbd></td><td>records, sections, tables, diagnostics</td></tr>
<tr><td><kbd>Esc</kbd></td><td>clear the selection</td></tr>
</table><p class="muted">Click anything extracted to see its source lines; click a source line to see what was extracted from it.</p></div></div>
<noscript><p>This page needs JavaScript to show the source beside the extraction.</p></noscript>
<script type="application/json" id="review-data">${embedJson(model)}</script>
<script>${FILE_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
