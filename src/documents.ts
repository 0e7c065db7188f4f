/**
 * Document stage: split a file into its logical documents.  A multi-plan PDF
 * holds one plan per agency; a converter export of a city's work plans holds
 * one plan per department.  Documents are recognised from how their titles
 * are written, never from file names.
 */
import { lineTableOf, type LineTable } from './line-table.js';
import { linesPosition } from './lines.js';
import { parseMarker } from './markers.js';
import { withoutEmphasis, withoutHashes } from './normalize/markdown.js';
import { isSpaceCode, normalizeText, stripSpaces } from './normalize/text.js';
import { periodInSentence, periodOf } from './periods.js';

export { periodOf } from './periods.js';
import type { DocumentKind, DocumentSpan, Period, SourceText } from './types.js';
import { append, minOf } from './arrays.js';

interface TitleMatch {
  kind: DocumentKind;
  /** The title as written on this line, normalized. */
  title: string;
  /** True when the line starts with the issuing body (else it must come from the cover). */
  hasAgency: boolean;
}

// The kind is told by the words a title ends with (before an optional
// bracketed period or revision note):
//
//   > | 嘉義市政府民政處中程(108 至 111 年度)施政計畫
//                       ^^^^               ^^^^^^^^ mid-term-plan
//   > | # 嘉義市西區區公所民政課 112 年度重要工作計畫     work-plan
//   > | 109 年度工作總報告                              work-report
//   > | …施政計畫」關鍵績效指標(KPI)滾動修正項目彙總表    revision-summary
// Simplified forms are accepted too (`--no-convert` keeps Simplified text).
// Each kind is an ending plus, for some, a word the title must also hold
// (kept apart from the ending: `.*中程.*施政計畫$` backtracks quadratically).
//
// The plainer endings (`…年度工作計畫`, `…工作成果報告`) also end sentences
// and wrapped lines of a body (`依照109年度工作計畫`), so they name a
// document only after an agency's name or the period alone (`named`):
//
//   > | 嘉義市政府民政處113年度工作計畫        113年度工作計畫
//       ^^^^^^^^^^^^^^^^ ends in 處            (the period alone)
//   > | 各課室依照109年度工作計畫              (not a title)
//       ^^^^^^^^^^ no agency's ending
const KIND_PATTERNS: Array<[DocumentKind, RegExp, RegExp[], named?: true]> = [
  ['revision-summary', /[彙汇][總总]表$/u, [/修正/u, /KPI|指[標标]/u]],
  // `…中程施政計畫草案(100至103年度)`: a draft keeps its kind.
  ['mid-term-plan', /施政[計计][畫劃划](?:草案)?$/u, [/中程/u]],
  ['work-plan', /年度?重要工作[計计][畫劃划]$/u, []],
  ['work-plan', /(?:年度?重[點点]|年度)工作[計计][畫劃划]$/u, [], true],
  ['work-report', /年度?工作[總总]?[報报]告$/u, []],
  ['work-report', /年度?工作(?:[總总]|成果)?[報报]告書?$/u, [], true],
  // `…年度施政績效報告`, `…年度本會施政績效報告`
  ['performance-report', /施政[績绩]效[報报]告$/u, []],
  // `…年度施政計畫`, `…年度施政目標`, `…年度施政目標與重點`,
  // `…年度施政計畫目標與重點及衡量指標`
  ['annual-plan', /(?:年度|\d年)(?:施政[計计][畫劃划]|施政(?:[計计][畫劃划])?目[標标](?:[與与]重[點点])?(?:及衡量指[標标])?)(?:草案)?$/u, []],
];
const TRAILING_NOTE = /(?:[(（][^()（）]{0,30}[)）])+$/u;
const SENTENCE_PUNCTUATION = /[，。；！？,;]/u;
const AGENCY_END = /(?:政府|公所|事[務务]所|[處处局課课室所會会署部院館馆隊队站]|中心|委[員员][會会])$/u;

