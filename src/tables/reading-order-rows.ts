/**
 * Rows of a reading-order table, rebuilt from its sequence of blocks.
 *
 * KPI tables: a row ends with its run of target values (one per year); the
 * text blocks before the run are its cells, the last one or two the
 * indicator and the measure, any before them strategy texts.  Strategy
 * texts come in their own column block, before or after the rows they span
 * (a merged cell is printed where its middle is), so they are numbered in
 * the order they come and given to the rows by the strategy each row starts:
 * a row without an indicator ordinal, or with ordinal 1, starts the next
 * strategy.
 *
 *   > | 五  六  七                (strategy ordinals of three row groups)
 *   > | 營造英語學習環境           (strategy text 五, after its rows 1 and 2)
 *   > | 特色馬拉松活動             (strategy text 六)
 *   > | 辦理1場次                  (indicator)
 *   > | 每年辦理1場次特色馬拉松    (measure)
 *   > | 100% 100% 100% 100%       (targets: the row ends)
 */
import { lineTableOf } from '../line-table.js';
import { append } from '../arrays.js';
import { linesPosition } from '../lines.js';
import { cjkNumber, parseMarker } from '../markers.js';
import { columnRole } from '../records/columns.js';
import type { Diagnostic, Line, Position, RawRow } from '../types.js';
import { isValueToken, width } from './flattened-cells.js';
import { withMarker } from './flattened-rows.js';
import {
  type ColumnWidths,
  commonWidth,
  hasTwoParts,
  joinLines,
  learnWidths,
  lineParts,
  OPEN_BRACKET_COST,
  type Paragraph,
  type Piece,
  blockValues,
  pieceOf,
  singleCost,
  splitTwoColumns,
} from './reading-order-cells.js';

export interface BuiltRows {
  rows: RawRow[];
  diagnostics: Diagnostic[];
}

interface KpiDraft {
  indicatorOrdinal: string | null;
  texts: Paragraph[];
  values: string[];
  /** Blocks the row came from (for its position). */
  blocks: Paragraph[];
  /** Strategy texts printed inside the row's value run. */
  after: Paragraph[];
  /** How many of the row's values came before the first text printed inside its value run. */
  valuesBeforeAfter: number;
}

