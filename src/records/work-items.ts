/**
 * Work-plan tables (年度重要工作計畫): 機關工作項目 / 重要工作計畫項目 /
 * 實施內容 / 預算金額 → one WorkItem per entry of the item column.
 *
 *   > | 機關工作項目\t重要工作計畫項目\t實施內容\t預算金額 (單位：千元)
 *   > | 一、一般行政 (一)自治行政管理\t<ol><li>1. 加強督導…</li><li>2. 召開…</li></ol>\t…\t40
 *
 * Converters put category text in the wrong row or column often (a label on
 * the row before its items, several labels in one cell, a label cut by a page
 * break), so the category path is not read from the row an item sits on.
 * Instead category labels queue up in source order, and the item column's
 * numbering decides when the next one takes effect: an item that continues
 * the current list (`(三)` after `(二)`) stays under the current category; an
 * item that starts a new list (`1.` again, an unnumbered item) takes the next
 * queued label — a `一、` label together with the `(一)` labels right after it.
 *
 *   > | 二、工商財稅業務\t<p>(三) 農業用地…</p> <p>(四) …</p> <p>財稅業務</p>
 *       ^ queued           ^ continues 一、's (一)(二)      ^ new list: takes 二、
 *
 * An item followed by a deeper list (`(二)辦理老人福利` then `1.` `2.`) is a
 * sub-heading: it joins the path of the entries under it instead of being an
 * item itself.
 */
import { joinPositions } from '../lines.js';
import { parseMarker, type Marker } from '../markers.js';
import { normalizeCell, normalizeText, stripSpaces } from '../normalize/text.js';
import type { Budget, Diagnostic, MarkerStyle, Position, RawRow, RawTable, TableLayout, WorkItem } from '../types.js';
import { budgetUnit, parseBudgets } from './budget.js';
import { entryLine, splitEntries, type Entry } from './entries.js';
import type { RecordContext, TableInterpreter, TableRecords } from './types.js';

export interface WorkColumns {
  category: number;
  item: number;
  content: number;
  budget: number;
}

//   > | 機關工作項目   重要工作計畫項目   實施內容   預算金額 (單位：千元)
//       ^^^^^^^^^^^^   ^^^^^^^^^^^^^^^^   ^^^^^^^^   ^^^^
const ITEM_HEADER = /重要工作(?:計畫)?項目|工作計畫項目|計畫項目|重點工作/u;
const CATEGORY_HEADER = /機關工作項目|工作項目|業務項目|類別|工作類別/u;
const CONTENT_HEADER = /實施內容|執行內容|辦理內容|實施方式|工作內容|計畫內容|辦理方式|執行方式/u;
const BUDGET_HEADER = /預算|經費|金額/u;
const ITEMS_ALONE = /^(?:工作|業務)項目/u;

/** The work-plan column one header cell names (the words `workColumns` goes by), or null. */
export function workHeaderRole(cell: string): keyof WorkColumns | null {
  const text = stripSpaces(cell);
  if (ITEM_HEADER.test(text)) return 'item';
  if (CATEGORY_HEADER.test(text)) return 'category';
  if (CONTENT_HEADER.test(text)) return 'content';
  return BUDGET_HEADER.test(text) ? 'budget' : null;
}

/** The columns of a work-plan table, or null when the header is not one. */
export function workColumns(header: readonly string[]): WorkColumns | null {
  const cells = header.map((cell) => stripSpaces(cell));
  let item = cells.findIndex((cell) => ITEM_HEADER.test(cell));
  let category = cells.findIndex((cell, i) => i !== item && CATEGORY_HEADER.test(cell));
  // A plan without categories names its one item column 工作項目, beside
  // what is done for each (a budget alone does not tell a plan: a budget
  // book's 類別 / 本年度預算員額 is no list of work items):
  //
  //   > | 工作項目   實施內容   預算金額
  //       ^^^^^^^^ the items
  if (item < 0 && category >= 0 && ITEMS_ALONE.test(cells[category]) && cells.some((cell) => CONTENT_HEADER.test(cell))) [item, category] = [category, -1];
  else if (category < 0 && item > 0) category = item - 1;
  if (item < 0) return null;
  const content = cells.findIndex((cell, i) => i !== item && CONTENT_HEADER.test(cell));
  const budget = cells.findIndex((cell, i) => i !== item && BUDGET_HEADER.test(cell));
  if (content < 0 && budget < 0) return null;
  return { category, item, content, budget };
}

