/**
 * Tables in LibreOffice Writer's plain-text export (`src/tables/writer-text*.ts`):
 * one cell per line, nothing between rows.  Unit tests on the inputs the doc
 * comments show, and accuracy floors (a ratchet: raise them, never lower them)
 * on fixtures/lotext: the 16 corpus documents exported by Writer 7.4, the
 * same with Windows line ends, in Big5 and in UTF-16, and seed 003's KPI
 * tables (序號 / 評估體制 / 評估方式 columns) made into a Writer document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/lines.js';
import { parse } from '../src/parse.js';
import { cellKind, lineShape } from '../src/tables/writer-text-cells.js';
import { readHeader } from '../src/tables/writer-text-header.js';
import { cutRows } from '../src/tables/writer-text-rows.js';
import { writerTextReader } from '../src/tables/writer-text.js';
import type { Line, SourceText } from '../src/types.js';
import { scoreResults } from './helpers/corpus.js';
import { root } from './helpers/seeds.js';

const dir = path.join(root, 'fixtures/lotext');

function linesOf(text: string): Line[] {
  return splitLines(text).map((line) => ({ ...line, role: line.text.trim() === '' ? 'blank' : 'content' }));
}

function readTable(text: string) {
  const lines = linesOf(text);
  return writerTextReader.read(lines, 0, lines.length, { text, lines, format: 'text' } as SourceText);
}

function score(folder: string, names: readonly string[]) {
  return scoreResults(names.map((name) => ({ name, result: parse(readFileSync(path.join(dir, folder, name)), { path: name }), gold: path.join(dir, 'gold', `${name}.gold.json`) }))).totals;
}

// 52's KPI table, as the reader's doc comment shows it.
const KPI = [
  '關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值', '', '', '', '108年', '109年', '110年', '111年',
  '一', '區域排水、雨水下水道及水環境改善計畫', '1', '區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度', '100%', '100%', '100%', '100%',
  '', '', '2', '雨水下水道興建工程', '雨水下水道興建長度(公尺)', '300', '300', '300', '300',
  '二、關鍵績效指標說明',
].join('\n');

describe('Writer text: what a line looks like', () => {
  it('tells ordinals, targets, budgets, labels and entries apart', () => {
    expect(lineShape('2')).toBe('ordinal');
    expect(lineShape('一')).toBe('ordinal');
    expect(lineShape('12')).toBe('ordinal');
    expect(lineShape('300')).toBe('value');
    expect(lineShape('100%')).toBe('percent');
    expect(lineShape('≧91%')).toBe('percent');
    expect(lineShape('2,000')).toBe('value');
    expect(lineShape('45件')).toBe('value');
    expect(lineShape('449(健保局補助)')).toBe('value');
    expect(lineShape('112年役男抽籤。')).not.toBe('value');
    expect(lineShape('(一)編製預算')).toBe('heading');
    expect(lineShape('1. 嚴格執行內部審核。')).toBe('marked');
    expect(lineShape('雨水下水道興建工程')).toBe('short');
    expect(lineShape('')).toBe('empty');
  });

  it('gives each column the kind of cell its header names', () => {
    expect(['序號', '關鍵策略目標', '衡量標準', '年度目標值/108年', '評估體制'].map(cellKind)).toEqual(['ordinal', 'text', 'text', 'value', 'value']);
    expect(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額 (單位：千元)'].map(cellKind)).toEqual(['label', 'text', 'long', 'budget']);
    expect(['計畫名稱/類', '辦理情形', '完成程度 百分比', '備註'].map(cellKind)).toEqual(['label', 'long', 'completion', 'note']);
  });
});

describe('Writer text: the header', () => {
  it('joins a spanning title with the years under it and skips the covered cells', () => {
    const lines = linesOf(KPI);
    const header = readHeader(lines, 0, lines.length);
    expect(header?.columns).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(header?.bodyStart).toBe(11);
  });

  it('reads 計畫名稱 over 類 / 項 / 目, a title paragraph 百分比, and the covered cells after the sub-titles', () => {
    const lines = linesOf(['計畫名稱', '辦理情形', '完成程度', '百分比', '備註', '類', '項', '目', '', '', '', '肆、會計部門'].join('\n'));
    const header = readHeader(lines, 0, lines.length);
    expect(header?.columns).toEqual(['計畫名稱/類', '計畫名稱/項', '計畫名稱/目', '辦理情形', '完成程度百分比', '備註']);
    expect(header?.bodyStart).toBe(11);
  });

  it('keeps a unit note with its title and starts the body at the first label', () => {
    const lines = linesOf(['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額', '(單位：千元)', '一、編練業務'].join('\n'));
    expect(readHeader(lines, 0, lines.length)).toEqual({ columns: ['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額 (單位：千元)'], bodyStart: 5 });
  });

  it('takes a title the vocabulary does not know when a known one follows it', () => {
    const lines = linesOf(['關鍵策略目標', '關鍵績效指標', '衡量標準', '主辦單位', '年度目標值', '', '', '', '', '108年', '109年', '一'].join('\n'));
    expect(readHeader(lines, 0, lines.length)?.columns).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '主辦單位', '年度目標值/108年', '年度目標值/109年']);
  });

  it('is no header at a numbered heading, with or without its 、, nor over years side by side on one line', () => {
    for (const heading of ['二、關鍵績效指標(KPI)', '二 關鍵績效指標']) {
      const lines = linesOf([heading, '關鍵策略目標'].join('\n'));
      expect(readHeader(lines, 0, lines.length)).toBeNull();
    }
    const raw = linesOf(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值', '108 109 110 111'].join('\n'));
    expect(readHeader(raw, 0, raw.length)).toBeNull();
  });

  it('is no header at a numbered heading', () => {
    const lines = linesOf(['二、關鍵績效指標(KPI)', '關鍵策略目標', '關鍵績效指標', '衡量標準'].join('\n'));
    expect(readHeader(lines, 0, lines.length)).toBeNull();
  });
});

describe('Writer text: rows', () => {
  it('cuts a work plan where the content ends: the budget column holds a number', () => {
    const text = ['三、全民健康保險', '受理第五、六類人口全民健康保險之加退保。', '1. 申請對象：第5類人口。', '協助低收入戶辦理經濟困難認定。', '449(健保局補助)', '', '辦理健保保險對象「經濟困難資格認定」。', '1. 申請對象：第5類人口。', '', '']
      .join('\n');
    const lines = linesOf(text);
    const columns = ['機關工作項目', '重要工作計畫項目', '實施內容', '預算金額'].map((title) => ({ kind: cellKind(title), mergeable: false }));
    const cut = cutRows(columns, 0, lines.length, (i) => lineShape(lines[i].text));
    expect(cut.rows.map((row) => row.cells.map((cell) => [cell.from, cell.to]))).toEqual([
      [[0, 1], [1, 2], [2, 4], [4, 5]],
      [[5, 6], [6, 7], [7, 8], [8, 9]],
    ]);
  });

  it('rebuilds KPI rows with the ordinals folded into their text and ends at a line no row holds', () => {
    const table = readTable(KPI)!;
    expect(table.layout).toBe('writer-text');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['一、區域排水、雨水下水道及水環境改善計畫', '1.區域排水、雨水下水道疏濬清淤', '清疏工程辦理進度', '100%', '100%', '100%', '100%'],
      ['', '2.雨水下水道興建工程', '雨水下水道興建長度(公尺)', '300', '300', '300', '300'],
    ]);
    expect(table.end).toBe(29);
    expect(table.rows[1].lines).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect(table.diagnostics).toEqual([]);
  });

  it('reads a row whose indicator number is merged into its text (a strategy with one indicator)', () => {
    const text = [...KPI.split('\n').slice(0, 29), '四', '推展藝術節慶，提升都市國際形象創新策略', '辦理嘉義市國際管樂節', '舉辦藝術節慶活動場次', '10場以上', '10場以上', '0場(因疫情停辦)', '10場以上'].join('\n');
    const table = readTable(text)!;
    expect(table.rows[2].cells).toEqual(['四、推展藝術節慶，提升都市國際形象創新策略', '辦理嘉義市國際管樂節', '舉辦藝術節慶活動場次', '10場以上', '10場以上', '0場(因疫情停辦)', '10場以上']);
  });

  it('warns at a row holding what its column hardly ever holds', () => {
    const text = KPI.replace('雨水下水道興建長度(公尺)\n300\n300', '雨水下水道興建長度(公尺)\n300\n依工程進度逐年辦理，並視經費核定情形調整目標值。');
    const table = readTable(text)!;
    expect(table.diagnostics.map((d) => [d.code, d.position?.start.line])).toEqual([['kpi-row-uncertain', 21]]);
  });
});

describe('Writer text: documents', () => {
  it('a cell ending like a title (編撰及推動年度施政計畫) starts no document', () => {
    const text = readFileSync(path.join(dir, 'text/57_chiayi-smart-tech-108-111-kpi.lo.txt'));
    const result = parse(text, { path: '57.lo.txt' });
    expect(result.documents.map((d) => d.kind)).toEqual(['mid-term-plan']);
    expect(result.documents[0].kpis.map((k) => k.indicator.text)).toContain('編撰及推動年度施政計畫');
  });

  it('takes none of the seeds or the reading-order corpus text', () => {
    for (const name of readdirSync(path.join(root, 'fixtures/seeds'))) {
      const result = parse(readFileSync(path.join(root, 'fixtures/seeds', name)), { path: name });
      expect(result.documents.flatMap((d) => d.tables).some((t) => t.layout === 'writer-text')).toBe(false);
    }
    for (const name of readdirSync(path.join(root, 'fixtures/corpus/text')).filter((n) => n.endsWith('-raw.txt'))) {
      const result = parse(readFileSync(path.join(root, 'fixtures/corpus/text', name)), { path: name });
      expect(result.documents.flatMap((d) => d.tables).some((t) => t.layout === 'writer-text')).toBe(false);
    }
  });
});

describe('Writer text: accuracy (fixtures/lotext)', () => {
  it('the 16 corpus documents as Writer saves them as Text', () => {
    const names = readdirSync(path.join(dir, 'text')).sort();
    expect(names).toHaveLength(16);
    const totals = score('text', names);
    for (const metric of ['docs', 'outline', 'meta', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
  });

  it('with Windows line ends, in Big5 and in UTF-16', () => {
    const names = readdirSync(path.join(dir, 'variants')).filter((name) => /\.(?:crlf|big5|utf16)\.lo\.txt$/u.test(name)).sort();
    expect(names).toHaveLength(12);
    const totals = score('variants', names);
    for (const metric of ['docs', 'outline', 'kpiRows', 'kpiCells', 'work', 'budgets', 'report']) expect(totals[metric], metric).toBeGreaterThanOrEqual(1);
  });

  it("seed 003's tables (序號 / 評估體制 / 評估方式, years under 年度績效目標值) as a Writer document", () => {
    const totals = score('variants', ['003_778b9b4aea791543.lo.txt']);
    expect(totals.docs).toBe(1);
    expect(totals.kpiRows).toBeGreaterThanOrEqual(0.947);
    expect(totals.kpiCells).toBeGreaterThanOrEqual(0.992);
  });
});

describe('Writer text: what is not Writer\'s', () => {
  it('leaves KPI titles that stop short of the target group to other readers (MuPDF blocks)', () => {
    const lines = splitLines('關鍵策略目標\n關鍵績效指標\n衡量標準\n\n年度目標值\n\n108年\n109年\n110年\n111年\n\n一\n\n推動嘉義市鐵路\n高架化工程，加\n');
    expect(readHeader(lines, 0, lines.length)).toBeNull();
    const writer = splitLines('關鍵策略目標\n關鍵績效指標\n衡量標準\n年度目標值\n\n\n\n108年\n109年\n110年\n111年\n一\n推動嘉義市鐵路高架化工程\n');
    expect(readHeader(writer, 0, writer.length)?.columns).toContain('年度目標值/108年');
  });
});
