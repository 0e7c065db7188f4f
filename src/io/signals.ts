/**
 * Interrupted runs: on SIGINT / SIGTERM remove the temp files still being
 * written (so no half-written output is left behind) and exit with the
 * conventional status (130 / 143).
 */
import { removePendingTemps } from './output.js';

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

let installed: { signal: NodeJS.Signals; handler: () => void }[] = [];

/**
 * Install SIGINT/SIGTERM handlers (idempotent: a second call replaces the
 * first).  `onInterrupt` runs first (e.g. to stop workers, print a note);
 * errors it throws are ignored.  Returns a function that uninstalls them.
 */
export function installSignalHandlers(onInterrupt?: () => void): () => void {
  uninstall();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = (): void => {
      try {
        onInterrupt?.();
      } catch {
        // the exit below matters more
      }
      removePendingTemps();
      process.exit(EXIT_CODES[signal]);
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
