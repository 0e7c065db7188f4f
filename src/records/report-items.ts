/**
 * Work-report tables (年度工作總報告): 計畫名稱 (類 / 項 / 目) / 辦理情形 /
 * 完成程度百分比 / 備註 → one ReportItem per numbered entry of 辦理情形.
 *
 *   > | 計畫名稱\t\t\t辦理情形\t完成程度 百分比\t備註
 *   > | 類\t項\t目\t\t\t
 *   > | 壹、 民政 部門\t一、一般民 政\t(一) 選舉業務\t1. 1月4日辦理…補選。\t100%\t
 *
 * Converters shift cells between columns freely, so the level of a path cell
 * comes from its marker style — 壹、 = 類, 一、 = 項, (一) = 目 — and a
 * `1.` entry is 辦理情形 wherever it sits.  Unnumbered path text takes the
 * level of its column, or the level under the deepest one already set on its
 * row; text that would go deeper than 目 is 辦理情形.
 *
 *   > | 三、違規事件之查報\t山坡地保育利用地區違規事件之查報\t\t1. 以里為單位…
 *       ^ 項 (in the 類 column)  ^ unnumbered 目                   ^ status
 */
import { joinPositions } from '../lines.js';
import { parseMarker, type Marker } from '../markers.js';
import { normalizeCell, normalizeText, stripSpaces } from '../normalize/text.js';
import type { Diagnostic, MarkerStyle, Position, RawRow, RawTable, ReportItem } from '../types.js';
import { entryLine, splitEntries } from './entries.js';
import type { RecordContext, TableInterpreter, TableRecords } from './types.js';
import { followsBreak } from './work-items.js';

export interface ReportColumns {
  /** Column of each path level (類, 項, 目); -1 when the header has no such column. */
  levels: [number, number, number];
  status: number;
  completion: number;
  note: number;
}

//   > | 計畫名稱/類   計畫名稱/項   計畫名稱/目   辦理情形   完成程度百分比   備註
//                ^             ^             ^   ^^^^^^^^   ^^^^^^^^         ^^^^
const STATUS_HEADER = /辦理情形|執行情形|辦理情況|執行成果|辦理成果|執行績效|實施情形|執行成效|辦理成效|執行概況|辦理概況/u;
const COMPLETION_HEADER = /完成程度|完成率|完成百分比|完成度|達成率|執行率|執行進度|完成進度|達成度/u;
const NOTE_HEADER = /備註|說明/u;
const LEVEL_HEADERS = [/類$/u, /項$/u, /目$/u];

/** The work-report column one header cell names (the words `reportColumns` goes by), or null; 類 / 項 / 目 are `level`. */
export function reportHeaderRole(cell: string): 'status' | 'completion' | 'note' | 'level' | null {
  const text = stripSpaces(cell);
  if (STATUS_HEADER.test(text)) return 'status';
  if (COMPLETION_HEADER.test(text)) return 'completion';
  if (NOTE_HEADER.test(text)) return 'note';
  return LEVEL_HEADERS.some((pattern) => pattern.test(text)) ? 'level' : null;
}

/** The columns of a work-report table, or null when the header is not one. */
export function reportColumns(header: readonly string[]): ReportColumns | null {
  const cells = header.map((cell) => stripSpaces(cell));
  const status = cells.findIndex((cell) => STATUS_HEADER.test(cell));
  if (status < 0) return null;
  const completion = cells.findIndex((cell, i) => i > status && COMPLETION_HEADER.test(cell));
  const note = cells.findIndex((cell, i) => i > status && NOTE_HEADER.test(cell));
  const levels = LEVEL_HEADERS.map((pattern) => cells.findIndex((cell, i) => i < status && pattern.test(cell))) as [number, number, number];
  if (completion < 0 && levels.every((level) => level < 0)) return null;
  return { levels, status, completion, note };
}

export const reportItemsInterpreter: TableInterpreter = {
  kind: 'report-items',
  matches: (table) => reportColumns(table.header) !== null,
  read: (table, context) => readReportItems(table, context),
};

// ---------------------------------------------------------------------------

interface PathEntry {
  marker: Marker | null;
  text: string;
}

interface Draft {
  path: PathEntry[];
  text: string;
  completion: { raw: string; value: number | null } | null;
  note: string | null;
  position: Position;
}