export const workItemsInterpreter: TableInterpreter = {
  kind: 'work-items',
  matches: (table) => workColumns(table.header) !== null,
  read: (table, context) => readWorkItems(table, context),
};

// ---------------------------------------------------------------------------

/** A category label of the 機關工作項目 column (mutable: a page break may still extend it). */
interface Category {
  marker: Marker | null;
  text: string;
  /** Nesting rank: 壹 0, 一 1, (一) 2, 1. 3, (1) 4; an unnumbered sub-heading sits half a rank under its parent. */
  rank: number;
}

interface Draft {
  path: Category[];
  marker: Marker | null;
  text: string;
  content: string | null;
  budget: Budget | null;
  position: Position;
  /** Turned into a sub-heading of the entries under it. */
  heading: boolean;
  /** Index in the table's drafts. */
  order: number;
}

interface Level {
  style: MarkerStyle | null;
  ordinal: number;
  draft: Draft;
  /** Set when a deeper list follows this entry. */
  heading: Category | null;
}

interface RowRecord {
  drafts: Draft[];
  /** The item this row continues (page-break continuation), if any. */
  continued: Draft | null;
  budgets: Budget[];
  position: Position;
}

const STYLE_RANK: Record<MarkerStyle, number> = { 'cjk-formal': 0, cjk: 1, 'cjk-paren': 2, arabic: 3, 'arabic-paren': 4, stem: 5, circled: 6, markdown: 7 };
/** Item-column sub-headings nest under every category rank. */
const HEADING_RANK = 100;
const TERMINATED = /[。；;！!？?]$/u;
//   > | 選舉選務期程表辦理。 (1)辦理里鄰長…
//       ^^^^^^^^^^^^^^^^^^^
const FIRST_SENTENCE = /^[^\n]*?[。；;](?=[ \u3000\n]|$)|^[^\n]+(?=\n)/u;

