/**
 * The review pages' style sheet (inlined: a page is one self-contained file).
 * CJK text uses the system's CJK fonts through the font stack; nothing is
 * downloaded.
 */

/** Sans-serif CJK faces of the common systems, Traditional Chinese first. */
export const CJK_SANS = `"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", system-ui, sans-serif`;
/** Monospace for the source, falling back to CJK faces whose ideographs are two columns wide. */
export const CJK_MONO = `"Noto Sans Mono CJK TC", "Sarasa Mono TC", ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "MingLiU", "PingFang TC", "Microsoft JhengHei", monospace`;

export const BASE_STYLE = `
:root { --bg: #fff; --fg: #1f2328; --muted: #636c76; --line: #d8dee4; --soft: #f6f8fa;
  --hl: #fff1a8; --hl-edge: #e3b600; --sel: #0969da; --warn: #bf6a02; --warn-bg: #fff4e0; --err: #cf222e; --err-bg: #ffebe9; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14.5px/1.65 ${CJK_SANS}; color: var(--fg); background: var(--bg); }
a { color: var(--sel); }
button, select { font: inherit; font-size: 13px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11.5px; line-height: 18px; background: var(--soft); border: 1px solid var(--line); color: var(--muted); white-space: nowrap; vertical-align: 1px; }
.badge.warn { background: var(--warn-bg); border-color: #f0c78a; color: var(--warn); }
.badge.err { background: var(--err-bg); border-color: #f5b3b8; color: var(--err); }
.muted { color: var(--muted); }
`;