const PATH_LEVEL: Partial<Record<MarkerStyle, number>> = { 'cjk-formal': 0, cjk: 1, 'cjk-paren': 2 };
const DEEPEST = 2;
const TERMINATED = /[。；;！!？?]$/u;
//   > | 100%   100% 100% 100%   <p>100%</p> <p>100%</p>   95.5％
//       ^^^^
const PERCENT = /^([0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]$/u;
// A completion column headed in percent (`完成程度(%)`, `完成百分比`) holds
// bare numbers; 0 to 100 are its percentages.
//
//   > | 完成百分比
//   > | 100
//       ^^^
const BARE_PERCENT = /^(100|[0-9]{1,2}(?:\.[0-9]+)?)$/u;

export function readReportItems(table: RawTable, context: RecordContext): TableRecords {
  void context;
  const columns = reportColumns(table.header)!;
  const diagnostics: Diagnostic[] = [];
  const drafts: Draft[] = [];
  const path: (PathEntry | null)[] = [null, null, null];
  /** Style and last ordinal of the 辦理情形 entries under the current path. */
  let entryStyle: MarkerStyle | null = null;
  let lastOrdinal = 0;
  /** Entries that restarted the numbering on a row without a path of its own (see below). */
  let orphans: Draft[] = [];
  let previous: RawRow | null = null;

  for (const raw of table.rows) {
    const afterBreak = previous !== null && followsBreak(previous, raw, table.layout);
    previous = raw;
    const cells = raw.cells;
    const completionAt = percentCellIndex(cells, columns.status);
    const textEnd = completionAt >= 0 ? completionAt : columns.completion >= 0 ? columns.completion : cells.length;
    const completionCell = completionAt >= 0 ? cells[completionAt] : columns.completion >= 0 ? cells[columns.completion] ?? '' : '';
    const noteAt = completionAt >= 0 ? completionAt + 1 : columns.note;
    const note = noteAt >= 0 ? normalizeText(entryLine(cells[noteAt] ?? '')) || null : null;

    let rowLevel = -1;
    let pathChanged = false;
    let firstContent = true;
    const statusTexts: string[] = [];
    for (let c = 0; c < textEnd && c < cells.length; c++) {
      const text = cells[c];
      if (!text.trim()) continue;
      const isFirst = firstContent;
      firstContent = false;
      const lead = parseMarker(text);
      const headingCell = c < columns.status || (lead !== null && PATH_LEVEL[lead.style] !== undefined);
      if (!headingCell) {
        statusTexts.push(text);
        continue;
      }
      const segments = splitEntries(text, { loose: true, unmarkedBreaks: true });
      for (let s = 0; s < segments.length; s++) {
        const segment = segments[s];
        const level = segment.marker ? PATH_LEVEL[segment.marker.style] : undefined;
        if (segment.marker && level !== undefined) {
          setPath(level, { marker: segment.marker, text: segment.text });
          continue;
        }
        if (!segment.marker && isFirst && segment.first && afterBreak) {
          // `四、民防業` + (page break) + `務`: the rest of a cut label.
          const cut = path[Math.min(columnLevel(c), DEEPEST)] ?? path.filter(Boolean).pop();
          if (cut) {
            cut.text += ` ${segment.text}`;
            inform('report-path-page-join', `path label cut by a page break joined with 「${normalizeText(segment.text)}」`, raw.position);
            continue;
          }
        }
        const unmarkedLevel = Math.max(columnLevel(c), rowLevel + 1);
        if (!segment.marker && unmarkedLevel <= DEEPEST) {
          setPath(unmarkedLevel, { marker: null, text: segment.text });
          continue;
        }
        // A 辦理情形 entry sitting in a path column: it and the rest of the cell.
        statusTexts.push(segments.slice(s).map((rest) => (rest.marker ? `${markerText(rest.marker)} ${rest.text}` : rest.text)).join('\n'));
        break;
      }
    }

    // 辦理情形 entries.
    const created: Draft[] = [];
    let continued: Draft | null = null;
    let restartAt = -1;
    statusTexts.forEach((text, t) => {
      const entries = splitEntries(text, { entryStyle: entryStyle ?? 'first' });
      for (const entry of entries) {
        const last = drafts[drafts.length - 1];
        const subEntry = !entry.marker && parseMarker(entry.text) !== null;
        const cutEntry = afterBreak && t === 0 && !TERMINATED.test(last?.text.trim() ?? '。');
        if (entry.first && !entry.marker && last && !pathChanged && (subEntry || cutEntry)) {
          // `…假新北市政` + (page break) + `府辦理…`, or a `(1)` row under its `2.` entry.
          last.text += `\n${entry.text}`;
          last.position = joinPositions(last.position, raw.position);
          continued = last;
          if (cutEntry && !subEntry) inform('report-item-page-join', '辦理情形 entry cut by a page break joined with the text after it', raw.position);
          continue;
        }
        if (entry.marker) {
          if (entryStyle === null) entryStyle = entry.marker.style;
          if (entry.marker.ordinal <= lastOrdinal && restartAt < 0) restartAt = created.length;
          lastOrdinal = entry.marker.ordinal;
        }
        const draft: Draft = { path: currentPath(), text: entry.text, completion: null, note, position: raw.position };
        drafts.push(draft);
        created.push(draft);
      }
    });

    // A row that restarts the numbering under an unchanged path, followed by
    // a row with a new path and no entries of its own: the restarted entries
    // belong to that new path (the converter shifted them up a row).
    if (created.length) orphans = restartAt >= 0 ? created.slice(restartAt) : [];
    else if (pathChanged && orphans.length) {
      for (const orphan of orphans) orphan.path = currentPath();
      diagnostics.push({
        severity: 'info',
        code: 'report-item-moved',
        message: `${orphans.length} 辦理情形 entries restarting the numbering were moved to the next path, whose row has none`,
        position: raw.position,
      });
      orphans = [];
    }

    assignCompletion(created, continued, completionValues(completionCell), raw.position);

    function setPath(level: number, entry: PathEntry): void {
      path[level] = entry;
      for (let deeper = level + 1; deeper < path.length; deeper++) path[deeper] = null;
      rowLevel = Math.max(rowLevel, level);
      pathChanged = true;
      entryStyle = null;
      lastOrdinal = 0;
    }
  }

  const reportItems: ReportItem[] = drafts
    .map((draft) => {
      const path = draft.path.map(pathLabel);
      const status = normalizeText(entryLine(draft.text));
      // Keys in canonical (sorted) order: the serializer then need not copy.
      return { completion: draft.completion, note: draft.note, path, position: draft.position, status };
    })
    .filter((item) => item.status !== '');
  return {
    kind: 'report-items',
    kpis: [],
    workItems: [],
    reportItems,
    header: table.header.map(normalizeText),
    rows: table.rows.map((row) => row.cells.map(normalizeCell)),
    diagnostics,
  };

  function inform(code: string, message: string, position: Position): void {
    diagnostics.push({ severity: 'info', code, message, position });
  }

  function currentPath(): PathEntry[] {
    return path.filter((entry): entry is PathEntry => entry !== null);
  }

  /** The path level a column stands for (類 0, 項 1, 目 2; 辦理情形 and after: 3). */
  function columnLevel(column: number): number {
    const level = columns.levels.indexOf(column);
    if (level >= 0) return level;
    return column < columns.status ? Math.min(column, DEEPEST) : DEEPEST + 1;
  }

  /**
   * Completion values go to the row's entries in order; a single value
   * applies to every entry of the row.  A row that only continues an entry
   * gives it its value when it had none.
   */
  function assignCompletion(created: Draft[], continued: Draft | null, values: { raw: string; value: number | null }[], position: Position): void {
    if (!values.length) return;
    if (!created.length) {
      if (continued && !continued.completion) continued.completion = values[0];
      return;
    }
    if (values.length > 1 && values.length !== created.length) {
      diagnostics.push({
        severity: 'info',
        code: 'report-completion-count',
        message: `${values.length} completion values for ${created.length} entries; matched in order`,
        position,
      });
    }
    created.forEach((draft, i) => (draft.completion = values[Math.min(i, values.length - 1)]));
  }
}

/** Label of a path entry: canonical marker + normalized title. */
function pathLabel(entry: PathEntry): string {
  const title = normalizeText(entryLine(entry.text));
  return entry.marker ? `${entry.marker.marker}${title}` : title;
}

function markerText(marker: Marker): string {
  return marker.marker;
}

/** Index of the first cell after the path columns that holds only percentages (`100% 100%`), or -1. */
export function percentCellIndex(cells: readonly string[], status: number): number {
  for (let i = 1; i < cells.length; i++) {
    if (i < Math.min(status, 2)) continue;
    const tokens = tokensOf(cells[i]);
    if (tokens.length && tokens.every((token) => PERCENT.test(token))) return i;
  }
  return -1;
}

/** Completion values of a cell: each percentage, or the cell's text (value null) when it is not one. */
export function completionValues(cell: string): { raw: string; value: number | null }[] {
  const tokens = tokensOf(cell);
  if (!tokens.length) return [];
  if (tokens.every((token) => PERCENT.test(token) || BARE_PERCENT.test(token))) {
    return tokens.map((token) => ({ raw: token.replace('％', '%'), value: Number((PERCENT.exec(token) ?? BARE_PERCENT.exec(token))![1]) }));
  }
  return [{ raw: normalizeText(entryLine(cell)), value: null }];
}

/** Space-separated tokens, a lone `%` glued back to its number (`100 %`). */
function tokensOf(cell: string): string[] {
  const tokens: string[] = [];
  for (const token of normalizeText(entryLine(cell)).split(' ')) {
    if (token === '') continue;
    if ((token === '%' || token === '％') && tokens.length) tokens[tokens.length - 1] += token;
    else tokens.push(token);
  }
  return tokens;
}