export function readWorkItems(table: RawTable, context: RecordContext): TableRecords {
  void context;
  const columns = workColumns(table.header)!;
  const unit = columns.budget >= 0 ? budgetUnit(table.header[columns.budget]) : null;
  const diagnostics: Diagnostic[] = [];
  const drafts: Draft[] = [];
  const rows: RowRecord[] = [];
  const pending: Category[] = [];
  let path: Category[] = [];
  let stack: Level[] = [];
  let lastCategory: Category | null = null;
  let lastTopRank = -1;
  let previous: RawRow | null = null;

  for (const raw of table.rows) {
    const afterBreak = previous !== null && followsBreak(previous, raw, table.layout);
    previous = raw;
    const cells = shiftedRow(raw.cells, columns);
    if (cells !== raw.cells) note('work-item-row-shifted', 'row shifted one column left by the converter; read one column to the right', raw.position);
    const cell = (index: number) => (index >= 0 ? cells[index] ?? '' : '');
    const row: RowRecord = { drafts: [], continued: null, budgets: [], position: raw.position };
    rows.push(row);

    // 1. Category labels queue up.
    const queuedBefore = pending.length;
    readCategories(cell(columns.category), afterBreak, raw.position);

    // 2. Items.
    const entries = splitEntries(cell(columns.item), { unmarkedBreaks: true });
    const last = drafts[drafts.length - 1];
    for (const entry of entries) {
      if (entry.first && !entry.marker && afterBreak && last && !TERMINATED.test(last.text.trim())) {
        // `1. 加強辦公廳舍之保養` + (page break) + `維護及充實內部設施。`
        last.text += ` ${entry.text}`;
        last.position = joinPositions(last.position, raw.position);
        row.continued = last;
        note('work-item-page-join', 'item cut by a page break joined with the text after it', raw.position);
        continue;
      }
      row.drafts.push(place(entry, raw.position));
    }
    if (row.drafts.length && pending.length > queuedBefore) {
      note('work-item-label-deferred', 'the items on this row continue the previous numbering; its category label applies from the next new list', raw.position);
    }
    const leadingEmpty = cell(columns.category).trim() === '' && cell(columns.item).trim() === '';
    if (!row.continued && afterBreak && leadingEmpty && last) row.continued = last;

    // 3. 實施內容, aligned to the row's items when the counts agree.
    attachContent(row, cell(columns.content), afterBreak ? last : undefined);

    // 4. Budgets, assigned once sub-headings are known.
    row.budgets = parseBudgets(cell(columns.budget), unit);
  }

  assignBudgets(rows, drafts, diagnostics);
  const workItems: WorkItem[] = drafts
    .filter((draft) => !draft.heading)
    .map((draft) => {
      const path = draft.path.map(categoryLabel);
      const item = normalizeText(entryLine(draft.text));
      const content = draft.content === null ? null : normalizeText(entryLine(draft.content)) || null;
      // Keys in canonical (sorted) order: the serializer then need not copy.
      return { budget: draft.budget, content, item, path, position: draft.position };
    })
    .filter((item) => item.item !== '');
  return {
    kind: 'work-items',
    kpis: [],
    workItems,
    reportItems: [],
    header: table.header.map(normalizeText),
    rows: table.rows.map((row) => row.cells.map(normalizeCell)),
    diagnostics,
  };

  function note(code: string, message: string, position: Position): void {
    diagnostics.push({ severity: 'info', code, message, position });
  }

  function readCategories(text: string, afterBreak: boolean, position: Position): void {
    const segments = splitEntries(text, { loose: true, unmarkedBreaks: true });
    let parent: Category | null = null;
    for (const segment of segments) {
      if (!segment.marker) {
        if (segment.first && afterBreak && lastCategory) {
          // `…民防團隊編組異動` + (page break) + `訓練  五、衛生 …`
          lastCategory.text += ` ${segment.text}`;
          note('work-item-label-page-join', `category label cut by a page break joined with 「${normalizeText(segment.text)}」`, position);
          continue;
        }
        const rank: number = parent ? parent.rank + 0.5 : lastTopRank + 0.5;
        queue({ marker: null, text: segment.text, rank });
        continue;
      }
      const rank = STYLE_RANK[segment.marker.style];
      const [title, sub] = rank <= 1 ? splitTopLabel(segment.text) : [segment.text, ''];
      const category: Category = { marker: segment.marker, text: title, rank };
      queue(category);
      if (rank <= 1) lastTopRank = rank;
      parent = category;
      if (sub) queue({ marker: null, text: sub, rank: rank + 0.5 });
    }
  }

  function queue(category: Category): void {
    pending.push(category);
    lastCategory = category;
  }

  /** The next queued label takes effect, with the deeper labels right after it. */
  function takePending(): void {
    let category = pending.shift();
    while (category) {
      setPath(category);
      if (!pending.length || pending[0].rank <= category.rank) break;
      category = pending.shift();
    }
  }

  function setPath(category: Category): void {
    path = path.filter((entry) => entry.rank < category.rank);
    path.push(category);
  }

  function place(entry: Entry, position: Position): Draft {
    const marker = entry.marker;
    const style = marker?.style ?? null;
    const at = marker ? stack.findIndex((level) => level.style === style) : -1;
    if (marker && at >= 0 && marker.ordinal > stack[at].ordinal) {
      stack = stack.slice(0, at); // a sibling: `(三)` after `(二)` (and its `1.`–`7.`)
    } else if (marker && at < 0 && marker.ordinal === 1 && stack.length && stack[stack.length - 1].style !== null) {
      // `(二)辦理老人福利` followed by `1.`: (二) becomes a sub-heading.
      const parent = stack[stack.length - 1];
      parent.draft.heading = true;
      parent.heading = { marker: parent.draft.marker, text: parent.draft.text, rank: HEADING_RANK + stack.length };
    } else {
      // A new list: `1.` again, an unnumbered item, another style.
      takePending();
      stack = [];
    }
    const headings = stack.flatMap((level) => (level.heading ? [level.heading] : []));
    const draft: Draft = { path: [...path, ...headings], marker, text: entry.text, content: null, budget: null, position, heading: false, order: drafts.length };
    stack.push({ style, ordinal: marker?.ordinal ?? 0, draft, heading: null });
    drafts.push(draft);
    return draft;
  }

  function attachContent(row: RowRecord, text: string, cut?: Draft): void {
    if (!text.trim()) return;
    // `…暨第11屆立法委員` + (page break) + `選舉選務期程表辦理。 (1)…`
    const head = FIRST_SENTENCE.exec(text.trimStart())?.[0] ?? text.trim();
    if (cut?.content && !TERMINATED.test(cut.content.trim()) && parseMarker(head) === null) {
      cut.content += ` ${head}`;
      text = text.trimStart().slice(head.length);
      if (!text.trim()) return;
    }
    const parts = contentParts(text, row.drafts.length);
    const targets = row.drafts;
    if (targets.length === 0) {
      const target = row.continued ?? drafts[drafts.length - 1];
      if (target) target.content = target.content ? `${target.content} ${parts.join(' ')}` : parts.join(' ');
      return;
    }
    if (parts.length === targets.length) {
      targets.forEach((draft, i) => (draft.content = parts[i]));
      return;
    }
    const runs = numberedRuns(parts);
    if (runs.groups.length === targets.length) {
      // A numbered tail carried over a page break belongs to the item before this row.
      const before = cut ?? row.continued ?? drafts[targets[0].order - 1];
      if (runs.carried.length && before) before.content = before.content ? `${before.content} ${runs.carried.join(' ')}` : runs.carried.join(' ');
      if (!runs.carried.length || before) {
        targets.forEach((draft, i) => (draft.content = runs.groups[i].join(' ')));
        return;
      }
    }
    targets[0].content = parts.join(' ');
    if (targets.length > 1) {
      diagnostics.push({
        severity: 'info',
        code: 'work-item-content-unaligned',
        message: `實施內容 has ${parts.length} paragraphs for ${targets.length} items; attached to the first item`,
        position: row.position,
      });
    }
  }
}

