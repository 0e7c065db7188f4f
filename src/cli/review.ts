/**
 * `plan-parse review [paths…] -o DIR`: one self-contained HTML page per input
 * (the source beside what was extracted) and `DIR/index.html` for the run.
 *
 * Inputs are collected, read and parsed by the same machinery as the other
 * commands (`collectInputs`, `runBatch` with its worker pool); the workers
 * also run the quality rules and build each page's model, and this thread
 * renders and writes the pages in input order.  Nothing is written outside
 * DIR and every page is written atomically.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { IndexEntry } from '../review/index-page.js';
import { runBatch } from './batch.js';
import { collectInputs, type InputFile } from './inputs.js';
import type { CliOptions } from './options.js';
import type { Reporter } from './reporters/types.js';
import { Progress } from './progress.js';
import { Summary } from './summary.js';
import type { RunConfig, Task, TaskResult } from './task.js';
import { color, stderrIsTTY } from './term.js';

/** Run a review; resolves to the exit code (0 ok, 1 an input has errors, 2 usage or I/O errors). */
export async function runReview(paths: string[], opts: CliOptions): Promise<number> {
  const fail = (message: string): number => {
    process.stderr.write(`${color.red('plan-parse:')} ${message}\n`);
    return 2;
  };
  const outDir = opts.out;
  if (!outDir) return fail('review needs an output folder: plan-parse review <paths…> -o <dir>');
  if (paths.length === 0) return fail('no input: give files or folders (see plan-parse review --help)');
  if (paths.includes('-')) return fail('review reads files, not standard input: save the text to a file first');

  const collected = collectInputs(paths, { include: opts.include, exclude: opts.exclude, outDir });
  let ioError = collected.errors.length > 0;
  let failed = false;
  for (const message of collected.errors) process.stderr.write(`${color.red('plan-parse:')} ${message}\n`);
  const files = collected.files;
  if (files.length === 0) {
    if (!ioError) process.stderr.write(`${color.red('plan-parse:')} no input files found in ${paths.join(', ')}\n`);
    return 2;
  }

  const [{ DEFAULT_MAX_BYTES }, { outputPathFor, writeFileAtomic }, { installSignalHandlers }, { renderFilePage }, { indexEntry, failedEntry, renderIndexPage }] = await Promise.all([
    import('../io/read.js'),
    import('../io/output.js'),
    import('../io/signals.js'),
    import('../review/page.js'),
    import('../review/index-page.js'),
  ]);
  const tasks: Task[] = files.map((file, index) => ({ index, path: file.path, display: file.display }));
  const config: RunConfig = {
    mode: 'review',
    encoding: opts.encoding,
    convert: opts.convert,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    json: false,
    pretty: false,
    // The quality rules' warnings (a report entry without completion, a KPI short of targets) are what a reviewer checks.
    quality: true,
    snippets: opts.reporterGiven && opts.reporter === 'pretty',
    csv: null,
    csvAsJson: false,
    review: true,
  };

  let reporter: Reporter | null = null;
  if (opts.reporterGiven) {
    const name = opts.reporter;
    reporter =
      name === 'json'
        ? (await import('./reporters/json.js')).jsonReporter()
        : name === 'github'
          ? (await import('./reporters/github.js')).githubReporter()
          : (await import('./reporters/pretty.js')).prettyReporter();
  }

  const indexPath = join(resolve(outDir), 'index.html');
  const progress = new Progress(tasks.length, null, { tty: stderrIsTTY, quiet: opts.quiet });
  const uninstall = installSignalHandlers(() => progress.finish());
  const summary = new Summary();
  const entries: IndexEntry[] = [];
  const used = new Map<string, string>([[indexPath, 'the index']]);
  let written = 0;

  const pageTarget = (input: InputFile): string => {
    const target = outputPathFor(outDir, input.root, resolve(input.path)).replace(/\.json$/, '.html');
    // A file named `index` would take the index's place.
    return target === indexPath ? target.replace(/\.html$/, '.page.html') : target;
  };

  const deliver = (result: TaskResult): void => {
    summary.add(result);
    const input = files[result.index];
    if (result.status === 'io-error') ioError = true;
    if (result.status !== 'ok' || result.errors > 0 || (opts.strict && result.warnings > 0)) failed = true;
    if (reporter) {
      const text = reporter.file(result);
      if (text) progress.print(text);
    } else reportProblems(result, progress, opts);
    if (!result.review) {
      entries.push(failedEntry(result.path, result.status, result.diagnostics));
      return;
    }
    try {
      const target = pageTarget(input);
      const other = used.get(target);
      if (other !== undefined) throw new Error(`${result.path} and ${other} would both be written to ${target}; not writing ${result.path}`);
      used.set(target, result.path);
      const indexHref = toHref(relative(dirname(target), indexPath));
      writeFileAtomic(target, renderFilePage(result.review, { indexHref }));
      written++;
      entries.push(indexEntry(result.review, toHref(relative(dirname(indexPath), target)), result.status));
    } catch (error) {
      ioError = true;
      progress.print(`${color.red('plan-parse:')} ${(error as Error).message}`);
      entries.push(failedEntry(result.path, 'io-error', result.diagnostics));
    }
  };

  try {
    await runBatch(tasks, config, { jobs: opts.jobsGiven ? opts.jobs : undefined, onDone: (result) => progress.tick(result.bytes) }, deliver);
    writeFileAtomic(indexPath, renderIndexPage(entries));
  } catch (error) {
    ioError = true;
    process.stderr.write(`${color.red('plan-parse:')} ${(error as Error).message}\n`);
  } finally {
    progress.finish();
    uninstall();
  }
  if (reporter) {
    const end = reporter.end(summary.finish());
    if (end) process.stderr.write(end);
  }
  const exitCode = ioError ? 2 : failed ? 1 : 0;
  if (!opts.quiet) process.stderr.write(`${summary.line(exitCode)} → ${written} page${written === 1 ? '' : 's'} and index.html in ${outDir}\n`);
  return exitCode;
}

/** Errors always; warnings with --strict (the pages show them all). */
function reportProblems(result: TaskResult, progress: Progress, opts: CliOptions): void {
  const shown = result.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && opts.strict && !opts.quiet));
  if (shown.length === 0) return;
  progress.print(
    shown
      .map((d) => {
        const where = d.position ? `:${d.position.start.line}:${d.position.start.column}` : '';
        const label = d.severity === 'error' ? color.red('error') : color.yellow('warning');
        return `${result.path}${where}: ${label}: ${d.message} ${color.dim(`(${d.code})`)}`;
      })
      .join('\n'),
  );
}

/** A relative file path as a URL path: `/`-separated, each segment percent-encoded. */
export function toHref(path: string): string {
  return path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}
