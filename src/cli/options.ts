/**
 * Command-line options shared by the commands, and their checking.  Every
 * problem here is a usage error (exit 2).
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ReporterName } from './reporters/types.js';

export interface CliOptions {
  out?: string;
  format?: 'json' | 'ndjson' | 'csv';
  pretty: boolean;
  encoding?: string;
  convert: boolean;
  jobs: number;
  /** --jobs was given (else the batch sizes its pool from the work: src/cli/pool-size.ts). */
  jobsGiven: boolean;
  quiet: boolean;
  reporter: ReporterName;
  /** --reporter was given (parse / kpis / items: report diagnostics with it, on stderr). */
  reporterGiven: boolean;
  strict: boolean;
  maxBytes?: number;
  include: string[];
  exclude: string[];
  csv: boolean;
  excel: boolean;
  /** Seconds per file before its worker is stopped (0: no budget). */
  timeout: number;
  /** Heap limit per worker, MB. */
  maxMemoryMb: number;
  followSymlinks: boolean;
  verbose: boolean;
  reportFile?: string;
  rules: string[];
  config?: string;
  maxWarnings?: number;
  listRules: boolean;
}

/** Default `--timeout`: seconds per file up to 4 MiB (more for larger files). */
export const DEFAULT_TIMEOUT = 60;

/** Default heap limit per worker: half the machine's memory, between 512 MB and 4 GB. */
export const DEFAULT_MAX_MEMORY_MB = Math.max(512, Math.min(4096, Math.floor(totalmem() / 2 / 1024 / 1024)));

export const DEFAULT_JOBS = (() => {
  try {
    return Math.max(1, availableParallelism());
  } catch {
    return Math.max(1, cpus().length);
  }
})();

/** Upper bound of --jobs: more workers than this only cost memory (each loads its own parser). */
export const MAX_JOBS = Math.max(16, DEFAULT_JOBS * 4);

