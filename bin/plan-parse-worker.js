// A worker thread of a plan-parse batch: the worker module from the CLI
// bundle with its code cache (bin/load-bundle.js), or the plain tsc output.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { loadBundle } = require('./load-bundle.js');

const bundle = loadBundle();
if (bundle) bundle.exports.startWorker();
else import(pathToFileURL(path.join(__dirname, '../dist/cli/worker.js')).href);
