/**
 * Quality rules (`plan-parse validate`): each rule on a small crafted result,
 * and the whole set on the real seed output.
 */
import { describe, expect, it } from 'vitest';
import { checkQuality, RULES, rules } from '../src/quality/index.js';
import {
  budgetUnparsed,
  duplicateIndicator,
  kpiTargetCount,
  missingCompletion,
  missingKpiTable,
  missingPeriod,
  sectionNumberingGap,
} from '../src/quality/rules.js';
import type { Kpi, ParseResult, PlanDocument, Position, Section, Target } from '../src/types.js';
import { parsedSeed, seedNames } from './helpers/seeds.js';

const at = (line: number): Position => ({ start: { line, column: 1, offset: line * 100 }, end: { line, column: 5, offset: line * 100 + 4 } });

function target(year: number, raw = '1'): Target {
  const fields = { year, gregorianYear: year + 1911, raw, unit: null };
  return raw ? { ...fields, type: 'number', value: Number(raw) } : { ...fields, type: 'blank', value: null };
}

function kpi(text: string, years: number[], line: number): Kpi {
  return {
    strategy: { marker: '一', ordinal: 1, text: '策略', perspective: null, weight: null },
    indicator: { marker: null, ordinal: null, text, weight: null },
    measure: null,
    assessment: null,
    common: false,
    targets: years.map((year) => target(year)),
    position: at(line),
  };
}

function section(marker: string, ordinal: number, line: number, children: Section[] = []): Section {
  return { marker, style: 'cjk', ordinal, level: 1, title: `第${ordinal}節`, body: [], position: at(line), children };
}

function doc(overrides: Partial<PlanDocument>): PlanDocument {
  return {
    kind: 'mid-term-plan',
    title: '某機關中程(108至111年度)施政計畫',
    agency: '某機關',
    period: { from: 108, to: 111, gregorian: { from: 2019, to: 2022 } },
    revision: null,
    position: at(1),
    sections: [],
    tables: [],
    kpis: [],
    workItems: [],
    reportItems: [],
    ...overrides,
  };
}

function result(...documents: PlanDocument[]): ParseResult {
  return {
    schemaVersion: '1.2.0',
    source: { path: 'x.txt', bytes: 1, sha256: '0'.repeat(64), encoding: 'utf-8', script: 'traditional', converted: null, format: 'text' },
    documents,
    diagnostics: [],
  };
}

const years = [108, 109, 110, 111];

