/**
 * The language server's access to the disk: listing the `.mpol` files of a
 * folder and reading one, with the command line's own rules (what is
 * searched, how a file that cannot be read is described).
 */
import path from 'node:path';
import type { FileAccess } from '../lsp/index.js';
import { policyFilesIn } from '../compiler/disk/discover.js';
import { readPolicyFile } from '../compiler/disk/host.js';

export const diskAccess: FileAccess = {
  listPolicyFiles: async (folder, recursive) => policyFilesIn(folder, recursive),
  readFile: async (file) => readPolicyFile(file),
  resolveImport: (fromPath, specifier) => path.resolve(path.dirname(fromPath), specifier),
  folderOf: (file) => path.dirname(file),
};
