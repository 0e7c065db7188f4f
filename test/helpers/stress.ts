/**
 * Stress families for the scaling harness (issue #16): one generator per way an
 * upload can push a stage of the pipeline, each taking a repeat count `n` and
 * returning the input (text, or bytes for the decode stage).  The harness runs
 * every family at `n` and 4 `n` and compares CPU times; `npm run bench` prints
 * the same families' growth exponents (scripts/bench.mjs imports the built copy
 * of these generators from dist-test/, see `families` there).
 *
 * The material comes from how the documents are written: seed 003's tab KPI
 * rows, seed 000's Word cell-per-line rows, seed 004's report rows, seed 002's
 * flattened PDF rows, converter markdown with HTML in cells.
 */
import iconv from 'iconv-lite';
import { seedNames, seedText } from './seeds.js';

export interface StressFamily {
  /** What the input looks like. */
  name: string;
  /** The stage it stresses. */
  stage: 'decode' | 'normalize' | 'documents' | 'sections' | 'tsv' | 'cell-per-line' | 'flattened' | 'markdown' | 'html-cell' | 'html' | 'grid' | 'dashed' | 'kpi' | 'work-items' | 'report-items' | 'kpi-revisions' | 'web-copy' | 'writer-text';
  /**
   * The repeat count of the smaller size (the larger is 4×): large enough for
   * a parse of ~50–100 ms, below which JIT warm-up and GC timing, not the
   * input, decide the ratio (at 15 ms linear families measured 0.3–1.6).
   */
  n: number;
  make: (n: number) => string | Uint8Array;
}

const repeat = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const cjkDigit = (i: number) => '一二三四五六七八九'[i % 9];

const seedLines = new Map<string, string[]>();
/**
 * Lines `from`…`to` (1-based, inclusive) of a seed (by its number) and the
 * prefix before `from` back to line `head`; the body is repeated `n` times.
 */
function seedRepeat(seed: string, head: number, from: number, to: number, n: number): string {
  let lines = seedLines.get(seed);
  if (!lines) seedLines.set(seed, (lines = seedText(seedNames.find((name) => name.startsWith(seed))!).split(/\r?\n/)));
  const prefix = lines.slice(head - 1, from - 1).join('\n');
  const body = lines.slice(from - 1, to).join('\n');
  return `${prefix}\n${Array.from({ length: n }, () => body).join('\n')}\n`;
}

const KPI_TITLE = '彰化縣和美戶政事務所中程施政計畫（107 至 110 年度）\n\n三、關鍵績效指標、衡量標準及年度目標值\n\n';
const KPI_TAB_HEADER = '序號\t關鍵策略目標\t編號\t關鍵績效指標\t評估體制\t評估方式\t衡量標準\t年度績效目標值\t\t\t\n\t\t\t\t\t\t\t107\t108\t109\t110\n';
const REPORT_TITLE = '嘉義市東區區公所 109 年度工作總報告\n\n計畫名稱\t\t\t辦理情形\t完成程度 百分比\t備註\n類\t項\t目\t\t\t\n';
const WORK_TITLE = '# 嘉義市西區區公所民政課 112 年度重要工作計畫\n\n## 貳、年度重要工作計畫\n\n單位：千元\n\n';
const WORD_KPI_HEADER = '嘉義市政府民政處中程(108至111年度)施政計畫\n\n二、關鍵績效指標(KPI)\n\t關鍵策略目標\n\t關鍵績效指標\n\t衡量標準\n\t年度目標值\n\n\t\n\t\n\t\n\t108年\n\t109年\n\t110年\n\t111年\n\n';
// The header rows a browser writes for a table with spanning header cells (`innerText`).
const WEB_KPI_HEADER = '關鍵策略目標\t關鍵績效指標\t衡量標準\t年度目標值\n108年\t109年\t110年\t111年\n';
const WEB_WORK_HEADER = '機關工作項目\t重要工作計畫項目\t實施內容\t預算金額\n(單位：千元)\n';
const WRITER_KPI_HEADER = '嘉義市政府工務處中程(108至111年度)施政計畫\n二、關鍵績效指標(KPI)\n關鍵策略目標\n關鍵績效指標\n衡量標準\n年度目標值\n\n\n\n108年\n109年\n110年\n111年\n';

