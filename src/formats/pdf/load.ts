/**
 * Loading pdf.js (pdfjs-dist's legacy build, pinned: the operator-list format
 * read by `graphics.ts` is internal to it).  Loaded lazily, once, only when a
 * PDF arrives.  Its CMaps and standard font data ship inside the package, so
 * nothing is fetched at run time; without the CMaps, text in non-embedded
 * fonts with predefined CJK CMaps (Adobe-CNS1) comes out empty.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The part of pdf.js's API the PDF front end uses. */
export interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}

export interface PdfDocument {
  numPages: number;
  getPage(number: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

export interface PdfTextItem {
  str?: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  fontName?: string;
}

export interface PdfPage {
  view: number[];
  rotate: number;
  getTextContent(options?: Record<string, unknown>): Promise<{ items: PdfTextItem[]; styles: Record<string, { vertical?: boolean }> }>;
  getOperatorList(options?: Record<string, unknown>): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  getStructTree?(): Promise<unknown>;
  cleanup(): boolean;
}

let loading: Promise<{ pdfjs: PdfJs; dataDirectory: string }> | null = null;

/** pdf.js and the folder of its data files (cmaps/, standard_fonts/), loaded on first use. */
export function loadPdfJs(): Promise<{ pdfjs: PdfJs; dataDirectory: string }> {
  loading ??= importPdfJs();
  return loading;
}

async function importPdfJs(): Promise<{ pdfjs: PdfJs; dataDirectory: string }> {
  installPolyfills();
  const require = createRequire(import.meta.url);
  const entry = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const dataDirectory = join(dirname(entry), '..', '..');
  // At load time pdf.js tries its optional native canvas package (kept out of
  // the install: plan-parse never renders) and warns on stderr when it is
  // absent; those warnings say nothing to a plan-parse user.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Warning: ')) warn(...args);
  };
  // The legacy build's core-js polyfills replace Array.prototype.push on
  // Node 20 (for a corner of the spec: pushing onto a non-writable length)
  // with a generic function several times slower, for the whole process.
  // The native one is put back.
  const push = Array.prototype.push;
  try {
    const pdfjs = (await import(pathToFileURL(entry).href)) as PdfJs;
    // pdf.js runs its "worker" in this thread under Node: load it now, once.
    const worker = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as Record<string, unknown>).pdfjsWorker ??= await import(pathToFileURL(worker).href);
    return { pdfjs, dataDirectory };
  } finally {
    console.warn = warn;
    // eslint-disable-next-line no-extend-native -- restoring the platform's own
    Array.prototype.push = push;
  }
}

/**
 * pdf.js's legacy build constructs a `DOMMatrix` when it loads and expects
 * `ImageData` and `Path2D` to exist; text and graphics extraction never use
 * them (only rendering does).  Minimal pure-JS stand-ins, only where the
 * platform has none.
 */
function installPolyfills(): void {
  const global = globalThis as Record<string, unknown>;
  global.DOMMatrix ??= DOMMatrixLite;
  global.ImageData ??= class ImageData {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  };
  global.Path2D ??= class Path2D {};
  global.FontFace ??= FontFaceLite;
}

/**
 * Glyph outlines are never drawn, but pdf.js compiles one for every glyph a
 * page shows unless each font can be handed to a font loader (with
 * `disableFontFace`, the only way in Node without a document, its operator
 * list builds every glyph's path; without it and without a document, the
 * font is base64-encoded for a CSS rule that then fails, and the paths are
 * built anyway).  A font loader that accepts each font and does nothing
 * skips both: 8.4 → 5.7 CPU seconds for reading the 35 corpus and real PDFs.
 */
export const FONT_LOADER_DOCUMENT = { fonts: { add(): void {}, delete(): void {} } };

/** The FontFace members pdf.js's font loader touches (a face that is loaded at once). */
class FontFaceLite {
  readonly loaded: Promise<this>;
  constructor(readonly family: string) {
    this.loaded = Promise.resolve(this);
  }
  load(): Promise<this> {
    return this.loaded;
  }
}

/** A 2-D affine matrix with the DOMMatrix members pdf.js touches. */
class DOMMatrixLite {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
  }
  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  multiplySelf(m: DOMMatrixLite): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }
  preMultiplySelf(m: DOMMatrixLite): this {
    const copy = new DOMMatrixLite([m.a, m.b, m.c, m.d, m.e, m.f]);
    copy.multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }
  translate(x = 0, y = 0): DOMMatrixLite {
    return new DOMMatrixLite([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(new DOMMatrixLite([1, 0, 0, 1, x, y]));
  }
  scale(x = 1, y = x): DOMMatrixLite {
    return new DOMMatrixLite([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(new DOMMatrixLite([x, 0, 0, y, 0, 0]));
  }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN];
      return this;
    }
    const { a, b, c, d, e, f } = this;
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }
}
