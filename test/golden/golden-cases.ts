/**
 * The golden diagnostic cases on disk, read into plain data: each case is a
 * policy (one file, or a folder of files) named after the catalog code it is
 * about. See `diagnostics/README.md` for the conventions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { memoryHost, type CompilerHost, type ReadResult } from '../../compiler/index.js';

export interface GoldenCase {
  /** The file or folder name, such as `orphan-file.ok` or `unknown-name`. */
  readonly name: string;
  /** The catalog code the case is about: the name up to its first dot. */
  readonly code: string;
  /** A passing case (`.ok`) must compile without a single diagnostic. */
  readonly passing: boolean;
  /** The paths `mpol check` would be given, relative to the golden folder. */
  readonly paths: readonly string[];
  /** The text of every readable file of the case, by path. */
  readonly texts: ReadonlyMap<string, string>;
  readonly host: CompilerHost;
}

const policySuffix = '.mpol';
/** A file that stands in for a policy file the host cannot read as text. */
const readResultSuffix = '.mpol.read.json';
export const expectedSuffix = '.diagnostics.txt';

/** Every case in `folder`, in name order. */
export function readGoldenCases(folder: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const isFolder = statSync(join(folder, entry)).isDirectory();
    if (!isFolder && !entry.endsWith(policySuffix)) continue;
    const name = isFolder ? entry : entry.slice(0, -policySuffix.length);
    const files = isFolder ? listFiles(folder, entry) : [entry];
    cases.push({
      name,
      code: name.split('.')[0]!,
      passing: name.endsWith('.ok'),
      ...caseInput(folder, files),
    });
  }
  return cases;
}

/** The names of the expected outputs in `folder`. */
export function readExpectedNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((entry) => entry.endsWith(expectedSuffix))
    .map((entry) => entry.slice(0, -expectedSuffix.length))
    .sort();
}

/** Every file under `relative`, as `/`-separated paths relative to `root`. */
function listFiles(root: string, relative: string): string[] {
  return readdirSync(join(root, relative))
    .sort()
    .flatMap((entry) => {
      const path = `${relative}/${entry}`;
      return statSync(join(root, path)).isDirectory() ? listFiles(root, path) : [path];
    });
}

/**
 * The host and root paths of a case. Text files go to `memoryHost` as they
 * are; a `name.mpol.read.json` file holds the `ReadResult` the host gives for
 * `name.mpol` (binary, too large, unreadable), so those cases need neither
 * binary nor megabyte-sized files in the repository.
 */
function caseInput(root: string, files: readonly string[]): { paths: string[]; texts: Map<string, string>; host: CompilerHost } {
  const texts = new Map<string, string>();
  const stubs = new Map<string, ReadResult>();
  for (const file of files) {
    if (file.endsWith(readResultSuffix)) {
      const path = file.slice(0, -'.read.json'.length);
      stubs.set(path, parseReadResult(file, readFileSync(join(root, file), 'utf8')));
    } else if (file.endsWith(policySuffix)) {
      texts.set(file, readFileSync(join(root, file), 'utf8'));
    }
  }
  const memory = memoryHost(texts);
  const host: CompilerHost = {
    readFile: (path) => stubs.get(path) ?? memory.readFile(path),
    resolveImport: (from, specifier) => memory.resolveImport(from, specifier),
  };
  return { paths: [...texts.keys(), ...stubs.keys()].sort(), texts, host };
}

function parseReadResult(file: string, json: string): ReadResult {
  const result = JSON.parse(json) as ReadResult;
  const kinds: readonly string[] = ['unreadable', 'binary', 'too-large'];
  if (!kinds.includes(result.kind)) throw new Error(`${file}: \`kind\` must be one of ${kinds.join(', ')}`);
  return result;
}
