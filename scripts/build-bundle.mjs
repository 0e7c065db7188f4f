#!/usr/bin/env node
// Bundle the CLI into one file (dist/cli.cjs) and make a V8 code cache for it
// (dist/cli.cache), so a cold start compiles and resolves almost nothing:
// Node 20 has no module compile cache, and loading ~55 ESM modules one by one
// costs more than the parse of a small file.  bin/plan-parse.js runs the bundle
// through vm.Script with the cache, and falls back to dist/cli/main.js (the
// plain tsc output) when the bundle is missing or older than it.
//
// Heavy dependencies stay external and keep loading lazily, only when a file
// needs them (iconv-lite, opencc-js, remark/unified, hast, chalk, pdf.js, …):
// every package under node_modules is external except the few the CLI needs on
// every run (commander), which are bundled.
//
// `import.meta.url` in a source module is replaced by the URL its tsc output
// has (dist/<same path>.js), so the relative URLs the modules build
// (`./worker.js`, `../schemas/…`, `./schema-validator.cjs`) resolve as they do
// unbundled.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = path.join(root, 'src');
const bundleFile = path.join(root, 'dist/cli.cjs');
const cacheFile = path.join(root, 'dist/cli.cache');

/** Packages (or files of one) bundled in: small, and loaded by every run anyway. */
const BUNDLED = new Set(['commander', 'ajv/dist/runtime/ucs2length']);

// The schema validator ajv compiled at build time (dist/schema-validator.cjs,
// 108 KB) goes into the bundle too, so its code is in the code cache: validate.ts
// requires it by a computed path, which is made a literal one here.
const PREBUILT_VALIDATOR = 'require(fileURLToPath(prebuilt))';

const importMetaUrl = {
  name: 'import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (args.path === path.join(src, 'validate.ts')) {
        if (!text.includes(PREBUILT_VALIDATOR)) throw new Error(`src/validate.ts no longer loads the prebuilt validator with ${PREBUILT_VALIDATOR}: update scripts/build-bundle.mjs`);
        // (a module-level function: inside compiled() `require` is a local createRequire)
        text = `${text.replace(PREBUILT_VALIDATOR, '__planParsePrebuiltValidator()')}\nfunction __planParsePrebuiltValidator() { return require(${JSON.stringify(path.join(root, 'dist/schema-validator.cjs'))}); }\n`;
      }
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const distPath = path.relative(src, args.path).replace(/\.ts$/, '.js').split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `__planParseDistUrl(${JSON.stringify(`/${distPath}`)})`), loader: 'ts' };
    });
  },
};