/** Rebuild the rows of a KPI table: strategy, indicator, measure, one cell per year. */
export function buildKpiRows(blocks: readonly Paragraph[], years: number, lines: readonly Line[]): BuiltRows {
  const pieces = joinCutValues(textValues(splitTrailingOrdinals(blocks).map(pieceOf), years), years);
  const diagnostics: Diagnostic[] = [];
  const drafts: KpiDraft[] = [];
  const strategyOrdinals: string[] = [];
  let current: KpiDraft = emptyDraft();
  let lastIndicatorOrdinal = 0;
  /** Strategy texts met inside a row's value run: they go after the row's own. */
  let interrupting: Paragraph[] = [];
  const close = () => {
    if (current.texts.length > 0 || current.values.length > 0) {
      current.after = interrupting;
      drafts.push(current);
    } else append(current.texts, interrupting);
    interrupting = [];
    current = emptyDraft();
  };
  /** Strategy texts printed right after their own ordinal (`三` / `健全防救災資訊網…`), by ordinal value. */
  const numbered = new Map<Paragraph, number>();
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const previous = pieces[k - 1];
    if (piece.kind === 'text' && previous?.kind === 'strategy-ordinal' && pieces[k - 2]?.kind !== 'strategy-ordinal') numbered.set(piece.paragraph, previous.value);
    if (piece.kind === 'strategy-ordinal') {
      strategyOrdinals.push(piece.text);
      current.blocks.push(piece.paragraph);
      continue;
    }
    const ordinalFree = current.indicatorOrdinal === null || current.values.length > 0;
    // `1` then `三` `四`: column blocks printed the indicator ordinal before
    // the strategy cells of the next groups (a value run is not cut by them).
    const beforeOrdinals = current.values.length === 0 && pieces[k + 1]?.kind === 'strategy-ordinal';
    if (piece.kind === 'number' && ordinalFree && (pieces[k + 1]?.kind === 'text' || beforeOrdinals) && (current.values.length === 0 || continuesOrdinals(piece.text, lastIndicatorOrdinal))) {
      // `1` before the indicator's text: an ordinal (a value is followed by
      // more values).  After part of a value run it ends that row.
      if (current.values.length > 0) close();
      current.indicatorOrdinal = piece.text;
      lastIndicatorOrdinal = Number(piece.text);
      current.blocks.push(piece.paragraph);
      continue;
    }
    if (piece.kind === 'text') {
      if (current.values.length > 0) {
        // A strategy cell printed inside a run of values (its middle stands
        // beside them): set aside when the values after it complete the run.
        if (current.values.length + valuesAhead(pieces, k + 1, years) === years) {
          if (interrupting.length === 0) current.valuesBeforeAfter = current.values.length;
          interrupting.push(piece.paragraph);
          continue;
        }
        // Text after part of a value run: the row had fewer values than years.
        close();
      }
      current.texts.push(piece.paragraph);
      current.blocks.push(piece.paragraph);
      continue;
    }
    const values = piece.kind === 'number' ? [piece.text] : piece.values;
    current.blocks.push(piece.paragraph);
    for (const value of values) {
      current.values.push(value);
      if (current.values.length === years) {
        close();
        // The rest of a block of side-by-side values starts no new row.
      }
    }
  }
  close();
  // Values printed apart (below the page's last row) complete the one row
  // that lacks exactly that many.
  for (let d = drafts.length - 1; d >= 0; d--) {
    const stray = drafts[d];
    if (stray.texts.length > 0 || stray.indicatorOrdinal !== null || stray.values.length === 0) continue;
    const short = drafts.filter((draft) => draft !== stray && draft.texts.length > 0 && draft.values.length + stray.values.length === years);
    if (short.length !== 1) continue;
    for (const value of stray.values) short[0].values.push(value);
    for (const block of stray.blocks) short[0].blocks.push(block);
    drafts.splice(d, 1);
  }
  // Text blocks after the last row (strategy texts printed below the rows
  // they span) are strategies, not a row, while strategies lack a text.
  const last = drafts[drafts.length - 1];
  const tail = last && last.values.length === 0 && last.indicatorOrdinal === null ? drafts.pop()! : null;
  // A strategy text printed right after its own ordinal is no indicator or
  // measure, even when the column blocks put it among a row's cells: it
  // goes before them.
  //   > | 利用電子簽名、附件掃…   (indicator of row 四)
  //   > | 五
  //   > | 積極推動稅務自動化…     (strategy 五's text)
  //       ^^^^^^^^^^^^^^^^^^
  //   > | 全年辦理件數            (measure of row 四)
  const strategyLike = strategyTextsAfterOrdinals(pieces);
  for (const draft of drafts) {
    const own = draft.texts.filter((text) => strategyLike.has(text));
    if (own.length > 0 && own.length < draft.texts.length) draft.texts = [...own, ...draft.texts.filter((text) => !strategyLike.has(text))];
  }
  // A row's cell cut by a page break: its rest is the first block under the
  // repeated header, a text the next row has no room for (beyond its
  // strategies, indicator and measure).
  //   > | 蒐集重要統計數據， 依限完成4篇分析（含統
  //   > | 撰寫職務上應用統計 計通報）及編印統計年報
  //   > | (values, page break, repeated header)
  //   > | 分析及統計通報
  //       ^^^^^^^^^^^^^^ the indicator's last line
  const continued = new Map<KpiDraft, Paragraph>();
  for (let d = 1; d < drafts.length; d++) {
    const draft = drafts[d];
    const first = draft.texts.find((text) => !strategyLike.has(text));
    const own = draft.texts.filter((text) => !strategyLike.has(text)).length;
    if (!first?.pageTop || own < 3 || drafts[d - 1].values.length === 0) continue;
    continued.set(drafts[d - 1], first);
    draft.texts = draft.texts.filter((text) => text !== first);
  }
  const widths = kpiWidths(drafts);
  // Assign texts: strategies (numbered in order), indicator, measure.
  const strategies: Paragraph[] = [];
  const rows: RawRow[] = [];
  let slot = -1;
  let lastOrdinal = 0;
  const rowSlots: number[] = [];
  const anchored = new Map<Paragraph, number>();
  const cells: { indicator: string; measure: string; uncertain: string | null }[] = [];
  for (const draft of drafts) {
    const assigned = assignKpiTexts(draft, widths, strategyLike);
    const { strategyTexts, uncertain } = assigned;
    let { indicator, measure } = assigned;
    const rest = continued.get(draft);
    if (rest) {
      // The cell whose last line fills its column goes on (the indicator when both do).
      const lastLine = (column: 'left' | 'right') => {
        const block = column === 'left' ? draft.texts.at(-2) ?? draft.texts.at(-1) : draft.texts.at(-1);
        const parts = block ? lineParts(block.texts.at(-1) ?? '') : [];
        return width((column === 'left' ? parts[0] : parts.at(-1)) ?? '');
      };
      if (measure !== '' && lastLine('left') < widths.left - 0.5 && lastLine('right') >= widths.right - 0.5) measure = joinLines([measure, ...rest.texts]);
      else indicator = joinLines([indicator, ...rest.texts]);
      draft.blocks.push(rest);
    }
    const ordinal = draft.indicatorOrdinal === null ? null : Number(draft.indicatorOrdinal);
    if (ordinal === null || ordinal <= lastOrdinal || ordinal === 1) slot++;
    lastOrdinal = ordinal ?? 0;
    for (const text of strategyTexts) strategies.push(text);
    // One strategy text printed among a row's own cells is its group's (a
    // cell top-aligned beside the row).  Several are a column block (all
    // strategies before the first row) or the previous group's printed
    // after its rows: their print order places them.
    if (strategyTexts.length === 1) anchored.set(strategyTexts[0], Math.max(slot, 0));
    for (const text of draft.after) strategies.push(text);
    rowSlots.push(Math.max(slot, 0));
    cells.push({ indicator, measure, uncertain: uncertain ?? (draft.values.length < years ? `the row has ${draft.values.length} target values for ${years} years` : null) });
  }
  if (tail) {
    const lastCell = cells[cells.length - 1];
    if (strategies.length + tail.texts.length <= slot + 1) for (const text of tail.texts) strategies.push(text);
    else if (tail.texts.length === 1 && strategies.length === slot + 1 && lastCell && lastCell.measure === '' && cells.filter((cell) => cell.measure === '').length === 1) {
      // The last row's measure, printed below its values (a taller cell ends lower).
      lastCell.measure = joinLines(tail.texts[0].texts);
      lastCell.uncertain = 'the measure was printed after the target values';
      for (const block of tail.blocks) drafts[drafts.length - 1].blocks.push(block);
    } else {
      // Not strategies: an uncertain row of its own.
      const { indicator, measure } = assignKpiTexts(tail, widths);
      drafts.push(tail);
      rowSlots.push(Math.max(slot, 0));
      cells.push({ indicator, measure, uncertain: `the row has no target values` });
    }
  }
  // One strategy text too many and one row without a measure: the measure
  // was printed apart (below the row, before the page break).
  const missing = cells.findIndex((cell) => cell.measure === '' && cell.indicator !== '');
  const printedAmongValues = missing >= 0 ? drafts[missing].after : [];
  if (strategies.length === slot + 2 && printedAmongValues.length === 1 && cells.filter((cell) => cell.measure === '').length === 1) {
    // The one text printed among the row's own values.
    cells[missing].measure = joinLines(printedAmongValues[0].texts);
    cells[missing].uncertain ??= 'the measure was printed among the target values: their order may be wrong';
    // The measure column stands left of the targets, and the extractor reads
    // a row's cells left to right from it: the values after the measure are
    // the first years', those printed ahead of it the last years'.
    //   > | 2.6 / 2.6 / 累計里程數(公里) / 10-3 / 0 / 1.3   (→ 0 1.3 2.6 2.6)
    //                    ^^^^^^^^^^^^^^^^
    const draft = drafts[missing];
    const ahead = draft.valuesBeforeAfter;
    if (ahead > 0 && draft.values.length === years) draft.values = [...draft.values.slice(ahead), ...draft.values.slice(0, ahead)];
    strategies.splice(strategies.indexOf(printedAmongValues[0]), 1);
  } else if (strategies.length === slot + 2 && missing >= 0 && cells.filter((cell) => cell.measure === '').length === 1) {
    const after = drafts[missing].blocks.at(-1)!.lines[0];
    // The last such text before the page ends (the measure stands at the page's foot).
    let pageEnd = after + 1;
    // (Through the line table: the page may end past the document, where the lines array holds no objects.)
    const table = lineTableOf(lines);
    while (pageEnd < table.length && !table.textOf(pageEnd).includes('\f')) pageEnd++;
    let surplus = -1;
    strategies.forEach((text, k) => {
      if (text.lines[0] > after && (text.lines[0] < pageEnd || surplus < 0)) surplus = k;
    });
    if (surplus >= 0) {
      cells[missing].measure = joinLines(strategies[surplus].texts);
      strategies.splice(surplus, 1);
    }
  }
  if (missing >= 0) {
    // The row's own text was its measure (a formula) and the one found apart its indicator (a name).
    const cell = cells[missing];
    if (cell.measure !== '' && isFormula(cell.indicator) && !isFormula(cell.measure)) [cell.indicator, cell.measure] = [cell.measure, cell.indicator];
  }
  if (strategies.length !== slot + 1 && drafts.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'kpi-row-uncertain',
      message: `${strategies.length} strategy texts for ${slot + 1} strategies: strategies may be given to the wrong rows`,
      position: linesPosition(lines, blocks[0].lines[0], blocks[blocks.length - 1].lines.at(-1)! + 1),
    });
  }
  placeNumbered(strategies, numbered, anchored, slot + 1);
  // The strategies' ordinals in their own order (a column block may print them out of it).
  strategyOrdinals.sort((a, b) => (cjkNumber(a) ?? 0) - (cjkNumber(b) ?? 0));
  let previousSlot = -1;
  drafts.forEach((draft, k) => {
    const own = rowSlots[k];
    const strategy = own !== previousSlot ? strategyCell(strategyOrdinals[own] ?? '', strategies[own]) : '';
    previousSlot = own;
    const indicator = withMarker(draft.indicatorOrdinal ?? '', '.', cells[k].indicator);
    const values = draft.values.slice(0, years);
    // Blank target cells print nothing; a row with targets for only some
    // years most often starts late (an indicator set up during the period),
    // so its values are the last years' (the row is flagged uncertain).
    if (values.length > 0) while (values.length < years) values.unshift('');
    while (values.length < years) values.push('');
    const position = blocksPosition(draft.blocks, lines);
    rows.push({ cells: [strategy, indicator, cells[k].measure, ...values], position, lines: rowLines(draft.blocks, lines) });
    if (cells[k].uncertain) diagnostics.push({ severity: 'warning', code: 'kpi-row-uncertain', message: `KPI row 「${cells[k].indicator}」: ${cells[k].uncertain}`, position });
  });
  return { rows, diagnostics };
}

/**
 * Text targets (`依限完成`, `每年一次`) wrap in the narrow target column like
 * numbers do: a run of as many narrow blocks as there are years, with text
 * ones among them, is a row's targets.
 *
 *   > | 依限
 *   > | 完成       (×4: one block per year)
 *       ^^^^
 */
function textValues(pieces: Piece[], years: number): Piece[] {
  let narrow = 2;
  for (const piece of pieces) if (piece.kind === 'values' && piece.values.length === 1) for (const text of piece.paragraph.texts) narrow = Math.max(narrow, width(text));
  const isNarrow = (piece: Piece) =>
    piece.kind === 'values' || (piece.kind === 'text' && piece.paragraph.texts.length <= 3 && piece.paragraph.texts.every((text) => width(text) <= narrow && !/\s/u.test(text)));
  const out = [...pieces];
  for (let k = 0; k < out.length; ) {
    let end = k;
    let texts = 0;
    while (end < out.length && end - k < years && isNarrow(out[end])) {
      if (out[end].kind === 'text') texts++;
      end++;
    }
    if (end - k === years && texts >= 2 && (end === out.length || !isNarrow(out[end]))) {
      for (let i = k; i < end; i++) {
        const piece = out[i];
        if (piece.kind === 'text') out[i] = { kind: 'values', values: [piece.paragraph.texts.join('')], paragraph: piece.paragraph };
      }
      k = end;
    } else k++;
  }
  return out;
}

