/**
 * What the robustness properties share: running the front end on a text,
 * the invariants every result must keep, and the bundled policy files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';
import type { Diagnostic, SourceFile, Span } from '../../grammar/index.js';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** A bundled policy file, by its path relative to the repository. */
export interface PolicyText {
  readonly path: string;
  readonly text: string;
}

/** Every `.mpol` file under `policies/`, in path order. */
export function readBundledPolicies(): PolicyText[] {
  const walk = (relative: string): string[] =>
    readdirSync(path.join(repositoryRoot, relative))
      .sort()
      .flatMap((entry) => {
        const child = `${relative}/${entry}`;
        if (statSync(path.join(repositoryRoot, child)).isDirectory()) return walk(child);
        return entry.endsWith('.mpol') ? [child] : [];
      });
  return walk('policies').map((file) => ({ path: file, text: readFileSync(path.join(repositoryRoot, file), 'utf8') }));
}

/** The files in the same folder as `file` (itself included): what `mpol check FOLDER` reads. */
export function folderOf(file: PolicyText, all: readonly PolicyText[]): PolicyText[] {
  const folder = path.posix.dirname(file.path);
  return all.filter((other) => path.posix.dirname(other.path) === folder);
}

/** Checks `files` as `mpol check` would, every file given as a path. */
export function checkFiles(files: readonly PolicyText[]): ReturnType<typeof checkWorkspace> {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  return checkWorkspace([...texts.keys()], memoryHost(texts));
}

/**
 * Every way the diagnostics break the invariants of a `Diagnostic`: a span
 * outside its file's text, reversed, or not on whole offsets; a file the
 * run never read. Empty when all is well.
 */
export function diagnosticProblems(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const checkSpan = (what: string, file: string, span: Span): void => {
    const text = texts.get(file);
    // A file that could not be read has no text: only its start can be pointed at.
    const length = text?.length ?? 0;
    const whole = Number.isInteger(span.start) && Number.isInteger(span.end);
    if (!whole || span.start < 0 || span.start > span.end || span.end > length) {
      problems.push(`${what} in ${file} has span ${span.start}..${span.end}, outside 0..${length}`);
    }
  };
  for (const d of diagnostics) {
    checkSpan(`\`${d.code}\``, d.file, d.span);
    for (const note of d.notes) checkSpan(`a note of \`${d.code}\``, note.file, note.span);
  }
  return problems;
}

/** The fields of syntax nodes that may be `undefined`: everything else holds a node or a value. */
const optionalFields = new Set(['ref', 'guard', 'predicate', 'factor', 'cap', 'elseCode', 'Stage.party', 'Step.party', 'Tier.count', 'Step.braces', 'Error.braces', 'Cohort.braces', 'StepAwait.deadline']);

/**
 * Paths in the tree where a node is `undefined` although the syntax tree
 * promises one: recovery must leave a `Missing` node in every gap.
 */
export function treeHoles(tree: SourceFile): string[] {
  const holes: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((element, index) => {
        if (element === undefined) holes.push(`${where}[${index}]`);
        else visit(element, `${where}[${index}]`);
      });
    } else if (typeof value === 'object' && value !== null) {
      const kind = (value as { kind?: unknown }).kind;
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined && !optionalFields.has(key) && !optionalFields.has(`${String(kind)}.${key}`)) holes.push(`${where}.${key}`);
        else visit(child, `${where}.${key}`);
      }
    }
  };
  visit(tree, 'tree');
  return holes;
}
