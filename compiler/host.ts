/**
 * How the compiler reaches files. The compiler never touches the file
 * system itself: the command line gives it a host over the disk, the
 * language server one over open documents, tests one over a map.
 */

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number };

export interface CompilerHost {
  /** Reads a policy file. Must not throw: every problem is a `ReadResult`. */
  readFile(path: string): ReadResult;
  /** The path an `import "specifier"` in `fromPath` names. */
  resolveImport(fromPath: string, specifier: string): string;
  /**
   * The `.mpol` files in the folder of `path` (itself included), as paths
   * the host reads, sorted. Lets a fragment given alone be checked within
   * the policies beside it that import it; a host without it checks a
   * fragment alone as an orphan. Must not throw.
   */
  siblings?(path: string): readonly string[];
}

/** A host over an in-memory map of paths to texts, with `/`-separated paths. */
export function memoryHost(files: ReadonlyMap<string, string> | Record<string, string>): CompilerHost {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return {
    readFile(path) {
      const text = map.get(path);
      return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
    },
    resolveImport(fromPath, specifier) {
      return joinPosix(fromPath, specifier);
    },
    siblings(path) {
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      const inFolder = (other: string): boolean => other.startsWith(folder) && !other.slice(folder.length).includes('/') && other.endsWith('.mpol');
      return [...map.keys()].filter(inFolder).sort();
    },
  };
}

/** Resolves `specifier` against the folder of `fromPath`, `/`-separated. */
export function joinPosix(fromPath: string, specifier: string): string {
  if (specifier.startsWith('/')) return normalizePosix(specifier);
  const slash = fromPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : fromPath.slice(0, slash + 1);
  return normalizePosix(folder + specifier);
}

function normalizePosix(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part === '..' && absolute) continue;
    else parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}
