#!/usr/bin/env node
// The held-out documents (fixtures/heldout/README.md): seed documents the
// shared corpus does not use, written as HTML pages the way the corpus's were
// (the same <head> and style sheet, a cover, headings with formal markers, one
// table with rowspans and a repeating header), with gold in the corpus format
// taken from the seed gold.  Section paragraphs come from plan-parse's own
// output of the seeds (not scored).
//
//   node bin/plan-parse.js fixtures/seeds -o out
//   node scripts/make-heldout.mjs out fixtures/heldout
//
// FONT_CSS=<folder of @fontsource/noto-sans-tc> adds a TrueType-outline
// Noto Sans TC for Chromium (the pages made for its PDFs).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const [outDir, dest] = process.argv.slice(2);
mkdirSync(`${dest}/html`, { recursive: true });
mkdirSync(`${dest}/gold`, { recursive: true });
const root = new URL('../', import.meta.url);
const corpusPage = readFileSync(new URL('fixtures/corpus/html/51_chiayi-education-108-111-kpi.html', root), 'utf8');
const head = corpusPage.slice(0, corpusPage.indexOf('<body>'));
const esc = (t) => String(t ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cjk = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const formal = ['', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖', '拾'];
const gold = (n) => JSON.parse(readFileSync(new URL(`fixtures/gold/${n}`, root), 'utf8'));
const parsed = (n) => JSON.parse(readFileSync(`${outDir}/${n.replace('.gold.json', '.json')}`, 'utf8'));

function page(title, body) {
  const fonts = process.env.FONT_CSS ? `<link rel="stylesheet" href="${process.env.FONT_CSS}/400.css"><link rel="stylesheet" href="${process.env.FONT_CSS}/700.css"><style>html, th, td { font-family: "Noto Sans TC"; }</style>\n` : '';
  return `${head.replace(/<title>.*<\/title>/, `<title>${esc(title)}</title>`).replace('</head>', `${fonts}</head>`)}<body>\n${body}</body>\n</html>\n`;
}
function sectionsHtml(sections) {
  let html = '';
  for (const s of sections) {
    if (s.level <= 2) {
      const tag = s.level === 1 ? 'h2' : 'h3';
      const marker = s.level === 1 ? `${formal[s.ordinal]}、` : `${cjk[s.ordinal]}、`;
      html += `<${tag}>${esc(marker + s.title)}</${tag}>\n`;
    } else html += `<p>${esc((s.marker ?? '') + s.title)}</p>\n`;
    for (const p of s.body.slice(0, 3)) html += `<p>${esc(p)}</p>\n`;
    html += sectionsHtml(s.children);
    if (s.table) html += s.table;
  }
  return html;
}
function write(name, title, body, goldDoc, note) {
  writeFileSync(`${dest}/html/${name}.html`, page(title, body));
  writeFileSync(`${dest}/gold/${name}.gold.json`, JSON.stringify({ file: `${name}`, notes: [note], documents: [goldDoc] }, null, 2));
}
const cell = (t) => esc(t).replace(/\n/g, '<br>');

// KPI plans: seed 002 documents the corpus leaves out, and seed 000.
const kpiSources = [
  ['002_518a493018a85667.txt.gold.json', [0, 1, 6, 7, 12, 13, 16, 18]],
  ['000_41429686ef6f927b.txt.gold.json', [0]],
];
let n = 80;
for (const [file, indexes] of kpiSources) {
  const g = gold(file);
  const p = parsed(file.replace('.gold.json', '.gold.json'));
  for (const i of indexes) {
    const doc = g.documents[i];
    if (!doc.kpis.length || doc.kpis.some((k) => k.common)) continue;
    const pdoc = p.documents.find((d) => d.title === doc.title) ?? p.documents[i];
    const years = Object.keys(doc.kpis[0].targets);
    const ruled = n % 2 === 0 ? ' border="1"' : '';
    let rows = '';
    const groups = [];
    for (const k of doc.kpis) {
      if (groups.length && groups.at(-1).strategy === k.strategy) groups.at(-1).kpis.push(k);
      else groups.push({ strategy: k.strategy, kpis: [k] });
    }
    groups.forEach((group, gi) => {
      group.kpis.forEach((k, ki) => {
        rows += '<tr>';
        if (ki === 0) rows += `<td class="c" rowspan="${group.kpis.length}">${cjk[gi + 1]}</td><td rowspan="${group.kpis.length}">${cell(k.strategy)}</td>`;
        rows += group.kpis.length === 1 ? `<td colspan="2">${cell(k.indicator)}</td>` : `<td class="c">${ki + 1}</td><td>${cell(k.indicator)}</td>`;
        rows += `<td>${cell(k.measure)}</td>`;
        for (const y of years) rows += `<td class="c">${cell(k.targets[y])}</td>`;
        rows += '</tr>\n';
      });
    });
    const table = `<table${ruled} class="kpi"><colgroup><col style="width:9mm"><col style="width:30mm"><col style="width:7mm"><col style="width:36mm"><col style="width:44mm">${years.map(() => '<col style="width:12mm">').join('')}</colgroup>
<thead>
<tr><th colspan="2" rowspan="2">關鍵策略目標</th><th colspan="2" rowspan="2">關鍵績效指標</th><th rowspan="2">衡量標準</th><th colspan="${years.length}">年度目標值</th></tr>
<tr>${years.map((y) => `<th>${y}年</th>`).join('')}</tr>
</thead>
<tbody>
${rows}</tbody>
</table>
`;
    const sections = structuredClone(pdoc.sections);
    sections.at(-1).children.at(-1).table = table; // 參、… / 二、關鍵績效指標(KPI)
    const rest = doc.title.slice(doc.agency.length);
    const body = `<div class="cover">\n<p class="agency">${esc(doc.agency)}</p>\n<p class="title">${esc(rest)}</p>\n</div>\n<h1 class="doc-title">${esc(doc.title)}</h1>\n${sectionsHtml(sections)}`;
    const { startLine, ...goldDoc } = doc;
    write(`${n}_heldout-${file.slice(0, 3)}-${i + 1}-kpi`, doc.title, body, { ...goldDoc, startLine: 1 }, `seed ${file.slice(0, 3)} gold document ${i + 1}; ${ruled ? 'ruled' : 'borderless'} KPI table`);
    n++;
  }
}

// A KPI plan in seed 003's form: 序號 / 關鍵策略目標 / 編號 / 關鍵績效指標 / 評估體制 /
// 評估方式 / 衡量標準 / 年度績效目標值, and a second table of 共同性指標.
{
  const file = '003_778b9b4aea791543.txt.gold.json';
  const doc = gold(file).documents[0];
  const pdoc = parsed(file).documents[0];
  const years = Object.keys(doc.kpis[0].targets);
  const tableOf = (kpis, goalHeader, indicatorHeader) => {
    const groups = [];
    for (const k of kpis) {
      if (groups.length && groups.at(-1).strategy === k.strategy) groups.at(-1).kpis.push(k);
      else groups.push({ strategy: k.strategy, kpis: [k] });
    }
    let rows = '';
    groups.forEach((group, gi) => group.kpis.forEach((k, ki) => {
      rows += '<tr>';
      if (ki === 0) rows += `<td class="c" rowspan="${group.kpis.length}">${gi + 1}</td><td rowspan="${group.kpis.length}">${cell(k.strategy)}(${cell(k.perspective)})</td>`;
      rows += `<td class="c">${ki + 1}</td><td>${cell(k.indicator)}</td><td class="c">1</td><td>統計數據</td><td>${cell(k.measure)}</td>`;
      for (const y of years) rows += `<td class="c">${cell(k.targets[y])}</td>`;
      rows += '</tr>\n';
    }));
    return `<table border="1" class="kpi003"><colgroup><col style="width:8mm"><col style="width:26mm"><col style="width:8mm"><col style="width:28mm"><col style="width:10mm"><col style="width:14mm"><col style="width:40mm">${years.map(() => '<col style="width:10mm">').join('')}</colgroup>
<thead>
<tr><th rowspan="2">序號</th><th rowspan="2">${goalHeader}</th><th rowspan="2">編號</th><th rowspan="2">${indicatorHeader}</th><th rowspan="2">評估體制</th><th rowspan="2">評估方式</th><th rowspan="2">衡量標準</th><th colspan="${years.length}">年度績效目標值</th></tr>
<tr>${years.map((y) => `<th>${y}</th>`).join('')}</tr>
</thead>
<tbody>
${rows}</tbody>
</table>
`;
  };
  const sections = structuredClone(pdoc.sections);
  const kpiSections = sections.at(-1).children;
  kpiSections.at(-2).table = tableOf(doc.kpis.filter((k) => !k.common), '關鍵策略目標', '關鍵績效指標');
  kpiSections.at(-1).table = tableOf(doc.kpis.filter((k) => k.common), '共同性目標', '共同性指標');
  const body = `<div class="cover">\n<p class="agency">${esc(doc.agency)}</p>\n<p class="title">${esc(doc.title.slice(doc.agency.length))}</p>\n</div>\n<h1 class="doc-title">${esc(doc.title)}</h1>\n${sectionsHtml(sections)}`;
  const { startLine, ...goldDoc } = doc;
  write(`96_heldout-003-1-kpi`, doc.title, body, { ...goldDoc, startLine: 1 }, 'seed 003 gold document 1; KPI and 共同性指標 tables in its own column form');
}

// Work plans: seed 001 documents the corpus leaves out.
{
  const file = '001_fcb2d661580278da.txt.gold.json';
  const g = gold(file);
  const p = parsed(file);
  for (const i of [0, 3, 5, 6]) {
    const doc = g.documents[i];
    const pdoc = p.documents.find((d) => d.title === doc.title);
    const ruled = n % 2 === 0 ? ' border="1"' : '';
    const groups = [];
    doc.workItems.forEach((w, wi) => {
      const key = w.path.join('|');
      const content = pdoc?.workItems[wi]?.content ?? '';
      if (groups.length && groups.at(-1).key === key) groups.at(-1).items.push({ ...w, content });
      else {
        // A new parent category is written above its first sub-category in the same cell.
        const parentChanged = w.path.length > 1 && groups.at(-1)?.items[0].path[0] !== w.path[0];
        const label = parentChanged ? `<div>${cell(w.path[0])}</div><div>${cell(w.path.at(-1))}</div>` : `<div>${cell(w.path.at(-1))}</div>`;
        groups.push({ key, label, items: [{ ...w, content }] });
      }
    });
    let rows = '';
    for (const group of groups) {
      group.items.forEach((w, wi) => {
        rows += '<tr>';
        if (wi === 0) rows += `<td rowspan="${group.items.length}">${group.label}</td>`;
        // Items under one category are numbered (`1.` `2.`), as seed 001 writes them.
        const number = group.items.length > 1 ? `${wi + 1}. ` : '';
        rows += `<td>${number}${cell(w.item)}</td><td><div>${cell(w.content)}</div></td><td class="c">${cell(w.budget ?? '')}</td></tr>\n`;
      });
    }
    const table = `<table${ruled} class="work"><colgroup><col style="width:36mm"><col style="width:44mm"><col style="width:70mm"><col style="width:24mm"></colgroup>
<thead>
<tr><th>機關工作項目</th><th>重要工作計畫項目</th><th>實施內容</th><th>預算金額<br>(單位：千元)</th></tr>
</thead>
<tbody>
${rows}</tbody>
</table>
`;
    let body = `<div class="cover">\n<p class="agency">${esc(doc.agency)}</p>\n<p class="title">${esc(doc.title.slice(doc.agency.length))}</p>\n</div>\n<h1 class="doc-title">${esc(doc.title)}</h1>\n`;
    body += `<p class="lead">本(${doc.period.from})年度重要工作計畫係依據嘉義市政府${doc.period.from}年度施政計畫，配合本所實際需要及核定預算數審慎編訂而成，其要點及重大工作目標為：</p>\n`;
    const level1 = doc.outline.filter((o) => o.level === 1);
    for (const o of doc.outline) {
      if (o.level === 1) body += `<h2>${formal[o.ordinal]}、${esc(o.title)}</h2>\n`;
      else body += `<p class="item">${cjk[o.ordinal]}、${esc(o.title)}</p>\n`;
      if (o === level1.at(-1)) body += table;
    }
    const { startLine, ...goldDoc } = doc;
    write(`${n}_heldout-001-${i + 1}-workplan`, doc.title, body, { ...goldDoc, startLine: 1 }, `seed 001 gold document ${i + 1}; ${ruled ? 'ruled' : 'borderless'} work table`);
    n++;
  }
}

// Work reports: seed 004 departments the corpus leaves out.
{
  const file = '004_68055337084019e7.txt.gold.json';
  const doc = gold(file).documents[0];
  for (const [part, departments] of [['壹、民政部門', '貳、社建部門'], ['參、兵役部門', '陸、政風部門']].entries()) {
    let body = `<div class="cover">\n<p class="agency">${esc(doc.title.slice(doc.agency.length))}</p>\n<p class="title">${esc(doc.agency)}</p>\n<p class="sub">中華民國${doc.period.to + 1}年3月</p>\n</div>\n`;
    const items = [];
    departments.forEach((department, di) => {
      const rowsOf = doc.reportItems.filter((r) => r.path[0] === department);
      items.push(...rowsOf);
      body += `<h2${di ? ' style="page-break-before:always"' : ''}>${esc(department)}</h2>\n<p class="caption">${esc(doc.title)}</p>\n`;
      body += `<table class="report"><colgroup><col style="width:14mm"><col style="width:22mm"><col style="width:30mm"><col style="width:72mm"><col style="width:18mm"><col style="width:18mm"></colgroup>
<thead>
<tr><th colspan="3">計畫名稱</th><th rowspan="2">辦理情形</th><th rowspan="2">完成程度<br>百分比</th><th rowspan="2">備註</th></tr>
<tr><th>類</th><th>項</th><th>目</th></tr>
</thead>
<tbody>
`;
      const span = (from, level) => {
        let k = from;
        while (k < rowsOf.length && rowsOf[k].path.slice(0, level + 1).join('|') === rowsOf[from].path.slice(0, level + 1).join('|')) k++;
        return k - from;
      };
      rowsOf.forEach((r, ri) => {
        body += '<tr>';
        if (ri === 0) body += `<td class="c" rowspan="${rowsOf.length}">${esc(department)}</td>`;
        for (const level of [1, 2]) {
          const same = ri > 0 && rowsOf[ri - 1].path.slice(0, level + 1).join('|') === r.path.slice(0, level + 1).join('|');
          if (!same) body += `<td rowspan="${span(ri, level)}">${cell(r.path[level] ?? '')}</td>`;
        }
        // Entries under one path are numbered, as the report writes them (`1.` `2.`).
        const siblings = rowsOf.filter((other) => other.path.join('|') === r.path.join('|'));
        const number = siblings.length > 1 ? `${siblings.indexOf(r) + 1}. ` : '';
        body += `<td><div>${number}${cell(r.status)}</div></td><td class="c">${cell(r.completion ?? '')}</td><td></td></tr>\n`;
      });
      body += '</tbody>\n</table>\n';
    });
    const outline = doc.outline.filter((o) => departments.some((d) => d.endsWith(o.title)));
    const { startLine, ...goldDoc } = doc;
    write(`${n}_heldout-004-${part + 1}-report`, doc.title, body, { ...goldDoc, startLine: 1, outline, reportItems: items }, `seed 004 departments ${departments.join(' ')}`);
    n++;
  }
}
