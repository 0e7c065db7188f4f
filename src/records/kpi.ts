/**
 * KPI interpreter: a 關鍵績效指標 / 衡量指標 / 共同性指標 table becomes one Kpi
 * per indicator row.  Columns are mapped by the meaning of their headers
 * (`columns.ts`), so the same code reads the tsv, cell-per-line and
 * flattened layouts, 4-year and 1-year tables, with or without 評估體制 or
 * 權重 columns.
 */
import { joinPositions } from '../lines.js';
import { normalizeCell, normalizeText } from '../normalize/text.js';
import type { Diagnostic, Kpi, KpiStrategy, RawRow, RawTable } from '../types.js';
import { type ColumnRole, columnRole, isCommonHeader, isKpiHeader } from './columns.js';
import { makeTarget } from './targets.js';
import type { RecordContext, TableInterpreter, TableRecords } from './types.js';
import { append } from '../arrays.js';

export const kpiInterpreter: TableInterpreter = {
  kind: 'kpi',
  matches: (table, context) => context.documentKind !== 'revision-summary' && isKpiHeader(table.header),
  read: readKpiTable,
};

interface Columns {
  roles: ColumnRole[];
  /** Column index → ROC year, for target columns. */
  years: Map<number, number>;
}

/** Map header cells to roles; target columns without a written year take the document's years in order. */
export function mapColumns(header: readonly string[], contextYears: number[] | null): Columns {
  const roles = header.map(columnRole);
  const years = new Map<number, number>();
  const unnamed: number[] = [];
  roles.forEach((role, i) => {
    if (role.role !== 'year') return;
    if (role.year !== null) years.set(i, role.year);
    else unnamed.push(i);
  });
  if (years.size === 0 && contextYears && unnamed.length > 0) {
    // `年度目標值` over unlabeled cells: the plan's own period labels them.
    unnamed.slice(0, contextYears.length).forEach((column, k) => years.set(column, contextYears[k]));
  }
  return { roles, years };
}

function readKpiTable(table: RawTable, context: RecordContext): TableRecords {
  const columns = mapColumns(table.header, context.years);
  // The header says so (共同性目標 / 共同性指標), else the section the table sits
  // in, but not its ancestors: `參、關鍵策略目標、共同性目標、關鍵績效指標及共同性
  // 指標` holds both kinds of table, each under its own subsection.
  const innermost = context.sectionPath[context.sectionPath.length - 1] ?? '';
  const common = isCommonHeader(table.header) || (/共同性/u.test(innermost) && !/關鍵績效|關鍵策略/u.test(innermost));
  const diagnostics: Diagnostic[] = [];
  const rows = mergeContinuations(foldOrdinalCells(table.rows, table.header.length), columns);
  // A 權重 column weighs what stands to its left: the strategy when it comes
  // before the indicator column, else the indicator.
  //
  //   > | 關鍵策略目標 | 關鍵績效指標 | 衡量標準 | 權重 | 113年度目標值
  //                                            ^^^^ indicator weights
  const weightAt = columns.roles.findIndex((r) => r.role === 'weight');
  const indicatorAt = columns.roles.findIndex((r) => r.role === 'indicator');
  const weightOf = weightAt === -1 ? null : indicatorAt !== -1 && weightAt < indicatorAt ? 'strategy' : 'indicator';
  const kpis: Kpi[] = [];
  let strategy: KpiStrategy | null = null;
  let lastIndicator: ReturnType<typeof splitOrdinal> | null = null;
  for (const row of rows) {
    const cell = (role: ColumnRole['role']) => {
      const i = columns.roles.findIndex((r) => r.role === role);
      return i === -1 ? '' : normalizeText(row.cells[i] ?? '');
    };
    const strategyText = cell('strategy');
    const strategyMarker = cell('strategy-marker');
    if (strategyText || strategyMarker) strategy = readStrategy(strategyMarker, strategyText, weightOf === 'strategy' ? cell('weight') : '');
    const indicatorText = cell('indicator');
    let indicator = splitOrdinal(cell('indicator-marker'), indicatorText);
    const indicatorWeight = trailingWeight(indicator.text);
    if (indicatorWeight) indicator = { ...indicator, text: indicatorWeight.rest };
    const targets = [...columns.years].map(([i, year]) => makeTarget(year, row.cells[i] ?? ''));
    if (!indicator.text && targets.every((t) => t.type === 'blank')) continue;
    // An indicator cell spanning several measure rows is written once.
    if (!indicator.text && !indicator.marker && lastIndicator && !strategyText) indicator = lastIndicator;
    lastIndicator = indicator;
    const system = cell('assessment-system');
    const method = cell('assessment-method');
    const hasAssessment = columns.roles.some((r) => r.role === 'assessment-system' || r.role === 'assessment-method');
    const measure = cell('measure') || null;
    // Keys in canonical (sorted) order: the serializer then need not copy.
    kpis.push({
      assessment: hasAssessment ? { method: method || null, system: system || null } : null,
      common,
      indicator: { marker: indicator.marker, ordinal: indicator.ordinal, text: indicator.text, weight: indicatorWeight?.weight ?? (weightOf === 'indicator' ? weightValue(cell('weight')) : null) },
      measure,
      position: row.position,
      strategy: strategy ?? { marker: null, ordinal: null, perspective: null, text: '', weight: null },
      targets,
    });
    const missing = [...columns.years.keys()].filter((i) => i >= row.cells.length).length;
    if (missing > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'kpi-target-count',
        message: `indicator row has ${columns.years.size - missing} targets for ${columns.years.size} years`,
        position: row.position,
      });
    }
  }
  if (columns.years.size === 0) {
    diagnostics.push({ severity: 'warning', code: 'kpi-no-years', message: 'KPI table has no target-year columns', position: table.position });
  }
  return {
    kind: common ? 'common-kpi' : 'kpi',
    kpis,
    workItems: [],
    reportItems: [],
    header: table.header.map(normalizeText),
    rows: rows.map((row) => row.cells.map(normalizeCell)),
    diagnostics,
  };
}