const NUMERIC_ROLES = new Set(['strategy-marker', 'indicator-marker', 'assessment-system']);

/**
 * Rows of the 序號 / 評估體制 / 評估方式 form: the blocks before a row's run
 * of values fill its columns from the right — measure, 評估方式, 評估體制
 * (a number), indicator, 編號, strategy, 序號 — so a row that continues a
 * strategy (no 序號 or strategy text of its own) leaves those cells empty
 * for the record reader to carry down.
 *
 *   > | 1 / 正確辦理各項戶籍登記 / 1 / 受理戶籍登記案件 / 1 / 統計數據 / 正確率… / 98% 98% 98% 98%
 *   > | 2 / 定期舉行戶政法令測驗 / 1 / 統計數據 / 舉辦次數 / 2次 2次 2次 2次
 *       ^ 編號 (the strategy goes on)
 */
export function buildWideKpiRows(blocks: readonly Paragraph[], header: readonly string[], years: number, lines: readonly Line[]): BuiltRows {
  const roles = header.map((cell) => columnRole(cell).role);
  const pieces = textValues(blocks.map(pieceOf), years);
  const rows: RawRow[] = [];
  const diagnostics: Diagnostic[] = [];
  let pending: Piece[] = [];
  let values: string[] = [];
  let rowBlocks: Paragraph[] = [];
  const emit = () => {
    const cells: string[] = roles.map(() => '');
    let k = pending.length - 1;
    for (let c = roles.length - 1; c >= 0 && k >= 0; c--) {
      const piece = pending[k];
      if ((piece.kind !== 'text') !== NUMERIC_ROLES.has(roles[c])) continue;
      cells[c] = pieceText(piece);
      k--;
    }
    let uncertain = k >= 0 ? `${k + 1} blocks more than the columns` : null;
    if (k >= 0) {
      // Extra blocks at the front: kept in the first text column.
      const first = roles.findIndex((role) => !NUMERIC_ROLES.has(role));
      cells[first] = [...pending.slice(0, k + 1).map(pieceText), cells[first]].filter(Boolean).join('\n');
    }
    const indicatorAt = roles.indexOf('indicator');
    if (indicatorAt >= 0 && !cells[indicatorAt]) uncertain ??= 'no indicator text';
    if (values.length < years) uncertain ??= `the row has ${values.length} target values for ${years} years`;
    const targets = values.slice(0, years);
    while (targets.length < years) targets.push('');
    const position = blocksPosition(rowBlocks, lines);
    rows.push({ cells: [...cells, ...targets], position, lines: rowLines(rowBlocks, lines) });
    if (uncertain) diagnostics.push({ severity: 'warning', code: 'kpi-row-uncertain', message: `KPI row 「${indicatorAt >= 0 ? cells[indicatorAt] : ''}」: ${uncertain}`, position });
    pending = [];
    values = [];
    rowBlocks = [];
  };
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const next = pieces[k + 1];
    const afterText = pending.length > 0 && pending[pending.length - 1].kind === 'text';
    const isValue = piece.kind === 'values' || (piece.kind === 'number' && (values.length > 0 || (next?.kind !== 'text' && afterText)));
    if (!isValue) {
      if (values.length > 0) emit();
      pending.push(piece);
      rowBlocks.push(piece.paragraph);
      continue;
    }
    rowBlocks.push(piece.paragraph);
    for (const value of piece.kind === 'values' ? piece.values : [piece.text]) {
      values.push(value);
      if (values.length === years) emit();
    }
  }
  if (pending.length > 0 || values.length > 0) emit();
  return { rows, diagnostics };
}

/**
 * Strategy texts in slot order: a text printed right after its own ordinal
 * (alone, not in a run of ordinals) takes that strategy's place; the others
 * fill the remaining places in print order.  A merged strategy cell is
 * printed where its middle falls, so print order alone can put a strategy
 * after the next one.  Only when there are as many texts as strategies.
 *
 *   > | 三 / 健全防救災資訊網…      (paired: the third strategy)
 *   > | 二 / 六 / 強化防災安全面向…   (a run of ordinals: by order)
 */
function placeNumbered(strategies: Paragraph[], numbered: ReadonlyMap<Paragraph, number>, anchored: ReadonlyMap<Paragraph, number>, slots: number): void {
  if ((numbered.size === 0 && anchored.size === 0) || strategies.length !== slots) return;
  const placed: (Paragraph | undefined)[] = new Array(slots);
  const unplaced: Paragraph[] = [];
  for (const text of strategies) {
    const value = numbered.get(text);
    if (value !== undefined && value >= 1 && value <= slots && !placed[value - 1]) placed[value - 1] = text;
    else unplaced.push(text);
  }
  // Then a text printed among a row's cells takes that row's strategy.
  const rest: Paragraph[] = [];
  for (const text of unplaced) {
    const own = anchored.get(text);
    if (own !== undefined && own < slots && !placed[own]) placed[own] = text;
    else rest.push(text);
  }
  let r = 0;
  for (let k = 0; k < slots; k++) if (!placed[k]) placed[k] = rest[r++];
  for (let k = 0; k < slots; k++) strategies[k] = placed[k]!;
}

//   > | 一 落實美感教育
//       ^ a strategy ordinal on the line of its text (pdfminer writes one baseline as one line)
const LEAD_ORDINAL = /^([一二三四五六七八九十]{1,3}) (\p{Script=Han}.*)$/u;

/**
 * A strategy ordinal run into the block before it (no blank line between:
 * the two sat close on the page) is a block of its own; so is one printed
 * before its strategy's text on the same line.
 *
 *   > | 分析及統計通報
 *   > | 五
 *       ^
 */
function splitTrailingOrdinals(blocks: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const whole of blocks) {
    const parts = splitValueLine(whole);
    if (parts.length > 1) {
      for (const part of parts) out.push(part);
      continue;
    }
    const lead = LEAD_ORDINAL.exec(whole.texts[0]);
    if (lead) {
      // `一 落實美感教育`: the ordinal and its strategy on one baseline (pdfminer joins them).
      out.push({ lines: whole.lines.slice(0, 1), texts: [lead[1]], pageStart: whole.pageStart });
      out.push({ ...whole, texts: [lead[2], ...whole.texts.slice(1)], pageStart: false });
      continue;
    }
    const block = whole;
    const n = block.texts.length;
    if (n < 2 || !/^[一二三四五六七八九十]{1,2}$/u.test(block.texts[n - 1]) || block.texts[n - 2].length < 2) {
      out.push(block);
      continue;
    }
    out.push({ ...block, lines: block.lines.slice(0, n - 1), texts: block.texts.slice(0, n - 1) });
    out.push({ lines: block.lines.slice(n - 1), texts: block.texts.slice(n - 1), pageStart: false });
  }
  return out;
}

/**
 * A target value run into the text cells beside it (its first line shares a
 * baseline with theirs): a line that is one value with a unit or `%`, among
 * text lines, is the row's first target, printed after the text.
 *
 *   > | 年度申請建造執照案件10
 *   > | 建造執照申請案期限 日內審查完竣。但供公眾
 *   > | 90%
 *       ^^^ the 108 target
 *   > | 內審核完竣
 */
