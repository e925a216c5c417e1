/**
 * The folders whose `.mpol` files the server reads (files.ts): each
 * workspace folder with its subfolders, and the folder of a file opened on
 * its own without them.
 */
export class Folders {
  /** Each folder, and whether its subfolders are read too. */
  private readonly recursive = new Map<string, boolean>();

  constructor(private readonly folderOf: (path: string) => string) {}

  /** Adds `folder`; false when it is already read at least as widely. */
  add(folder: string, recursive: boolean): boolean {
    const known = this.recursive.get(folder);
    if (known === true || known === recursive) return false;
    this.recursive.set(folder, recursive);
    return true;
  }

  /** Removes `folder`; false when it was not there. */
  delete(folder: string): boolean {
    return this.recursive.delete(folder);
  }

  /** Each folder, and whether its subfolders are read too. */
  entries(): IterableIterator<[string, boolean]> {
    return this.recursive.entries();
  }

  /** Whether the file at `path` is in a folder read: anywhere below a workspace folder, directly in the folder of a file opened alone. */
  hold(path: string): boolean {
    for (const [folder, recursive] of this.recursive) {
      const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${separatorOf(folder)}`;
      if (!path.startsWith(prefix)) continue;
      if (recursive || this.folderOf(path) === folder) return true;
    }
    return false;
  }
}

function separatorOf(folder: string): string {
  return folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
}
