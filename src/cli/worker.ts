/**
 * Worker thread: receives tasks, runs them (read → parse → validate →
 * serialize) and posts the results back.  The toolkit is loaded once per
 * worker; tasks arriving before it is ready wait for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadToolkit, runTask, type RunConfig, type Task } from './task.js';

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
