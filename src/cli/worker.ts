/**
 * Worker thread: receives tasks, runs them (read → parse → validate →
 * serialize) and posts the results back.  The toolkit is loaded once per
 * worker; tasks arriving before it is ready wait for it.
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { loadToolkit, runTask, type RunConfig, type Task } from './task.js';

/** Old-generation growth between full collections, in percent (V8 picks 10–300% itself). */
const HEAP_GROWING_PERCENT = 20;

// A large file's lines and text stay alive for its whole parse (≈1 M line
// objects for 40 MB), and V8 lets the old generation grow to 1.5–4× what
// survived the last full collection before collecting again: on such a
// heap the garbage in between is most of the peak RSS.  Collecting at 1.2×
// costs no measurable CPU here (most parse garbage dies young) and lowers
// the 40 MB file's peak by ~30 MB (README, Memory).  A process-wide V8
// flag, read at each full collection; set before any file is parsed.
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

const config = workerData as RunConfig;
const ready = loadToolkit(config);
// Tasks run one after another, in the order posted (a PDF is read
// asynchronously; the pool expects results in that order).
let previous: Promise<unknown> = ready;

parentPort!.on('message', (task: Task) => {
  const run = (): Promise<void> =>
    ready.then(
      async (toolkit) => {
        // Tell the pool the parse starts: its time budget runs from here.
        const result = await runTask(
          toolkit,
          config,
          task,
          (bytes) => parentPort!.postMessage({ started: task.index, bytes }),
          // The pool removes a spilled output's temp file if it stops this worker.
          (path) => parentPort!.postMessage({ spill: path, index: task.index }),
        );
        // Hand the output bytes over instead of copying them.
        parentPort!.postMessage(result, result.json ? [...new Set(result.json.map((block) => block.buffer as ArrayBuffer))] : []);
      },
      (error: unknown) => parentPort!.postMessage({ fatal: (error as Error)?.message ?? String(error), index: task.index }),
    );
  previous = previous.then(run, run);
});
