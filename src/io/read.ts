/**
 * Reading one input file safely: stat first, refuse folders, FIFOs, devices
 * and files above a size limit, and turn every failure into an Error with a
 * stable `code` and a message naming the path.
 */
import { closeSync, fstatSync, openSync, readSync, constants as fsConstants } from 'node:fs';

/** Default size limit for one input (64 MiB); `--max-bytes` overrides it. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadError extends Error {
  code: string;
  path: string;
}

function readError(code: string, message: string, path: string, cause?: unknown): ReadError {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as ReadError;
  error.code = code;
  error.path = path;
  return error;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB (${n} bytes)`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
  return `${n} bytes`;
}

function describe(error: unknown, path: string): ReadError {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
  switch (code) {
    case 'ENOENT':
      return readError(code, `${path}: no such file or directory`, path, error);
    case 'EACCES':
    case 'EPERM':
      return readError(code, `${path}: permission denied (cannot read the file)`, path, error);
    case 'EISDIR':
      return readError(code, `${path}: is a directory, not a file`, path, error);
    case 'ENOTDIR':
      return readError(code, `${path}: a part of the path is not a directory`, path, error);
    case 'ELOOP':
      return readError(code, `${path}: too many levels of symbolic links`, path, error);
    case 'ENAMETOOLONG':
      return readError(code, `${path}: file name too long`, path, error);
    default:
      return readError(code, `${path}: cannot read: ${(error as Error)?.message ?? String(error)}`, path, error);
  }
}

/**
 * Read the whole file at `path`, at most `maxBytes` bytes.
 *
 * Errors carry `.code`: `EISDIR` (a directory), `not-a-file` (FIFO, socket,
 * device), `too-large`, or the system code (`ENOENT`, `EACCES`, …).
 */
export function readInput(file: string | Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES, name?: string): Uint8Array {
  // A path given as bytes (a file name that is not UTF-8) is opened by its bytes and named by `name`.
  const path = name ?? (typeof file === 'string' ? file : Buffer.from(file).toString('utf8'));
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not block; fstat then rejects it.
    fd = openSync(typeof file === 'string' ? file : Buffer.from(file.buffer, file.byteOffset, file.byteLength), fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw describe(error, path);
  }
  try {
    let stat;
    try {
      stat = fstatSync(fd);
    } catch (error) {
      throw describe(error, path);
    }
    if (stat.isDirectory()) throw readError('EISDIR', `${path}: is a directory, not a file`, path);
    if (!stat.isFile()) {
      const what = stat.isFIFO()
        ? 'a named pipe (FIFO)'
        : stat.isSocket()
          ? 'a socket'
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
      throw readError('not-a-file', `${path}: is ${what}, not a regular file`, path);
    }
    if (stat.size > maxBytes) {
      throw readError(
        'too-large',
        `${path}: file is ${formatBytes(stat.size)}, larger than the limit of ${formatBytes(maxBytes)}; raise it with --max-bytes`,
        path,
      );
    }
    // Read up to maxBytes + 1 so a file that grew after fstat is still caught.
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.max(1, Math.min(Math.max(stat.size, 64 * 1024), maxBytes + 1));
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total) || 1);
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.byteLength, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw describe(error, path);
      }
      if (n === 0) break;
      chunks.push(n === buffer.byteLength ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) {
        throw readError(
          'too-large',
          `${path}: file is larger than the limit of ${formatBytes(maxBytes)}; raise it with --max-bytes`,
          path,
        );
      }
    }
    const out = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // ignore
    }
  }
}