// commander requires child_process at load time (net, dgram, streams: ~10
// internal modules) only to spawn git-style subcommand executables, which
// plan-parse has none of: load it when first used instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) return undefined;
      return { contents: text.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

const DYNAMIC = 'plan-parse-dynamic-import:';

const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      // import() of an external: marked, and routed through __planParseImport below.
      if (args.kind === 'dynamic-import' && !BUNDLED.has(args.path)) return { path: `${DYNAMIC}${args.path}`, external: true };
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (BUNDLED.has(name) || BUNDLED.has(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

rmSync(cacheFile, { force: true });
const built = await esbuild.build({
  entryPoints: [path.join(root, 'scripts/cli-bundle-entry.ts')],
  outfile: bundleFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [importMetaUrl, lazyChildProcess, externalPackages],
  define: { 'performance.now': '__planParseNow' },
  inject: [path.join(root, 'scripts/bundle-dist-url.js')],
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// A dynamic import() of an external package (node:worker_threads, iconv-lite,
// pdf.js, …) goes through __planParseImport: the bundle runs from a vm.Script
// with a code cache, and a function restored from a code cache has no
// dynamic-import callback in Node 20.  bin/plan-parse.js passes one in
// (`__planParseHostImport`, a parameter of the wrapper it compiles); loaded
// with plain require(), the bundle's own import() works.
{
  const text = readFileSync(bundleFile, 'utf8');
  const strict = '"use strict";\n';
  if (!text.startsWith(strict)) throw new Error('the bundle does not start with "use strict"');
  const helper = 'function __planParseImport(specifier) { return typeof __planParseHostImport === "function" ? __planParseHostImport(specifier) : import(specifier); }\n';
  const marked = `import(${JSON.stringify(DYNAMIC).slice(0, -1)}`;
  // import() of a computed specifier (pdf.js by file URL) too.
  const body = text.slice(strict.length).replaceAll(marked, '__planParseImport("').replaceAll('await import(', 'await __planParseImport(');
  const left = body.match(/(?<![\w$.])import\(/g);
  if (left) throw new Error(`the bundle still calls import() ${left.length} time(s): route it through __planParseImport in scripts/build-bundle.mjs`);
  writeFileSync(bundleFile, asciiOnly(strict + helper + body));
}

/**
 * The bundle with every non-ASCII character written as an escape, so that it
 * is pure ASCII: bin/load-bundle.js then reads it as Latin-1 (no UTF-8
 * decoding of 900 KB on every start) and V8 holds it as a one-byte string.
 * esbuild already escapes strings and templates, not regular expression
 * literals (`/[０-９]/`) nor String.raw templates.  In code, a string or a
 * regex, `\uXXXX` (per UTF-16 unit; a surrogate pair is one code point in a
 * `u` regex) means the character itself; in the text of a String.raw
 * template, whose raw characters are its value (the review pages' scripts),
 * the character goes in as a substitution, `${"\uXXXX"}`.
 */
function asciiOnly(text) {
  let out = '';
  let from = 0;
  // Inside a String.raw template: its `${…}` depth (0: in its text), else -1.
  let raw = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (raw === -1) {
      if (code === 0x60 && text.startsWith('String.raw', i - 10)) raw = 0;
    } else if (raw === 0 && code === 0x5c) i++; // an escaped character of the raw text
    else if (raw === 0 && code === 0x60) raw = -1;
    else if (code === 0x24 && text.charCodeAt(i + 1) === 0x7b) {
      raw++;
      i++;
    } else if (raw > 0 && code === 0x7b) raw++;
    else if (raw > 0 && code === 0x7d) raw--;
    if (code < 0x80) continue;
    if (text.charCodeAt(i - 1) === 0x5c) throw new Error(`build-bundle: a backslash before the non-ASCII character at ${i}: escape it by hand`);
    const escape = `\\u${code.toString(16).padStart(4, '0')}`;
    out += text.slice(from, i) + (raw === 0 ? `\${"${escape}"}` : escape);
    from = i + 1;
  }
  out += text.slice(from);
  const left = out.search(/[^\x00-\x7f]/);
  if (left >= 0) throw new Error(`build-bundle: the bundle still has a non-ASCII character at ${left}: ${JSON.stringify(out.slice(left - 40, left + 10))}`);
  return out;
}
if (process.env.PLAN_PARSE_BUNDLE_ANALYZE) process.stderr.write(await esbuild.analyzeMetafile(built.metafile));

// The code cache, made after real work so that the functions a parse
// compiles lazily are in it too (a cache made right after compiling holds
// only the top level): the seeds parsed in-thread as a worker parses them,
// then one run of the command.  Made in a child process that loads the
// bundle exactly as bin/plan-parse.js does.
const seed = path.join(root, 'fixtures/seeds');
const warmFiles = readdirSync(seed).sort().map((name) => path.join(seed, name));
const warm = `
const { loadBundle } = require(${JSON.stringify(path.join(root, 'bin/load-bundle.js'))});
const bundle = loadBundle();
if (!bundle) throw new Error('the bundle did not load');
bundle.exports.warmUp(${JSON.stringify(warmFiles)})
  .then(() => bundle.exports.main([${JSON.stringify(warmFiles[0])}, '-q', '-o', ${JSON.stringify(path.join(tmpdir(), `plan-parse-warm-${process.pid}`))}]))
  .then(() => bundle.remakeCache(${JSON.stringify(cacheFile)}));
`;
execFileSync(process.execPath, ['-e', warm], { stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(path.join(tmpdir(), `plan-parse-warm-${process.pid}`), { recursive: true, force: true });
const size = (file) => {
  try {
    return readFileSync(file).length;
  } catch {
    return 0;
  }
};
process.stderr.write(`bundle: dist/cli.cjs ${(size(bundleFile) / 1024).toFixed(0)} KB, code cache ${(size(cacheFile) / 1024).toFixed(0)} KB\n`);
