/**
 * Reading a fault model from a file with the care a `.mpol` file gets: a
 * regular file only (a pipe would block, `/dev/zero` never ends), its size
 * checked before and after reading, text in UTF-8 with a byte order mark
 * allowed, then JSON. Depth, size of the data and every value are the
 * validator's (`validateFaultModel`), which never throws.
 */
import path from 'node:path';
import { readPolicyFile, sizeLimit } from '../compiler/disk/host.js';

export type FaultFile = { readonly kind: 'json'; readonly json: unknown } | { readonly kind: 'error'; readonly message: string };

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The parsed JSON of the fault model at `file` (relative to `cwd`), or why there is none. */
export function readFaultFile(file: string, cwd: string): FaultFile {
  const read = readPolicyFile(path.resolve(cwd, file));
  const unreadable = (reason: string): FaultFile => ({ kind: 'error', message: `cannot read the fault model '${file}': ${reason}` });
  switch (read.kind) {
    case 'missing':
      return unreadable('no such file');
    case 'unreadable':
      return unreadable(read.reason);
    case 'too-large':
      return unreadable(`it is ${megabytes(read.size)}, over the ${megabytes(sizeLimit)} limit`);
    case 'binary':
      return unreadable('it is not text (it contains NUL bytes or is not UTF-8)');
    case 'text':
      try {
        return { kind: 'json', json: JSON.parse(read.text) as unknown };
      } catch (parseError) {
        const reason = (parseError as Error).message;
        return { kind: 'error', message: `the fault model '${file}' is not valid JSON: ${reason.length > 200 ? `${reason.slice(0, 197)}...` : reason}` };
      }
  }
}
