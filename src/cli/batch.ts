/**
 * Running the tasks of a run and handing results back in INPUT order.
 *
 * One task, or `--jobs 1`: everything in the main thread (no pool, no worker
 * start-up cost).  Otherwise a pool of worker_threads; results are held in a
 * reorder buffer until every earlier one has been delivered, and at most
 * `window` tasks are dispatched ahead of the next one to deliver, so memory
 * stays bounded however many files there are (a result is written, then
 * dropped).  `deliver` may be async (stdout back-pressure): the next result
 * is not delivered before it settles.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { poolSize } from './pool-size.js';
import { loadToolkit, runTask, type RunConfig, type Task, type TaskResult } from './task.js';
import { removeTemp, trackTemp } from '../io/output.js';

/**
 * Young-generation size of each worker's heap.  V8's default (up to 48 MB per
 * isolate) is paid once per worker; parse garbage is short-lived and small,
 * so 8 MB costs no measurable time and keeps peak RSS about 40 MB lower with
 * two workers (bench: 100× seeds with -o).
 */
const YOUNG_GENERATION_MB = 8;

/** Tasks posted ahead to each worker. */
const PIPELINE = 2;

export type Deliver = (result: TaskResult) => void | Promise<void>;

export interface BatchOptions {
  /** Workers (--jobs); undefined: as many as pay for themselves (src/cli/pool-size.ts). */
  jobs?: number;
  /** Called as each task finishes, in completion order (progress bar). */
  onDone?: (result: TaskResult) => void;
  /**
   * Time budget per file in seconds (0: none).  A file above BUDGET_BYTES
   * gets proportionally more.  Past it, the worker parsing the file is
   * stopped and the file fails with a `timeout` error.
   */
  timeout?: number;
  /** Heap limit of each worker in MB (V8 old generation); past it the file fails with `out-of-memory`. */
  maxMemoryMb?: number;
}

/** Files up to this size get the plain `--timeout`; larger ones proportionally more. */
export const BUDGET_BYTES = 4 * 1024 * 1024;

/** The time budget of one file of `bytes` bytes, in milliseconds. */
export function budgetMs(timeoutSeconds: number, bytes: number): number {
  return Math.round(timeoutSeconds * 1000 * Math.max(1, bytes / BUDGET_BYTES));
}

/** What a file that was stopped gets instead of a result. */
function stopped(task: Task, bytes: number, code: 'timeout' | 'out-of-memory', message: string): TaskResult {
  return {
    index: task.index,
    path: task.display,
    bytes,
    status: 'failed',
    diagnostics: [{ severity: 'error', code, message, position: null }],
    errors: 1,
    warnings: 0,
  };
}

