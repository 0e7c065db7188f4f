/**
 * Script detection (Traditional vs Simplified) and Simplified → Traditional
 * (Taiwan) conversion.
 *
 * Detection counts characters that exist in only one of the two scripts.  The
 * pairs below are common in administrative writing and unambiguous both ways
 * (each Simplified character converts to exactly its partner with OpenCC
 * s2tw, and Taiwanese text only has one by typo — `办` once in seed 003;
 * `test/decode.test.ts` checks both against opencc-js and the seed files).  Characters shared by
 * both scripts, and ones that are Simplified forms *and* rare Traditional
 * characters (后 干 里 台 据 …), are left out.
 *
 *     这个计划 → 3 Simplified-only (这 个 计), 0 Traditional-only → simplified
 */
import { createRequire } from 'node:module';

/** `simplified + traditional` pairs, two characters per entry. */
const PAIRS =
  '这這个個们們国國发發业業为為时時会會说說对對来來过過还還进進经經现現开開关關动動机機长長门門问問东東车車' +
  '见見认認让讓给給学學实實体體点點应應当當从從产產务務员員区區设設计計处處规規标標绩績报報级級县縣乡鄉镇鎮' +
  '办辦导導农農环環护護资資讯訊网網络絡统統条條项項预預费費财財兴興达達边邊运運营營质質题題样樣头頭华華书書' +
  '历歷总總觉覺视視电電话話语語无無与與万萬亿億众眾优優传傳备備则則单單卫衛厅廳双雙变變号號场場块塊够夠层層' +
  '岁歲师師带帶帮幫广廣庆慶库庫张張归歸录錄态態战戰户戶择擇换換旧舊显顯术術权權极極构構检檢楼樓欢歡气氣汉漢' +
  '没沒济濟测測温溫热熱爱愛状狀独獨画畫疗療监監码碼础礎离離种種积積称稱竞競压壓类類组組织織终終结結继繼续續' +
  '维維综綜编編练練职職联聯药藥获獲虽雖补補装裝观觀订訂议議记記讲講论論证證识識试試询詢该該详詳误誤请請调調' +
  '谈談负負责責购購贸貿赛賽轮輪转轉软軟较較输輸违違连連选選邮郵钱錢铁鐵银銀错錯间間阅閱队隊阶階际際陆陸险險' +
  '随隨难難须須顺順领領风風马馬验驗龙龍齐齊';

/** Frequent characters written the same in both scripts (used to score candidate encodings). */
const SHARED =
  '的一是不了人在有中大上以到地出也年生可下自要就之而作用方成同日分工其事理民主高本法所三二十子多小和定部' +
  '性心政府市公行目度水力加化合手重新全外明提平意由及此相文品利月百千元件次率施策略指效推各升活管服我他你' +
  '她如等已或能第社科技教育光交通建展安境消防警察位算情形完比例改善核估析需求案措任景衡量值共容告金式';

export const SCRIPT_PAIRS: ReadonlyArray<readonly [simplified: string, traditional: string]> = Array.from(
  { length: PAIRS.length / 2 },
  (_, i) => [PAIRS[2 * i], PAIRS[2 * i + 1]] as const,
);

/** Per BMP code unit: 1 = Simplified-only, 2 = Traditional-only (a table lookup beats a regex class). */
const SCRIPT_OF = new Uint8Array(0x10000);
for (const [simplified, traditional] of SCRIPT_PAIRS) {
  SCRIPT_OF[simplified.charCodeAt(0)] = 1;
  SCRIPT_OF[traditional.charCodeAt(0)] = 2;
}

/** Char codes of very common Chinese characters in either script. */
export const COMMON_CHARS: ReadonlySet<number> = new Set(
  Array.from(PAIRS + SHARED, (ch) => ch.charCodeAt(0)),
);

/** Up to ~192K characters: the start, middle and end of a long text (enough to decide, cheap on 5 MB). */
export function sampleText(text: string, window = 1 << 16): string {
  if (text.length <= 3 * window) return text;
  const middle = Math.floor(text.length / 2 - window / 2);
  return text.slice(0, window) + text.slice(middle, middle + window) + text.slice(text.length - window);
}

export interface ScriptCount {
  simplified: number;
  traditional: number;
}