function splitValueLine(block: Paragraph): Paragraph[] {
  const n = block.texts.length;
  if (n < 3) return [block];
  let at = -1;
  for (let i = 0; i < n; i++) {
    const text = block.texts[i];
    const value = /[^0-9,.]/u.test(text) && !/\s/u.test(text) ? blockValues([text]) : null;
    if (!value) continue;
    if (at >= 0) return [block];
    at = i;
  }
  // Not the end of a wrapped formula (`…×10` / `0%`), not the block's last line.
  if (at <= 0 || at === n - 1 || /[0-9×xX*/.,，(（=＝+\-]$/u.test(block.texts[at - 1])) return [block];
  if (pieceOf({ ...block, texts: block.texts.filter((_, i) => i !== at) }).kind !== 'text') return [block];
  const keep = (i: number) => i !== at;
  return [
    { ...block, lines: block.lines.filter((_, i) => keep(i)), texts: block.texts.filter((_, i) => keep(i)) },
    { lines: [block.lines[at]], texts: [block.texts[at]], pageStart: false },
  ];
}

//   > | (電匯作業量/總支付作業量)x100﹪
//                  ^ a ratio: a 衡量標準 (measure), not an indicator's name
const FORMULA = /[/／÷×]|[xX]\s*100/u;

function isFormula(text: string): boolean {
  return FORMULA.test(text);
}

/**
 * Target cells cut by a page break: their last lines come first on the next
 * page, one short fragment per year, and complete the last run of values
 * before the break when joining them makes values of cut ones.
 *
 *   > | 100
 *   > | 筆以        (×2, then 美術館籌 ×2 …; the page breaks)
 *   > | 備中 / 備中 / 上 / 上      (under the repeated header)
 *       ^^^^ 美術館籌備中 …, 100筆以上
 */
/** How many blocks may stand between the cut values and the page break. */
const BLOCKS_AFTER_CUT = 8;

function joinCutValues(pieces: Piece[], years: number): Piece[] {
  if (years < 1) return pieces;
  const fragment = (piece: Piece | undefined) =>
    piece !== undefined && piece.kind !== 'strategy-ordinal' && piece.kind !== 'number' && piece.paragraph.texts.length === 1 && [...piece.paragraph.texts[0]].length <= 3 && !/[0-9\s，。、；]/u.test(piece.paragraph.texts[0]);
  const out: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    let run = 0;
    if (piece.paragraph.pageTop) while (run < years && fragment(pieces[k + run])) run++;
    if (run !== years || fragment(pieces[k + run])) {
      out.push(piece);
      continue;
    }
    // The last `years` values before the break, one value piece each (cells
    // printed after them on that page, such as strategy texts, are passed over).
    const cut: number[] = [];
    let last = out.length - 1;
    while (last >= 0 && out.length - last <= BLOCKS_AFTER_CUT && out[last].kind !== 'values') last--;
    for (let j = last; j >= 0 && cut.length < years; j--) {
      const before = out[j];
      if (before.kind !== 'values' || before.values.length !== 1) break;
      cut.unshift(j);
    }
    const joined = cut.map((j, i) => (out[j] as { values: string[] }).values[0] + pieces[k + i].paragraph.texts[0]);
    const completes = joined.some((value, i) => blockValues([value]) !== null && blockValues([(out[cut[i]] as { values: string[] }).values[0]]) === null);
    if (cut.length !== years || !completes) {
      out.push(piece);
      continue;
    }
    cut.forEach((j, i) => {
      const before = out[j] as Extract<Piece, { kind: 'values' }>;
      const rest = pieces[k + i].paragraph;
      out[j] = { kind: 'values', values: [joined[i]], paragraph: { ...before.paragraph, lines: [...before.paragraph.lines, ...rest.lines], texts: [...before.paragraph.texts, ...rest.texts] } };
    });
    k += years - 1;
  }
  return out;
}

/**
 * Strategy texts told by their place: the texts right after a run of
 * strategy ordinals, one per ordinal (a column block prints the ordinals
 * of a page's groups, then their texts).
 *
 *   > | 三
 *   > | 四
 *   > | 如期編造總決算…    (strategy 三)
 *       ^^^^^^^^^^^^^^
 *   > | 提供統計資訊，…    (strategy 四)
 */
function strategyTextsAfterOrdinals(pieces: readonly Piece[]): Set<Paragraph> {
  const out = new Set<Paragraph>();
  for (let k = 0; k < pieces.length; ) {
    let run = 0;
    while (k + run < pieces.length && pieces[k + run].kind === 'strategy-ordinal') run++;
    if (run === 0) {
      k++;
      continue;
    }
    k += run;
    for (let taken = 0; taken < run && k < pieces.length && pieces[k].kind === 'text'; taken++, k++) out.add(pieces[k].paragraph);
  }
  return out;
}

function pieceText(piece: Piece): string {
  if (piece.kind === 'text') return joinLines(piece.paragraph.texts);
  if (piece.kind === 'values') return piece.values.join(' ');
  return piece.text;
}

function emptyDraft(): KpiDraft {
  return { indicatorOrdinal: null, texts: [], values: [], blocks: [], after: [], valuesBeforeAfter: 0 };
}

function continuesOrdinals(text: string, last: number): boolean {
  const value = Number(text);
  return value === 1 || value === last + 1;
}

/** How many values follow from `from` before the next text or ordinal. */
function valuesAhead(pieces: readonly Piece[], from: number, limit: number): number {
  let count = 0;
  // Bounded: only whether the run completes a row matters.
  for (let k = from; k < pieces.length && count <= limit; k++) {
    const piece = pieces[k];
    if (piece.kind === 'values') count += piece.values.length;
    else if (piece.kind === 'number' && pieces[k + 1]?.kind !== 'text') count++;
    else break;
  }
  return count;
}

function strategyCell(ordinal: string, paragraph: Paragraph | undefined): string {
  const text = paragraph ? joinLines(paragraph.texts) : '';
  if (!text && !ordinal) return '';
  if (parseMarker(text)) return text;
  return withMarker(ordinal, '、', text);
}

interface KpiWidths extends ColumnWidths {
  /** Line width of the strategy column (0 when unknown). */
  strategy: number;
}

/**
 * The indicator and measure columns' widths come from blocks holding both
 * side by side; the strategy column's from the rows whose first of several
 * text blocks is a strategy (a row of three blocks or more).
 */
function kpiWidths(drafts: readonly KpiDraft[]): KpiWidths {
  const blocks = drafts.flatMap((draft) => draft.texts);
  const two = learnWidths(blocks);
  let strategy = 0;
  for (const draft of drafts) {
    if (draft.texts.length < 3) continue;
    const first = draft.texts[0];
    if (first.texts.length < 2 || hasTwoParts(first.texts)) continue;
    strategy = Math.max(strategy, widest(first.texts));
  }
  // Few side-by-side lines: the measure column is the widest one whose
  // wrapped cells (first lines of blocks of one column) are common.
  const wrapped = new Map<number, number>();
  let widestWrapped = 0;
  for (const block of blocks) {
    if (block.texts.length < 2 || hasTwoParts(block.texts)) continue;
    const w = width(block.texts[0]);
    wrapped.set(w, (wrapped.get(w) ?? 0) + 1);
    widestWrapped = Math.max(widestWrapped, w);
  }
  let widestCommon = 0;
  for (const [w, n] of wrapped) if (n >= 2) widestCommon = Math.max(widestCommon, w);
  // Two or fewer side-by-side lines say little: the widest wrapped block then stands for the measure column.
  if ((two.samples ?? 0) < 3) widestCommon = Math.max(widestCommon, widestWrapped);
  const right = widestCommon > two.right && widestCommon > two.left + 0.5 ? widestCommon : two.right;
  return { left: two.left, right, strategy, samples: two.samples };
}

function widest(texts: readonly string[]): number {
  let max = 0;
  for (const text of texts) max = Math.max(max, width(text));
  return max;
}


/**
 * Which of a row's text blocks are the indicator and the measure: the last
 * block alone when it holds both side by side (or is the only one), else the
 * last two — whichever reading makes the lines fit their columns better.
 */
