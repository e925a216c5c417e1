/**
 * Writing a file so that a crash, a kill or a full disk never leaves half
 * of it: the text goes to a temporary file beside the target, is flushed
 * to the disk, and then renamed over the target in one step. A reader sees
 * the old file or the new one, never a mix. The target keeps its
 * permissions, and a symbolic link is written through, not replaced.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import path from 'node:path';

/** Replaces (or creates) `file` with `text`, atomically. Throws the file system's error on failure, having removed its temporary file. */
export function writeFileAtomic(file: string, text: string): void {
  const target = resolveLink(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const mode = existingMode(target);
  let descriptor: number | undefined = openSync(temporary, 'wx', mode ?? 0o666);
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    // The umask applied when the file was created; the target's own mode is restored exactly.
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone, or never created: nothing to clean.
    }
    throw error;
  }
}

function resolveLink(file: string): string {
  try {
    return realpathSync(file);
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
