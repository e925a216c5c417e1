/**
 * Creating an output folder one level at a time. Node's recursive `mkdir`
 * loops for ever under `/proc` (each level answers "no such file", so it
 * keeps trying the parent); here each missing level is made once, and a
 * folder on a system file system (proc, sysfs, cgroup, ...) is refused with
 * a message before anything is made.
 */
import { mkdirSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeFileError } from '../compiler/disk/host.js';

/** Linux `statfs` magic numbers of file systems that are views of the kernel, not places for files. */
const systemFileSystems = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x1cd1, 'devpts'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
  [0xf97cff8c, 'selinuxfs'],
  [0x42494e4d, 'binfmt_misc'],
]);

/** Makes `folder` and any missing parents; `null`, or why it cannot be made. `shown` writes a path for a message. */
export function makeFolder(folder: string, shown: (absolute: string) => string): string | null {
  const missing: string[] = [];
  let existing = path.resolve(folder);
  for (;;) {
    try {
      if (!statSync(existing).isDirectory()) return 'a folder on its path is a file';
      break;
    } catch (error) {
      const parent = path.dirname(existing);
      if (parent === existing) return describeFileError(error);
      missing.unshift(existing);
      existing = parent;
    }
  }
  const system = systemFileSystemOf(existing);
  if (system !== undefined) return `'${shown(existing)}' is on ${system}, a system file system, not a place for files`;
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      return `cannot create '${shown(level)}': ${describeFileError(error)}`;
    }
  }
  return null;
}

function systemFileSystemOf(folder: string): string | undefined {
  try {
    return systemFileSystems.get(Number(statfsSync(folder).type));
  } catch {
    return undefined;
  }
}
