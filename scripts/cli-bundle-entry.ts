// Entry of the CLI bundle (scripts/build-bundle.mjs): the command, the
// worker thread of a batch (started by bin/plan-parse-worker.js, so workers
// load the same bundle with the same code cache instead of ~60 modules), and
// a warm-up the build runs before it makes the code cache.
import { loadToolkit, runTask, type RunConfig } from '../src/cli/task.js';

export { main } from '../src/cli/main.js';

export async function startWorker(): Promise<void> {
  await import('../src/cli/worker.js');
}

/**
 * Parse, validate and serialize `paths` in this thread, as a worker does: the
 * code cache made after it then holds the parser's functions too (a run of
 * the command parses in a worker, whose compiled code the main thread's
 * cache would not see).
 */
export async function warmUp(paths: string[]): Promise<void> {
  const config: RunConfig = { mode: 'validate', convert: true, maxBytes: 64 * 1024 * 1024, json: true, pretty: false, quality: true, snippets: true, csv: null, csvAsJson: false };
  const toolkit = await loadToolkit(config);
  for (let index = 0; index < paths.length; index++) await runTask(toolkit, config, { index, path: paths[index], display: paths[index] });
}