export async function runBatch(tasks: Task[], config: RunConfig, options: BatchOptions, deliver: Deliver): Promise<void> {
  if (tasks.length === 0) return;
  // A parse is synchronous: only in a worker can it be stopped (time budget,
  // memory bound) and only then does the main thread stay free to handle
  // Ctrl-C.  So even one file runs in a worker unless budgets are off
  // (`--timeout 0`).  From the TypeScript sources (tsx, vitest) there is no
  // compiled worker: stay in this thread.
  //
  // A file too small to reach its budget needs no worker, though: when the
  // batch would get at most one worker anyway and every file is such a file,
  // it runs in this thread and saves the worker's start (a second Node
  // environment, ~50 ms CPU) and its separate JIT warm-up.
  const bounded = (options.timeout ?? 0) > 0 || options.maxMemoryMb !== undefined;
  const workers = options.jobs ?? autoPoolSize(tasks);
  const inThread =
    ((workers <= 1 || tasks.length === 1) && (!bounded || tasks.every((task) => withinBudget(task, options)))) ||
    !existsSync(fileURLToPath(new URL('./worker.js', import.meta.url)));
  if (inThread) {
    const toolkit = await loadToolkit(config);
    // A result is written (and synced) while the next file is parsed: the
    // writes run in libuv's threads.  Still one delivery at a time, in order.
    let delivered: Promise<void> = Promise.resolve();
    for (const task of tasks) {
      // (A spilled output's temp file is removed on a signal too.)
      const result = await runTask(toolkit, config, task, undefined, trackTemp);
      options.onDone?.(result);
      await delivered;
      delivered = Promise.resolve(deliver(result));
      // (awaited above or below; meanwhile a failure is not "unhandled")
      delivered.catch(() => undefined);
      // Let the event loop run between files (a signal handler, stdout
      // draining): a synchronous loop would see Ctrl-C only after the last file.
      if (tasks.length > 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await delivered;
    return;
  }
  await runPool(tasks, config, options, deliver);
}

/**
 * Bytes of text the slowest parse still reads per second of wall time: far
 * below the cold, first-file rate (~300 KB/s) and the warm one (~5 MB/s) on a
 * 2-core machine under a load of 8, so a file below `--timeout` × this rate
 * cannot reach its time budget.
 */
export const SAFE_BYTES_PER_SECOND = 50_000;
/** Heap a parse may take per input byte, with room to spare (measured ≈21). */
export const SAFE_HEAP_PER_BYTE = 64;
/** Larger files always run in a worker. */
export const IN_THREAD_MAX_BYTES = 1024 * 1024;

/**
 * Whether a task can run in the main thread and still honour `--timeout` and
 * `--max-memory`: a text file (not a PDF, DOCX or ODT, whose readers are
 * slower and unpack more than they read) small enough that neither bound
 * can be reached.  Standard input (bytes already read) counts as text too.
 */
export function withinBudget(task: Task, options: Pick<BatchOptions, 'timeout' | 'maxMemoryMb'>): boolean {
  const seconds = options.timeout ?? 0;
  let limit = IN_THREAD_MAX_BYTES;
  if (seconds > 0) limit = Math.min(limit, seconds * SAFE_BYTES_PER_SECOND);
  if (options.maxMemoryMb !== undefined) limit = Math.min(limit, (options.maxMemoryMb * 1024 * 1024) / SAFE_HEAP_PER_BYTE);
  let head: Uint8Array;
  if (task.bytes) head = task.bytes.subarray(0, HEAD_BYTES);
  else {
    let fd: number | undefined;
    try {
      fd = openSync(task.path as string | Buffer, 'r');
      if (fstatSync(fd).size > limit) return false;
      head = new Uint8Array(HEAD_BYTES);
      head = head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
    } catch {
      return true; // unreadable: the task reports it, no parse runs
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  if (task.bytes && task.bytes.byteLength > limit) return false;
  return !packaged(head);
}

/** How much of a file's start `packaged` looks at (a PDF's `%PDF-` may follow junk, within the first kilobyte). */
const HEAD_BYTES = 1024;

/** A PDF (`%PDF-` within the first kilobyte) or a ZIP package (DOCX, ODT: `PK`). */
function packaged(head: Uint8Array): boolean {
  if (head[0] === 0x50 && head[1] === 0x4b) return true;
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Workers for the batch when --jobs is not given: from its bytes, files and the cores this process has. */
function autoPoolSize(tasks: Task[]): number {
  let textBytes = 0;
  let pdfBytes = 0;
  for (const task of tasks) {
    let bytes = task.bytes?.byteLength ?? 0;
    if (!task.bytes) {
      try {
        bytes = statSync(task.path as string | Buffer).size;
      } catch {
        // unreadable: the task reports it
      }
    }
    if (/\.pdf$/i.test(task.display)) pdfBytes += bytes;
    else textBytes += bytes;
  }
  let cores = 1;
  try {
    cores = availableParallelism();
  } catch {
    // an old platform: one core
  }
  return poolSize({ files: tasks.length, textBytes, pdfBytes }, cores);
}

/** The pool itself; exported for tests. */
export async function runPool(tasks: Task[], config: RunConfig, options: BatchOptions, deliver: Deliver): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  const size = Math.max(1, Math.min(options.jobs ?? autoPoolSize(tasks), tasks.length));
  const window = Math.max(size * 4, 8);
  // The worker from the CLI bundle and its code cache (bin/plan-parse-worker.js
  // picks the bundle or this build as bin/plan-parse.js does): a worker then
  // starts without loading ~60 modules.
  const booted = new URL('../../bin/plan-parse-worker.js', import.meta.url);
  const workerUrl = existsSync(booted) ? booted : new URL('./worker.js', import.meta.url);
  const buffer = new Map<number, TaskResult>();
  /** Tasks posted to each worker, oldest first (a worker runs them in order). */
  const queued = new Map<Worker, Task[]>();
  /** Tasks of a lost worker that it never started: dispatched again first. */
  const retry: Task[] = [];
  let nextDispatch = 0;
  let nextDeliver = 0;
  let delivering = false;
  let settled = false;

  tasks.forEach((task, i) => {
    if (task.index !== i) throw new Error('tasks must be indexed 0…n-1 in input order');
  });

  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const worker of [...budgets.keys()]) clearBudget(worker);
      Promise.all([...queued.keys()].map((worker) => worker.terminate())).then(
        () => (error ? reject(error) : resolve()),
        () => (error ? reject(error) : resolve()),
      );
    };

    const spawn = (): void => {
      const resourceLimits: { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb?: number } = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
      if (options.maxMemoryMb !== undefined) resourceLimits.maxOldGenerationSizeMb = options.maxMemoryMb;
      const worker = new Worker(workerUrl, { workerData: config, resourceLimits });
      queued.set(worker, []);
      worker.on('message', (message: TaskResult | { fatal: string; index: number } | { started: number; bytes: number } | { spill: string; index: number }) => {
        if ('fatal' in message) {
          finish(new Error(message.fatal));
          return;
        }
        if ('spill' in message) {
          // A large output's documents, in a temp file the main thread removes after writing.
          trackTemp(message.spill);
          spills.set(worker, message.spill);
          return;
        }
        spills.delete(worker);
        if ('started' in message) {
          startBudget(worker, message.started, message.bytes);
          return;
        }
        clearBudget(worker);
        queued.get(worker)?.shift();
        complete(message);
        dispatch();
      });
      worker.on('error', (error) => lost(worker, error));
      worker.on('exit', (code) => {
        if (!settled && queued.has(worker)) lost(worker, new Error(`worker exited with code ${code}`));
      });
    };

    /** The running file's timer and size, per worker. */
    const budgets = new Map<Worker, { timer: NodeJS.Timeout | null; bytes: number }>();
    const startBudget = (worker: Worker, index: number, bytes: number): void => {
      clearBudget(worker);
      const seconds = options.timeout ?? 0;
      let timer: NodeJS.Timeout | null = null;
      if (seconds > 0) {
        const ms = budgetMs(seconds, bytes);
        timer = setTimeout(() => {
          const running = queued.get(worker)?.[0];
          if (!running || running.index !== index) return;
          const limit = ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s` : `${ms} ms`;
          lost(worker, null, stopped(running, bytes, 'timeout', `parsing took longer than ${limit}, the time budget for a file of this size; stopped, nothing written for it (raise it with --timeout)`));
        }, ms);
      }
      budgets.set(worker, { timer, bytes });
    };
    const clearBudget = (worker: Worker): void => {
      const budget = budgets.get(worker);
      if (budget?.timer) clearTimeout(budget.timer);
      budgets.delete(worker);
    };

    // A worker died (out of memory, a crash in native code) or was stopped
    // (time budget): the task it was running fails, the ones it had not
    // started go to another worker.
    const spills = new Map<Worker, string>();
    const lost = (worker: Worker, error: Error | null, replacement?: TaskResult): void => {
      const mine = queued.get(worker);
      if (!mine) return;
      const spill = spills.get(worker);
      spills.delete(worker);
      // (After the worker has stopped: it may still be writing it.)
      if (spill) void worker.terminate().finally(() => removeTemp(spill));
      const bytes = budgets.get(worker)?.bytes ?? 0;
      clearBudget(worker);
      queued.delete(worker);
      void worker.terminate().catch(() => undefined);
      if (settled) return;
      const [running, ...waiting] = mine;
      retry.unshift(...waiting);
      const outOfMemory = error && ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(error.message));
      if (running && replacement) complete(replacement);
      else if (running && outOfMemory) {
        complete(
          stopped(
            running,
            bytes,
            'out-of-memory',
            `parsing needed more memory than the limit of ${options.maxMemoryMb ?? 'the default'} MB per file; stopped, nothing written for it (raise it with --max-memory)`,
          ),
        );
      } else if (running) {
        complete({
          index: running.index,
          path: running.display,
          bytes: 0,
          status: 'crashed',
          diagnostics: [{ severity: 'error', code: 'internal-error', message: `plan-parse crashed on this file (a bug; please report it): ${error?.message ?? 'worker lost'}`, position: null }],
          errors: 1,
          warnings: 0,
        });
      }
      if (retry.length || nextDispatch < tasks.length) spawn();
      dispatch();
    };

    const complete = (result: TaskResult): void => {
      options.onDone?.(result);
      buffer.set(result.index, result);
      void pump();
    };

    const nextTask = (): Task | undefined => {
      if (retry.length) return retry.shift();
      if (nextDispatch < tasks.length && nextDispatch < nextDeliver + window) return tasks[nextDispatch++];
      return undefined;
    };

    // Keep PIPELINE tasks posted to each worker, so it never waits for the
    // main thread between two files; fill the emptiest worker first.
    const dispatch = (): void => {
      if (settled) return;
      for (let depth = 0; depth < PIPELINE; depth++) {
        for (const [worker, mine] of queued) {
          if (mine.length > depth) continue;
          const task = nextTask();
          if (!task) return;
          mine.push(task);
          worker.postMessage(task);
        }
      }
    };

    const pump = async (): Promise<void> => {
      if (delivering || settled) return;
      delivering = true;
      try {
        while (buffer.has(nextDeliver)) {
          const result = buffer.get(nextDeliver)!;
          buffer.delete(nextDeliver);
          nextDeliver++;
          await deliver(result);
          dispatch();
        }
      } catch (error) {
        delivering = false;
        finish(error);
        return;
      }
      delivering = false;
      if (nextDeliver === tasks.length) finish();
    };

    for (let i = 0; i < size; i++) spawn();
    dispatch();
  });
}