// A numbered item is never a title, even where parseMarker declines the
// marker because a number follows it (a table row of a report):
//
//   > | 四  、   1. 辦理 108 年工作總報告暨 109 年重要工作計畫
//       ^^^^^^
const LEADING_ORDINAL = /^[(（]?[一二三四五六七八九十壹貳參叁叄肆伍陸柒捌玖拾]{1,3}[)）]?[、，,]/u;

/** Read a title line, or null when the line is not a document title. */
export function matchTitle(text: string): TitleMatch | null {
  if (!mayEndTitle(text)) return null;
  // A line with a tab before its end is a table row or cell, never a title
  // (converters do leave trailing tabs after a running title).
  if (text.trimEnd().includes('\t')) return null;
  const compact = stripSpaces(withoutHashes(text));
  if (compact.length < 6 || compact.length > 80) return null;
  if (parseMarker(compact) || LEADING_ORDINAL.test(compact)) return null;
  const core = compact.replace(TRAILING_NOTE, '');
  if (SENTENCE_PUNCTUATION.test(core.replace(/[(（][^)）]*[)）]/gu, ''))) return null;
  if (/[「『]/u.test(core) && !/[彙汇][總总]表$/u.test(core)) return null;
  for (const [kind, ending, alsoHolds, named] of KIND_PATTERNS) {
    if (!ending.test(core) || !alsoHolds.every((word) => word.test(core))) continue;
    if (named && !namesAgencyOrPeriod(core.slice(0, core.search(ending)))) continue;
    const title = normalizeText(withoutHashes(text));
    const head = core.replace(/^(?:中華民國)?\d{2,3}年度?/u, '');
    const hasAgency = head === core ? !/^(?:中程|年度|重要工作|工作總報告)/u.test(core) : false;
    return { kind, title, hasAgency };
  }
  return null;
}

/** What stands before a plainer kind ending: nothing but the period, or an agency's name and the period. */
function namesAgencyOrPeriod(before: string): boolean {
  const name = before.replace(/(?:(?:中[華华]民[國国])?\d{2,3})?$/u, '');
  return name === '' || AGENCY_END.test(name);
}

/**
 * Quick rejection for matchTitle, which runs on every content line: every
 * kind's ending (KIND_PATTERNS) ends in 表, 畫/劃/划, 告, 書, 點, 標 or 案, unless a trailing
 * note in brackets follows it.  So the last non-space character must be one
 * of those or a closing bracket, or a character NFC may change (which the
 * full test folds first).  Must agree with the full test: it only skips
 * lines that test would reject.
 */
function mayEndTitle(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && isSpaceCode(text.charCodeAt(end))) end--;
  if (end < 0) return false;
  const code = text.charCodeAt(end);
  return TITLE_LAST.has(code) || !nfcStable(code);
}

const TITLE_LAST = new Set([...'表畫劃划告書书)）點点標标案'].map((ch) => ch.charCodeAt(0)));

