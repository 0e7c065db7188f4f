// Entry of the CLI bundle (scripts/build-bundle.mjs): the command, and the
// worker thread of a batch (started by bin/plan-parse-worker.js, so workers
// load the same bundle with the same code cache instead of ~55 modules).
export { main } from '../src/cli/main.js';

export async function startWorker(): Promise<void> {
  await import('../src/cli/worker.js');
}