function positiveInteger(name: string, max = Number.MAX_SAFE_INTEGER, min = 1) {
  return (value: string): number => {
    const what = min === 0 ? 'a whole number ≥ 0' : 'a positive whole number';
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be ${what}.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be ${what}.`);
    if (n > max) throw new InvalidArgumentError(`${name} must be at most ${max}.`);
    return n;
  };
}

/** `--timeout 60`, `90s`, `500ms`, `2m`; 0 turns the budget off. */
function seconds(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(value);
  if (!match) throw new InvalidArgumentError('expected seconds, e.g. 60, 90s, 500ms, 2m (0: no limit).');
  const unit = (match[2] ?? 's').toLowerCase();
  return Number(match[1]) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
}

/** `--max-bytes 10M`, `512k`, `1G` or a plain byte count. */
function byteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]i?[bB]?|[bB])?\s*$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected a size in bytes, e.g. 1048576, 512K, 64M.');
  const unit = (match[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(match[1]) * factor);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('the size must be at least 1 byte.');
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Add the options every parsing command takes. */
export function addCommonOptions(command: Command, which: { out?: boolean; csv?: boolean; reporter?: boolean } = {}): Command {
  if (which.out !== false) {
    if (which.csv) command.option('-o, --out <file>', 'write the table to this file instead of stdout: a regular file is replaced atomically, a FIFO or device written through; a symlink or folder is refused');
    else command.option('-o, --out <dir>', 'write <dir>/<relative path>.json per input, mirroring folders');
  }
  if (!which.reporter) {
    command
      .addOption(new Option('-f, --format <format>', which.csv ? 'csv (default), or json / ndjson rows' : 'json (one input) or ndjson (several); json with several inputs gives an array').choices(which.csv ? ['csv', 'json', 'ndjson'] : ['json', 'ndjson']))
      .option('--pretty', 'indent JSON with two spaces (same key order)');
  }
  command
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, big5, cp950, gb18030, …)')
    .option('--no-convert', 'keep Simplified Chinese as written (no conversion to Traditional)')
    .option('-j, --jobs <n>', `parallel workers (default: ${DEFAULT_JOBS}, the number of CPUs; at most ${MAX_JOBS})`, positiveInteger('--jobs', MAX_JOBS))
    .option('-q, --quiet', 'only what fails the run: errors (and warnings with --strict); no progress bar, no other warnings, no summary. Machine reports (json, sarif) stay complete')
    .option('--verbose', 'also show info diagnostics (and, outside validate, every warning)')
    .option('--strict', 'warnings fail too (exit 1)')
    .option('--max-bytes <size>', 'refuse inputs larger than this (default 64M)', byteSize)
    .option('--timeout <seconds>', `stop parsing a file after this long, proportionally longer above 4 MiB; the file fails with a timeout error (default ${DEFAULT_TIMEOUT}; 0: no limit)`, seconds)
    .option('--max-memory <size>', `heap limit for parsing one file; past it the file fails with out-of-memory (default ${DEFAULT_MAX_MEMORY_MB}M)`, byteSize)
    .option('--include <glob>', 'only files matching, in folders (repeatable; a glob without / matches the file name); files named on the command line are always read', collect)
    .option('--exclude <glob>', 'skip files and folders matching, in folders (repeatable)', collect)
    .option('--follow-symlinks', 'follow symbolic links in folders that point outside the folder given (default: not read, with a warning)')
    .option('--no-color', 'no colours on stderr')
    .option('--color', 'colours on stderr even when it is not a terminal (the last of --color / --no-color wins, over NO_COLOR)')
    .option('--rule <id=severity>', 'set a rule or diagnostic code to off, info, warning or error (repeatable; also plan-parse.config.json)', collect)
    .option('--config <file>', 'rule settings file (default: plan-parse.config.json, or "plan-parse" in package.json)')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', positiveInteger('--max-warnings', Number.MAX_SAFE_INTEGER, 0));
  const reporters = ['pretty', 'json', 'github', 'sarif'];
  if (which.reporter) command.addOption(new Option('-r, --reporter <name>', 'how to report problems (json and sarif are machine formats)').choices(reporters).default('pretty'));
  else {
    command.addOption(
      new Option('-r, --reporter <name>', 'also report every diagnostic in this format (on stderr, or --report-file: stdout carries the data)').choices(reporters),
    );
  }
  command.option('--report-file <file>', 'write the report to this file instead of stdout / stderr (like eslint --output-file)');
  if (which.reporter) command.option('--list-rules', 'list the quality rules (id, severity, what it checks) and exit');
  if (which.csv) {
    command.option('--csv', 'CSV output (the default)').option('--excel', 'start the CSV with a UTF-8 BOM so Excel reads it as UTF-8');
  }
  return command;
}

/** Resolve a command's options: values given after the command win over those given before it. */
export function resolveOptions(command: Command, program: Command): CliOptions {
  const merged: Record<string, unknown> = {};
  for (const source of command === program ? [program] : [program, command]) {
    const values = source.opts();
    for (const key of Object.keys(values)) {
      const origin = source.getOptionValueSource(key);
      if (origin === 'default' && key in merged) continue;
      merged[key] = values[key];
    }
  }
  return {
    out: merged.out as string | undefined,
    format: merged.format as CliOptions['format'],
    pretty: Boolean(merged.pretty),
    encoding: merged.encoding as string | undefined,
    convert: merged.convert !== false,
    jobs: (merged.jobs as number | undefined) ?? DEFAULT_JOBS,
    jobsGiven: merged.jobs !== undefined,
    quiet: Boolean(merged.quiet),
    reporter: (merged.reporter as ReporterName | undefined) ?? 'pretty',
    reporterGiven: merged.reporter !== undefined && (command.getOptionValueSource('reporter') === 'cli' || program.getOptionValueSource('reporter') === 'cli'),
    strict: Boolean(merged.strict),
    maxBytes: merged.maxBytes as number | undefined,
    include: (merged.include as string[] | undefined) ?? [],
    exclude: (merged.exclude as string[] | undefined) ?? [],
    csv: Boolean(merged.csv),
    excel: Boolean(merged.excel),
    timeout: (merged.timeout as number | undefined) ?? DEFAULT_TIMEOUT,
    maxMemoryMb: merged.maxMemory !== undefined ? Math.max(16, Math.ceil((merged.maxMemory as number) / 1024 / 1024)) : DEFAULT_MAX_MEMORY_MB,
    followSymlinks: Boolean(merged.followSymlinks),
    verbose: Boolean(merged.verbose),
    reportFile: merged.reportFile as string | undefined,
    rules: (merged.rule as string[] | undefined) ?? [],
    config: merged.config as string | undefined,
    maxWarnings: merged.maxWarnings as number | undefined,
    listRules: Boolean(merged.listRules),
  };
}
