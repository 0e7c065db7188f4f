/**
 * Quality rules for `plan-parse validate`: what an upload portal checks
 * before accepting a plan.  Each rule is a small function of a parse result
 * returning diagnostics with a stable `code` (the rule id), a severity and,
 * where there is one, the position of the offending text.
 *
 * Rules read only the published output model, so they work on any result
 * (from this parser or from stored JSON).
 */
import type { Diagnostic, Kpi, ParseResult, PlanDocument, Position, Section, Severity } from '../types.js';

export type QualityRule = (result: ParseResult) => Diagnostic[];

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Every rule's id, default severity and a one-line description (for docs and --help). */
export const RULES: RuleInfo[] = [
  { id: 'missing-kpi-table', severity: 'error', description: 'a mid-term or annual plan without a KPI table' },
  { id: 'kpi-target-count', severity: 'warning', description: 'a KPI with fewer targets than the plan has years' },
  { id: 'missing-period', severity: 'warning', description: 'a document whose period (ROC years) is not stated' },
  { id: 'section-numbering-gap', severity: 'warning', description: 'section numbering that skips or jumps (二 after 四, 3. after 1.)' },
  { id: 'duplicate-indicator', severity: 'warning', description: 'the same indicator listed twice in one document' },
  { id: 'budget-unparsed', severity: 'warning', description: 'a work-plan budget that is not a number (info only for a funding note without a figure, e.g. 市府統籌款)' },
  { id: 'missing-completion', severity: 'warning', description: 'a work-report entry without a completion figure' },
  { id: 'toc-not-closed', severity: 'warning', description: 'a table of contents not told from the body: its entries came out as sections (the parser also reports a TOC whose end it guessed)' },
];

const severityOf = (id: string): Severity => RULES.find((rule) => rule.id === id)?.severity ?? 'warning';

function diagnostic(code: string, message: string, position: Position | null): Diagnostic {
  return { severity: severityOf(code), code, message, position };
}

/** The start of a position only (a whole document's range is not useful to point at). */
function startOf(position: Position): Position {
  return { start: position.start, end: position.start };
}

const KPI_KINDS = new Set(['mid-term-plan', 'annual-plan']);

function describeDocument(document: PlanDocument): string {
  return document.title ? `「${clip(document.title)}」` : `a ${document.kind} document`;
}

function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function indicatorName(kpi: Kpi): string {
  return `「${clip(kpi.indicator.text || '(no indicator text)')}」`;
}

// ---------------------------------------------------------------------------

/** A mid-term (or annual) plan must carry a KPI table. */
export const missingKpiTable: QualityRule = (result) =>
  result.documents
    .filter((document) => KPI_KINDS.has(document.kind))
    .filter((document) => document.kpis.length === 0 && !document.tables.some((table) => table.kind === 'kpi' || table.kind === 'common-kpi'))
    .map((document) =>
      diagnostic('missing-kpi-table', `${document.kind} ${describeDocument(document)} has no KPI table (關鍵績效指標)`, startOf(document.position)),
    );

/** Every KPI should have a target for each year of the plan's period. */
export const kpiTargetCount: QualityRule = (result) => {
  const out: Diagnostic[] = [];
  for (const document of result.documents) {
    if (!document.period) continue;
    const years: number[] = [];
    for (let year = document.period.from; year <= document.period.to; year++) years.push(year);
    if (years.length <= 1) continue;
    for (const kpi of document.kpis) {
      const given = new Set(kpi.targets.filter((target) => target.type !== 'blank').map((target) => target.year));
      const missing = years.filter((year) => !given.has(year));
      if (missing.length === 0) continue;
      out.push(
        diagnostic(
          'kpi-target-count',
          `indicator ${indicatorName(kpi)} has ${years.length - missing.length} target${years.length - missing.length === 1 ? '' : 's'} for ${years.length} years (none for ${missing.join(', ')})`,
          kpi.position,
        ),
      );
    }
  }
  return out;
};

/** Plans and reports should state their period. */
export const missingPeriod: QualityRule = (result) =>
  result.documents
    .filter((document) => document.kind !== 'unknown' && document.kind !== 'revision-summary' && document.period === null)
    .map((document) => diagnostic('missing-period', `${document.kind} ${describeDocument(document)} states no period (年度)`, startOf(document.position)));