function assignKpiTexts(
  draft: KpiDraft,
  widths: KpiWidths,
  strategyLike: ReadonlySet<Paragraph> = new Set(),
): { strategyTexts: Paragraph[]; indicator: string; measure: string; uncertain: string | null } {
  const texts = draft.texts;
  const n = texts.length;
  if (n === 0) return { strategyTexts: [], indicator: '', measure: '', uncertain: 'target values without indicator text' };
  const last = texts[n - 1];
  const lastIsLine = last.texts.length === 1 && !hasTwoParts(last.texts);
  if (n >= 2 && strategyLike.has(texts[n - 2]) && !strategyLike.has(last) && lastIsLine) {
    // `七` / `市區自行車道建置` / `建置市區自行車道`: a strategy and one cell; the measure is printed elsewhere.
    return { strategyTexts: texts.slice(0, n - 1), indicator: joinLines(last.texts), measure: '', uncertain: 'no measure beside the indicator' };
  }
  const split = splitTwoColumns(last.texts, widths);
  const strategyCost = (list: readonly Paragraph[]) => list.reduce((sum, p) => sum + singleCost(p.texts, widths.strategy), 0);
  // A table whose blocks never hold two cells side by side rarely runs two together.
  const rarity = (widths.samples ?? 0) === 0 ? 2 : 0;
  const mergedCost = (split.guessed ? 50 : split.cost) + strategyCost(texts.slice(0, n - 1)) + rarity;
  const apartCost =
    n >= 2 ? singleCost(texts[n - 2].texts, widths.left) + singleCost(last.texts, widths.right) + strategyCost(texts.slice(0, n - 2)) : Infinity;
  // A lone one-line block is a measure, not two cells.
  const lastIsOneCell = last.texts.length === 1 && !hasTwoParts(last.texts);
  if (n >= 2 && (apartCost <= mergedCost || lastIsOneCell)) {
    return { strategyTexts: texts.slice(0, n - 2), indicator: joinLines(texts[n - 2].texts), measure: joinLines(last.texts), uncertain: null };
  }
  if (lastIsOneCell) return { strategyTexts: [], indicator: joinLines(last.texts), measure: '', uncertain: 'one text cell for indicator and measure' };
  if (n === 1 && !split.guessed && split.cost >= OPEN_BRACKET_COST) {
    // `市民中心（北棟大` / `樓）興建`: one cell; its measure is printed elsewhere.
    return { strategyTexts: [], indicator: joinLines(last.texts), measure: '', uncertain: 'no measure beside the indicator' };
  }
  return {
    strategyTexts: texts.slice(0, n - 1),
    indicator: joinLines(split.left),
    measure: joinLines(split.right),
    uncertain: split.guessed ? 'indicator and measure printed in one block could not be told apart' : null,
  };
}

function blocksPosition(blocks: readonly Paragraph[], lines: readonly Line[]): Position {
  let first = Infinity;
  let last = -1;
  for (const block of blocks) {
    for (const index of block.lines) {
      if (index < first) first = index;
      if (index > last) last = index;
    }
  }
  if (last < 0) return linesPosition(lines, 0, 1);
  return linesPosition(lines, first, last + 1);
}

// ---------------------------------------------------------------------------

/** A work-plan row being built: its cells' lines so far. */
interface WorkDraft {
  parts: [string[], string[], string[]];
  budget: string;
  blocks: Paragraph[];
}

const CATEGORY = 0;
const ITEM = 1;
const CONTENT = 2;

//   > | 13,799     449(健保局補助)     市府統籌款
//       ^^^^^^     ^^^^^^^^^^^^^^     ^^^^^^^^^^ a budget cell, alone in its block
const BUDGET = /^(?:[0-9][0-9,]*(?:\.[0-9]+)?(?:[(（][^()（）]{1,12}[)）])?|\p{Script=Han}{0,4}(?:統籌|自籌|補助|經常門)\p{Script=Han}{0,3})$/u;

/**
 * Rebuild the rows of a work-plan table (機關工作項目 / 重要工作計畫項目 /
 * 實施內容 / 預算金額).  Its cells are top-aligned and the three text
 * columns sit side by side, so a block holds whole rows, their lines
 * interleaved part by part.  Each part goes to a column by the columns'
 * line widths (a line wider than the item column is 實施內容) and by which
 * cells are still open (a cell goes on while its lines fill their column;
 * an item ends at its full stop); when no cell is open, the next line
 * starts a new row.
 *
 *   > | 一、貫徹農地農用政 農林漁牧調查統計陳報， 配合上級農林漁牧業調查作業，並實地調
 *       ^ category        ^ item               ^ content
 *   > | 策                                   (category: the only full cell on the left)
 */
export function buildWorkRows(blocks: readonly Paragraph[], _columns: number, lines: readonly Line[]): BuiltRows {
  const caps = workWidths(blocks);
  const rows: RawRow[] = [];
  const drafts: WorkDraft[] = [];
  const early: string[] = [];
  for (const block of blocks) {
    const joined = block.texts.join('');
    if (BUDGET.test(joined) && !/[。，]/u.test(joined)) {
      // The budget of the last row with an item (a row of content alone continues it).
      let last: WorkDraft | undefined;
      for (let d = drafts.length - 1; d >= 0 && !last; d--) if (drafts[d].parts[ITEM].length > 0) last = drafts[d];
      if (last && !last.budget) {
        last.budget = joined;
        last.blocks.push(block);
      } else if (!last) early.push(joined);
      else drafts.push({ parts: [[], [], []], budget: joined, blocks: [block] });
      continue;
    }
    let current: WorkDraft | null = null;
    const open = [false, false, false];
    /** Column of the previous line when it held one part alone. */
    let lone = -1;
    for (let t = 0; t < block.texts.length; t++) {
      const parts = current ? lineParts(block.texts[t]) : itemBesideEntries(lineParts(block.texts[t]), caps);
      if (parts.length === 0) continue;
      const ended = current ? current.parts.map((cell) => /[。；;]$/u.test(cell[cell.length - 1] ?? '')) : [false, false, false];
      const empty = current ? current.parts.map((cell) => cell.length === 0) : [true, true, true];
      let columns = placeParts(parts, open, caps, lone, ended, empty);
      if (current && columns?.length === 1 && columns[0] === CONTENT && itemAmidContent(parts, block.texts[t + 1], current, open, caps)) columns = null;
      if (columns && columns.length === 1 && columns[0] === CATEGORY && open[ITEM] && !itemGoesOn(block.texts[t + 1], caps)) {
        // `利。` under both a full category and a full item line: the item goes
        // on, unless the next line continues the item beside it.
        columns = [ITEM];
      }
      if (!current || columns === null) {
        current = { parts: [[], [], []], budget: '', blocks: [block] };
        drafts.push(current);
        columns = firstLineColumns(parts, caps);
        open.fill(false);
      }
      parts.forEach((part, i) => {
        const column = columns![i];
        current!.parts[column].push(part);
        open[column] = isOpenWork(part, column, caps);
      });
      lone = parts.length === 1 ? columns[0] : -1;
      // A column with no part on this line keeps its state (its part may stand on a line of its own).
    }
  }
  // A budget printed before any item (its cell's middle stands beside the first rows) goes to the first item.
  const firstItem = drafts.find((draft) => draft.parts[ITEM].length > 0 && !draft.budget);
  if (firstItem && early.length > 0) firstItem.budget = early.join(' ');
  for (const draft of drafts) {
    const [category, item, content] = draft.parts.map((cell) => joinLines(cell));
    rows.push({ cells: [category, item, content, draft.budget], position: blocksPosition(draft.blocks, lines), lines: rowLines(draft.blocks, lines) });
  }
  return { rows, diagnostics: [] };
}

//   > | 受理各種役男申請案件。 1. 依規定分別通知檢查，未到檢者，適時
//       ^^^^^^^^^^^^^^^^^^^^^^ a one-line item beside content that starts with an entry
const SENTENCE_BEFORE_ENTRY = /^(\S+[。；]) ((?:[0-9]{1,2}[.．、]|[(（][0-9]{1,2}[)）]).*)$/u;

/**
 * A row's first line read as one cell because a sentence is followed by a
 * numbered entry (inside a content cell they go on together): when the
 * sentence starts no entry itself and fits the item column, it is the
 * row's item and the entries its content.
 */
function itemBesideEntries(parts: string[], caps: readonly number[]): string[] {
  if (parts.length !== 1) return parts;
  const match = SENTENCE_BEFORE_ENTRY.exec(parts[0]);
  if (!match || LIST_START.test(match[1]) || width(match[1]) > caps[ITEM] + 0.5) return parts;
  return [match[1], match[2]];
}

/**
 * An item line printed amid an open content cell: a vertically centred
 * item cell beside a taller content cell comes out between the content's
 * lines.  A line no wider than the item column that fills it, ends no
 * sentence and is followed by a content line that goes on (wide, no new
 * entry) cannot be the content's: its last line would end the block's text.
 * It starts the next row.
 *
 *   > | 電腦通報。1. 國民兵證書，如有遺失申請     (content)
 *   > | 國民兵國民身分證明書核                   (the next row's item)
 *       ^^^^^^^^^^^^^^^^^^^^^^
 *   > | 補發、汙損換發等，隨到隨辦。2. 受理國     (content goes on)
 *   > | (換補)發。                               (the item goes on)
 */
