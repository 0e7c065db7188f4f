/**
 * Collecting the inputs of a run: files as given, folders walked recursively
 * (sorted, hidden entries and the `-o` output folder skipped, symlink loops
 * broken), `-` for standard input, filtered by `--include` / `--exclude`.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { anyGlob, type Matcher } from './glob.js';

export interface InputFile {
  /** Path to read (as given, or joined to the folder as given). */
  path: string;
  /** What `source.path` records: the path as given, `/`-separated; `-` for stdin. */
  display: string;
  /** The folder given on the command line (for a file given directly, its folder). */
  root: string;
  /** True for `-` (standard input). */
  stdin: boolean;
}

export interface CollectOptions {
  include: string[];
  exclude: string[];
  /** The `-o` folder, never read as input. */
  outDir?: string;
}

export interface Collected {
  files: InputFile[];
  /** Usage / I/O problems (a missing path, an unreadable folder): exit 2. */
  errors: string[];
}

export function collectInputs(paths: string[], options: CollectOptions): Collected {
  const files: InputFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const include = options.include.length ? anyGlob(options.include) : null;
  const exclude = options.exclude.length ? anyGlob(options.exclude) : null;
  const wanted = (rel: string): boolean => (!include || include(rel)) && !(exclude && exclude(rel));
  let outReal: string | null = null;
  if (options.outDir) {
    try {
      outReal = realpathSync(options.outDir);
    } catch {
      outReal = resolve(options.outDir);
    }
  }
  let stdinSeen = false;

  for (const given of paths) {
    if (given === '-') {
      if (!stdinSeen) files.push({ path: '-', display: '-', root: '.', stdin: true });
      stdinSeen = true;
      continue;
    }
    if (given === '') {
      errors.push('an empty path was given');
      continue;
    }
    let stat;
    try {
      stat = statSync(given);
    } catch (error) {
      errors.push(describeStatError(given, error));
      continue;
    }
    if (stat.isDirectory()) {
      const visited = new Set<string>();
      walk(given, '', visited);
    } else {
      const key = safeReal(given);
      if (seen.has(key)) continue;
      seen.add(key);
      const name = given.split(/[\\/]/).pop() ?? given;
      // A file named on the command line is taken unless a filter rules it out.
      if (!wanted(name)) continue;
      files.push({ path: given, display: toPosix(given), root: dirname(given), stdin: false });
    }
  }
  return { files, errors };

  function walk(root: string, rel: string, visited: Set<string>): void {
    const dir = rel ? join(root, rel) : root;
    const real = safeReal(dir);
    if (visited.has(real)) return; // symlink loop
    if (outReal !== null && real === outReal) return;
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push(describeStatError(dir, error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childPath = join(root, childRel);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(childPath);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (exclude && exclude(childRel)) continue;
        walk(root, childRel, visited);
      } else if (isFile) {
        if (!wanted(childRel)) continue;
        const key = safeReal(childPath);
        if (seen.has(key)) continue;
        seen.add(key);
        files.push({ path: childPath, display: toPosix(join(root, childRel)), root, stdin: false });
      }
    }
  }
}

function safeReal(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

function describeStatError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path}: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    case 'ENOTDIR':
      return `${path}: a part of the path is not a folder`;
    case 'ELOOP':
      return `${path}: too many levels of symbolic links`;
    default:
      return `${path}: ${(error as Error)?.message ?? String(error)}`;
  }
}
