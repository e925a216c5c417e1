/**
 * From the paths on the command line to the list of policy files to check:
 * files as given, folders searched recursively for `.mpol` files.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { describeFileError, shownPath } from './host.js';

export type Discovery =
  | { readonly kind: 'files'; readonly files: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The `.mpol` files named by `args`, relative to `cwd`, sorted and without
 * repeats. A path that does not exist, a file that is not a `.mpol` file
 * and a folder without any are usage errors, reported by message.
 */
export function discoverPolicyFiles(args: readonly string[], cwd: string): Discovery {
  const found = new Set<string>();
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const kind = kindOf(absolute);
    if (kind === 'missing') return { kind: 'error', message: `no such file or folder '${arg}'` };
    if (kind === 'folder') {
      const before = found.size;
      const error = walk(absolute, found, {
        recursive: true,
        name: (file) => shownPath(cwd, file),
        folderError: (unreadable, reason) => `cannot read folder '${shownPath(cwd, unreadable)}': ${describeFileError(reason)}`,
      });
      if (error !== undefined) return { kind: 'error', message: error };
      if (found.size === before) return { kind: 'error', message: `no .mpol files found under '${arg}'` };
    } else if (!isPolicyName(absolute)) {
      return { kind: 'error', message: `'${arg}' is not a .mpol file` };
    } else {
      // A file that exists but cannot be inspected (a symbolic link loop,
      // say) is still listed: the host reports why it cannot be read.
      found.add(shownPath(cwd, absolute));
    }
  }
  return { kind: 'files', files: [...found].sort(byCodeUnit) };
}

function kindOf(absolute: string): 'missing' | 'folder' | 'other' {
  try {
    return statSync(absolute).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'other';
  }
}

interface WalkOptions {
  /** Whether to descend into sub-folders. */
  readonly recursive: boolean;
  /** How a found file is named in the result. */
  readonly name: (absolute: string) => string;
  /** What a folder that cannot be listed means: an error message that ends the walk, or `undefined` to skip it. */
  readonly folderError: (folder: string, error: unknown) => string | undefined;
}

/** Adds the `.mpol` files under `folder` to `found`; returns an error message if a folder cannot be listed and that ends the walk. */
function walk(folder: string, found: Set<string>, options: WalkOptions): string | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    return options.folderError(folder, error);
  }
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!options.recursive || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const error = walk(absolute, found, options);
      if (error !== undefined) return error;
    } else if (isPolicyName(entry.name) && !isLinkToFolder(entry, absolute)) {
      // Anything else named `.mpol` is listed, even a pipe or a broken
      // link, so the user hears why it was not checked.
      found.add(options.name(absolute));
    }
  }
  return undefined;
}

/**
 * The `.mpol` files in `folder` as absolute paths, sorted, for the language
 * server: in sub-folders too when `recursive`, skipping a folder that
 * cannot be listed rather than giving up.
 */
export function policyFilesIn(folder: string, recursive: boolean): string[] {
  const found = new Set<string>();
  walk(folder, found, { recursive, name: (absolute) => absolute, folderError: () => undefined });
  return [...found].sort(byCodeUnit);
}

// Links to folders are not followed, so a link cycle cannot make the walk
// endless; a folder reached only through a link can be named directly.
function isLinkToFolder(entry: Dirent, absolute: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function isPolicyName(name: string): boolean {
  return name.endsWith('.mpol');
}

// Sorting by code unit, not by locale, keeps the order the same on every
// machine.
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
