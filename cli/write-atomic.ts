/**
 * Writing files so that a crash, a kill or a full disk never leaves half
 * of one, nor some new and some old: each text goes to a temporary file
 * beside its target and is flushed to the disk; only once every one is
 * written are they renamed over their targets, each in one step. A reader
 * sees the old file or the new one, never a mix within a file, and a
 * failure before the renames leaves every target as it was. A target keeps
 * its permissions, and a symbolic link is written through, not replaced.
 * `mpol build`, `mpol check --fix` and the formatter write through here.
 */
import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface FileToWrite {
  readonly file: string;
  readonly text: string;
}

/** A write that failed, with the file it was for: nothing was renamed into place. */
export class WriteFailure extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`cannot write '${file}'`);
  }
}

/** Replaces (or creates) `file` with `text`, atomically. Throws the file system's error on failure, having removed its temporary file. */
export function writeFileAtomic(file: string, text: string): void {
  try {
    writeFilesAtomic([{ file, text }]);
  } catch (error) {
    throw error instanceof WriteFailure ? error.cause : error;
  }
}

/**
 * Replaces (or creates) every file, or none: a `WriteFailure` naming the
 * file means no target was touched and no temporary file is left.
 */
export function writeFilesAtomic(files: readonly FileToWrite[]): void {
  const written: { temporary: string; target: string }[] = [];
  try {
    for (const { file, text } of files) {
      const target = resolveLink(file);
      const temporary = temporaryBeside(target);
      try {
        writeTemporary(temporary, target, text);
      } catch (error) {
        throw new WriteFailure(file, error);
      }
      written.push({ temporary, target });
    }
  } catch (error) {
    for (const { temporary } of written) removeQuietly(temporary);
    throw error;
  }
  // Every text is on the disk: only renames are left, each atomic.
  for (const [index, { temporary, target }] of written.entries()) {
    try {
      renameSync(temporary, target);
    } catch (error) {
      for (const { temporary: rest } of written.slice(index)) removeQuietly(rest);
      throw new WriteFailure(files[index]!.file, error);
    }
  }
}

/**
 * Why `file` cannot be a target, or `null`: something that is not a regular
 * file (a named pipe would block a writer; renaming over it would replace
 * a device or a socket someone uses) stays where it is.
 */
export function targetProblem(file: string): string | null {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return null;
  }
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isFIFO()) return 'it is a named pipe, not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  return 'it is a device, not a regular file';
}

function writeTemporary(temporary: string, target: string, text: string): void {
  const mode = existingMode(target);
  let descriptor: number | undefined = openSync(temporary, 'wx', mode ?? 0o666);
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    // The umask applied when the file was created; the target's own mode is restored exactly.
    if (mode !== undefined) chmodSync(temporary, mode);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    removeQuietly(temporary);
    throw error;
  }
}

function temporaryBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never created: nothing to clean.
  }
}

function resolveLink(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  } catch {
    return file;
  }
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}