/** Label of a path entry: canonical marker + normalized title. */
function categoryLabel(category: Category): string {
  const title = normalizeText(entryLine(category.text));
  return category.marker ? `${category.marker.marker}${title}` : title;
}

/**
 * A top-level label and an unnumbered sub-heading written after it, split at
 * the first space when both parts are substantial:
 *
 *   > | 九、防災 災害防救及防火宣導
 *            ^ `九、防災` + sub-heading `災害防救及防火宣導`
 */
export function splitTopLabel(text: string): [string, string] {
  const match = /^(\S{2,})[ \t\u3000]+(\S[^]*)$/u.exec(text.trim());
  if (!match) return [text, ''];
  const sub = normalizeText(match[2]);
  return sub.length >= 4 ? [match[1], match[2]] : [text, ''];
}

/**
 * A row shifted one column left by the converter: its item sits in the
 * category column and the budget column is empty.
 *
 *   > | 1. 建立完善的財產管理及清查。  2. 按規定期限陳報財產\t依照國有公用財產管理手冊規定辦理。…\t\t
 *       ^ an item marker (1.) where a category belongs
 */
export function shiftedRow(cells: string[], columns: WorkColumns): string[] {
  if (columns.category < 0 || columns.item !== columns.category + 1) return cells;
  const first = splitEntries(cells[columns.category] ?? '', { loose: true })[0];
  const style = first?.marker?.style;
  if (style !== 'arabic' && style !== 'arabic-paren') return cells;
  const lastIndex = Math.max(columns.budget, columns.content, columns.item);
  if ((cells[lastIndex] ?? '').trim() !== '') return cells;
  const shifted = [...cells];
  shifted.splice(lastIndex, 1);
  shifted.splice(columns.category, 0, '');
  return shifted;
}