/**
 * A row with no strategy, indicator or target text continues the previous
 * row's cells (a cell broken by a page break):
 *
 *   > | 3\t約聘僱員額…\t1\t約聘僱員額成長率\t…\t（本年度…－上年度以公務預\t0%\t0%
 *   > | \t\t\t\t\t\t算及基金僱用之約聘僱員額總數)÷…x100%\t\t\t\t
 *         ^^^^^^^^^^^^ only the measure column holds text
 */
export function mergeContinuations(rows: readonly RawRow[], columns: Columns): RawRow[] {
  const merged: RawRow[] = [];
  const keyRoles = new Set(['strategy', 'strategy-marker', 'indicator', 'indicator-marker']);
  const yearColumns = [...columns.years.keys()];
  // The row being continued: its cells' pieces, joined once its run of
  // continuation rows ends (joining at every row would normalize a growing
  // cell again and again: quadratic in the run).
  let open: { pieces: Array<Array<string | undefined>>; position: RawRow['position']; lines: number[] } | null = null;
  const close = () => {
    if (!open) return;
    const cells: string[] = [];
    for (const pieces of open.pieces) {
      const parts = pieces[0] ? pieces : pieces.slice(1);
      // A continuation row wider than the row it continues: no holes.
      cells.push(parts.length > 1 ? joinCell(parts as string[]) : (parts[0] ?? ''));
    }
    merged[merged.length - 1] = { cells, position: open.position, lines: open.lines };
    open = null;
  };
  for (const row of rows) {
    const filled = (i: number) => (row.cells[i] ?? '').trim() !== '';
    const keyed = columns.roles.some((r, i) => keyRoles.has(r.role) && filled(i));
    const targeted = yearColumns.some(filled);
    const previous = merged[merged.length - 1];
    if (previous && !keyed && !targeted && row.cells.some((c) => c.trim() !== '')) {
      open ??= { pieces: previous.cells.map((cell) => [cell]), position: previous.position, lines: [...previous.lines] };
      row.cells.forEach((text, i) => {
        if (text.trim() === '') return;
        while (open!.pieces.length <= i) open!.pieces.push([undefined]);
        open!.pieces[i].push(text);
      });
      open.position = joinPositions(open.position, row.position);
      append(open.lines, row.lines);
    } else {
      close();
      merged.push(row);
    }
  }
  close();
  return merged;
}

const ORDINAL_ONLY = /^(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})$/u;

/**
 * Rows wider than the header: a converter wrote the ordinal of a merged
 * strategy or indicator column as a cell of its own (the header names the
 * column once).  Each ordinal-only cell is folded into the cell after it as
 * its marker, and a pair of empty cells under a merged column becomes one,
 * until the row is as wide as the header:
 *
 *   > | 關鍵策略目標\t關鍵績效指標\t衡量標準\t108年 …
 *   > | 二\t結合宗教團體…\t1\t辦理「嘉義市千盞燈…」助學計畫\t每年持續辦理…\t每年一次 …
 *       ^^            ^^ → `二、結合宗教團體…`, `1.辦理…`
 *   > | \t\t2\t結合本市宗教團體…
 *       ^^^^ one empty strategy cell
 */
export function foldOrdinalCells(rows: readonly RawRow[], width: number): RawRow[] {
  return rows.map((row) => {
    if (width === 0 || row.cells.length <= width) return row;
    // One pass copying the cells (splicing in place would move the rest of a
    // wide row at every fold).
    const source = row.cells;
    const cells: string[] = [];
    let excess = source.length - width;
    let i = 0;
    while (excess > 0 && i < source.length - 1) {
      const cell = source[i].trim();
      if (cell === '' && source[i + 1].trim() === '') {
        i++;
        excess--;
      } else if (ORDINAL_ONLY.test(cell)) {
        cells.push(foldOrdinal(cell, source[i + 1]));
        i += 2;
        excess--;
      } else cells.push(source[i++]);
    }
    while (i < source.length) cells.push(source[i++]);
    return cells.length === row.cells.length ? row : { ...row, cells };
  });
}