/** Code units NFC never changes when they end a string (the ranges of text.ts's NFC_MAY_CHANGE complement). */
function nfcStable(code: number): boolean {
  return (
    code <= 0x02ff ||
    (code >= 0x2002 && code <= 0x20cf) ||
    (code >= 0x2100 && code <= 0x2125) ||
    (code >= 0x2127 && code <= 0x2129) ||
    (code >= 0x212c && code <= 0x2328) ||
    (code >= 0x232b && code <= 0x2fff) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x3098) ||
    (code >= 0x309b && code <= 0x9fff) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/** The issuing body: the title up to where the kind phrase or the period starts; null for 本所 / 本會 alone. */
export function agencyOf(title: string): string | null {
  const compact = stripSpaces(title);
  const cut = compact.search(/中程|(?:中[華华]民[國国])?\d{2,3}年度?|[〇○零一二三四五六七八九十百]{2,5}年度|[(（]?\d{2,3}(?:至|~|-)|年度(?:重要|工作|施政|本)|施政(?:[計计]|[績绩]效|目[標标])|[關关][鍵键][績绩]效|重要工作[計计]/u);
  const agency = (cut <= 0 ? '' : compact.slice(0, cut)).replace(/[(（「」]+$/u, '');
  return agency.length >= 2 && !SELF_REFERENCE.test(agency) ? agency : null;
}

/** `本所`, `本會`: the body speaking of itself, not a name. */
const SELF_REFERENCE = /^本[所會会處处局部署院館馆室課课府]$/u;

function isAgencyLine(text: string): boolean {
  const compact = stripSpaces(withoutHashes(text));
  return compact.length >= 3 && compact.length <= 30 && AGENCY_END.test(compact) && !SENTENCE_PUNCTUATION.test(compact) && !parseMarker(compact);
}

/** Cover lines besides the title: a date (`中華民國 110 年 3 月`), a revision note, a parenthetical subtitle. */
function isCoverNote(text: string): boolean {
  const compact = stripSpaces(text);
  return /^中華民國\d{2,3}年(?:\d{1,2}月)?(?:\d{1,2}日)?$/u.test(compact) || /^[(（][^()（）]{1,60}[)）]$/u.test(compact);
}

const REVISION = /滾動修正|滚动修正|修正版|修訂版|修订版|修正本/u;

/** Split a file into documents (at least one). */
export function splitDocuments(source: SourceText): DocumentSpan[] {
  // Read through the line table: the lines array may hold no line objects yet (src/line-table.ts).
  const lines = lineTableOf(source.lines);
  const spans: DocumentSpan[] = [];
  let current: DocumentSpan | null = null;
  /** Whether the current document has body text yet (else a new title merges into its cover). */
  let hasBody = false;

  for (let i = 0; i < lines.length; i++) {
    if (lines.roleOf(i) !== 'content') continue;
    const text = lines.textOf(i);
    // A one-line text (a whole document on one physical line) starts with its title.
    const inline = text.length >= ONE_LINE_MIN && !matchTitle(text);
    const match = inline ? titleAtStart(text) : (matchTitle(text) ?? coverOnOneLine(text));
    if (!match) {
      if (current && !hasBody && (isCoverNote(text) || isAgencyLine(text))) {
        current.titleLines.push(i);
        if (REVISION.test(text)) current.revision ??= revisionOf(text);
        continue;
      }
      if (current) hasBody = true;
      continue;
    }
    // Complete a title that lacks its issuing body from the cover line above or below.
    let title = match.title;
    const coverLines: number[] = [];
    if (!match.hasAgency) {
      const above = previousContent(lines, i);
      const below = nextContent(lines, i);
      const agencyLine = above !== -1 && isAgencyLine(lines.textOf(above)) && (!current || !hasBody || above > lastBodyLine(current, lines, i)) ? above : below !== -1 && isAgencyLine(lines.textOf(below)) ? below : -1;
      if (agencyLine !== -1) {
        title = normalizeText(withoutHashes(lines.textOf(agencyLine))) + title;
        coverLines.push(agencyLine);
      }
    }
    const agency = agencyOf(title);
    const period = periodOf(title);
    // Inside a document's body, a line ending like a title but naming neither
    // a period nor an issuing body is a sentence or a table cell that happens
    // to end so (an indicator written one cell per line by a text export):
    //
    //   > | 編撰及推動年度施政計畫
    //       ^^^^^^^^^^ no agency, no year
    if (current && hasBody && period === null && !(agency !== null && isAgencyLine(agency))) {
      continue;
    }
    if (current && (sameTitle(current.title, title) || sameDocument(current, match.kind, agency, period) || (!hasBody && current.kind === match.kind))) {
      // A repeated title (cover, then title page, then a running title on
      // every page, or the title page in another word order).
      append(current.titleLines, inline ? coverLines : [i, ...coverLines]);
      if (!hasBody && (stripSpaces(title).length > stripSpaces(current.title ?? '').length || differs(current.period, period))) {
        // A longer title completes the cover's; one of another year means the
        // first was a host page's title of another document.
        if (differs(current.period, period)) current.period = period;
        current.title = title;
        current.agency = agency ?? current.agency;
        current.period ??= period;
      }
      if (hasBody && !inline) lines.setRole(i, 'running-header');
      continue;
    }
    if (current && !hasBody) {
      // A title with nothing after it but another title of another kind: it
      // was a host page's title or a link, not a document.
      current.kind = match.kind;
      current.title = title;
      current.agency = agency;
      current.period = period;
      append(current.titleLines, inline ? coverLines : [i, ...coverLines]);
      continue;
    }
    const start = Math.min(i, minOf(coverLines.filter((k) => k < i)));
    if (current) current.end = start;
    current = {
      kind: match.kind,
      title,
      agency,
      period,
      revision: REVISION.test(text) ? revisionOf(text) : null,
      start,
      end: lines.length,
      titleLines: inline ? coverLines : [i, ...coverLines],
    };
    spans.push(current);
    hasBody = inline;
  }

  if (spans.length === 0) {
    // Not a plan: a headline may name it, a sentence does not.
    let first = 0;
    while (first < lines.length && lines.roleOf(first) !== 'content') first++;
    if (first === lines.length) first = -1;
    const titleText = first === -1 ? '' : withoutEmphasis(normalizeText(withoutHashes(lines.textOf(first))));
    const headline = isHeadline(titleText);
    spans.push({
      kind: 'unknown',
      title: headline ? titleText : null,
      agency: null,
      period: null,
      revision: null,
      start: 0,
      end: lines.length,
      titleLines: headline ? [first] : [],
    });
  } else if (spans[0].start > 0 && someContent(lines, 0, spans[0].start)) {
    // Text before the first title is its cover.
    spans[0].start = 0;
  }
  for (const span of spans) {
    if (span.period === null) span.period = periodFromCover(span, lines);
    if (span.period === null && span.kind !== 'unknown') span.period = periodFromFirstSentence(span, lines);
    if (span.revision === null) span.revision = span.titleLines.map((k) => lines.textOf(k)).find((text) => REVISION.test(text)) ? '滾動修正' : null;
  }
  return spans;
}

function revisionOf(text: string): string {
  const m = REVISION.exec(stripSpaces(text));
  return m ? m[0] : '滾動修正';
}

function someContent(lines: LineTable, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (lines.roleOf(k) === 'content') return true;
  return false;
}

function periodFromCover(span: DocumentSpan, lines: LineTable): Period | null {
  for (const k of span.titleLines) {
    const period = periodOf(lines.textOf(k));
    if (period) return period;
  }
  return null;
}

/** A line this long may hold a whole page or document (the section stage cuts it at its markers). */
const ONE_LINE_MIN = 300;

/**
 * The title at the start of a one-line text: the words before one of its
 * first spaces, when they read as a title.
 *
 *   > | 彰化縣和美戶政事務所中程施政計畫（107 至 110 年度） 壹、使命及願景 一、使命 本所為…
 *       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 */
function titleAtStart(text: string): (TitleMatch & { end: number }) | null {
  // The shortest words that read as a title (a longer prefix runs into the
  // body), with a bracketed note right after it, and the issuing body right
  // after (or a repeat with it) when the title lacks it:
  //
  //   > | 109 年度工作總報告 嘉義市東區區公所 中華民國 110 年 3 月 肆、會計部門…
  //       ^^^^^^^^^^^^^^^^^^ ^^^^^^^^^^^^^^^^
  const ends: number[] = [];
  const limit = Math.min(text.length, 160);
  for (let end = 1; end < limit; end++) if (isSpaceCode(text.charCodeAt(end)) && !isSpaceCode(text.charCodeAt(end - 1))) ends.push(end);
  ends.push(limit);
  for (let k = 0; k < ends.length; k++) {
    const match = matchTitle(text.slice(0, ends[k]));
    if (!match) continue;
    const title = stripSpaces(match.title);
    for (let more = k + 1; more < ends.length; more++) {
      const longer = matchTitle(text.slice(0, ends[more]));
      if (longer && /^[(（][^()（）]*[)）]$/u.test(stripSpaces(longer.title).slice(title.length))) return { ...longer, end: ends[more] };
    }
    if (!match.hasAgency && k + 1 < ends.length) {
      const next = text.slice(ends[k], ends[k + 1]);
      if (isAgencyLine(next)) return { ...match, title: normalizeText(next) + match.title, hasAgency: true, end: ends[k + 1] };
      // The title again with its issuing body (cover, then title page).
      for (let more = k + 2; more < ends.length; more++) {
        const repeat = matchTitle(text.slice(ends[k], ends[more]));
        if (repeat && repeat.hasAgency && repeat.kind === match.kind) return { ...repeat, end: ends[more] };
      }
    }
    return { ...match, end: ends[k] };
  }
  return null;
}

const TITLE_END_THEN_SPACE = /[表畫劃划告點点標标案][)）]?[ \u3000\t]/u;

/**
 * A cover on one line: the title, then only the issuing body, a date or a
 * note.
 *
 *   > | 109年度工作總報告 嘉義市東區區公所 中華民國110年3月
 */
function coverOnOneLine(text: string): TitleMatch | null {
  // Cheap test first (this runs on every line that is no title): a title's last character, then a space.
  if (text.length > 200 || !TITLE_END_THEN_SPACE.test(text)) return null;
  const match = titleAtStart(text);
  if (!match) return null;
  const rest = text.slice(match.end).trim();
  if (rest === '') return match;
  const words = rest.split(/\s+/u);
  let agency: string | null = null;
  for (const word of words) {
    if (isAgencyLine(word) && agency === null) agency = normalizeText(word);
    else if (!isCoverNote(word) && !/^(?:中華民國)?\d{2,3}年(?:\d{1,2}月)?(?:\d{1,2}日)?$/u.test(word)) return null;
  }
  return agency && !match.hasAgency ? { ...match, title: agency + match.title, hasAgency: true } : match;
}

/**
 * A headline of a text that is not a plan: short, no sentence punctuation,
 * not a numbered item.
 */
function isHeadline(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !SENTENCE_PUNCTUATION.test(text) && !/[。：:]$/u.test(text) && !parseMarker(text);
}

/**
 * The first sentence of the body, when neither title nor cover gives a
 * period:
 *
 *   > | 本局為落實111年度施政目標，訂定本計畫。
 *                ^^^^^^^
 */
function periodFromFirstSentence(span: DocumentSpan, lines: LineTable): Period | null {
  const titleLines = new Set(span.titleLines);
  let sentence = '';
  for (let k = span.start; k < span.end && sentence.length < 200; k++) {
    if (lines.roleOf(k) !== 'content' || titleLines.has(k)) continue;
    sentence += lines.textOf(k);
    const stop = sentence.search(/[。！？]/u);
    if (stop !== -1) {
      sentence = sentence.slice(0, stop);
      break;
    }
  }
  return sentence ? periodInSentence(sentence) : null;
}

/** Same kind, body and period: the same document's title in another word order. */
function sameDocument(span: DocumentSpan, kind: DocumentKind, agency: string | null, period: Period | null): boolean {
  return span.kind === kind && span.agency !== null && span.agency === agency && span.period !== null && period !== null && !differs(span.period, period);
}

function differs(a: Period | null, b: Period | null): boolean {
  return a !== null && b !== null && (a.from !== b.from || a.to !== b.to);
}

function sameTitle(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = stripSpaces(a);
  const y = stripSpaces(b);
  return x === y || (x.length > 6 && (x.endsWith(y) || y.endsWith(x)));
}

function lastBodyLine(span: DocumentSpan, lines: LineTable, before: number): number {
  for (let k = before - 1; k >= span.start; k--) if (lines.roleOf(k) === 'content' && !span.titleLines.includes(k)) return k;
  return span.start - 1;
}

function previousContent(lines: LineTable, i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) if (lines.roleOf(k) === 'content') return k;
  return -1;
}

function nextContent(lines: LineTable, i: number): number {
  for (let k = i + 1; k < lines.length && k <= i + 6; k++) if (lines.roleOf(k) === 'content') return k;
  return -1;
}

export function spanPosition(source: SourceText, span: DocumentSpan) {
  return linesPosition(source.lines, span.start, Math.max(span.start + 1, lastLine(source, span)));
}

function lastLine(source: SourceText, span: DocumentSpan): number {
  for (let k = span.end - 1; k > span.start; k--) if (source.lines[k].role !== 'blank') return k + 1;
  return span.start + 1;
}
