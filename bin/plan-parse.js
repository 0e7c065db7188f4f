#!/usr/bin/env node
// Runs the CLI from its bundle (dist/cli.cjs, one file) with a V8 code cache
// (dist/cli.cache), both made by `npm run build` (scripts/build-bundle.mjs):
// a cold start then neither resolves nor compiles dozens of modules.  When the
// bundle is missing or older than the plain tsc output (dist/cli/main.js was
// rebuilt alone), the plain output runs instead; a cache V8 rejects (another
// Node version or flags) only costs the compile, and is made again for the
// next run.  CommonJS (bin/package.json), so no ES module loader starts.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

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

/** The bundle's `main`, compiled with the code cache; the script, to make a new cache from. */
function loadBundle() {
  const vm = require('node:vm');
  const source = readFileSync(bundlePath, 'utf8');
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
  return { main: bundle.exports.main, script, stale: cachedData === undefined || script.cachedDataRejected === true };
}

function writeCache(script, file) {
  try {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
  } catch {
    // a read-only install: run without a cache
  }
}

const bundle = fresh() ? loadBundle() : null;
const main = bundle ? Promise.resolve(bundle.main) : import(pathToFileURL(plainMain).href).then((module) => module.main);

main
  .then((run) => run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
    // After the run, so the cache holds the functions this run compiled too.
    const target = process.env.PLAN_PARSE_WRITE_CODE_CACHE;
    if (bundle && (target || bundle.stale)) writeCache(bundle.script, target || cachePath);
  });
