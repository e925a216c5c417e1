/**
 * `mpol check --fix`: applies the first fix of each diagnostic (a
 * misspelt name or keyword replaced by the one it is near, a missing
 * import added, an undeclared name declared), writes the changed files
 * atomically, and checks again, until no fix is left or ten rounds have
 * run (a fix's offsets are only good for the text it was made from, so
 * overlapping fixes wait for the next round).
 */
import path from 'node:path';
import { applyFixes } from '../compiler/index.js';
import { checkPaths, type CheckOutcome } from './check-paths.js';
import { describeFileError } from '../compiler/disk/host.js';
import { rangeLocator } from './locate.js';
import { writeFileAtomic } from './write-atomic.js';

const maxRounds = 10;

export type FixOutcome = CheckOutcome | { readonly kind: 'unwritable'; readonly message: string };

/** Fixes what can be fixed, telling `say` each fix; returns the check of the files as they are left. */
export function fixPaths(args: readonly string[], cwd: string, say: (line: string) => void): FixOutcome {
  let outcome = checkPaths(args, cwd);
  for (let round = 0; round < maxRounds && outcome.kind === 'checked'; round++) {
    const { diagnostics, texts } = outcome.checked.result;
    const { texts: changed, applied } = applyFixes(diagnostics, texts);
    if (applied.length === 0) break;
    for (const [file, text] of changed) {
      try {
        writeFileAtomic(path.resolve(cwd, file), text);
      } catch (error) {
        return { kind: 'unwritable', message: `cannot write '${file}': ${describeFileError(error)}` };
      }
    }
    const locate = rangeLocator(texts);
    for (const d of applied) {
      const at = locate(d.file, d.span);
      say(`fixed ${d.file}${at === undefined ? '' : `:${at.line}:${at.column}`}: ${d.fixes[0]!.message}\n`);
    }
    outcome = checkPaths(args, cwd);
  }
  return outcome;
}
