/**
 * Command-line options shared by the commands, and their checking.  Every
 * problem here is a usage error (exit 2).
 */
import { availableParallelism, cpus } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ReporterName } from './reporters/types.js';

export interface CliOptions {
  out?: string;
  format?: 'json' | 'ndjson' | 'csv';
  pretty: boolean;
  encoding?: string;
  convert: boolean;
  jobs: number;
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
}

export const DEFAULT_JOBS = (() => {
  try {
    return Math.max(1, availableParallelism());
  } catch {
    return Math.max(1, cpus().length);
  }
})();

function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a positive whole number.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive whole number.`);
    return n;
  };
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
    if (which.csv) command.option('-o, --out <file>', 'write the table to this file instead of stdout');
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
    .option('-j, --jobs <n>', `parallel workers (default: ${DEFAULT_JOBS}, the number of CPUs)`, positiveInteger('--jobs'))
    .option('-q, --quiet', 'no progress bar, no summary, no warnings (errors are still reported)')
    .option('--strict', 'warnings fail too (exit 1)')
    .option('--max-bytes <size>', 'refuse inputs larger than this (default 64M)', byteSize)
    .option('--include <glob>', 'only files matching (repeatable; a glob without / matches the file name)', collect)
    .option('--exclude <glob>', 'skip files and folders matching (repeatable)', collect)
    .option('--no-color', 'no colours on stderr')
    .option('--color', 'colours on stderr even when it is not a terminal');
  if (which.reporter) command.addOption(new Option('-r, --reporter <name>', 'how to report problems').choices(['pretty', 'json', 'github']).default('pretty'));
  else {
    command.addOption(
      new Option('-r, --reporter <name>', 'also report every diagnostic in this format (on stderr: stdout carries the data)').choices(['pretty', 'json', 'github']),
    );
  }
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
    quiet: Boolean(merged.quiet),
    reporter: (merged.reporter as ReporterName | undefined) ?? 'pretty',
    reporterGiven: merged.reporter !== undefined && (command.getOptionValueSource('reporter') === 'cli' || program.getOptionValueSource('reporter') === 'cli'),
    strict: Boolean(merged.strict),
    maxBytes: merged.maxBytes as number | undefined,
    include: (merged.include as string[] | undefined) ?? [],
    exclude: (merged.exclude as string[] | undefined) ?? [],
    csv: Boolean(merged.csv),
    excel: Boolean(merged.excel),
  };
}
