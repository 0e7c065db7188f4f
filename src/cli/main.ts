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
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { RULES } from '../quality/rules.js';
import { runBatch } from './batch.js';
import type { RuleConfig } from './config.js';
import { safePath, safeText, withoutPath } from './escape.js';
import { collectInputs, type InputFile } from './inputs.js';
import { addCommonOptions, resolveOptions, type CliOptions } from './options.js';
import { Progress } from './progress.js';
import { fileStatus, type Reporter, type ReporterName, type ReporterOptions } from './reporters/types.js';
import { suggestCommand } from './suggest.js';
import { Summary } from './summary.js';
import type { Mode, RunConfig, Task, TaskResult } from './task.js';
import { color, configureColor, stderrIsTTY } from './term.js';

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
  configureColor(argv);
  // The reader went away (`plan-parse --help | head -1`, `… | head`): stop quietly, help and data alike.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCode);
    process.stderr.write(`plan-parse: cannot write to standard output: ${error.message}\n`);
    process.exit(2);
  });
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
  (in a clone, run it as npx plan-parse …)

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
  validate.addHelpText(
    'after',
    `
Rules (turn off or change with --rule id=severity or plan-parse.config.json):
${RULES.map((rule) => `  ${rule.id.padEnd(22)} ${rule.severity.padEnd(8)} ${rule.description}`).join('\n')}
  plus the parser's own diagnostics (kpi-row-uncertain, undecodable-bytes, …) and schema-invalid.

Examples:
  plan-parse validate uploads/                          pretty report, tally at the end
  plan-parse validate uploads/ -r github --strict       annotations for GitHub Actions
  plan-parse validate uploads/ -r sarif --report-file plan-parse.sarif
  plan-parse validate uploads/ --rule missing-period=off --max-warnings 0
  plan-parse validate --list-rules

Exit codes: 0 ok, 1 errors (or warnings with --strict, or more than --max-warnings), 2 usage or I/O errors.`,
  );
  validate.action(async (paths: string[]) => {
    exitCode = await run('validate', paths, resolveOptions(validate, program));
  });

  for (const [name, description] of [
    ['kpis', 'flat table of KPI targets, one row per indicator × year'],
    ['items', 'flat table of work items and report items, one row each'],
  ] as const) {
    const command = program.command(name).description(description).argument('[paths...]', 'files, folders (recursive) or - for standard input');
    addCommonOptions(command, { csv: true });
    command.addHelpText(
      'after',
      `
Examples:
  plan-parse ${name} plans/ > ${name}.csv                  CSV (RFC 4180, CRLF line ends) on stdout
  plan-parse ${name} plans/ --excel -o ${name}.csv         with a UTF-8 BOM for Excel, written atomically
  plan-parse ${name} plans/ -f ndjson | jq .             one JSON object per row, typed values
  plan-parse ${name} plans/ -f json --pretty             a JSON array, indented`,
    );
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
    .addHelpText('after', '\nExample:\n  plan-parse schema > plan-document.schema.json')
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
  if (opts.listRules) return listRules();
  if (paths.length === 0) throw new UsageError('no input: give files, folders, or - for standard input (see plan-parse --help)');
  if (opts.encoding !== undefined) await checkEncoding(opts.encoding);
  const csvMode = mode === 'kpis' || mode === 'items';
  const outDir = mode === 'parse' ? opts.out : undefined;
  const outFile = csvMode ? opts.out : undefined;
  const ruleConfig = await loadRules(opts);
  const maxWarnings = opts.maxWarnings ?? ruleConfig.maxWarnings;

  if (outFile) {
    const problem = outputFileProblem(outFile);
    if (problem) {
      process.stderr.write(`${color.red('plan-parse:')} ${safeText(problem)}\n`);
      return 2;
    }
  }

  const collected = collectInputs(paths, { include: opts.include, exclude: opts.exclude, outDir, followSymlinks: opts.followSymlinks });
  let ioError = collected.errors.length > 0;
  let failed = false;
  const files = collected.files;
  const refusedResults: TaskResult[] = collected.refused.map((entry) => {
    const suggestion = entry.code === 'read-error' ? suggestCommand(entry.path) : '';
    return {
      index: -1,
      path: entry.path,
      bytes: 0,
      status: entry.code === 'read-error' ? 'io-error' : 'skipped',
      diagnostics: [{ severity: entry.severity, code: entry.code, message: entry.message + suggestion, position: null }],
      errors: entry.severity === 'error' ? 1 : 0,
      warnings: entry.severity === 'warning' ? 1 : 0,
    };
  });
  if (files.length === 0 && (!reportsEveryInput(mode, opts) || refusedResults.length === 0)) {
    for (const result of refusedResults) process.stderr.write(`${color.red('plan-parse:')} ${safeText(result.diagnostics[0].message)}\n`);
    if (!ioError) process.stderr.write(`${color.red('plan-parse:')} no input files found in ${safeText(paths.join(', '))}${opts.include.length || opts.exclude.length ? ' (after --include / --exclude)' : ''}\n`);
    return 2;
  }

  // The output goes nowhere: say so now, before parsing anything (exit 2).
  if (outDir) {
    const { prepareOutputFolder } = await import('../io/output.js');
    try {
      prepareOutputFolder(outDir);
    } catch (error) {
      process.stderr.write(`${color.red('plan-parse:')} ${safeText((error as Error).message)}\n`);
      return 2;
    }
  }

  const { DEFAULT_MAX_BYTES } = await import('../io/read.js');
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const tasks: Task[] = [];
  const taskInputs: InputFile[] = [];
  const early: TaskResult[] = [...refusedResults];
  const targets: (string | null)[] = [];
  const usedTargets = new Map<string, string>();
  let outputPathFor: ((outDir: string, root: string, input: string) => string) | null = null;
  if (outDir) outputPathFor = (await import('../io/output.js')).outputPathFor;
  for (const file of files) {
    // Where the output goes, decided before anything is parsed: a clash (a/x.txt and b/x.txt into
    // one -o, or standard input and a file named `stdin`) or an unsafe path is refused up front.
    let target: string | null = null;
    if (outDir && outputPathFor) {
      try {
        target = file.stdin ? join(resolve(outDir), 'stdin.json') : outputPathFor(outDir, file.root, file.rel !== undefined ? join(file.root, file.rel) : resolve(file.path));
        const other = usedTargets.get(target);
        if (other !== undefined) {
          throw Object.assign(new Error(`${file.display} and ${other} would both be written to ${target}; not reading ${file.display} (give their common folder instead, so the output mirrors it)`), { code: 'output-clash' });
        }
        usedTargets.set(target, file.display);
      } catch (error) {
        ioError = true;
        const code = String((error as { code?: string }).code ?? 'unsafe-output-path');
        early.push({ index: -1, path: file.display, bytes: 0, status: 'io-error', diagnostics: [{ severity: 'error', code, message: (error as Error).message, position: null }], errors: 1, warnings: 0 });
        continue;
      }
    }
    const task: Task = { index: tasks.length, path: file.bytesPath ?? file.path, display: file.display, walked: file.walked };
    if (file.stdin) {
      try {
        task.bytes = await readStdin(maxBytes);
      } catch (error) {
        const tooLarge = (error as { code?: string }).code === 'too-large';
        // Too large is a bad input (exit 1), like a file above --max-bytes; a read failure is I/O (exit 2).
        if (tooLarge) failed = true;
        else ioError = true;
        early.push({
          index: -1,
          path: '-',
          bytes: 0,
          status: tooLarge ? 'failed' : 'io-error',
          diagnostics: [{ severity: 'error', code: tooLarge ? 'file-too-large' : 'read-error', message: `standard input: ${(error as Error).message}`, position: null }],
          errors: 1,
          warnings: 0,
        });
        continue;
      }
    }
    tasks.push(task);
    taskInputs.push(file);
    targets.push(target);
  }

  // Output shape.
  let format = opts.format;
  if (csvMode) format ??= 'csv';
  else if (mode === 'parse' && !outDir) format ??= tasks.length === 1 ? 'json' : 'ndjson';
  const pretty = opts.pretty && (format === 'json' || (mode === 'parse' && Boolean(outDir)));
  if (opts.pretty && !pretty && format === 'ndjson' && !opts.quiet) {
    process.stderr.write(`${color.yellow('plan-parse:')} --pretty is ignored for NDJSON (one object per line; use --format json${mode === 'parse' ? ' or -o' : ''})\n`);
  }
  const columns = process.stderr.isTTY ? process.stderr.columns || 80 : null;
  const reporterOptions: ReporterOptions = { strict: opts.strict, quiet: opts.quiet, verbose: opts.verbose, columns, version: version() };
  let reporter: Reporter | null = null;
  if (mode === 'validate' || opts.reporterGiven) reporter = await loadReporter(opts.reporter, reporterOptions);
  // The report's destination: --report-file, else stdout in validate; outside validate stdout carries the data.
  const reportChunks: string[] | null = opts.reportFile ? [] : null;
  if (reporter && mode !== 'validate') reporter.stream = 'stderr';
  if (opts.reportFile && !reporter) reporter = await loadReporter(opts.reporter, reporterOptions);
  const config: RunConfig = {
    mode,
    encoding: opts.encoding,
    convert: opts.convert,
    maxBytes,
    json: mode === 'parse',
    pretty,
    quality: mode === 'validate',
    snippets: Boolean(reporter) && opts.reporter === 'pretty' && !reportChunks,
    csv: csvMode ? mode : null,
    csvAsJson: csvMode && format !== 'csv',
    rowsFormat: format === 'json' ? 'json' : 'ndjson',
    rules: ruleConfig.rules,
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

  // Byte totals make the ETA honest when file sizes vary; only worth the stat calls when the bar shows.
  let totalBytes: number | null = null;
  if (stderrIsTTY && !opts.quiet && tasks.length >= 4) {
    totalBytes = 0;
    for (const task of tasks) {
      try {
        totalBytes += task.bytes ? task.bytes.byteLength : statSync(typeof task.path === 'string' ? task.path : Buffer.from(task.path)).size;
      } catch {
        // reported when the task runs
      }
    }
  }
  const progress = new Progress(tasks.length, totalBytes, { tty: stderrIsTTY, quiet: opts.quiet, columns });
  const summary = new Summary();
  let written = 0;
  let delivered = 0;
  const { installSignalHandlers } = await import('../io/signals.js');
  const uninstall = installSignalHandlers(() => {
    progress.finish();
    const total = tasks.length;
    if (outDir) process.stderr.write(`plan-parse: interrupted: ${written} of ${total} written to ${safeText(outDir)}\n`);
    else if (outFile) process.stderr.write(`plan-parse: interrupted: nothing written to ${safeText(outFile)} (${delivered} of ${total} files parsed)\n`);
    else process.stderr.write(`plan-parse: interrupted after ${delivered} of ${total} files\n`);
  });
  const stepSummary = mode === 'validate' && process.env.GITHUB_STEP_SUMMARY ? new (await import('./step-summary.js')).StepSummary() : null;

  const stdout = new StdoutWriter();
  const csvChunks: string[] = [];
  const emitData = (data: string | Uint8Array): void | Promise<void> => {
    if (data.length === 0) return;
    if (outFile) csvChunks.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    else return stdout.write(data);
  };
  const emitReport = async (text: string): Promise<void> => {
    if (!text || !reporter) return;
    if (reportChunks) reportChunks.push(text);
    else if (reporter.stream === 'stderr') progress.print(text);
    else await stdout.write(text);
  };
  const { fileChunks, removeTemp } = await import('../io/output.js');
  /**
   * A result's JSON bytes in order: its blocks, with a spilled output's temp
   * file read in where it goes (into one buffer again and again when `reuse`:
   * the writer is done with each before the next).
   */
  function* jsonChunks(result: TaskResult, reuse = false): Generator<Uint8Array> {
    const blocks = result.json!;
    for (let i = 0; i < blocks.length; i++) {
      if (result.jsonSpill?.at === i) yield* fileChunks(result.jsonSpill.path, reuse);
      yield blocks[i]!;
    }
  }
  let writeOutput: ((result: TaskResult) => void) | null = null;
  if (outDir) {
    const { writeFileAtomic } = await import('../io/output.js');
    writeOutput = (result) => {
      try {
        // (writeFileAtomic writes each block before taking the next.)
        writeFileAtomic(targets[result.index]!, jsonChunks(result, true));
        written++;
      } catch (error) {
        ioError = true;
        summary.moveToErrors(result);
        progress.print(`${color.red('plan-parse:')} ${safeText((error as Error).message)}`);
      }
    };
  }

  // Inputs that were never read (missing, refused, clashing) are files of the run too: every reporter lists them.
  const note = async (result: TaskResult): Promise<void> => {
    summary.add(result);
    stepSummary?.add(result, fileStatus(result, opts.strict));
    if (result.status === 'io-error') ioError = true;
    if (reporter) await emitReport(reporter.file(result));
    else if (result.diagnostics[0]?.code === 'symlink-outside' && !opts.quiet) {
      // What was not read, and why, even without --verbose: the upload tried to reach outside its folder.
      progress.print(`${color.yellow('plan-parse:')} ${safePath(result.path)}: ${safeText(result.diagnostics[0].message)}`);
    } else reportProblems(result, progress, opts, Boolean(outDir));
  };
  if (csvHeader) await emitData(csvHeader);
  for (const result of early) await note(result);
  let first = true;
  const deliver = async (result: TaskResult): Promise<void> => {
    delivered++;
    const bad = result.status === 'failed' || result.status === 'crashed' || result.errors > 0;
    if (bad || (opts.strict && result.warnings > 0)) failed = true;
    await note(result);

    if (result.json !== undefined) {
      if (writeOutput) writeOutput(result);
      else if (format === 'json' && tasks.length > 1) {
        await emitData(first ? '[\n' : ',\n');
        let previous: Uint8Array | null = null;
        for (const block of jsonChunks(result)) {
          if (previous) await emitData(previous);
          previous = block;
        }
        // The last block without the output's final newline.
        if (previous) await emitData(previous.subarray(0, previous.byteLength - 1));
        first = false;
      } else for (const block of jsonChunks(result)) await emitData(block);
      if (result.jsonSpill) removeTemp(result.jsonSpill.path);
    }
    if (result.rows !== undefined) {
      if (format === 'json') {
        // The worker joined this file's rows as array elements.
        if (result.rows) {
          await emitData(`${first ? '[\n' : ',\n'}${result.rows}`);
          first = false;
        }
      } else await emitData(result.rows);
    }
  };

  try {
    await runBatch(
      tasks,
      config,
      { jobs: opts.jobsGiven ? opts.jobs : undefined, onDone: (result) => progress.tick(result.bytes), timeout: opts.timeout, maxMemoryMb: opts.maxMemoryMb },
      deliver,
    );
  } finally {
    progress.finish();
  }

  if (format === 'json' && (tasks.length > 1 || csvMode) && (mode === 'parse' ? !outDir : true)) {
    await emitData(first ? '[]\n' : '\n]\n');
  }
  const totals = summary.finish();
  const warningLimitHit = maxWarnings !== null && maxWarnings !== undefined && totals.warningCount > maxWarnings;
  if (warningLimitHit) failed = true;
  if (reporter) await emitReport(reporter.end(totals));
  if (outFile) {
    const { writeOutputFile } = await import('../io/output.js');
    try {
      await writeOutputFile(outFile, csvChunks.join(''));
    } catch (error) {
      ioError = true;
      process.stderr.write(`${color.red('plan-parse:')} ${safeText((error as Error).message)}\n`);
    }
  }
  if (reportChunks && opts.reportFile) {
    const { writeOutputFile } = await import('../io/output.js');
    try {
      await writeOutputFile(opts.reportFile, reportChunks.join(''));
    } catch (error) {
      ioError = true;
      process.stderr.write(`${color.red('plan-parse:')} cannot write the report: ${safeText((error as Error).message)}\n`);
    }
  }
  await stdout.flush();
  uninstall();
  const exitCode = ioError ? 2 : failed ? 1 : 0;
  if (stepSummary) {
    const problem = stepSummary.write(process.env.GITHUB_STEP_SUMMARY!, totals, exitCode);
    if (problem) process.stderr.write(`${color.yellow('plan-parse:')} ${safeText(problem)}\n`);
  }
  if (warningLimitHit) process.stderr.write(`${color.red('plan-parse:')} too many warnings (${totals.warningCount}, at most ${maxWarnings} allowed by --max-warnings)\n`);
  // A machine report on stderr stays parseable: no human line after it.
  const machineOnStderr = reporter?.machine && !reportChunks && reporter.stream === 'stderr';
  if (!opts.quiet && !machineOnStderr) {
    const hint = reporter || opts.verbose || opts.strict ? undefined : `(shown by plan-parse validate, or --verbose)`;
    let line = summary.line(exitCode, { hint });
    if (outDir) {
      const notWritten = totals.files - totals.skipped - written;
      line += ` → ${written} written to ${safeText(outDir)}${notWritten > 0 ? color.red(` (${notWritten} not written)`) : ''}`;
    }
    else if (outFile) line += ioError ? ` → nothing written to ${safeText(outFile)}` : ` → written to ${safeText(outFile)}`;
    if (collected.ownOutputs) line += color.dim(` (${collected.ownOutputs} earlier outputs in the input folder not read)`);
    process.stderr.write(`${line}\n`);
  }
  return exitCode;
}

/** A symlink to a FIFO or character device (`/dev/stdout` → `/proc/self/fd/1`): written through, never replaced. */
function pointsToStream(file: string): boolean {
  try {
    const target = statSync(file);
    return target.isFIFO() || target.isCharacterDevice();
  } catch {
    return false;
  }
}

/** A report lists every input, unreadable ones too: a run whose inputs are all missing still writes it. */
function reportsEveryInput(mode: Mode, opts: CliOptions): boolean {
  return mode === 'validate' || opts.reporterGiven || Boolean(opts.reportFile);
}

/** Why `kpis` / `items -o FILE` cannot write FILE, checked before parsing; null when it can. */
function outputFileProblem(file: string): string | null {
  if (/^\/dev\/(?:stdout|stderr|fd\/\d+)$|^\/proc\/self\/fd\/\d+$/.test(file)) return null;
  try {
    const stat = lstatSync(file);
    if (stat.isSymbolicLink() && pointsToStream(file)) return null;
    if (stat.isSymbolicLink()) return `not writing ${file}: it is a symbolic link; plan-parse never replaces one (give the file it points to, or redirect stdout with >)`;
    if (stat.isDirectory()) return `not writing ${file}: it is a folder (give a file name)`;
    if (stat.isSocket() || stat.isBlockDevice()) return `not writing ${file}: it is ${stat.isSocket() ? 'a socket' : 'a block device'}`;
  } catch {
    // absent: written atomically at the end
  }
  return null;
}

/** Messages for one file in parse / kpis / items mode: errors always; warnings with --strict or --verbose; info with --verbose. */
function reportProblems(result: TaskResult, progress: Progress, options: CliOptions, outDir: boolean): void {
  const shownHere = result.diagnostics.filter(
    (d) => d.severity === 'error' || (!options.quiet && ((d.severity === 'warning' && (options.strict || options.verbose)) || (d.severity === 'info' && options.verbose))) || (options.quiet && options.strict && d.severity === 'warning'),
  );
  if (shownHere.length === 0) return;
  const path = safePath(result.path);
  const lines = shownHere.map((d) => {
    const where = d.position ? `:${d.position.start.line}:${d.position.start.column}` : '';
    const label = d.severity === 'error' ? color.red('error') : d.severity === 'warning' ? color.yellow('warning') : color.blue('info');
    // A message that already names the file (read errors: `a.txt: no such file or directory`) reads best as it is.
    if (d.message.startsWith(`${result.path}: `)) return `${path}: ${safeText(withoutPath(d.message, result.path))} ${color.dim(`(${d.code})`)}`;
    return `${path}${where}: ${label}: ${safeText(d.message)} ${color.dim(`(${d.code})`)}`;
  });
  if (result.status === 'failed' || result.status === 'crashed') lines.push(`${path}: ${color.dim(outDir ? 'no output written for this file' : 'no output for this file')}`);
  progress.print(lines.join('\n'));
}

async function loadReporter(name: ReporterName, options: ReporterOptions): Promise<Reporter> {
  if (name === 'json') return (await import('./reporters/json.js')).jsonReporter(options);
  if (name === 'github') return (await import('./reporters/github.js')).githubReporter(options);
  if (name === 'sarif') return (await import('./reporters/sarif.js')).sarifReporter(options);
  return (await import('./reporters/pretty.js')).prettyReporter(options);
}

async function loadRules(opts: CliOptions): Promise<RuleConfig> {
  const { loadConfigFile, parseRuleOption, ConfigError } = await import('./config.js');
  try {
    const config = loadConfigFile(process.cwd(), opts.config);
    for (const text of opts.rules) {
      const [id, setting] = parseRuleOption(text);
      config.rules[id] = setting;
    }
    return config;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function listRules(): number {
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  const lines = RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
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