export function countScript(text: string): ScriptCount {
  const sample = sampleText(text);
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < sample.length; i++) {
    const kind = SCRIPT_OF[sample.charCodeAt(i)];
    if (kind === 1) simplified++;
    else if (kind === 2) traditional++;
  }
  return { simplified, traditional };
}

/**
 * Simplified when Simplified-only characters clearly dominate.  A Traditional
 * document with a stray Simplified character (a typo like `办理` among
 * thousands of `辦理`) stays Traditional.
 */
export function detectScript(text: string): { script: 'traditional' | 'simplified'; counts: ScriptCount } {
  const counts = countScript(text);
  const simplified = counts.simplified >= 2 && counts.simplified > 3 * counts.traditional;
  return { script: simplified ? 'simplified' : 'traditional', counts };
}

// ---------------------------------------------------------------------------
// Conversion

/** OpenCC config name of the conversion applied (`source.converted`). */
export const CONVERSION = 's2tw';

/**
 * Taiwan government usage on top of s2tw: 计划 is 計畫 in 施政計畫 and every
 * other plan title (s2tw gives 計劃).  `設計劃` guards 设计划分 (設計 + 劃分).
 * Both entries keep the length, so positions are unaffected.
 */
const TAIWAN_GOVERNMENT: ReadonlyArray<[string, string]> = [
  ['計劃', '計畫'],
  ['設計劃', '設計劃'],
];

type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
  CustomConverter(dict: ReadonlyArray<readonly [string, string]>): Convert;
}

let converter: Convert | null = null;
let loadMs = 0;

/**
 * The s2tw converter, built on first use.  opencc-js builds its dictionaries'
 * tries at construction (~100–200 ms) and its bundle is 1 MB, so it is only
 * loaded when a Simplified text actually turns up.  `createRequire` loads the
 * package's CommonJS build synchronously, which keeps `decode()` synchronous.
 *
 * s2tw rather than s2twp: s2twp also rewrites vocabulary (软件 → 軟體,
 * 信息 → 資訊, 自行车 → 腳踏車), which changes lengths and so shifts every
 * later position; s2tw is character-level (with phrase disambiguation) and
 * keeps the text's length.
 */
export function getConverter(): Convert {
  if (!converter) {
    const started = performance.now();
    const require = createRequire(import.meta.url);
    const OpenCC = require('opencc-js/cn2t') as OpenCCModule;
    const base = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const local = OpenCC.CustomConverter(TAIWAN_GOVERNMENT);
    converter = (text) => local(base(text));
    loadMs = performance.now() - started;
  }
  return converter;
}

/** Milliseconds the converter took to load and build (0 until first use). */
export function converterLoadMs(): number {
  return loadMs;
}

export interface Conversion {
  text: string;
  /** Lines whose conversion changed length and were converted character by character instead. */
  fallbackLines: number;
  /** Characters left unconverted because even their single-character conversion changed length. */
  keptCharacters: number;
}

/**
 * Convert Simplified to Traditional (Taiwan), keeping every line's length so
 * positions in the converted text are the positions in the original.  When a
 * phrase conversion changes a line's length (rare with s2tw), that line is
 * converted character by character, and a character whose conversion still
 * changes length is kept as written.
 */
export function toTraditional(text: string): Conversion {
  const convert = getConverter();
  const converted = convert(text);
  if (converted.length === text.length && sameLineBreaks(text, converted)) {
    return { text: converted, fallbackLines: 0, keptCharacters: 0 };
  }
  let fallbackLines = 0;
  let keptCharacters = 0;
  // Per character: its length-preserving conversion, and whether it had to be kept as written.
  const cache = new Map<string, { out: string; kept: boolean }>();
  const lines = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const whole = convert(line);
    if (whole.length === line.length) {
      lines[i] = whole;
      continue;
    }
    fallbackLines++;
    let out = '';
    for (const ch of line) {
      let entry = cache.get(ch);
      if (!entry) {
        const c = convert(ch);
        entry = c.length === ch.length ? { out: c, kept: false } : { out: ch, kept: true };
        cache.set(ch, entry);
      }
      if (entry.kept) keptCharacters++;
      out += entry.out;
    }
    lines[i] = out;
  }
  return { text: lines.join(''), fallbackLines, keptCharacters };
}

const LINE_BREAK = /[\r\n]/g;

function sameLineBreaks(a: string, b: string): boolean {
  LINE_BREAK.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LINE_BREAK.exec(a))) if (b[match.index] !== match[0]) return false;
  return true;
}