/** A page break (blank line, repeated header, furniture) lies between two rows. */
export function followsBreak(previous: RawRow, row: RawRow, layout: TableLayout): boolean {
  // A paged source (PDF) says where its pages break.
  const endPage = previous.position.end.page;
  const startPage = row.position.start.page;
  if (endPage !== undefined && startPage !== undefined) return startPage !== endPage;
  const end = previous.lines[previous.lines.length - 1];
  // Word exports put one blank line between rows, grid tables a rule and
  // multiline tables a blank line, and none of them has pages: only a
  // longer gap (a repeated header the reader dropped) is a break there.
  const rowGap = layout === 'cell-per-line' || layout === 'grid' || layout === 'dashed' ? 2 : 1;
  return row.lines.length > 0 && end !== undefined && row.lines[0] > end + rowGap;
}

/**
 * Paragraphs of a 實施內容 cell grouped by their numbering: a list starts at
 * `(1)`, an unnumbered paragraph after a list starts the next item's
 * content, and numbered paragraphs before the first `(1)` continue the list
 * of the item before the row (a page break cut it):
 *
 *   > | (3) 按月製作公文報表。 (1) 各項人民申請案件… (2) 於公所網站… 承接市府政策，宣導地方創生…
 *       ^ carried             ^ item 1               ^ (still 1)      ^ item 2
 */
export function numberedRuns(parts: string[]): { carried: string[]; groups: string[][] } {
  const carried: string[] = [];
  const groups: string[][] = [];
  let numbered = false;
  for (const part of parts) {
    const marker = parseMarker(part);
    const ordinal = marker && marker.style !== null ? marker.ordinal : null;
    if (ordinal === 1 || (ordinal === null && (numbered || groups.length === 0))) {
      groups.push([part]);
      numbered = ordinal !== null;
    } else if (ordinal !== null && groups.length === 0) carried.push(part);
    else groups[groups.length - 1].push(part);
  }
  return { carried, groups };
}

/**
 * Paragraphs of a 實施內容 cell: structural breaks, else runs of two or more
 * spaces; when that does not give one paragraph per item, sentence ends
 * followed by a space (`…收容演練。 配合本市…`) are tried too.
 */
function contentParts(text: string, items: number): string[] {
  const clean = (parts: string[]) => parts.map((part) => part.trim()).filter((part) => part !== '');
  const coarse = clean(text.includes('\n') ? text.split('\n') : text.split(/[ \u3000]{2,}/u));
  if (coarse.length === items || items <= 1) return coarse;
  const sentences = clean(text.split(/(?<=[。；;])[ \u3000\n]+/u));
  return sentences.length === items ? sentences : coarse;
}

/**
 * Budgets go to the row's items in order.  A row whose item became a
 * sub-heading passes its budget to the first item under it; a row that
 * continues an item across a page break may carry that item's budget first.
 */
function assignBudgets(rows: RowRecord[], drafts: Draft[], diagnostics: Diagnostic[]): void {
  for (const row of rows) {
    if (!row.budgets.length) continue;
    let targets = row.drafts.filter((draft) => !draft.heading);
    if (row.drafts.length && !targets.length) {
      let next: Draft | undefined;
      for (let i = row.drafts[row.drafts.length - 1].order + 1; i < drafts.length && !next; i++) if (!drafts[i].heading) next = drafts[i];
      if (next) targets = [next];
    }
    if (row.continued && (targets.length === 0 || row.budgets.length > targets.length)) targets = [row.continued, ...targets];
    row.budgets.forEach((budget, i) => {
      const target = targets[i];
      if (target && !target.budget) {
        target.budget = budget;
        return;
      }
      diagnostics.push({
        severity: 'warning',
        code: 'work-item-budget-extra',
        message: `budget ${budget.raw} has no item of its own on this row`,
        position: row.position,
      });
    });
  }
}