export const STRESS_FAMILIES: StressFamily[] = [
  // ── the families of issue #16's table ──
  {
    name: 'an HTML cell with deeply nested lists',
    stage: 'html-cell',
    n: 16_000,
    make: (n) => `${REPORT_TITLE}一、\t(一)\t${'<ol><li>'.repeat(n)}辦理\t100%\n`,
  },
  {
    name: 'many small pipe tables between paragraphs',
    stage: 'markdown',
    n: 600,
    make: (n) => repeat(n, (i) => `| a | b |\n|---|---|\n| ${i} | x |\n\n文字${i}\n`),
  },
  {
    name: 'Word cell-per-line rows of a single cell',
    stage: 'cell-per-line',
    n: 6_000,
    make: (n) => repeat(n, (i) => `\t值${i}\n`),
  },
  {
    name: 'numbered sections each with a small tab table',
    stage: 'sections',
    n: 1_000,
    make: (n) => repeat(n, (i) => `${(i % 9) + 1}、節${i}\n說明。\n甲\t乙\t丙\n1\t2\t3\n`),
  },
  {
    name: 'a page-number line padded with spaces',
    stage: 'normalize',
    n: 1_000_000,
    make: (n) => `第1頁${' '.repeat(n)}x\n`,
  },
  {
    name: 'a TOC-like line padded with spaces',
    stage: 'normalize',
    n: 1_000_000,
    make: (n) => `..${' '.repeat(n)}x....1\n`,
  },
  {
    name: 'mojibake with lost bytes (ð + three U+FFFD)',
    stage: 'decode',
    n: 24_000,
    make: (n) => Buffer.from('ð\uFFFD\uFFFD\uFFFD'.repeat(n), 'utf8'),
  },
  {
    name: 'emphasis runs in one pipe-table cell',
    stage: 'markdown',
    n: 3_000,
    make: (n) => `| 項目 | 說明 |\n|---|---|\n| x | ${'*a_'.repeat(n)} |\n`,
  },
  {
    name: 'a KPI tab row wider than its header',
    stage: 'tsv',
    n: 16_000,
    make: (n) => `${KPI_TITLE}${KPI_TAB_HEADER}1\t正確辦理各項戶籍登記(業務成果)\t1\t受理戶籍登記案件\t1\t統計數據\t正確率\t${Array.from({ length: n }, (_, i) => `${i}%`).join('\t')}\n`,
  },
  {
    name: 'a KPI tab row wider than its header by thousands of empty cells',
    stage: 'kpi',
    n: 16_000,
    make: (n) => `${KPI_TITLE}${KPI_TAB_HEADER}1\t正確辦理各項戶籍登記(業務成果)\t1\t受理戶籍登記案件\t1\t統計數據\t正確率${'\t'.repeat(n)}98%\t98%\t98%\t98%\n`,
  },
  {
    name: 'a cell-per-line row with thousands of cells',
    stage: 'cell-per-line',
    n: 12_000,
    make: (n) => `${WORD_KPI_HEADER}${repeat(n, (i) => `\t${i % 50 === 0 ? `${(i / 50) % 9 + 1}、策略` : `值${i}`}`)}\n`,
  },
  {
    name: 'a table copied from a web page: thousands of KPI rows under one merged strategy',
    stage: 'web-copy',
    n: 4_000,
    make: (n) => `${KPI_TITLE}${WEB_KPI_HEADER}一\t強化防災安全面向\t1\t提升防火宣導線上申請率\t線上申辦件數\t1%\t2%\t3%\t4%\n${repeat(n, (i) => `${(i % 99) + 1}\t指標${i}\t衡量${i}\t${i}%\t${i}%\t${i}%\t${i}%`)}\n`,
  },
  {
    name: 'a table copied from a web page: rows broken over their cells’ paragraphs',
    stage: 'web-copy',
    n: 2_000,
    make: (n) => `${WORK_TITLE}${WEB_WORK_HEADER}${repeat(n, (i) => (i % 50 === 0 ? `\n${cjkDigit(i / 50)}、類別${i}\n\t項目${i}。\t\n內容${i}。\n第二段${i}。\n\t${i}` : `項目${i}。\t\n內容${i}。\n\t`))}\n`,
  },
  {
    name: 'tab rows between paragraphs that no browser wrote (the web-copy reader declines each start)',
    stage: 'web-copy',
    n: 3_000,
    make: (n) => `${WEB_WORK_HEADER.split('\n')[0]}\n${repeat(n, (i) => `甲${i}\t乙\t丙\t丁\n段落${i}\n\n\t續${i}\t戊`)}\n`,
  },
  {
    name: 'a table copied from a web page whose cells are paragraphs (LibreOffice HTML): thousands of rows',
    stage: 'web-copy',
    n: 2_000,
    make: (n) => `${WORK_TITLE}機關工作項目\n\n\t\n\n重要工作計畫項目\n\n\t\n\n實施內容\n\n\t\n\n預算金額\n\n\n\n\n${repeat(n, (i) => `${i % 50 === 0 ? `${cjkDigit(i / 50)}、類別${i}\n\n\t\n\n` : ''}項目${i}。\n\n\t\n\n內容${i}。\n\n第二段${i}。\n\n\t\n\n${i}\n\n\n\n`)}`,
  },
  {
    name: 'one paragraph-cell row with thousands of cells (the web-copy reader declines each start)',
    stage: 'web-copy',
    n: 2_000,
    make: (n) => `${repeat(n, (i) => `值${i}\n\n\t\n`)}\n值\n`,
  },
  {
    name: 'one long run of combining marks',
    stage: 'normalize',
    n: 80_000,
    make: (n) => `一、項目a${'\u0301\u0316'.repeat(n)}\n`,
  },

  // ── decode and repair ──
  {
    name: 'Big5 bytes of a tab KPI table',
    stage: 'decode',
    n: 800,
    make: (n) => iconv.encode(`${KPI_TITLE}${KPI_TAB_HEADER}${repeat(n, (i) => `${i + 1}\t提供便捷之戶政服務措施\t1\t到校集中受理國民身分證\t1\t統計數據\t辦理次數\t4次\t4次\t4次\t4次`)}\n`, 'big5'),
  },
  {
    name: 'UTF-16LE without BOM',
    stage: 'decode',
    n: 9_600,
    make: (n) => iconv.encode(repeat(n, (i) => `${cjkDigit(i)}、辦理戶籍登記業務，計 ${i} 件。`), 'utf16le'),
  },
  {
    name: 'mojibake (UTF-8 read as Windows-1252)',
    stage: 'decode',
    n: 1_200,
    make: (n) => Buffer.from(iconv.decode(Buffer.from(repeat(n, (i) => `${cjkDigit(i)}、加強督導里幹事服勤，提高工作效率 ${i}`), 'utf8'), 'win1252'), 'utf8'),
  },
  {
    name: 'Simplified Chinese text',
    stage: 'decode',
    n: 1_200,
    make: (n) => repeat(n, (i) => `${cjkDigit(i)}、加强督导里干事服勤，提高工作效率与服务态度 ${i}`),
  },

  // ── normalize: furniture and format ──
  {
    name: 'page numbers and running headers between paragraphs',
    stage: 'normalize',
    n: 4_000,
    make: (n) => repeat(n, (i) => `嘉義市東區區公所 109 年度工作總報告\n\n內容第${i}段，辦理各項業務。\n\n- ${(i % 999) + 1} -\n`),
  },
  {
    name: 'a table of contents with dot leaders',
    stage: 'normalize',
    n: 32_000,
    make: (n) => `目錄\n${repeat(n, (i) => `${cjkDigit(i)}、\t民政部門${i}.....\t${i + 1}`)}\n`,
  },

  // ── documents ──
  {
    name: 'many documents (agency titles)',
    stage: 'documents',
    n: 600,
    make: (n) => repeat(n, (i) => `嘉義市政府第${i}處中程(108至111年度)施政計畫\n\n壹、機關任務及願景\n\n${i}、說明。\n`),
  },
  {
    name: 'a title repeated as a running title on every page',
    stage: 'documents',
    n: 2_400,
    make: (n) => repeat(n, (i) => `嘉義市政府民政處中程(108至111年度)施政計畫\n${cjkDigit(i)}、任務${i}\n說明。\n`),
  },

  // ── sections ──
  {
    name: 'restarting numbered lists (1、 after 1、)',
    stage: 'sections',
    n: 2_000,
    make: (n) => repeat(n, (i) => `${(i % 3) + 1}、項目${i}\n(一)內容${i}`),
  },
  {
    name: 'wrapped paragraphs under headings',
    stage: 'sections',
    n: 1_500,
    make: (n) => repeat(n, (i) => `${cjkDigit(i)}、標題${i}\n  這是一段很長的說明文字，因為 PDF 的關係\n  換行了好幾次，仍屬於同一段。\n`),
  },

  // ── table readers (and their interpreters), on seed material ──
  {
    name: "seed 003's tab KPI rows repeated",
    stage: 'tsv',
    n: 40,
    make: (n) => seedRepeat('003', 1, 157, 174, n),
  },
  {
    name: 'a tab table with many year columns',
    stage: 'tsv',
    n: 1_000,
    make: (n) => {
      const years = Array.from({ length: n }, (_, i) => `${100 + i}`);
      return `${KPI_TITLE}關鍵策略目標\t關鍵績效指標\t衡量標準\t${years.join('\t')}\n${repeat(20, (r) => `${r + 1}、策略\t指標${r}\t人數\t${years.map((_, c) => `${c}%`).join('\t')}`)}\n`;
    },
  },
  {
    name: "seed 000's Word cell-per-line KPI rows repeated",
    stage: 'cell-per-line',
    n: 40,
    make: (n) => seedRepeat('000', 1, 60, 234, n),
  },
  {
    name: "seed 002's flattened PDF KPI rows repeated",
    stage: 'flattened',
    n: 8,
    make: (n) => seedRepeat('002', 1, 236, 470, n),
  },
  {
    name: 'a markdown pipe KPI table with many rows',
    stage: 'markdown',
    n: 6_400,
    make: (n) => `${KPI_TITLE}| 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 107 | 108 | 109 | 110 |\n|---|---|---|---|---|---|---|\n${repeat(n, (i) => `| ${i + 1}、策略 | ${i + 1}.指標 | 人數 | ${i} | ${i} | ${i} | ${i} |`)}\n`,
  },
  {
    name: "LibreOffice Writer text: a KPI table's rows, one cell per line",
    stage: 'writer-text',
    n: 1_500,
    make: (n) =>
      `${WRITER_KPI_HEADER}${repeat(n, (i) => (i % 2 === 0 ? `${cjkDigit(i / 2)}\n策略${i}\n1\n指標${i}\n人數\n${i}\n${i}%\n≧${i}\n${i}件` : `\n\n2\n指標${i}\n件數/總數\n${i}\n${i}\n${i}\n${i}`))}\n`,
  },
  {
    name: 'LibreOffice Writer text: header titles again and again with no body',
    stage: 'writer-text',
    n: 2_000,
    make: (n) => `${WRITER_KPI_HEADER}${repeat(n, (i) => `關鍵策略目標\n關鍵績效指標\n衡量標準\n說明第${i}段，不是表格。`)}\n`,
  },
  {
    name: 'LibreOffice Writer text: work-plan rows with many content paragraphs',
    stage: 'writer-text',
    n: 300,
    make: (n) => `機關工作項目\n重要工作計畫項目\n實施內容\n預算金額\n(單位：千元)\n${repeat(n, (i) => `${i % 5 === 0 ? `${cjkDigit(i)}、類別${i}` : ''}\n項目${i}。\n${repeat(30, (k) => `${k + 1}. 內容${i}之${k}。`)}\n${i % 3 === 0 ? `${i},000` : ''}`)}\n`,
  },
  {
    name: "seed 001's work items with HTML cells repeated",
    stage: 'work-items',
    n: 10,
    make: (n) => seedRepeat('001', 1, 20, 60, n),
  },
  {
    name: "seed 004's report rows repeated",
    stage: 'report-items',
    n: 10,
    make: (n) => seedRepeat('004', 1, 25, 107, n),
  },
  {
    name: "seed 002's revision summary rows repeated",
    stage: 'kpi-revisions',
    n: 12,
    make: (n) => seedRepeat('002', 10829, 10841, 11100, n),
  },
  {
    name: 'an HTML page with a KPI table of many rows',
    stage: 'html',
    n: 400,
    make: (n) => `<!DOCTYPE html><html><body><h1>嘉義市政府文化局中程施政計畫</h1><table><thead><tr><th>關鍵策略目標</th><th>關鍵績效指標</th><th>衡量標準</th><th>108年</th><th>109年</th></tr></thead><tbody>\n${repeat(n, (i) => `<tr><td>${i + 1}、策略</td><td>${i + 1}.指標</td><td>人數</td><td>${i}</td><td>${i}</td></tr>`)}\n</tbody></table></body></html>`,
  },
  {
    name: 'unclosed <table> lines in markdown',
    stage: 'html',
    n: 2_000,
    make: (n) => `${KPI_TITLE}${repeat(n, (i) => `<table><tr><td>${i}</td>`)}\n`,
  },
  {
    name: 'a grid table with many rows',
    stage: 'grid',
    n: 400,
    make: (n) => `${KPI_TITLE}+------+------+------+------+\n| 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 108年 |\n+======+======+======+======+\n${repeat(n, (i) => `| ${cjkDigit(i)}、策略 | ${i}.指標 | 人數 | ${i} |\n+------+------+------+------+`)}\n`,
  },
  {
    name: 'a multiline dashed table with many rows',
    stage: 'dashed',
    n: 6_400,
    make: (n) => `${KPI_TITLE}  ----------------------------------------\n  關鍵策略目標   關鍵績效指標   衡量標準   108年\n  -------------- -------------- ---------- ------\n${repeat(n, (i) => `  ${cjkDigit(i)}、策略       ${i}.指標         人數       ${i}\n`)}  ----------------------------------------\n`,
  },
];