function itemAmidContent(parts: readonly string[], next: string | undefined, draft: WorkDraft, open: readonly boolean[], caps: readonly number[]): boolean {
  if (parts.length !== 1 || next === undefined || !open[CONTENT] || open[ITEM]) return false;
  const text = parts[0];
  if (width(text) > caps[ITEM] + 0.5 || width(text) < caps[ITEM] - 1 || /[。；;，、]$/u.test(text) || LIST_START.test(text)) return false;
  const following = lineParts(next);
  if (following.length !== 1 || width(following[0]) <= caps[ITEM] + 0.5 || LIST_START.test(following[0])) return false;
  const content = draft.parts[CONTENT];
  return content.length > 0 && width(content[content.length - 1]) >= caps[CONTENT] - 1;
}

const LIST_START = /^(?:[0-9]{1,2}[.．、]|[(（][0-9一二三四五六七八九十]{1,3}[)）])/u;

/**
 * The next line carries the item on: two parts, or a first part no wider
 * than the item column.
 *
 *   > | 一、組織編制及任免 依據中央訂頒之各類職稱 1. 為健全機關組織…
 *   > | 遷調                      (category: the item's next line follows)
 *   > | 及官等職等員額配置準
 */
function itemGoesOn(next: string | undefined, caps: readonly number[]): boolean {
  if (next === undefined) return false;
  const parts = lineParts(next);
  return parts.length >= 2 || (parts.length === 1 && width(parts[0]) <= caps[ITEM] + 0.5);
}

/** Line widths of the category, item and content columns: the usual width of each position in lines of several parts. */
function workWidths(blocks: readonly Paragraph[]): number[] {
  const histograms = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
  for (const block of blocks) {
    for (const text of block.texts) {
      const parts = lineParts(text);
      if (parts.length < 2) continue;
      const offset = 3 - parts.length;
      parts.forEach((part, i) => {
        const column = Math.max(0, i + offset);
        histograms[column].set(width(part), (histograms[column].get(width(part)) ?? 0) + 1);
      });
    }
  }
  const caps = histograms.map(commonWidth);
  let itemSamples = 0;
  for (const n of histograms[ITEM].values()) itemSamples += n;
  if (itemSamples < MIN_WIDTH_SAMPLES) {
    const stacked = stackedWidths(blocks);
    if (stacked) [caps[ITEM], caps[CONTENT]] = stacked;
  }
  // The category column: its labels' widest first line (a label that wraps fills it).
  let category = 0;
  for (const block of blocks) for (const text of block.texts) {
    const first = lineParts(text)[0];
    if (first && isCategoryLabel(first)) category = Math.max(category, width(first));
  }
  caps[CATEGORY] = category || Math.max(0, caps[ITEM] - 2);
  return caps;
}

/** Two-part lines needed to learn the columns' widths from them. */
const MIN_WIDTH_SAMPLES = 3;

/**
 * Widths of the item and content columns when cells stand one per line
 * (MuPDF puts each cell on lines of its own, so no line holds two parts):
 * a wrapped cell fills its column on every line but its last, so the widths
 * of lines that are not last in their block peak at the content column's
 * width and, lower, at the item column's.
 *
 *   > | 農林漁牧調查統計陳報，            (11: the item column)
 *   > | 俾利上級研擬農林漁牧政
 *       ^^^^^^^^^^^^^^^^^^^^^^
 *   > | 配合上級農林漁牧業調查作業，並實地調 (18: the content column)
 */
function stackedWidths(blocks: readonly Paragraph[]): [number, number] | null {
  const histogram = new Map<number, number>();
  for (const block of blocks) {
    for (let k = 0; k + 1 < block.texts.length; k++) {
      const parts = lineParts(block.texts[k]);
      if (parts.length === 1) histogram.set(width(parts[0]), (histogram.get(width(parts[0])) ?? 0) + 1);
    }
  }
  const content = commonWidth(histogram);
  const narrower = new Map<number, number>();
  for (const [key, n] of histogram) if (key <= content - 3) narrower.set(key, n);
  const item = commonWidth(narrower);
  return content > 0 && item > 0 ? [item, content] : null;
}

function isOpenWork(part: string, column: number, caps: readonly number[]): boolean {
  if (column === ITEM && /[。；;]$/u.test(part)) return false;
  return width(part) >= caps[column] - 1;
}

function isCategoryLabel(part: string): boolean {
  const style = parseMarker(part)?.style;
  return style === 'cjk' || style === 'cjk-formal';
}

/** Columns of the first line of a row: a marker starts a category, a line wider than the item column is content. */
function firstLineColumns(parts: readonly string[], caps: readonly number[]): number[] {
  if (parts.length >= 3) return parts.map((_, i) => Math.min(i, CONTENT));
  const wide = (part: string) => width(part) > caps[ITEM] + 0.5;
  const category = isCategoryLabel;
  if (parts.length === 2) {
    if (wide(parts[1])) return [category(parts[0]) ? CATEGORY : ITEM, CONTENT];
    return [CATEGORY, ITEM];
  }
  return [category(parts[0]) ? CATEGORY : wide(parts[0]) ? CONTENT : ITEM];
}

/**
 * Columns of a later line: its parts continue open cells, left to right;
 * null when they cannot.  Parts of one baseline may come as lines of their
 * own, left cell first: a lone part after a lone part goes to an open
 * column right of the one before when it fits there.
 *
 *   > | 強身心障礙福利服務工       (item)
 *   > | 提出保險費減免之申請。     (content, same baseline)
 */
function placeParts(
  parts: readonly string[],
  open: readonly boolean[],
  caps: readonly number[],
  lone = -1,
  ended: readonly boolean[] = [false, false, false],
  empty: readonly boolean[] = [false, false, false],
): number[] | null {
  const wide = (part: string) => width(part) > caps[ITEM] + 0.5;
  // A row's content may start a line below its item (`簡化作業程序，縮短處理` / `2. 受理…`).
  if (parts.length === 1 && wide(parts[0]) && !open[CONTENT] && empty[CONTENT] && !empty[ITEM]) return [CONTENT];
  const candidates = [CATEGORY, ITEM, CONTENT].filter((column) => open[column]);
  if (candidates.length === 0 || parts.length > candidates.length) return null;
  // A wide last part is content; the others take the leftmost open columns they fit.
  if (parts.length === 1) {
    if (wide(parts[0])) return open[CONTENT] ? [CONTENT] : null;
    const fits = candidates.filter((column) => column === CONTENT || width(parts[0]) <= caps[column] + 0.5);
    // The partner of a lone part on its baseline, unless that cell ended a sentence.
    const right = fits.find((column) => lone >= 0 && column > lone && !ended[column]);
    if (right !== undefined) return [right];
    // A short sentence after content that ended one, with the item closed: the next row's item.
    if (fits.length === 1 && fits[0] === CONTENT && ended[CONTENT] && /[。；;]$/u.test(parts[0]) && width(parts[0]) <= caps[ITEM] + 0.5) return null;
    return fits.length > 0 ? [fits[0]] : [candidates[0]];
  }
  if (wide(parts[parts.length - 1]) && open[CONTENT]) {
    const left = candidates.filter((column) => column !== CONTENT).slice(0, parts.length - 1);
    if (left.length < parts.length - 1) return null;
    return [...left, CONTENT];
  }
  return candidates.slice(0, parts.length);
}

const PATH_LEVEL: Partial<Record<string, number>> = { 'cjk-formal': 0, cjk: 1, 'cjk-paren': 2 };

/**
 * Rebuild the rows of a work-report table (類 / 項 / 目 / 辦理情形 / 完成程度):
 * a block whose first line starts with a path marker holds path cells (often
 * two or three side by side, wrapped in narrow columns); every other text
 * block is one 辦理情形 entry, and the percentage block after it its
 * completion.
 *
 *   > | 伍、人 一、組織編 (一)貫徹考試用      (類, 項, 目 side by side)
 *   > | 事部門 制及任免遷
 *   > | 調
 *   > | 1. 本所遇有職務出缺，…               (辦理情形)
 *   > | 100%                                 (完成程度)
 */
