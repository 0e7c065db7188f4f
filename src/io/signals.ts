/**
 * Interrupted runs: on SIGINT / SIGTERM remove the temp files still being
 * written (so no half-written output is left behind), let the caller say
 * what was done, then die of the same signal.
 *
 * Re-raising instead of `process.exit(130)` matters to shells: a loop such as
 * `for f in *; do plan-parse "$f" -o out; done` stops on Ctrl-C only when the
 * child was killed by SIGINT (bash checks WIFSIGNALED), not when it exited
 * with 130.
 */
import { removePendingTemps } from './output.js';

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

let installed: { signal: NodeJS.Signals; handler: () => void }[] = [];

/**
 * Install SIGINT/SIGTERM handlers (idempotent: a second call replaces the
 * first).  `onInterrupt` runs first (clear the progress bar, say how many
 * files were written); errors it throws are ignored.  Returns a function
 * that uninstalls them.
 */
export function installSignalHandlers(onInterrupt?: (signal: 'SIGINT' | 'SIGTERM') => void): () => void {
  uninstall();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = (): void => {
      try {
        onInterrupt?.(signal);
      } catch {
        // dying of the signal matters more
      }
      removePendingTemps();
      uninstall();
      // With no listener left, Node restores the default action: the process dies of the signal.
      process.kill(process.pid, signal);
      // Should the platform not deliver it, still end with the conventional status.
      setTimeout(() => process.exit(EXIT_CODES[signal]), 200).unref();
    };
    process.on(signal, handler);
    installed.push({ signal, handler });
  }
  return uninstall;
}

function uninstall(): void {
  for (const { signal, handler } of installed) process.off(signal, handler);
  installed = [];
}
