/**
 * The globs of `.editorconfig` sections and of Prettier's `overrides`,
 * matched by the libraries Prettier itself matches them with, so the
 * bundle's reading agrees with Prettier's on every glob: minimatch for
 * `.editorconfig` (as the EditorConfig reference reader does: `[!abc]`
 * excludes), micromatch for overrides (where `[!abc]` is, as in Prettier,
 * `!`, `a`, `b` or `c`). Both take `*` and `?` within a folder, `**`
 * across folders, `{a,b}` and numeric `{1..3}`, `\` escaping, and names
 * starting with a dot like any other.
 */
import micromatch from 'micromatch';
import { minimatch } from 'minimatch';

/** Whether `path` (relative to the configuration's folder, `/`-separated) matches an `.editorconfig` section's glob; a glob without `/` matches the file's name in any folder. */
export function matchesSectionGlob(glob: string, path: string): boolean {
  const anchored = glob.includes('/');
  return safely(() => minimatch(anchored ? path : baseName(path), anchored && glob.startsWith('/') ? glob.slice(1) : glob, { dot: true, noext: true }));
}

/** Whether `subject` is all of what an override's `glob` matches. */
export function matchesOverrideGlob(glob: string, subject: string): boolean {
  return safely(() => micromatch.isMatch(subject, glob, { dot: true }));
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A glob no expression can stand for matches nothing, as in the tools that read these files. */
function safely(match: () => boolean): boolean {
  try {
    return match();
  } catch {
    return false;
  }
}