export function buildReportRows(allBlocks: readonly Paragraph[], isHeader: (block: Paragraph) => boolean, lines: readonly Line[]): BuiltRows {
  const caps = pathWidths(allBlocks);
  const diagnostics: Diagnostic[] = [];
  // 1. Path blocks, 辦理情形 entries with their completion, and page numbers.
  const items: ReportPiece[] = [];
  let page = 0;
  // Without form feeds (`mutool convert -F text`, `pdftotext -nopgbrk`) a
  // page starts where the table's header is printed again: at its first cell
  // after an entry, since reading order puts the page's first path labels
  // among the header's cells (`類` / `項` / `肆、會 一、歲計` / `辦理情形` / `目`).
  // Where the pages print their numbers, a page starts after its number
  // (the block's pageStart): a header cell printed apart below the page's
  // entries (`目`, a narrow column read last) starts none.
  const feeds = lines.some((line) => line.text.includes('\f'));
  const numbered = !feeds && allBlocks.some((block) => block.pageStart);
  let entrySincePage = true;
  for (const block of allBlocks) {
    const header = isHeader(block);
    if (block.pageStart || (!feeds && !numbered && header && entrySincePage)) {
      page++;
      entrySincePage = false;
    }
    if (!header) entrySincePage ||= !isPathBlock(block);
    if (header) {
      items.push({ kind: 'header', page });
      continue;
    }
    for (const part of splitTrailingLabel(block).flatMap((piece) => splitStackedEntry(piece, caps))) {
      const piece = pieceOf(part);
      if (piece.kind === 'text' && isPathBlock(part)) items.push({ kind: 'labels', labels: pathCells(part, caps), page, block: part });
      else if (piece.kind === 'values') {
        const last = items[items.length - 1];
        if (last && last.kind === 'entry' && !last.completion) {
          last.completion = piece.values.join(' ');
          last.blocks.push(part);
        } else items.push({ kind: 'entry', status: '', completion: piece.values.join(' '), blocks: [part], page, startsList: false });
      } else items.push({ kind: 'entry', status: joinEntryLines(part.texts), completion: '', blocks: [part], page, startsList: false });
    }
  }
  alignCompletionRuns(items);
  // 2. Which entries start a list (the next path label's).
  let previousStatus = '';
  let previousEnd = -1;
  for (const item of items) {
    if (item.kind !== 'entry' || !item.status) continue;
    const first = item.blocks[0].lines[0];
    const afterBreak = previousEnd >= 0 && !noPageBreakBetween(lines, previousEnd, first);
    item.startsList = startsList(item.status, previousStatus, afterBreak);
    previousStatus = item.status;
    previousEnd = item.blocks[item.blocks.length - 1].lines.at(-1)!;
  }
  // 3. Labels to lists: a path block right before a list is that list's; the
  // page's other path blocks (printed together at its top or bottom) go to
  // the page's lists that have none, in order.
  const deepest = items.some((item) => item.kind === 'labels' && item.labels.some((label) => label.level === 2)) ? 2 : 1;
  const own = new Map<ReportEntry, PathLabel[]>();
  const strays = new Map<number, PathLabel[]>();
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item.kind !== 'labels') continue;
    const next = items[k + 1];
    const target = next && next.kind === 'entry' && next.startsList ? own : strays;
    const key = target === own ? (next as ReportEntry) : item.page;
    let list = (target as Map<unknown, PathLabel[]>).get(key);
    if (!list) (target as Map<unknown, PathLabel[]>).set(key, (list = []));
    for (const label of item.labels) list.push(label);
  }
  const path = ['', '', ''];
  const rows: RawRow[] = [];
  let unlabeled = 0;
  for (const item of items) {
    if (item.kind !== 'entry') continue;
    let labels: PathLabel[] | undefined;
    if (item.startsList) {
      labels = own.get(item);
      if (labels) labels = [...parentsFromPage(labels, strays.get(item.page) ?? []), ...labels];
      else {
        // The page's strays up to and including the next deepest label.
        const pool = strays.get(item.page) ?? [];
        const end = pool.findIndex((label) => label.level >= deepest);
        labels = end >= 0 ? pool.splice(0, end + 1) : pool.splice(0);
        if (labels.length === 0) unlabeled++;
      }
      for (const label of labels) {
        path[label.level] = label.text;
        for (let deeper = label.level + 1; deeper < 3; deeper++) path[deeper] = '';
      }
    }
    rows.push({
      cells: [...(labels && labels.length > 0 ? path : ['', '', '']), item.status, item.completion, ''],
      position: blocksPosition(item.blocks, lines),
      lines: rowLines(item.blocks, lines),
    });
  }
  const leftover = [...strays.values()].reduce((sum, pool) => sum + pool.length, 0);
  if ((unlabeled > 0 || leftover > 0) && rows.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'report-path-uncertain',
      message: `${unlabeled} lists of 辦理情形 entries without a path label of their page, ${leftover} path labels without entries: paths may be wrong`,
      position: rows[0].position,
    });
  }
  return { rows, diagnostics };
}

/**
 * A list's own label that restarts its level (`(一)`) takes the next parent
 * labels (類, 項) printed elsewhere on its page.
 *
 *   > | 肆、會 一、歲計 / 二、會計 / (一)編製預算 / 編製110年度預算…
 *              ^ 項 of the (一) below (printed as a column block)
 */
function parentsFromPage(labels: readonly PathLabel[], pool: PathLabel[]): PathLabel[] {
  let top = 2;
  for (const label of labels) top = Math.min(top, label.level);
  const first = labels.find((label) => label.level === top)!;
  if (top === 0 || (first.ordinal !== null && first.ordinal !== 1)) return [];
  const end = pool.findIndex((label) => label.level === top - 1);
  if (end < 0 || pool.slice(0, end).some((label) => label.level >= top)) return [];
  return pool.splice(0, end + 1);
}

/**
 * Completions printed as a run after the entries they belong to (pdfminer
 * writes a page's column boxes one after another: several 辦理情形 entries,
 * then their 完成程度 cells): the run's values go, in order, to the entries
 * before it that have none, when there are enough of them.
 *
 *   > | 依會計法及相關法令執行。
 *   > | 1. 嚴格執行內部審核。
 *   > | 2. 均於期限內完成款項支付。
 *   > | 100%
 *   > | 100%
 *   > | 100%
 *       ^^^^ the third entry's; the two before are the first two entries'
 */
function alignCompletionRuns(items: ReportPiece[]): void {
  const orphan = (item: ReportPiece | undefined): item is ReportEntry => item?.kind === 'entry' && item.status === '' && item.completion !== '';
  for (let k = 0; k < items.length; k++) {
    if (!orphan(items[k])) continue;
    let e = k;
    while (orphan(items[e])) e++;
    const values: { completion: string; blocks: Paragraph[] }[] = [];
    const owners: ReportEntry[] = [];
    let j = k - 1;
    const before = items[j];
    if (before?.kind === 'entry' && before.status && before.completion) {
      // The run's first value went to the entry right before it.
      owners.push(before);
      values.push({ completion: before.completion, blocks: [] });
      j--;
    }
    for (; j >= 0; j--) {
      const item = items[j];
      if (item.kind === 'labels') continue;
      if (item.kind !== 'entry' || item.completion || !item.status) break;
      owners.unshift(item);
    }
    for (let r = k; r < e; r++) values.push(items[r] as ReportEntry);
    if (owners.length < values.length) {
      k = e - 1;
      continue;
    }
    const takers = owners.slice(owners.length - values.length);
    takers.forEach((entry, i) => {
      entry.completion = values[i].completion;
      for (const block of values[i].blocks) entry.blocks.push(block);
    });
    items.splice(k, e - k);
    k--;
  }
}

interface ReportEntry {
  kind: 'entry';
  status: string;
  completion: string;
  blocks: Paragraph[];
  page: number;
  startsList: boolean;
}

type ReportPiece = ReportEntry | { kind: 'labels'; labels: PathLabel[]; page: number; block: Paragraph } | { kind: 'header'; page: number };