describe('quality rules', () => {
  it('every rule has a stable kebab-case id, a severity and a description', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'missing-kpi-table',
      'kpi-target-count',
      'missing-period',
      'section-numbering-gap',
      'duplicate-indicator',
      'budget-unparsed',
      'missing-completion',
      'toc-not-closed',
    ]);
    for (const rule of RULES) expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rules).toHaveLength(RULES.length);
  });

  it('missing-kpi-table: a mid-term plan without KPIs is an error; a work plan is not', () => {
    const found = missingKpiTable(result(doc({}), doc({ kind: 'work-plan' })));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'missing-kpi-table', position: { start: { line: 1 } } });
    expect(missingKpiTable(result(doc({ kpis: [kpi('指標', years, 5)] })))).toEqual([]);
  });

  it('kpi-target-count: fewer (non-blank) targets than years', () => {
    const short = kpi('指標甲', [108, 109], 7);
    const blank = kpi('指標乙', years, 9);
    blank.targets[3] = target(111, '');
    const found = kpiTargetCount(result(doc({ kpis: [kpi('完整', years, 5), short, blank] })));
    expect(found.map((d) => [d.code, d.severity, d.position?.start.line])).toEqual([
      ['kpi-target-count', 'warning', 7],
      ['kpi-target-count', 'warning', 9],
    ]);
    expect(found[0].message).toMatch(/2 targets for 4 years \(none for 110, 111\)/);
    expect(kpiTargetCount(result(doc({ period: null, kpis: [short] })))).toEqual([]);
  });

  it('missing-period: plans and reports only', () => {
    const found = missingPeriod(result(doc({ period: null }), doc({ kind: 'unknown', period: null }), doc({ kind: 'revision-summary', period: null })));
    expect(found.map((d) => d.code)).toEqual(['missing-period']);
  });

  it('section-numbering-gap: gaps and jumps among siblings of one style, at any depth', () => {
    const tree = [section('一、', 1, 2), section('二、', 2, 3, [section('(一)', 1, 4), section('(三)', 3, 5)]), section('四、', 4, 6), section('三、', 3, 7)];
    tree[1].children.forEach((child) => (child.style = 'cjk-paren'));
    const found = sectionNumberingGap(result(doc({ sections: tree })));
    expect(found.map((d) => d.position?.start.line)).toEqual([5, 6, 7]);
    expect(found[0].message).toMatch(/\(三\) skips ahead after \(一\)/);
    expect(found[2].message).toMatch(/goes back/);
  });

  it('duplicate-indicator: the same indicator text twice in one document (whitespace ignored)', () => {
    const found = duplicateIndicator(result(doc({ kpis: [kpi('提高 參與度', years, 5), kpi('其他', years, 6), kpi('提高參與度', years, 8)] })));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'duplicate-indicator', position: { start: { line: 8 } } });
    expect(found[0].message).toMatch(/first at line 5/);
  });

  it('budget-unparsed: a work-item budget without a number', () => {
    const item = (raw: string | null, value: number | null, line: number) => ({
      path: ['一、一般行政'],
      item: '工作',
      content: null,
      budget: raw === null ? null : { raw, value, unit: '千元', note: value === null ? raw : null },
      position: at(line),
    });
    const found = budgetUnparsed(result(doc({ kind: 'work-plan', workItems: [item('40', 40, 3), item('市府統籌款', null, 4), item(null, null, 5), item('4O千元', null, 6)] })));
    expect(found.map((d) => [d.code, d.severity, d.position?.start.line])).toEqual([
      ['budget-unparsed', 'info', 4],
      ['budget-unparsed', 'warning', 6],
    ]);
  });

  it('missing-completion: a report entry without completion', () => {
    const entry = (completion: { raw: string; value: number | null } | null, line: number) => ({ path: ['壹、民政'], status: '辦理', completion, note: null, position: at(line) });
    const found = missingCompletion(result(doc({ kind: 'work-report', reportItems: [entry({ raw: '100%', value: 100 }, 3), entry(null, 4), entry({ raw: '', value: null }, 5)] })));
    expect(found.map((d) => d.position?.start.line)).toEqual([4, 5]);
  });

  it('checkQuality orders by position, document-level first', () => {
    const found = checkQuality(result(doc({ period: null, kpis: [kpi('甲', years, 9), kpi('甲', years, 4)] })));
    const lines = found.map((d) => d.position?.start.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe('quality rules on the seeds', () => {
  it.each(seedNames)('%s: well-formed diagnostics pointing at lines of the file', (name) => {
    const parsed = parsedSeed(name);
    const found = checkQuality(parsed);
    const ids = new Set(RULES.map((r) => r.id));
    for (const d of found) {
      expect(ids.has(d.code)).toBe(true);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.message.length).toBeGreaterThan(0);
      if (d.position) expect(d.position.start.line).toBeGreaterThanOrEqual(1);
    }
    // A mid-term plan with a KPI table does not get missing-kpi-table.
    for (const document of parsed.documents) {
      if (document.kpis.length > 0) {
        expect(found.filter((d) => d.code === 'missing-kpi-table' && d.position?.start.offset === document.position.start.offset)).toEqual([]);
      }
    }
  });

  it('the work-plan seed has budgets and the work-report seed has completions to check', () => {
    const work = parsedSeed(seedNames[1]);
    expect(work.documents.every((d) => d.kind === 'work-plan')).toBe(true);
    const report = parsedSeed(seedNames[4]);
    expect(report.documents.every((d) => d.kind === 'work-report')).toBe(true);
    // Whatever the parser finds today, the rules only flag entries that really lack the value.
    for (const d of missingCompletion(report)) expect(d.code).toBe('missing-completion');
    for (const d of budgetUnparsed(work)) expect(d.message).toMatch(/is not a number/);
  });
});