/** An ordinal-only cell (`二`, `1`), else null. */
export function ordinalOnly(cell: string): string | null {
  const text = cell.trim();
  return ORDINAL_ONLY.test(text) ? text : null;
}

/** An ordinal cell as the marker of the text after it: `二` + `結合宗教團體…` → `二、結合宗教團體…`, `1` → `1.…`. */
export function foldOrdinal(ordinal: string, text: string): string {
  return `${ordinal}${/[0-9]/u.test(ordinal) ? '.' : '、'}${text.trim()}`;
}

/** Join a cell broken by page breaks: CJK/digit sides join without a space. */
function joinCell(parts: readonly string[]): string {
  return normalizeText(parts.join('\n'));
}

//   > | 正確辦理各項戶籍登記(業務成果)     推動組織學習（組織學習）(25%)
//                          ^^^^^^^^^^                  ^^^^^^^^^^ ^^^^^
const TRAILING_WEIGHT = /[(（]\s*(\d+(?:\.\d+)?)\s*[%％]\s*[)）]\s*$/u;
const TRAILING_PERSPECTIVE = /[(（]\s*(\p{Script=Han}{2,8})\s*[)）]\s*$/u;
const PERSPECTIVE_WORD = /成果|效率|管理|學習|效能|成長|流程|顧客|財務|服務|創新|發展|品質|人力/u;

function readStrategy(markerCell: string, text: string, weightCell: string): KpiStrategy {
  const ordinal = splitOrdinal(markerCell, text);
  let rest = ordinal.text;
  let weight: number | null = null;
  let perspective: string | null = null;
  for (let pass = 0; pass < 2; pass++) {
    const w = TRAILING_WEIGHT.exec(rest);
    if (w && weight === null) {
      weight = Number(w[1]);
      rest = rest.slice(0, w.index).trim();
      continue;
    }
    const p = TRAILING_PERSPECTIVE.exec(rest);
    if (p && perspective === null && PERSPECTIVE_WORD.test(p[1]) && p.index > 0) {
      perspective = p[1];
      rest = rest.slice(0, p.index).trim();
    }
  }
  return { marker: ordinal.marker, ordinal: ordinal.ordinal, perspective, text: rest, weight: weight ?? weightValue(weightCell) };
}

/** `25%`, `25`, `0.5` in a 權重 cell → 25, 25, 0.5; anything else → null. */
function weightValue(cell: string): number | null {
  return /^\d+(?:\.\d+)?\s*[%％]?$/u.test(cell) ? Number(cell.replace(/[%％\s]/gu, '')) : null;
}

/** An indicator written with its weight: `里長滿意度(15%)` → 15. */
function trailingWeight(text: string): { weight: number; rest: string } | null {
  const w = TRAILING_WEIGHT.exec(text);
  return w && w.index > 0 ? { weight: Number(w[1]), rest: text.slice(0, w.index).trim() } : null;
}

const CJK_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Value of an ordinal cell: `3` → 3, `十二` → 12, `(一)`/`一、` → 1; null when not one. */
export function ordinalValue(text: string): number | null {
  // Strip one bracket / enumeration comma around the numeral (no regex: linear).
  let core = text.trim();
  if (core.startsWith('(') || core.startsWith('（')) core = core.slice(1).trimStart();
  if (/[)）、.．]/u.test(core.slice(-1))) core = core.slice(0, -1).trimEnd();
  if (/^[0-9]{1,3}$/.test(core)) return Number(core);
  if (!/^[一二三四五六七八九十]{1,3}$/u.test(core)) return null;
  const chars = [...core];
  const ten = chars.indexOf('十');
  if (ten === -1) return chars.length === 1 ? CJK_DIGITS[chars[0]] : null;
  const tens = ten === 0 ? 1 : CJK_DIGITS[chars[0]];
  const units = chars[ten + 1] ? CJK_DIGITS[chars[ten + 1]] : 0;
  return chars.length - ten > 2 ? null : tens * 10 + units;
}

//   > | 一、原住民歲時祭儀…     1.受理戶籍登記案件     (二)提供…
//       ^^                   ^^                   ^^^^
const LEADING_ORDINAL = /^(?:[(（]\s*([一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*[)）]|([一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*(?:[、．]|\.(?![0-9])))\s*/u;

/** Marker and ordinal from a marker cell, else from a marker written before the text. */
export function splitOrdinal(markerCell: string, text: string): { marker: string | null; ordinal: number | null; text: string } {
  const markerText = markerCell.trim();
  if (markerText) {
    const value = ordinalValue(markerText);
    return { marker: markerText.replace(/[、.．]$/u, ''), ordinal: value, text };
  }
  const m = LEADING_ORDINAL.exec(text);
  // `一、` alone (an ordinal folded into an empty cell) is a marker with no text.
  if (m) {
    const marker = m[1] ?? m[2];
    return { marker, ordinal: ordinalValue(marker), text: text.slice(m[0].length).trim() };
  }
  return { marker: null, ordinal: null, text };
}

