#!/usr/bin/env node
// The plan-parse command.  Runs the CLI bundle with its code cache
// (bin/load-bundle.js), or the plain tsc output when there is no fresh
// bundle.  CommonJS (bin/package.json), so no ES module loader starts.
'use strict';
const { pathToFileURL } = require('node:url');
const { loadBundle, plainMain } = require('./load-bundle.js');

const bundle = loadBundle();
const main = bundle ? Promise.resolve(bundle.exports.main) : import(pathToFileURL(plainMain).href).then((module) => module.main);

main
  .then((run) => run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
    bundle?.remakeCache(process.env.PLAN_PARSE_WRITE_CODE_CACHE);
  });
