/**
 * Collecting the inputs of a run: files as given, folders walked recursively
 * (sorted, hidden entries and the `-o` output folder skipped, symlink loops
 * broken), `-` for standard input, walked files filtered by `--include` /
 * `--exclude` (a file named on the command line is always read).
 *
 * A symbolic link met in a walk is followed only when its target lies inside
 * the folder given: an upload must not make the run read `/etc` or the rest
 * of the host (`--follow-symlinks` allows it).  File names that are not
 * UTF-8 (CP950 names from a Windows zip) are read by their bytes and shown
 * with the bytes escaped (`%A4%A4.txt`).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { anyGlob } from './glob.js';

export interface InputFile {
  /** Path to read (as given, or joined to the folder as given). */
  path: string;
  /** The path as bytes, when a name in it is not valid UTF-8 (read through this instead of `path`). */
  bytesPath?: Uint8Array;
  /** What `source.path` records: the path as given, `/`-separated; `-` for stdin. */
  display: string;
  /** The folder given on the command line (for a file given directly, its folder). */
  root: string;
  /** Path under `root` (walked files; non-UTF-8 bytes escaped), used for the output name. */
  rel?: string;
  /** True for `-` (standard input). */
  stdin: boolean;
  /** Found by walking a folder (not named on the command line). */
  walked: boolean;
}

export interface CollectOptions {
  include: string[];
  exclude: string[];
  /** The `-o` folder, never read as input (unless it is the folder given). */
  outDir?: string;
  /** Follow symbolic links whose target is outside the folder given. */
  followSymlinks?: boolean;
}

/** An entry not read: a missing path (`error`), or a link not followed (`warning`). */
export interface Refused {
  path: string;
  code: 'read-error' | 'symlink-outside';
  severity: 'error' | 'warning';
  message: string;
}

export interface Collected {
  files: InputFile[];
  /** Usage / I/O problems (a missing path, an unreadable folder): exit 2.  Messages. */
  errors: string[];
  /** Every entry not read, with its path (errors above and links not followed). */
  refused: Refused[];
  /** Our own outputs (`x.txt.json` beside `x.txt`) skipped when `-o` is the input folder. */
  ownOutputs: number;
}

export function collectInputs(paths: string[], options: CollectOptions): Collected {
  const files: InputFile[] = [];
  const errors: string[] = [];
  const refused: Refused[] = [];
  let ownOutputs = 0;
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
  const fail = (path: string, message: string): void => {
    errors.push(message);
    refused.push({ path, code: 'read-error', severity: 'error', message });
  };

  for (const given of paths) {
    if (given === '-') {
      if (!stdinSeen) files.push({ path: '-', display: '-', root: '.', stdin: true, walked: false });
      stdinSeen = true;
      continue;
    }
    if (given === '') {
      fail('', 'an empty path was given');
      continue;
    }
    let stat;
    try {
      stat = statSync(given);
    } catch (error) {
      fail(given, describeStatError(given, error));
      continue;
    }
    if (stat.isDirectory()) {
      const rootReal = safeReal(given);
      // `-o` is the folder given: read it, but not the outputs a previous run wrote there.
      const outIsRoot = outReal !== null && outReal === rootReal;
      walk(given, rootReal, outIsRoot, given, '', new Set<string>());
    } else {
      const key = safeReal(given);
      if (seen.has(key)) continue;
      seen.add(key);
      // A file named on the command line is always read: --include / --exclude filter folder walks.
      files.push({ path: given, display: toPosix(given), root: dirname(given), stdin: false, walked: false });
    }
  }
  return { files, errors, refused, ownOutputs };

  function walk(root: string, rootReal: string, outIsRoot: boolean, dir: string | Buffer, rel: string, visited: Set<string>): void {
    const real = safeReal(dir);
    if (visited.has(real)) return; // symlink loop
    if (outReal !== null && real === outReal && !outIsRoot) return;
    visited.add(real);
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const shown = rel ? `${toPosix(join(root, rel))}` : root;
      fail(shown, describeStatError(shown, error));
      return;
    }
    const named = entries.map((entry) => ({ entry, name: nameOf(entry.name) }));
    named.sort((a, b) => (a.name.text < b.name.text ? -1 : a.name.text > b.name.text ? 1 : 0));
    const names = outIsRoot ? new Set(named.map((n) => n.name.text)) : null;
    for (const { entry, name } of named) {
      if (name.text.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${name.text}` : name.text;
      const display = toPosix(join(root, childRel));
      // A name that is not UTF-8 is reached through its bytes: a decoded string would name no file.
      const childPath: string | Buffer = name.utf8 && typeof dir === 'string' ? join(dir, name.text) : joinBytes(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let targetReal: string;
        try {
          const target = statSync(childPath);
          isDir = target.isDirectory();
          isFile = target.isFile();
          targetReal = realpathSync(childPath);
        } catch {
          continue; // dangling link
        }
        if (!options.followSymlinks && !isInside(rootReal, targetReal) && (isDir || isFile) && !(exclude && exclude(childRel))) {
          refused.push({
            path: display,
            code: 'symlink-outside',
            severity: 'warning',
            message: `not read: a symbolic link to ${targetReal}, outside the folder ${root} (pass --follow-symlinks to read links that leave it)`,
          });
          continue;
        }
      }
      if (isDir) {
        if (exclude && exclude(childRel)) continue;
        walk(root, rootReal, outIsRoot, childPath, childRel, visited);
      } else if (isFile) {
        if (!wanted(childRel)) continue;
        if (names && name.text.endsWith('.json') && names.has(name.text.slice(0, -5))) {
          ownOutputs++;
          continue;
        }
        const key = safeReal(childPath);
        if (seen.has(key)) continue;
        seen.add(key);
        const file: InputFile = { path: typeof childPath === 'string' ? childPath : display, display, root, rel: childRel, stdin: false, walked: true };
        if (typeof childPath !== 'string') file.bytesPath = new Uint8Array(childPath);
        files.push(file);
      }
    }
  }
}

/** A directory entry's name: as text when it is UTF-8, else with each invalid byte as `%XX`. */
function nameOf(bytes: Buffer): { text: string; utf8: boolean } {
  const text = bytes.toString('utf8');
  if (!text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(bytes)) return { text, utf8: true };
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = utf8Length(bytes, i);
    if (length > 0) {
      out += bytes.subarray(i, i + length).toString('utf8');
      i += length;
    } else {
      out += `%${bytes[i].toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return { text: out, utf8: false };
}

/** Length of the valid UTF-8 sequence at `i`, or 0. */
function utf8Length(bytes: Buffer, i: number): number {
  const b = bytes[i];
  const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return Buffer.from(bytes.subarray(i, i + n).toString('utf8'), 'utf8').length === n && !bytes.subarray(i, i + n).toString('utf8').includes('\ufffd') ? n : 0;
}

function joinBytes(dir: string | Buffer, name: Buffer): Buffer {
  const base = typeof dir === 'string' ? Buffer.from(dir, 'utf8') : dir;
  const slash = base.length && base[base.length - 1] === 0x2f ? Buffer.alloc(0) : Buffer.from(sep);
  return Buffer.concat([base, slash, name]);
}

/** True when `child` is `parent` or lies inside it (both absolute real paths). */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function safeReal(path: string | Buffer): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(typeof path === 'string' ? path : path.toString('utf8'));
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
