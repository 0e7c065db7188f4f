/**
 * How many worker threads a batch gets when `--jobs` is not given: only as
 * many as pay for themselves.
 *
 * A worker costs its start (an isolate, the bundle from its code cache) and,
 * more, its own JIT warm-up: the first parses of a file kind run several
 * times slower than warm ones, in every isolate.  And one core is already
 * busy without any worker: the main thread reads, writes (with an fsync per
 * `-o` file) and V8's concurrent compiler and garbage collector run beside
 * it.  So:
 *
 * - at most `cores - 1` workers (`os.availableParallelism()`, which follows
 *   the CPU affinity and quota the process really has); on one core, none;
 * - at most one per WORK_PER_WORKER of work, where work is the input bytes
 *   (a PDF's bytes weighted by how much slower its pages are to read), plus a
 *   fixed cost per file for opening, writing and syncing it;
 * - never more than there are files.
 * Fewer than one: everything runs in the main thread, as with `--jobs 1`.
 * Output is identical for any number of workers (results are delivered in
 * input order), so this choice only changes speed and memory.
 */

export interface Workload {
  /** Number of input files. */
  files: number;
  /** Their bytes, PDF files excluded. */
  textBytes: number;
  /** Bytes of the PDF inputs (pdf.js reads a page far slower than a parse reads its text). */
  pdfBytes: number;
}

/** Work one worker must get to repay its start and warm-up (text-byte equivalents). */
export const WORK_PER_WORKER = 4_000_000;
/** A file's fixed cost (stat, open, read, atomic write and fsync) in text-byte equivalents. */
export const FILE_COST = 8_000;
/** A PDF byte in text-byte equivalents. */
export const PDF_WEIGHT = 4;

/** Workers for a batch (0: run in the main thread). `jobs`: the --jobs given, if any. */
export function poolSize(work: Workload, cores: number, jobs?: number): number {
  if (jobs !== undefined) return jobs <= 1 || work.files <= 1 ? 0 : Math.min(jobs, work.files);
  const units = work.textBytes + work.pdfBytes * PDF_WEIGHT + work.files * FILE_COST;
  const workers = Math.min(Math.max(0, cores - 1), Math.floor(units / WORK_PER_WORKER), work.files);
  return workers >= 1 && work.files > 1 ? workers : 0;
}
