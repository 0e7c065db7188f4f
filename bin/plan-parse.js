#!/usr/bin/env node
// The plan-parse command.  Runs the CLI bundle with its code cache
// (bin/load-bundle.js), or the plain tsc output when there is no fresh
// bundle.  CommonJS (bin/package.json), so no ES module loader starts.
'use strict';
const { existsSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
const { loadBundle, plainMain } = require('./load-bundle.js');

const bundle = loadBundle();
// A fresh clone has no dist/ until it is built (npm start and npm test build first).
if (!bundle && !existsSync(plainMain)) {
  process.stderr.write('plan-parse: not built yet: run `npm run build` first (npm start and npm test do it for you)\n');
  process.exit(2);
}
const main = bundle ? Promise.resolve(bundle.exports.main) : import(pathToFileURL(plainMain).href).then((module) => module.main);

main
  .then((run) => run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
    bundle?.remakeCache(process.env.PLAN_PARSE_WRITE_CODE_CACHE);
  });
