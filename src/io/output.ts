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
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  constants as fsConstants,
  type Stats,
} from 'node:fs';
import { open } from 'node:fs/promises';
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

/** A temp file made elsewhere (a worker's spilled output) to remove on a signal too. */
export function trackTemp(path: string): void {
  pendingTemps.add(path);
}

/** Remove a temp file and forget it. */
export function removeTemp(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
  pendingTemps.delete(path);
}

/**
 * A file's bytes in chunks of 1 MiB, each a buffer of its own (a writer may
 * hold it), or with `reuse` one buffer read into again for each chunk, for a
 * writer that is done with a chunk when it asks for the next (a new buffer
 * per chunk is garbage until the next collection: up to 64 MB of a 100 MB
 * output).
 */
export function* fileChunks(path: string, reuse = false): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  let buffer: Buffer | null = null;
  try {
    for (;;) {
      const chunk: Buffer = reuse ? (buffer ??= Buffer.allocUnsafeSlow(1 << 20)) : Buffer.allocUnsafeSlow(1 << 20);
      const read = readSync(fd, chunk, 0, chunk.byteLength, null);
      if (read === 0) return;
      yield read === chunk.byteLength ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
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
 * Create `dir` and its missing parents, one level at a time.
 *
 * Not `mkdirSync(dir, { recursive: true })`: on a pseudo file system such as
 * `/proc`, `mkdir /proc/x` fails with ENOENT although `/proc` exists, and
 * Node's recursive mkdir then retries the parent forever at full CPU (with
 * signals never handled).  Here each level is tried once: the loop is bounded
 * by the number of path segments.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    let stat: Stats | undefined;
    try {
      stat = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw error;
    }
    if (stat) {
      if (!stat.isDirectory()) throw codedError('ENOTDIR', `ENOTDIR: ${current} is not a folder`, current);
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    missing.push(current);
    current = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]);
    } catch (error) {
      // Created meanwhile by another writer: fine.  Anything else (ENOENT on /proc, EROFS, EACCES) is final.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isDirectory(missing[i])) continue;
      throw error;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Make sure the `-o` folder exists and is a folder before any file is
 * parsed, so a run whose output cannot be written fails at once (exit 2)
 * instead of after parsing everything.
 */
export function prepareOutputFolder(outDir: string): void {
  try {
    makeDirectory(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const described = describeWriteError(error, outDir, 'creating the output folder');
    if (code === 'ENOTDIR') described.message = `cannot write to ${outDir}: it (or a part of its path) is a file, not a folder`;
    else if (code === 'ENOENT') described.message = `cannot create the output folder ${outDir}: the file system does not allow it (ENOENT)`;
    else described.message = described.message.replace(`cannot write ${outDir}`, `cannot create the output folder ${outDir}`);
    throw described;
  }
}

/** What sits at `path` now (lstat: a symlink is reported as one), or null when nothing does. */
function existing(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw error;
  }
}

function kindOf(stat: Stats): string {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Refuse to rename over anything but a regular file: a symlink, FIFO or device node would be replaced. */
function checkReplaceable(target: string): void {
  let stat: Stats | null;
  try {
    stat = existing(target);
  } catch {
    return; // the open or rename reports it
  }
  if (stat && !stat.isFile()) {
    throw codedError('unsafe-output-path', `not writing ${target}: it is ${kindOf(stat)}, and plan-parse only replaces regular files`, target);
  }
}

// Temp files left by a run that was killed (SIGKILL gives no chance to clean up): `.<name>.<pid>.<hex>.tmp`.
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
const sweptFolders = new Set<string>();

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files a killed run left in `dir` (once per folder and run):
 * only names of our own pattern whose process no longer exists, so a
 * parallel run's files in flight are left alone.
 */
export function removeStaleTemps(dir: string): number {
  if (sweptFolders.has(dir)) return 0;
  sweptFolders.add(dir);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch {
      // not ours to remove after all, or gone
    }
  }
  return removed;
}

/**
 * Write `data` (a string, bytes, or blocks of bytes in order) to `target` atomically: create the parent folders, write a
 * temp file `.<name>.<pid>.<random>.tmp` next to the target, fsync it, and
 * rename it over the target.  On failure the temp file is removed and an
 * Error with the original `code` and a clear message is thrown.  Only a
 * regular file is ever replaced: a symlink, FIFO, device or folder at
 * `target` is refused (`unsafe-output-path`).
 */
export function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<Uint8Array>): void {
  const dir = dirname(target);
  try {
    makeDirectory(dir);
  } catch (error) {
    throw describeWriteError(error, target, 'creating its folder');
  }
  checkReplaceable(target);
  removeStaleTemps(dir);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  let stage = 'creating a temporary file';
  pendingTemps.add(temp);
  try {
    // 'wx': never follow or reuse an existing file at the temp name.
    fd = openSync(temp, 'wx', 0o644);
    stage = 'writing';
    // Blocks are written one after another, never joined into one buffer.
    const blocks: Iterable<Uint8Array> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
    for (const buffer of blocks) {
      let written = 0;
      while (written < buffer.byteLength) {
        written += writeSync(fd, buffer, written, buffer.byteLength - written);
      }
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

/** process.stdout for `/dev/stdout` (and fd 1), process.stderr for `/dev/stderr` (fd 2). */
function ownStream(path: string): NodeJS.WriteStream | null {
  const match = /^\/dev\/(stdout|stderr)$|^\/(?:dev|proc\/self)\/fd\/([12])$/.exec(path);
  if (!match) return null;
  return match[1] === 'stdout' || match[2] === '1' ? process.stdout : process.stderr;
}

/** `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: one of this process's own descriptors. */
export function isDescriptorPath(path: string): boolean {
  return /^\/dev\/(?:stdout|stderr|fd\/\d+)$|^\/proc\/self\/fd\/\d+$/.test(path);
}

/**
 * Write a whole export (`kpis` / `items -o FILE`): a regular file or a new
 * name is written atomically; a named pipe or a character device
 * (`/dev/stdout`, a FIFO a reader waits on) is written through, opened
 * without creating or renaming anything; a symlink, folder, socket or block
 * device is refused, never replaced.  Asynchronous, so a writer blocked on a
 * FIFO nobody reads still lets Ctrl-C through.
 */
export async function writeOutputFile(target: string, data: string | Uint8Array): Promise<'replaced' | 'written-through'> {
  let stat: Stats | null;
  try {
    stat = existing(target);
  } catch (error) {
    throw describeWriteError(error, target, 'checking it');
  }
  const descriptor = isDescriptorPath(target);
  if (stat === null || (stat.isFile() && !descriptor)) {
    writeFileAtomic(target, data);
    return 'replaced';
  }
  // A symlink to a stream (`/dev/stdout` is one to /proc/self/fd/1) is written through like the stream itself.
  let through = stat;
  if (stat.isSymbolicLink()) {
    try {
      through = statSync(target);
    } catch {
      through = stat;
    }
  }
  if (descriptor || through.isFIFO() || through.isCharacterDevice()) {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // Our own stdout / stderr may be a socket (a parent's spawn), which cannot be reopened by name: write to the stream.
    const own = ownStream(target);
    if (own) {
      await new Promise<void>((resolve, reject) => own.write(buffer, (error) => (error ? reject(describeWriteError(error, target, 'writing')) : resolve())));
      return 'written-through';
    }
    let handle;
    try {
      // O_WRONLY alone: no O_CREAT, no O_TRUNC, so nothing new is ever made; a FIFO waits for its reader.
      // A descriptor of ours may be a redirected regular file: append, as the shell's redirection would.
      handle = await open(target, fsConstants.O_WRONLY | (descriptor ? fsConstants.O_APPEND : 0));
    } catch (error) {
      throw describeWriteError(error, target, 'opening it');
    }
    try {
      let written = 0;
      while (written < buffer.byteLength) written += (await handle.write(buffer, written, buffer.byteLength - written)).bytesWritten;
    } catch (error) {
      throw describeWriteError(error, target, 'writing');
    } finally {
      await handle.close().catch(() => undefined);
    }
    return 'written-through';
  }
  const advice = stat.isSymbolicLink() ? ' (give the file it points to, or redirect stdout with >)' : '';
  throw codedError('unsafe-output-path', `not writing ${target}: it is ${kindOf(stat)}; plan-parse never replaces one${advice}`, target);
}