/** Siblings of one numbering style should count 1, 2, 3 … without gaps or jumps. */
export const sectionNumberingGap: QualityRule = (result) => {
  const out: Diagnostic[] = [];
  const visit = (siblings: Section[]): void => {
    const last = new Map<string, Section>();
    for (const section of siblings) {
      if (section.style && section.style !== 'markdown' && section.ordinal !== null) {
        const previous = last.get(section.style);
        if (previous && previous.ordinal !== null && section.ordinal !== previous.ordinal + 1) {
          const what = section.ordinal <= previous.ordinal ? 'repeats or goes back after' : 'skips ahead after';
          out.push(diagnostic('section-numbering-gap', `section ${section.marker ?? section.ordinal} ${what} ${previous.marker ?? previous.ordinal}`, section.position));
        }
        last.set(section.style, section);
      }
      visit(section.children);
    }
  };
  for (const document of result.documents) visit(document.sections);
  return out;
};

/** One indicator listed twice in a document (same text, same table family). */
export const duplicateIndicator: QualityRule = (result) => {
  const out: Diagnostic[] = [];
  for (const document of result.documents) {
    const seen = new Map<string, Kpi>();
    for (const kpi of document.kpis) {
      const text = kpi.indicator.text.replace(/[\s\u3000]+/g, '');
      if (!text) continue;
      const key = `${kpi.common ? 'common' : 'kpi'}\u0000${text}`;
      const first = seen.get(key);
      if (first) {
        out.push(diagnostic('duplicate-indicator', `indicator ${indicatorName(kpi)} is listed twice (first at line ${first.position.start.line})`, kpi.position));
      } else seen.set(key, kpi);
    }
  }
  return out;
};

/**
 * Work-plan budgets should be numbers (NT$ thousands).  A budget with digits
 * that still did not parse (`4O`, `1,2,3`) is a warning; a funding note with
 * no figure at all (`市府統籌款`, `年度預算內支應`) is only `info`, since the
 * plan states it on purpose.
 */
export const budgetUnparsed: QualityRule = (result) => {
  const out: Diagnostic[] = [];
  for (const document of result.documents) {
    for (const item of document.workItems) {
      const budget = item.budget;
      if (!budget || budget.value !== null || !budget.raw.trim()) continue;
      const raw = budget.raw;
      const figure = /[0-9０-９]/u.test(raw) || (/[〇一二三四五六七八九十百千萬億]/u.test(raw) && !/統籌|支應|編列|預算/u.test(raw));
      const found = diagnostic('budget-unparsed', `budget "${clip(budget.raw)}" of 「${clip(item.item)}」 is not a number`, item.position);
      if (!figure) {
        found.severity = 'info';
        found.message += ' (a funding note, kept as budget.note)';
      }
      out.push(found);
    }
  }
  return out;
};

/** Every work-report entry should say how far it got. */
export const missingCompletion: QualityRule = (result) => {
  const out: Diagnostic[] = [];
  for (const document of result.documents) {
    for (const item of document.reportItems) {
      if (item.completion && (item.completion.value !== null || item.completion.raw.trim())) continue;
      out.push(diagnostic('missing-completion', `report entry 「${clip(item.status)}」 has no completion (完成程度)`, item.position));
    }
  }
  return out;
};

/**
 * A table of contents read as sections: empty headings whose marker and
 * title come again later in the document (at any depth: the body may nest
 * under the last entry).
 *
 *   > | 壹、機關任務及願景      ← no body, no children
 *   > | 貳、環境情勢分析
 *   > | 壹、機關任務及願景      ← the body's heading
 */
export const tocNotClosed: QualityRule = (result) => {
  const out: Diagnostic[] = [];
  for (const document of result.documents) {
    const empty = new Map<string, Section>();
    const repeated: Section[] = [];
    const visit = (sections: Section[]): void => {
      for (const section of sections) {
        const title = section.title.replace(/[\s\u3000]+/g, '');
        // TOC entries are headings, not the sentences of list items.
        if (title.length <= 40 && !/[，。；]/u.test(title)) {
          const key = `${section.marker ?? ''}\u0000${title}`;
          const first = empty.get(key);
          if (first && !repeated.includes(first)) repeated.push(first);
          else if (!first && section.body.length === 0 && section.children.length === 0) empty.set(key, section);
        }
        visit(section.children);
      }
    };
    visit(document.sections);
    // One heading written twice can be the document's own repetition; a TOC has several entries.
    if (repeated.length >= 2) {
      const first = repeated[0];
      out.push(diagnostic('toc-not-closed', `${repeated.length} headings come twice, first ${first.marker ?? ''}${clip(first.title)} (line ${first.position.start.line}): a table of contents read as sections`, first.position));
    }
  }
  return out;
};

/** All rules, in the order their diagnostics are listed for a position. */
export const rules: QualityRule[] = [
  missingKpiTable,
  missingPeriod,
  sectionNumberingGap,
  kpiTargetCount,
  duplicateIndicator,
  budgetUnparsed,
  missingCompletion,
  tocNotClosed,
];
