/**
 * Web-copy furniture: what a web page or a document-hosting site prints
 * around a document when its text is copied from the browser — skip links,
 * breadcrumbs, download links and file sizes, view counters, dates of the
 * page, contact lines, a host page title with the site's name.  None of it is
 * the document's title, a document or a section.
 */
import { lineTableOf } from '../line-table.js';
import { parseMarker } from '../markers.js';
import type { Line } from '../types.js';
import { stripSpaces } from './text.js';

// Lines that are nothing but a page control or a label of the page:
//
//   > | 跳到主要內容區塊     :::     Download     回上一頁     列印
//       ^^^^^^^^^^^^^^^^     ^^^     ^^^^^^^^     ^^^^^^^^     ^^^^
const CONTROL = /^(?::::|跳到主要內容(?:區塊)?|回首頁|回頁首|網站導覽|回上一?頁|上一頁|下一頁|列印|友善列印|分享|轉寄|字級[:：]?(?:小|中|大)*|download|下載|檔案下載|附件下載|相關檔案|相關連結|more|top|gotop|menu|search|搜尋|登入|English|RSS|(?:facebook|line|twitter|x)(?:分享)?)$/iu;

// Lines that start with a label of the page, not of the document:
//
//   > | 瀏覽人次：1,523     Size: 595 x 842 px     發布日期：112-01-30
//       ^^^^^^^^^           ^^^^^                  ^^^^^^^^^
//   > | 聯絡電話：(05)225-4321     Copyright © 2023 嘉義市政府
//       ^^^^^^^^^                  ^^^^^^^^^
const LABEL = /^(?:瀏覽(?:人次|次數|數)|點閱(?:次數|數|率)|點擊(?:次數|數)|人氣|觀看次數|views?|hits|size|檔案大小|檔案格式|檔案類型|文件大小|頁數|pages|發布(?:日期|時間|單位)|發佈(?:日期|時間|單位)|上稿(?:日期|時間|單位)|上版日期|更新(?:日期|時間)|最後更新|資料更新|公告日期|張貼日期|刊登日期|資料來源|聯絡(?:電話|人|單位|信箱|方式)|承辦(?:人|單位)|電話|傳真|地址|服務(?:電話|時間|信箱)|e-?mail|信箱)\s*(?:[:：︰]|\d)|^(?:copyright|©|版權所有|隱私權(?:保護)?政策|資訊安全政策|政府網站資料開放宣告)/iu;

// A breadcrumb trail: short steps joined by `>` (or `›`, `»`, `/`):
//
//   > | 首頁 > 政府資訊公開 > 施政計畫
//            ^               ^
const CRUMB_SEPARATOR = /(?<!\s)\s*[>›»＞]\s*|(?<!\s)\s+[/／]\s+/u;

// A file link, with or without its size:
//
//   > | 113年度施政計畫.pdf (2.1 MB)
//                     ^^^^
const FILE_LINK = /\.(?:pdf|docx?|odt|ods|xlsx?|pptx?|zip)(?:\s|[(（]|$)/iu;

// A host page's title with the site's name after a bar or a dash:
//
//   > | 112年度施政計畫 | 國家發展委員會     施政計畫-文化部
//                      ^                           ^
const SITE_NAME = /(?:\s[|｜\-–—－]\s|[|｜])\s*[\p{Script=Han}A-Za-z]{2,20}$/u;

/** Whether one line is web-page furniture. */
export function isWebFurniture(text: string): boolean {
  if (text.length > 240) return false;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 120) return false;
  if (LABEL.test(trimmed)) return true;
  const compact = trimmed.length <= 40 ? stripSpaces(trimmed) : trimmed;
  if (CONTROL.test(compact)) return true;
  if (trimmed.includes('.') && FILE_LINK.test(trimmed) && trimmed.length <= 100) return true;
  if (!/[>›»＞/／|｜\-–—－]/u.test(trimmed)) return false;
  const steps = trimmed.split(CRUMB_SEPARATOR);
  if (steps.length >= 3 && steps.every((step) => step.length >= 1 && step.length <= 16) && /^(?:首頁|home|:::)/iu.test(trimmed)) return true;
  if (steps.length >= 3 && steps.every((step) => step.length >= 2 && step.length <= 12 && /^[\p{Script=Han}A-Za-z]/u.test(step) && !/[，。；]/u.test(step))) return true;
  return SITE_NAME.test(trimmed) && /[|｜]|施政|計畫|報告/u.test(trimmed) && stripSpaces(trimmed).length <= 60 && !/[，。；]/u.test(trimmed);
}

/**
 * Mark web furniture at the top of the text, up to the document's first
 * heading or sentence, and in the footer after its last one: inside a
 * document, the same words are text.
 */
export function markWebFurniture(lines: Line[]): void {
  const table = lineTableOf(lines);
  for (let i = 0, seen = 0; i < table.length && seen < EDGE_LINES; i++) {
    if (table.roleOf(i) !== 'content') continue;
    seen++;
    const text = table.textOf(i);
    if (isWebFurniture(text)) table.setRole(i, 'furniture');
    else if (startsDocument(text)) break;
  }
  for (let i = table.length - 1, seen = 0; i >= 0 && seen < EDGE_LINES; i--) {
    if (table.roleOf(i) !== 'content') continue;
    seen++;
    const text = table.textOf(i);
    if (isWebFurniture(text)) table.setRole(i, 'furniture');
    else if (startsDocument(text)) break;
  }
}

/** How far from either end furniture is looked for. */
const EDGE_LINES = 40;

/** A numbered heading or a sentence of the document itself: furniture stops there. */
function startsDocument(text: string): boolean {
  return parseMarker(text) !== null || text.length > 120 || (/[，。；]/u.test(text) && stripSpaces(text).length > 30);
}
