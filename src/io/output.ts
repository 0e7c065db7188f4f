/**
 * Safe output: where a result goes under `-o`, and how it is written.
 *
 * `outputPathFor` maps an input path to `<outDir>/<relative path>.json` and
 * refuses anything that would land outside `outDir` (`..` segments, absolute
 * names, a symlinked directory inside `outDir` that points elsewhere).
 * `writeFileAtomic` writes through a temp file in the target's directory and
 * renames it over the target, so a reader sees either the old or the new
 * content and an interrupted run leaves no half-written `.json`; temp files
 * still in flight are tracked so a signal handler can remove them.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** An Error carrying a stable `code` (Node style). */
export interface CodedError extends Error {
  code: string;
  path?: string;
}

function codedError(code: string, message: string, path?: string, cause?: unknown): CodedError {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as CodedError;
  error.code = code;
  if (path !== undefined) error.path = path;
  return error;
}

function unsafe(message: string, path: string): CodedError {
  return codedError('unsafe-output-path', message, path);
}

/** True when `child` is `parent` or lies inside it (both absolute, normalized). */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** realpath of `path`, or of its nearest existing ancestor with the rest re-appended. */
function realpathOfNearest(path: string): string {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      const real = realpathSync(current);
      return rest.length === 0 ? real : join(real, ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(current);
      if (parent === current) return path;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/**
 * The output file for `inputPath`, found under `root` (a folder given on the
 * command line; for a file given directly, its directory):
 * `<outDir>/<inputPath relative to root>.json`.  Throws an Error with
 * `code = 'unsafe-output-path'` when the result would escape `outDir`.
 */
export function outputPathFor(outDir: string, root: string, inputPath: string): string {
  if (outDir.includes('\0') || root.includes('\0') || inputPath.includes('\0')) {
    throw unsafe(`output path for ${JSON.stringify(inputPath)} contains a NUL byte`, inputPath);
  }
  const absRoot = resolve(root);
  // Relative names are relative to the working directory, like `root` itself.
  const absInput = resolve(inputPath);
  let rel = relative(absRoot, absInput);
  // A file given directly: its root is its directory, so rel is its name.
  if (rel === '') rel = basename(absInput);
  if (rel === '' || isAbsolute(rel)) {
    throw unsafe(`output path for ${JSON.stringify(inputPath)} is absolute after making it relative to ${JSON.stringify(root)}`, inputPath);
  }
  const segments = rel.split(/[\\/]/);
  if (segments.some((segment) => segment === '..')) {
    throw unsafe(`input ${JSON.stringify(inputPath)} is outside ${JSON.stringify(root)}; its output would escape the output folder ${JSON.stringify(outDir)}`, inputPath);
  }
  if (segments.some((segment) => segment === '' || segment === '.')) {
    throw unsafe(`output path for ${JSON.stringify(inputPath)} has an empty segment`, inputPath);
  }
  const absOut = resolve(outDir);
  const target = join(absOut, ...segments) + '.json';
  if (!isInside(absOut, target) || target === absOut) {
    throw unsafe(`output path ${JSON.stringify(target)} escapes the output folder ${JSON.stringify(outDir)}`, inputPath);
  }
  // Symlinks inside outDir: compare real paths of the nearest existing ancestors.
  const realOut = realpathOfNearest(absOut);
  const realTargetDir = realpathOfNearest(dirname(target));
  if (!isInside(realOut, realTargetDir)) {
    throw unsafe(
      `output path ${JSON.stringify(target)} would be written through a symbolic link to ${JSON.stringify(realTargetDir)}, outside the output folder ${JSON.stringify(outDir)}`,
      inputPath,
    );
  }
  // The target itself must not be a symlink (renaming over it is safe, but be strict) or a directory.
  try {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) {
      const realTarget = realpathOfNearest(target);
      if (!isInside(realOut, realTarget)) {
        throw unsafe(`output file ${JSON.stringify(target)} is a symbolic link pointing outside the output folder ${JSON.stringify(outDir)}`, inputPath);
      }
    }
  } catch (error) {
    if ((error as CodedError).code === 'unsafe-output-path') throw error;
  }
  return target;
}

// ---------------------------------------------------------------------------
// Atomic writes

const pendingTemps = new Set<string>();

/** Temp files currently being written (for tests and signal handlers). */
export function pendingTempFiles(): string[] {
  return [...pendingTemps];
}

/** Remove every temp file still in flight.  Safe to call from a signal handler; never throws. */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone, or cannot be removed: nothing more to do
    }
    pendingTemps.delete(temp);
  }
}

function describeWriteError(error: unknown, target: string, stage: string): CodedError {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
  const detail = (error as Error)?.message ?? String(error);
  let message: string;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      message = `cannot write ${target}: permission denied (is the output folder read-only?)`;
      break;
    case 'EROFS':
      message = `cannot write ${target}: the output folder is on a read-only file system`;
      break;
    case 'ENOSPC':
      message = `cannot write ${target}: no space left on device (disk full)`;
      break;
    case 'EDQUOT':
      message = `cannot write ${target}: disk quota exceeded`;
      break;
    case 'ENOTDIR':
      message = `cannot write ${target}: a part of the output path is a file, not a folder`;
      break;
    case 'EISDIR':
      message = `cannot write ${target}: a folder of that name already exists`;
      break;
    default:
      message = `cannot write ${target} (${stage}): ${detail}`;
  }
  return codedError(code, message, target, error);
}

/**
 * Write `data` to `target` atomically: create the parent folders, write a
 * temp file `.<name>.<pid>.<random>.tmp` next to the target, fsync it, and
 * rename it over the target.  On failure the temp file is removed and an
 * Error with the original `code` and a clear message is thrown.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw describeWriteError(error, target, 'creating its folder');
  }
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  let stage = 'creating a temporary file';
  pendingTemps.add(temp);
  try {
    // 'wx': never follow or reuse an existing file at the temp name.
    fd = openSync(temp, 'wx', 0o644);
    stage = 'writing';
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < buffer.byteLength) {
      written += writeSync(fd, buffer, written, buffer.byteLength - written);
    }
    stage = 'flushing to disk';
    fsyncSync(fd);
    stage = 'closing';
    closeSync(fd);
    fd = null;
    stage = 'renaming into place';
    renameSync(temp, target);
    pendingTemps.delete(temp);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // ignore
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already gone
    }
    pendingTemps.delete(temp);
    throw describeWriteError(error, target, stage);
  }
}
