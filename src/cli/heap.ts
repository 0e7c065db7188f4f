/**
 * How far V8 lets a heap grow past what survived its last full collection
 * before collecting again.  V8 allows up to 4× on a machine with much memory;
 * a big file's parse leaves short-lived garbage in the old generation (the
 * line objects of each document, promoted by the small young generation of
 * a worker, src/cli/batch.ts), so its heap ran up to ~140 MB with ~55 MB
 * live.  At 1.5× it collects more often (a full collection of that heap
 * takes ~10 ms) and stays near 90 MB: peak RSS of a 40 MB file 250 → ~195
 * MB.  A flag of the process: it holds for the worker threads too.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Set the growing factor, unless node was started with one (`node --heap-growing-percent=…`). */
export function tuneHeap(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
