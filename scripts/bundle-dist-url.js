// Injected into the CLI bundle (scripts/build-bundle.mjs): the file: URL a
// module would have as tsc output, `dist/<path>`, for its `import.meta.url`.
import { pathToFileURL } from 'node:url';

export function __planParseDistUrl(path) {
  return pathToFileURL(__dirname + path).href;
}

// `performance.now()` without loading perf_hooks (a dozen internal modules
// the global `performance` getter pulls in at start-up): same clock, in ms.
export function __planParseNow() {
  return Number(process.hrtime.bigint()) / 1e6;
}
