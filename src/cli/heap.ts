/**
 * How far V8 lets a heap grow past what survived its last full collection
 * before collecting again, while a big text file parses.  V8 allows up to 4×
 * on a machine with much memory; the parse of a big text leaves short-lived
 * garbage in the old generation (each document's line objects, promoted by
 * a worker's small young generation, src/cli/batch.ts), so the heap ran up
 * to ~140 MB with ~55 MB live.  At 1.5× it collects more often (a full
 * collection of that heap takes ~10 ms; no CPU measurable on the 40 MB
 * file) and stays under 100 MB: peak RSS of the 40 MB file 250 → ~195 MB.
 * Not for PDFs (pdf.js allocates heavily: 35 PDFs cost 40% more CPU with
 * it), DOCX, ODT or HTML pages, nor for small files, where it buys nothing.
 * The flag is the process's: a file parsing in another worker meanwhile
 * gets it too (only its speed can change, never its output).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Text files from this size parse with the tighter heap. */
export const TIGHT_HEAP_BYTES = 1 << 20;

/**
 * Turn the tighter growing factor on (or back to V8's own), unless node was
 * started with one (`node --heap-growing-percent=…`).
 */
export function tightHeap(on: boolean, execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${on ? HEAP_GROWING_PERCENT : 0}`);
}
