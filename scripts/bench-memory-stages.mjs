// Where a big file's memory goes, stage by stage (issue 14, memory): the live
// heap after a full collection at each stage boundary of one parse in this
// process, and the lines' cost per line: the line table the parser keeps
// (offsets and roles, src/line-table.ts) and, for comparison, line objects
// for every line as the parser built them before.  Run by scripts/bench-lean.mjs
// (`npm run bench`, `node scripts/bench.mjs --memory`) as
// `node --expose-gc scripts/bench-memory-stages.mjs <file>`; prints JSON.
// A measurement, not a test: peak RSS through the CLI is measured beside it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist/');
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const [{ decode }, { normalize }, { splitDocuments }, { parseStreaming }] = await Promise.all([
  load('decode/index.js'),
  load('normalize/index.js'),
  load('documents.js'),
  load('parse.js'),
]);

if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
/** Live heap (MB) after a full collection, and the bytes held outside it (Buffers). */
const live = () => {
  gc();
  const usage = process.memoryUsage();
  return { heapMB: usage.heapUsed / 1e6, externalMB: usage.external / 1e6 };
};
const round = (n) => Math.round(n * 10) / 10;

const file = process.argv[2];
const start = live();
let bytes = readFileSync(file);
const inputMB = bytes.byteLength / 1e6;
const read = live();
const decoded = decode(bytes, {});
bytes = null;
const afterDecode = live();
// As the parser normalizes: lines in a table, line objects built per document.
const source = normalize(decoded.text, { linesByDocument: true });
const afterNormalize = live();
// Every line an object (what the parser kept before), measured and dropped.
let whole = normalize(decoded.text);
const withObjects = live();
whole = null;
const afterObjects = live();
const spans = splitDocuments(source);
const afterSplit = live();
const lineCount = source.lines.length;
const characters = source.text.length;
// The whole parse as the CLI runs it: each document dropped once parsed (the
// CLI keeps only its serialized bytes), live heap sampled every 100 documents.
let parseLiveMB = 0;
let documents = 0;
await parseStreaming({ bytes: readFileSync(file) }, {}, (document, index) => {
  documents++;
  if (index % 100 === 0) parseLiveMB = Math.max(parseLiveMB, live().heapMB);
  return {};
});
// Keep the stage results alive up to here, so each figure above is what they hold.
globalThis.keep = [decoded, source, spans];

process.stdout.write(
  `${JSON.stringify({
    inputMB: round(inputMB),
    characters,
    lines: lineCount,
    documents,
    inputBytesMB: round(read.externalMB - start.externalMB),
    decodedTextMB: round(afterDecode.heapMB - start.heapMB),
    lineTableMB: round(afterNormalize.heapMB - afterDecode.heapMB),
    bytesPerLine: Math.round(((afterNormalize.heapMB - afterDecode.heapMB) * 1e6) / lineCount),
    lineObjectsMB: round(withObjects.heapMB - afterNormalize.heapMB),
    bytesPerLineObject: Math.round(((withObjects.heapMB - afterNormalize.heapMB) * 1e6) / lineCount),
    documentSpansMB: round(afterSplit.heapMB - afterObjects.heapMB),
    // (The stage results above are still held while the parse runs: subtract them.)
    parseLivePeakMB: round(parseLiveMB - (afterSplit.heapMB - start.heapMB)),
  })}\n`,
);
