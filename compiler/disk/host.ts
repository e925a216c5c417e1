/**
 * The compiler host over the disk, for the command line and for harnesses
 * (`loadPolicy`). Paths in and out are relative to the working folder,
 * which is how diagnostics show them; every problem with a file becomes a
 * `ReadResult`, never an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CompilerHost, ReadResult } from '../host.js';

/** Files above this size are refused before they are read. */
export const sizeLimit = 16 * 1024 * 1024;

export function fileSystemHost(cwd: string): CompilerHost {
  return {
    readFile: (file) => readPolicyFile(path.resolve(cwd, file)),
    resolveImport: (fromPath, specifier) => shownPath(cwd, path.resolve(cwd, path.dirname(fromPath), specifier)),
    siblings: (file) => policyFilesBeside(path.resolve(cwd, file)).map((absolute) => shownPath(cwd, absolute)),
  };
}

/** The `.mpol` entries of the folder of `absolute`, sorted by code unit; none if it cannot be listed. */
function policyFilesBeside(absolute: string): string[] {
  const folder = path.dirname(absolute);
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.mpol'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/** `absolute` as diagnostics show it: relative to `cwd` when possible. */
export function shownPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  return path.isAbsolute(relative) ? absolute : relative;
}

/** Reads a policy file at an absolute path; every problem is a `ReadResult`. */
export function readPolicyFile(absolute: string): ReadResult {
  try {
    // The size and kind are checked before reading, so a huge file is
    // refused at once and a named pipe is never opened (opening one would
    // block until something writes to it).
    const stats = statSync(absolute);
    if (stats.isDirectory()) return { kind: 'unreadable', reason: 'it is a folder' };
    if (!stats.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
    if (stats.size > sizeLimit) return { kind: 'too-large', size: stats.size, limit: sizeLimit };
    const bytes = readFileSync(absolute);
    // Invariant: the size is checked again because the file may have grown
    // between `stat` and the read.
    if (bytes.length > sizeLimit) return { kind: 'too-large', size: bytes.length, limit: sizeLimit };
    return decode(bytes);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'unreadable', reason: describeFileError(error) };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text, or `binary` for NUL bytes or invalid UTF-8. A leading BOM is dropped. */
export function decode(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { kind: 'binary' };
  try {
    // The decoder drops a UTF-8 byte order mark itself (`ignoreBOM` is
    // false by default), so spans count from the first real character.
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'binary' };
  }
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

// Reasons as words, never bare codes: `cannot read nope.json: no such file`.
const reasons = new Map<string, string>([
  ['ENOENT', 'no such file'],
  ['ENOTDIR', 'a folder on its path is a file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EISDIR', 'it is a folder'],
  ['EEXIST', 'something of that name already exists'],
  ['ENOTEMPTY', 'the folder is not empty'],
  ['ELOOP', 'too many levels of symbolic links'],
  ['ENAMETOOLONG', 'the name is too long'],
  ['EMFILE', 'too many open files'],
  ['ENFILE', 'too many open files'],
  ['EIO', 'input/output error'],
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'the disk quota is used up'],
  ['EFBIG', 'the file is too large'],
  ['EROFS', 'the file system is read-only'],
  ['EBUSY', 'the file is busy'],
  ['ETXTBSY', 'the file is busy'],
  ['EAGAIN', 'it is not ready; try again'],
  ['ENXIO', 'no such device'],
  ['ENODEV', 'no such device'],
  ['EPIPE', 'the reader has gone'],
  ['EXDEV', 'it is on another file system'],
  ['EINVAL', 'the operation is not valid for this file'],
]);

/**
 * A short lowercase reason for a file-system error, for one-line messages.
 * A code not in the table is described by the system's own words
 * (`ESTALE: stale file handle, open 'x'` gives `stale file handle`).
 */
export function describeFileError(error: unknown): string {
  const code = errorCode(error);
  const known = code === undefined ? undefined : reasons.get(code);
  if (known !== undefined) return known;
  const message = error instanceof Error ? error.message : String(error);
  const system = /^[A-Z][A-Z0-9_]*: ([^,]+)/.exec(message);
  return system === null ? message : system[1]!;
}
