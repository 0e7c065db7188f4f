/**
 * The `plan-parse` command line (SPEC §5).
 *
 *   plan-parse [paths…]               parse; stdout JSON (one input) or NDJSON (several)
 *   plan-parse [paths…] -o out/       write out/<relative path>.json per input
 *   plan-parse validate [paths…]      parse + schema + quality rules; exit 1 on errors
 *   plan-parse kpis [paths…] --csv    one row per KPI indicator × year
 *   plan-parse items [paths…] --csv   one row per work item / report item
 *   plan-parse schema                 print the JSON Schema
 *
 * Data goes to stdout, human messages to stderr.  Exit codes: 0 success,
 * 1 an input has errors (or, with --strict, warnings), 2 usage or I/O errors.
 *
 * Start-up is kept short: only commander and chalk load here; the parser,
 * ajv and the worker pool load when a run needs them.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { runBatch } from './batch.js';
import { collectInputs, type InputFile } from './inputs.js';
import { addCommonOptions, resolveOptions, type CliOptions } from './options.js';
import { Progress } from './progress.js';
import type { Reporter } from './reporters/types.js';
import { Summary } from './summary.js';
import type { Mode, RunConfig, Task, TaskResult } from './task.js';
import { color, stderrIsTTY } from './term.js';

const PACKAGE_ROOT = new URL('../../', import.meta.url);

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

class UsageError extends Error {}

/** Run the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('plan-parse')
    .description('Parse Taiwanese public-sector planning documents (中程施政計畫, 年度重要工作計畫, 工作總報告) into canonical JSON.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(color.red(text)) })
    .showHelpAfterError('(run plan-parse --help for usage)')
    .argument('[paths...]', 'files, folders (recursive) or - for standard input')
    .addHelpText(
      'after',
      `
Examples:
  plan-parse plan.txt                      one file → JSON on stdout
  plan-parse plans/ -o out/                every file under plans/ → out/<path>.json
  plan-parse plans/ --jobs 4 > all.ndjson  several files → NDJSON, in input order
  plan-parse validate plans/ --reporter github
  plan-parse kpis plans/ --csv --excel > kpis.csv
  plan-parse review plans/ -o review/       review/index.html and a page per file
  cat plan.txt | plan-parse - --pretty

Exit codes: 0 ok, 1 errors in an input (or warnings with --strict), 2 usage or I/O errors.`,
    );
  addCommonOptions(program);
  program.action(async (paths: string[]) => {
    exitCode = await run('parse', paths, resolveOptions(program, program));
  });

  const validate = program
    .command('validate')
    .description('parse, check the schema and the quality rules; exit 1 on errors (for CI)')
    .argument('[paths...]', 'files, folders (recursive) or - for standard input');
  addCommonOptions(validate, { out: false, reporter: true });
  validate.action(async (paths: string[]) => {
    exitCode = await run('validate', paths, resolveOptions(validate, program));
  });

  for (const [name, description] of [
    ['kpis', 'flat table of KPI targets, one row per indicator × year'],
    ['items', 'flat table of work items and report items, one row each'],
  ] as const) {
    const command = program.command(name).description(description).argument('[paths...]', 'files, folders (recursive) or - for standard input');
    addCommonOptions(command, { csv: true });
    command.action(async (paths: string[]) => {
      exitCode = await run(name, paths, resolveOptions(command, program));
    });
  }

  const review = program
    .command('review')
    .description('write a page per input showing the source beside what was extracted, and DIR/index.html')
    .argument('[paths...]', 'files or folders (recursive)');
  review.option('-o, --out <dir>', 'write <dir>/<relative path>.html per input and <dir>/index.html');
  addCommonOptions(review, { out: false, reporter: true });
  review.action(async (paths: string[]) => {
    exitCode = await (await import('./review.js')).runReview(paths, resolveOptions(review, program));
  });

  program
    .command('text')
    .description('print the text the parser reads: a PDF\'s text rendition (lines spaced like pdftotext -layout), or a text file decoded')
    .argument('<file>', 'a file, or - for standard input')
    .option('--roles', 'prefix each line with its page and what the parser made of it (content, page-number, running-header, …)')
    .action(async (file: string, options: { roles?: boolean }) => {
      exitCode = await (await import('./text.js')).printText(file, options);
    });

  program
    .command('schema')
    .description('print the JSON Schema every result follows')
    .action(() => {
      exitCode = printSchema();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`${color.red('plan-parse:')} ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`${color.red('plan-parse: internal error:')} ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
  return exitCode;
}

function printSchema(): number {
  try {
    process.stdout.write(readFileSync(new URL('schemas/plan-document.schema.json', PACKAGE_ROOT)));
    return 0;
  } catch (error) {
    process.stderr.write(`${color.red('plan-parse:')} cannot read the schema: ${(error as Error).message}\n`);
    return 2;
  }
}

// ---------------------------------------------------------------------------

async function run(mode: Mode, paths: string[], opts: CliOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('no input: give files, folders, or - for standard input (see plan-parse --help)');
  if (opts.encoding !== undefined) await checkEncoding(opts.encoding);
  const csvMode = mode === 'kpis' || mode === 'items';
  const outDir = mode === 'parse' ? opts.out : undefined;
  const outFile = csvMode ? opts.out : undefined;

  const collected = collectInputs(paths, { include: opts.include, exclude: opts.exclude, outDir });
  let ioError = collected.errors.length > 0;
  let failed = false;
  for (const message of collected.errors) process.stderr.write(`${color.red('plan-parse:')} ${message}\n`);
  const files = collected.files;
  if (files.length === 0) {
    if (!ioError) process.stderr.write(`${color.red('plan-parse:')} no input files found in ${paths.join(', ')}${opts.include.length || opts.exclude.length ? ' (after --include / --exclude)' : ''}\n`);
    return 2;
  }

  const { DEFAULT_MAX_BYTES } = await import('../io/read.js');
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const tasks: Task[] = [];
  const taskInputs: InputFile[] = [];
  let unreadable = collected.errors.length;
  for (const [index, file] of files.entries()) {
    const task: Task = { index, path: file.path, display: file.display };
    if (file.stdin) {
      try {
        task.bytes = await readStdin(maxBytes);
      } catch (error) {
        process.stderr.write(`${color.red('plan-parse:')} standard input: ${(error as Error).message}\n`);
        // Too large is a bad input (exit 1), like a file above --max-bytes; a read failure is I/O (exit 2).
        if ((error as { code?: string }).code === 'too-large') failed = true;
        else ioError = true;
        unreadable++;
        continue;
      }
    }
    tasks.push(task);
    taskInputs.push(file);
  }
  tasks.forEach((task, i) => (task.index = i));

  // Output shape.
  let format = opts.format;
  if (csvMode) format ??= 'csv';
  else if (mode === 'parse' && !outDir) format ??= tasks.length === 1 ? 'json' : 'ndjson';
  if (mode === 'parse' && opts.pretty && format === 'ndjson' && !opts.quiet && !outDir) {
    process.stderr.write(`${color.yellow('plan-parse:')} --pretty is ignored for NDJSON (use --format json or -o)\n`);
  }
  let reporter: Reporter | null = null;
  if (mode === 'validate' || opts.reporterGiven) {
    const name = opts.reporter;
    reporter =
      name === 'json'
        ? (await import('./reporters/json.js')).jsonReporter()
        : name === 'github'
          ? (await import('./reporters/github.js')).githubReporter()
          : (await import('./reporters/pretty.js')).prettyReporter();
    // Outside validate, stdout carries the data: the report goes to stderr.
    if (mode !== 'validate') reporter.stream = 'stderr';
  }
  const config: RunConfig = {
    mode,
    encoding: opts.encoding,
    convert: opts.convert,
    maxBytes,
    json: mode === 'parse',
    pretty: mode === 'parse' && opts.pretty && (Boolean(outDir) || format === 'json'),
    quality: mode === 'validate',
    snippets: Boolean(reporter) && opts.reporter === 'pretty',
    csv: csvMode ? mode : null,
    csvAsJson: csvMode && format !== 'csv',
  };

  let csvHeader = '';
  if (csvMode) {
    const { loadExporter, ExportUnavailable } = await import('./exporters.js');
    try {
      const exporter = await loadExporter(mode);
      if (format === 'csv') csvHeader = (opts.excel ? '\ufeff' : '') + exporter.csvHeader();
    } catch (error) {
      if (error instanceof ExportUnavailable) throw new UsageError(error.message);
      throw error;
    }
  }

  // Only runs that write files leave temp files to clean up on Ctrl-C.
  const { installSignalHandlers } = outDir || outFile ? await import('../io/signals.js') : { installSignalHandlers: () => () => undefined };
  // Byte totals make the ETA honest when file sizes vary; only worth the stat calls when the bar shows.
  let totalBytes: number | null = null;
  if (stderrIsTTY && !opts.quiet && tasks.length >= 4) {
    totalBytes = 0;
    for (const task of tasks) {
      try {
        totalBytes += task.bytes ? task.bytes.byteLength : statSync(task.path).size;
      } catch {
        // reported when the task runs
      }
    }
  }
  const progress = new Progress(tasks.length, totalBytes, { tty: stderrIsTTY, quiet: opts.quiet });
  const uninstall = installSignalHandlers(() => progress.finish());
  const summary = new Summary();
  for (let i = 0; i < unreadable; i++) summary.addMissing();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`| head`): stop quietly.
    if (error.code === 'EPIPE') process.exit(failed ? 1 : 0);
    process.stderr.write(`${color.red('plan-parse:')} cannot write to standard output: ${error.message}\n`);
    process.exit(2);
  });

  const stdout = new StdoutWriter();
  const csvChunks: string[] = [];
  const emitData = (data: string | Uint8Array): void | Promise<void> => {
    if (data.length === 0) return;
    if (outFile) csvChunks.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    else return stdout.write(data);
  };
  const usedTargets = new Map<string, string>();
  let written = 0;
  let writeOutput: ((result: TaskResult, input: InputFile) => void) | null = null;
  if (outDir) {
    const { outputPathFor, writeFileAtomic } = await import('../io/output.js');
    writeOutput = (result, input) => {
      try {
        const target = input.stdin ? join(outDir, 'stdin.json') : outputPathFor(outDir, input.root, resolve(input.path));
        const other = usedTargets.get(target);
        if (other !== undefined) throw new Error(`${result.path} and ${other} would both be written to ${target}; not writing ${result.path}`);
        usedTargets.set(target, result.path);
        writeFileAtomic(target, result.json!);
        written++;
      } catch (error) {
        ioError = true;
        progress.print(`${color.red('plan-parse:')} ${(error as Error).message}`);
      }
    };
  }

  if (csvHeader) await emitData(csvHeader);
  let first = true;
  const deliver = async (result: TaskResult): Promise<void> => {
    summary.add(result);
    const input = taskInputs[result.index];
    const bad = result.status !== 'ok' || result.errors > 0;
    if (result.status === 'io-error') ioError = true;
    if (bad || (opts.strict && result.warnings > 0)) failed = true;

    if (reporter) {
      const text = reporter.file(result);
      if (text) {
        if (reporter.stream === 'stderr') progress.print(text);
        else await stdout.write(text);
      }
    } else {
      reportProblems(result, progress, { strict: opts.strict, quiet: opts.quiet, outDir: Boolean(outDir) });
    }

    if (result.json !== undefined) {
      if (writeOutput) writeOutput(result, input);
      else if (format === 'json' && tasks.length > 1) {
        await emitData(first ? '[\n' : ',\n');
        await emitData(result.json.subarray(0, result.json.byteLength - 1)); // without its newline
        first = false;
      } else await emitData(result.json);
    }
    if (result.rows !== undefined) {
      if (format === 'json') {
        const lines = result.rows.replace(/\n$/, '');
        if (lines) {
          await emitData(`${first ? '[\n' : ',\n'}${lines.split('\n').join(',\n')}`);
          first = false;
        }
      } else await emitData(result.rows);
    }
  };

  try {
    await runBatch(tasks, config, { jobs: opts.jobs, onDone: (result) => progress.tick(result.bytes) }, deliver);
  } finally {
    progress.finish();
    uninstall();
  }

  if (format === 'json' && (tasks.length > 1 || csvMode) && (mode === 'parse' ? !outDir : true)) {
    await emitData(first ? '[]\n' : '\n]\n');
  }
  const totals = summary.finish();
  if (reporter) {
    const end = reporter.end(totals);
    if (end) {
      if (reporter.stream === 'stderr') process.stderr.write(end);
      else await stdout.write(end);
    }
  }
  if (outFile) {
    const { writeFileAtomic } = await import('../io/output.js');
    try {
      writeFileAtomic(outFile, csvChunks.join(''));
    } catch (error) {
      ioError = true;
      process.stderr.write(`${color.red('plan-parse:')} ${(error as Error).message}\n`);
    }
  }
  await stdout.flush();
  if (!opts.quiet) {
    let line = summary.line();
    if (outDir) line += ` → ${written} written to ${outDir}`;
    process.stderr.write(`${line}\n`);
  }
  return ioError ? 2 : failed ? 1 : 0;
}

/** Messages for one file in parse / kpis / items mode: errors always, warnings with --strict. */
function reportProblems(result: TaskResult, progress: Progress, options: { strict: boolean; quiet: boolean; outDir: boolean }): void {
  const shown = result.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && options.strict && !options.quiet));
  if (shown.length === 0) return;
  const lines = shown.map((d) => {
    const where = d.position ? `:${d.position.start.line}:${d.position.start.column}` : '';
    const label = d.severity === 'error' ? color.red('error') : color.yellow('warning');
    return `${result.path}${where}: ${label}: ${d.message} ${color.dim(`(${d.code})`)}`;
  });
  if (result.status !== 'ok' && options.outDir && result.status !== 'io-error') lines.push(`${result.path}: ${color.dim('no output written for this file')}`);
  else if (result.status !== 'ok' && result.status !== 'io-error') lines.push(`${result.path}: ${color.dim('no output for this file')}`);
  progress.print(lines.join('\n'));
}

async function checkEncoding(name: string): Promise<void> {
  const iconv = (await import('iconv-lite')).default;
  if (!name.trim() || !iconv.encodingExists(name.trim().toLowerCase())) {
    throw new UsageError(`unknown encoding "${name}" (use an iconv-lite name such as utf-8, utf-16le, big5, cp950, gb18030)`);
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw Object.assign(new Error(`input is larger than the limit of ${maxBytes} bytes; raise it with --max-bytes`), { code: 'too-large' });
    }
    chunks.push(chunk);
  }
  const data = Buffer.concat(chunks, total);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** stdout with back-pressure: a write that fills the buffer waits for `drain`. */
class StdoutWriter {
  write(data: string | Uint8Array): void | Promise<void> {
    if (process.stdout.write(data)) return;
    return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
  }

  flush(): Promise<void> {
    return new Promise((resolve) => {
      if (process.stdout.writableLength === 0) resolve();
      else process.stdout.write('', () => resolve());
    });
  }
}