export const FILE_PAGE_STYLE = `${BASE_STYLE}
body { display: flex; flex-direction: column; overflow: hidden; }
#top { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: baseline; padding: 7px 14px; border-bottom: 1px solid var(--line); background: var(--soft); }
#top h1 { font-size: 15px; margin: 0; font-weight: 600; overflow-wrap: anywhere; }
#top .meta { color: var(--muted); font-size: 12.5px; }
#top .keys { margin-left: auto; color: var(--muted); font-size: 12px; }
kbd { font: 11.5px ${CJK_MONO}; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
main { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); min-height: 0; }
#source, #extraction { overflow: auto; min-height: 0; position: relative; }
#source { border-right: 1px solid var(--line); background: #fcfcfd; outline: none; overflow-anchor: auto; }
#source-lines { font: 13.5px/21px ${CJK_MONO}; padding: 4px 0 40vh; tab-size: 4; }
.chunk { contain: layout; }
.ln { display: flex; min-height: 21px; cursor: pointer; }
.ln:hover { background: #f0f3f6; }
.ln .no { flex: none; width: 5.2em; padding-right: 10px; text-align: right; color: #8c959f; user-select: none; border-right: 3px solid transparent; }
.ln .tx { flex: 1; min-width: 0; padding-left: 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
.nowrap .ln .tx { white-space: pre; overflow-wrap: normal; }
.nowrap { width: max-content; min-width: 100%; }
.ln.furn .tx { color: #8c959f; }
.ln.warn .no { color: var(--warn); border-right-color: var(--warn); background: var(--warn-bg); font-weight: 600; }
.ln.err .no { color: var(--err); border-right-color: var(--err); background: var(--err-bg); font-weight: 600; }
.ln.warn .no::before, .ln.err .no::before { content: "⚠ "; }
.ln.hl { background: var(--hl); }
.ln.hl .tx { box-shadow: inset 3px 0 0 var(--hl-edge); }
.ln.cur { outline: 2px solid var(--sel); outline-offset: -2px; }
.pg { margin: 6px 0; padding-left: 5.8em; font: 11.5px/21px ${CJK_SANS}; color: var(--muted); border-top: 1px dashed #afb8c1; height: 21px; }
#extraction { padding: 0 16px 40vh; }
#docs { padding: 10px 0 6px; }
.doc { padding: 6px 10px; margin: 4px 0; border: 1px solid var(--line); border-radius: 8px; cursor: pointer; }
.doc h2 { font-size: 15px; margin: 0 0 2px; }
.doc .meta { font-size: 12.5px; color: var(--muted); }
#bar { position: sticky; top: 0; z-index: 2; background: var(--bg); display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 8px 0; border-bottom: 1px solid var(--line); }
#tabs button { border: 1px solid var(--line); background: var(--soft); border-radius: 6px; padding: 2px 10px; cursor: pointer; }
#tabs button[aria-selected="true"] { background: var(--sel); border-color: var(--sel); color: #fff; }
#line-info { margin: 10px 0; padding: 8px 12px; border: 1px solid #9ec5fe; background: #f1f7ff; border-radius: 8px; }
#line-info h3 { margin: 0 0 4px; font-size: 13.5px; }
#line-info ul { margin: 0; padding-left: 18px; }
#line-info li { cursor: pointer; }
.empty { color: var(--muted); padding: 16px 0; }
.rec { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 10px 0; cursor: pointer; }
/* Clear of the sticky tab bar when scrolled into view. */
.rec, .d, .sec, td, .doc, #line-info { scroll-margin: 64px 0 24px; }
.rec:hover { border-color: #8c959f; }
.rec.sel, .d.sel, .sec.sel, td.sel, .doc.sel { outline: 2px solid var(--sel); outline-offset: 1px; }
.rec.flagged { border-left: 4px solid var(--warn); }
.rec .h { display: flex; gap: 8px; align-items: baseline; }
.rec .h .where { margin-left: auto; font-size: 12px; color: var(--muted); white-space: nowrap; }
.rec .title { font-weight: 600; }
.rec .path { font-size: 12.5px; color: var(--muted); }
.kv { margin: 2px 0; }
.kv .k { display: inline-block; min-width: 4.5em; color: var(--muted); font-size: 12.5px; }
.pre { white-space: pre-line; }
table.targets, table.data { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
table.targets th, table.targets td, table.data th, table.data td { border: 1px solid var(--line); padding: 2px 8px; vertical-align: top; }
table.targets th, table.data th { background: var(--soft); font-weight: 600; }
table.data td { white-space: pre-line; cursor: pointer; }
table.data td:hover { background: #f0f3f6; }
table.data td.nf { color: var(--muted); cursor: default; }
.t { font-size: 11px; color: var(--muted); margin-left: 4px; }
.t-blank { color: var(--muted); }
.unparsed { color: var(--warn); }
#docs summary { cursor: pointer; color: var(--muted); font-size: 13px; }
.flag { color: var(--warn); font-size: 13px; margin-top: 4px; }
.flag.err { color: var(--err); }
.completion { font-weight: 700; font-size: 16px; white-space: nowrap; }
.meter { height: 4px; background: var(--line); border-radius: 2px; margin-top: 4px; }
.meter span { display: block; height: 100%; background: #2da44e; border-radius: 2px; }
.budget { font-weight: 700; white-space: nowrap; }
.tbl { margin: 14px 0 18px; }
.tbl h3, .secdoc h3 { font-size: 14px; margin: 0 0 4px; }
ul.tree { list-style: none; padding-left: 1.2em; margin: 0; }
ul.tree.top { padding-left: 0; }
.sec { cursor: pointer; padding: 1px 4px; border-radius: 4px; }
.sec:hover { background: #f0f3f6; }
.sec .mk { color: var(--muted); margin-right: 4px; }
ul.diags { list-style: none; padding: 0; }
.d { padding: 4px 8px; margin: 4px 0; border-radius: 6px; cursor: pointer; border: 1px solid var(--line); }
.d.sev-warning { background: var(--warn-bg); }
.d.sev-error { background: var(--err-bg); }
.d code { font-size: 12px; color: var(--muted); }
.more { margin: 8px 0; }
#help { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; z-index: 9; }
#help[hidden] { display: none; }
#help > div { background: #fff; border-radius: 10px; padding: 16px 22px; max-width: 440px; }
#help td { padding: 2px 10px 2px 0; }
@media (max-width: 900px) {
  main { grid-template-columns: 1fr; grid-template-rows: 1fr 1fr; }
  #source { border-right: 0; border-bottom: 1px solid var(--line); }
}
`;

export const INDEX_PAGE_STYLE = `${BASE_STYLE}
body { padding: 16px 22px; }
h1 { font-size: 18px; margin: 0 0 4px; }
#filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 12px 0; font-size: 13.5px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); position: sticky; top: 0; white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button::after { content: " ↕"; color: #afb8c1; }
th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--fg); }
th[aria-sort="descending"] button::after { content: " ↓"; color: var(--fg); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.path { overflow-wrap: anywhere; }
tr.failed td { background: var(--err-bg); }
`;
