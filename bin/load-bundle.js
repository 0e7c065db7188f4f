// Loads the CLI bundle (dist/cli.cjs, one file) with its V8 code cache
// (dist/cli.cache), both made by `npm run build` (scripts/build-bundle.mjs),
// for bin/plan-parse.js and for each worker thread of a batch
// (bin/plan-parse-worker.js): a cold start then neither resolves nor compiles
// dozens of modules.  Returns null when the bundle is missing or older than
// the plain tsc output (dist/cli/main.js was rebuilt alone): the caller then
// runs the plain output.  A cache V8 rejects (another Node version or flags)
// only costs the compile; `remakeCache` writes a fresh one.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '../dist');
const bundlePath = path.join(dist, 'cli.cjs');
const cachePath = path.join(dist, 'cli.cache');
const plainMain = path.join(dist, 'cli/main.js');

function fresh() {
  try {
    return statSync(bundlePath).mtimeMs >= statSync(plainMain).mtimeMs;
  } catch {
    return false;
  }
}

/** The bundle's exports ({ main, startWorker }), or null to run the plain build. */
function loadBundle() {
  if (!fresh()) return null;
  const vm = require('node:vm');
  // Pure ASCII (scripts/build-bundle.mjs escapes the rest): read without UTF-8 decoding.
  const source = readFileSync(bundlePath, 'latin1');
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // no cache yet: compile from source
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __planParseHostImport) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const bundle = { exports: {} };
  // import() of an external package from inside the bundle (a function from a
  // code cache cannot call import() itself in Node 20).
  const hostImport = (specifier) => import(specifier);
  script.runInThisContext()(bundle.exports, require('node:module').createRequire(bundlePath), bundle, bundlePath, dist, hostImport);
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: bundle.exports,
    /** Write a new cache (after a run, so it holds the functions the run compiled) when the old one was missing or rejected, or to `target`. */
    remakeCache(target) {
      if (!target && !stale) return;
      const file = target || cachePath;
      try {
        const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, file);
      } catch {
        // a read-only install: run without a cache
      }
    },
  };
}

module.exports = { loadBundle, plainMain };
