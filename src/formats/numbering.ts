/**
 * Automatic list numbering → the marker Word or Writer displays.  Both store
 * `壹、` `一、` `(一)` `1.` as a list style (a number format plus the text
 * around it) and a counter, not as text; the front ends prefix the marker so
 * the later stages see what a reader sees.
 */

/** How a counter is written, whatever the format's own name for it. */
export type NumberFormat =
  | 'decimal'
  | 'decimal-full-width'
  | 'decimal-zero'
  | 'circled'
  | 'upper-letter'
  | 'lower-letter'
  | 'upper-roman'
  | 'lower-roman'
  | 'cjk-counting'
  | 'cjk-formal'
  | 'cjk-digits'
  | 'cjk-stems'
  | 'cjk-branches'
  | 'bullet'
  | 'none';

/**
 * DOCX `w:numFmt` values.  The Chinese ones:
 *
 *   taiwaneseCountingThousand  一 … 十 十一 … 一百     (一、)
 *   ideographLegalTraditional  壹 貳 參 … 拾 拾壹       (壹、)
 *   ideographTraditional       甲 乙 丙 …               (甲、)
 *   taiwaneseDigital           一 二 … 一〇             (digit by digit)
 */
const DOCX_FORMATS: Record<string, NumberFormat> = {
  decimal: 'decimal',
  decimalFullWidth: 'decimal-full-width',
  decimalFullWidth2: 'decimal-full-width',
  decimalHalfWidth: 'decimal',
  decimalZero: 'decimal-zero',
  decimalEnclosedCircle: 'circled',
  decimalEnclosedCircleChinese: 'circled',
  decimalEnclosedFullstop: 'decimal',
  decimalEnclosedParen: 'decimal',
  ordinal: 'decimal',
  cardinalText: 'decimal',
  ordinalText: 'decimal',
  upperLetter: 'upper-letter',
  lowerLetter: 'lower-letter',
  upperRoman: 'upper-roman',
  lowerRoman: 'lower-roman',
  taiwaneseCounting: 'cjk-counting',
  taiwaneseCountingThousand: 'cjk-counting',
  chineseCounting: 'cjk-counting',
  chineseCountingThousand: 'cjk-counting',
  ideographDigital: 'cjk-digits',
  taiwaneseDigital: 'cjk-digits',
  japaneseCounting: 'cjk-counting',
  ideographLegalTraditional: 'cjk-formal',
  chineseLegalSimplified: 'cjk-formal',
  ideographTraditional: 'cjk-stems',
  ideographZodiac: 'cjk-branches',
  ideographZodiacTraditional: 'cjk-branches',
  bullet: 'bullet',
  none: 'none',
};

/** The format of a DOCX `w:numFmt` value; unknown formats count in decimal, as Word falls back. */
export function docxNumberFormat(value: string | undefined): NumberFormat {
  if (value === undefined) return 'decimal';
  return DOCX_FORMATS[value] ?? 'decimal';
}

/**
 * The format of an ODF `style:num-format`: LibreOffice writes the first
 * symbols of the sequence (`1`, `a`, `I`, `一, 二, 三, ...`, `壹, 貳, 參, ...`,
 * `甲, 乙, 丙, ...`, `①, ②, ③, ...`, `１, ２, ３, ...`); an empty value shows no number.
 */
export function odfNumberFormat(value: string | undefined): NumberFormat {
  if (value === undefined) return 'decimal';
  const first = value.trim().charAt(0);
  if (first === '') return 'none';
  if (first === '1') return 'decimal';
  if (first === '１') return 'decimal-full-width';
  if (first === '0') return 'decimal-zero';
  if (first === '①') return 'circled';
  if (first === 'a') return 'lower-letter';
  if (first === 'A') return 'upper-letter';
  if (first === 'i') return 'lower-roman';
  if (first === 'I') return 'upper-roman';
  if (first === '一') return value.includes('〇') ? 'cjk-digits' : 'cjk-counting';
  if (first === '壹') return 'cjk-formal';
  if (first === '甲') return 'cjk-stems';
  if (first === '子') return 'cjk-branches';
  return 'decimal';
}

const PLAIN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const FORMAL = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** `n` written in `format` (n ≥ 0); bullets and `none` write nothing. */
export function formatNumber(n: number, format: NumberFormat): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimal-zero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimal-full-width':
      return String(n).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    case 'circled':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'upper-letter':
      return letters(n).toUpperCase();
    case 'lower-letter':
      return letters(n);
    case 'upper-roman':
      return roman(n).toUpperCase();
    case 'lower-roman':
      return roman(n);
    case 'cjk-counting':
      return counting(n, PLAIN, ['', '十', '百', '千'], '零');
    case 'cjk-formal':
      return counting(n, FORMAL, ['', '拾', '佰', '仟'], '零');
    case 'cjk-digits':
      return String(n).replace(/[0-9]/g, (digit) => PLAIN[Number(digit)]);
    case 'cjk-stems':
      return n >= 1 ? STEMS[(n - 1) % STEMS.length] : String(n);
    case 'cjk-branches':
      return n >= 1 ? BRANCHES[(n - 1) % BRANCHES.length] : String(n);
    default:
      return '';
  }
}

/** Spreadsheet-style letters as Word writes list letters: a … z, aa … zz, aaa. */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = n;
  let out = '';
  for (const [value, text] of table) {
    while (rest >= value) {
      out += text;
      rest -= value;
    }
  }
  return out;
}

/**
 * Chinese counting below 10000: 十 for 10, 十一, 二十, 一百零一, 一千.  A leading
 * 一十 is written 十 (as Word and Writer do, and the documents' 十一、).
 */
function counting(n: number, digits: readonly string[], units: readonly string[], zero: string): string {
  if (n === 0) return digits[0];
  if (n < 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  parts.forEach((digit, i) => {
    const unit = units[parts.length - 1 - i];
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    out += digit === 1 && unit === units[1] && out === '' ? unit : digits[digit] + unit;
  });
  return out;
}

/**
 * Counters of one list instance, one per level (0-based).  Numbering a
 * paragraph at a level advances that level and restarts the levels below
 * it, as both Word and Writer do.
 */
export class ListCounters {
  private readonly values: (number | undefined)[] = [];

  /** Advance `level` (starting at `start`, or at `restartAt` when given) and return the counters of levels 0…level. */
  next(level: number, start: (level: number) => number, restartAt?: number): number[] {
    const current = this.values[level];
    this.values[level] = restartAt ?? (current === undefined ? start(level) : current + 1);
    this.values.length = level + 1;
    const shown: number[] = [];
    for (let i = 0; i <= level; i++) shown.push(this.values[i] ?? start(i));
    return shown;
  }
}