/**
 * A path label printed in the block of the entry before it (the extractor
 * ran the two cells together): lines from a path marker on are a block of
 * their own.
 *
 *   > | (4) 防疫再升級，購置 AI 智慧消毒站，…
 *   > | (七)車輛管理                 (the next list's 目)
 */
function splitTrailingLabel(block: Paragraph): Paragraph[] {
  if (isPathBlock(block)) return [block];
  for (let k = 1; k < block.texts.length; k++) {
    if (!isPathBlock({ ...block, texts: [block.texts[k]] })) continue;
    return [
      { lines: block.lines.slice(0, k), texts: block.texts.slice(0, k), pageStart: block.pageStart },
      { lines: block.lines.slice(k), texts: block.texts.slice(k), pageStart: false },
    ];
  }
  return [block];
}

/**
 * Cells stacked in one block (MuPDF writes each cell on lines of its own and
 * groups cells that stand close): the path labels, then the 辦理情形 entry —
 * its first line wider than any path column — then the completion, a value
 * line under the entry.
 *
 *   > | 一、歲計
 *   > | (一)編製預算
 *   > | 編製110年度預算, 歲入預算數16萬9,000       (wider than every label: the entry)
 *       ^
 *   > | 依會計法及相關法令執行。
 *   > | 100%                                       (the completion)
 *       ^^^^
 */
function splitStackedEntry(block: Paragraph, caps: readonly number[]): Paragraph[] {
  const out: Paragraph[] = [];
  let from = 0;
  if (isPathBlock(block)) {
    const widest = Math.max(caps[0], caps[1], caps[2]);
    let k = 1;
    while (k < block.texts.length && !(lineParts(block.texts[k]).length === 1 && width(block.texts[k]) > widest + 2 && !isPathBlock({ ...block, texts: [block.texts[k]] }))) k++;
    if (k === block.texts.length || widest === 0) return [block];
    out.push({ ...block, lines: block.lines.slice(0, k), texts: block.texts.slice(0, k) });
    from = k;
  }
  let end = block.texts.length;
  // A percentage (a bare number under a sentence may be its next word cut by the page: `每` / `7` / `月定期…`).
  while (end - 1 > from && isValueToken(block.texts[end - 1]) && /[%％]$/u.test(block.texts[end - 1])) end--;
  if (from === 0 && end === block.texts.length) return [block];
  out.push({ lines: block.lines.slice(from, end), texts: block.texts.slice(from, end), pageStart: from === 0 && block.pageStart });
  if (end < block.texts.length) out.push({ lines: block.lines.slice(end), texts: block.texts.slice(end), pageStart: false });
  return out;
}

/** An entry's lines joined, a numbered sub-entry (`(1)`, `2.`) kept on its own line. */
function joinEntryLines(texts: readonly string[]): string {
  const groups: string[][] = [];
  for (const text of texts) {
    const marker = parseMarker(text);
    if (groups.length === 0 || (marker && (marker.style === 'arabic' || marker.style === 'arabic-paren'))) groups.push([text]);
    else groups[groups.length - 1].push(text);
  }
  return groups.map((group) => joinLines(group)).join('\n');
}

interface PathLabel {
  level: number;
  text: string;
  ordinal: number | null;
}

/**
 * Does this entry start a new list (under the next path label)?  A `1.`
 * entry or an unnumbered one does, unless the entry before announced it
 * (`…業務：`) or was cut by a page break (no sentence end).
 *
 *   > | 2. 全面推動公文線上簽核作業…     (goes on)
 *   > | 1. 完成108年機關檔案管理調查…    (a new list: the next 目)
 */
function startsList(status: string, previous: string, afterBreak: boolean): boolean {
  if (!status) return false;
  const marker = parseMarker(status);
  if (previous && /[：:]$/u.test(previous)) return false;
  if (marker && marker.style === 'arabic') return marker.ordinal === 1;
  if (marker) return PATH_LEVEL[marker.style] === undefined ? false : true;
  return !previous || !afterBreak || /[。；;！!？?」）)]$/u.test(previous);
}

/** No page break between two lines (no form feed, no page number). */
function noPageBreakBetween(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from + 1; i <= to && i < lines.length; i++) if (lines[i].role === 'page-number' || lines[i].text.includes('\f')) return false;
  return true;
}

function isPathBlock(block: Paragraph): boolean {
  const marker = parseMarker(block.texts[0]);
  return marker !== null && PATH_LEVEL[marker.style] !== undefined;
}

/** Line width of each path level's column: its widest first line (`伍、人` 3, `一、組織編` 5). */
function pathWidths(blocks: readonly Paragraph[]): number[] {
  const caps = [0, 0, 0];
  for (const block of blocks) {
    if (!isPathBlock(block)) continue;
    for (const part of lineParts(block.texts[0])) {
      const marker = parseMarker(part);
      const level = marker ? PATH_LEVEL[marker.style] : undefined;
      if (level !== undefined) caps[level] = Math.max(caps[level], width(part));
    }
  }
  return caps;
}

/**
 * Cells of a path block.  Its first line starts every cell (a marker each,
 * or unnumbered text one level under the cell before); a later line's parts
 * continue, left to right, the cells still open — a cell goes on only while
 * its lines fill its column, and a department (`…部門`) is a whole 類 label.
 *
 *   > | 二、考核獎 (一)整飭辦公紀
 *   > | 懲                        (項 goes on; 項 is now closed)
 *   > | 律嚴懲貪瀆                (so this continues 目)
 */
function pathCells(block: Paragraph, caps: readonly number[]): PathLabel[] {
  const cells: { level: number; parts: string[]; closed?: boolean }[] = [];
  const startCell = (part: string, marker: ReturnType<typeof parseMarker>) => {
    const known = marker ? PATH_LEVEL[marker.style] : undefined;
    const level = known ?? Math.min(2, (cells[cells.length - 1]?.level ?? -1) + 1);
    // A new label in a column ends the one above it.
    for (const cell of cells) if (cell.level === level) cell.closed = true;
    cells.push({ level, parts: [part] });
  };
  for (const part of lineParts(block.texts[0])) startCell(part, parseMarker(part));
  const isOpen = (cell: { level: number; parts: string[]; closed?: boolean }) => {
    if (cell.closed) return false;
    const last = cell.parts[cell.parts.length - 1];
    if (cell.level === 0 && /部門$/u.test(joinLines(cell.parts))) return false;
    return width(last) >= (caps[cell.level] || 0) - 1;
  };
  // The cell the line before went to, when it held one part.
  let above = lineParts(block.texts[0]).length === 1 ? cells[cells.length - 1] : undefined;
  for (let k = 1; k < block.texts.length; k++) {
    const parts = lineParts(block.texts[k]);
    let open = cells.filter(isOpen);
    if (open.length === 0) open = [cells[cells.length - 1]];
    //   > | 二、會計
    //   > | (一)確實執行會
    //   > | 計制度簡化會計        (labels stacked one per line, MuPDF: the cell above goes on)
    //       ^
    if (parts.length === 1 && above && isOpen(above) && !parseMarker(parts[0])) open = [above];
    let o = 0;
    above = undefined;
    for (let i = 0; i < parts.length; i++) {
      const marker = parseMarker(parts[i]);
      // `(二)公文收發繕`: a label of its own under the one before.
      if (marker && PATH_LEVEL[marker.style] !== undefined) {
        startCell(parts[i], marker);
        if (parts.length === 1) above = cells[cells.length - 1];
        continue;
      }
      const cell = open[Math.min(o++, open.length - 1)];
      cell.parts.push(parts[i]);
      if (parts.length === 1) above = cell;
    }
  }
  return cells.map((cell) => {
    const text = joinLines(cell.parts);
    return { level: cell.level, text, ordinal: parseMarker(text)?.ordinal ?? null };
  });
}

/**
 * A row's lines, with the blank lines after its last block: rows that
 * follow one another then touch, and a gap (page furniture, a repeated
 * header) tells the record readers a page break stands between two rows.
 */
function rowLines(blocks: readonly Paragraph[], lines: readonly Line[]): number[] {
  const out = blocks.flatMap((block) => block.lines).sort((a, b) => a - b);
  let last = out[out.length - 1];
  while (last !== undefined && last + 1 < lines.length && lines[last + 1].role === 'blank') out.push(++last);
  return out;
}
