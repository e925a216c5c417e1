/**
 * How a message names a file of a policy: relative to the folder of the
 * policy's root file, so that what a person reads is the same from the
 * command line and from an editor (which knows files by absolute paths),
 * and never an absolute path.
 */

/**
 * `assumptions.mpol` for `policies/mehrs/v2.1/assumptions.mpol` when the
 * root is in that folder, `shared/codes.mpol` one folder down and
 * `../shared/codes.mpol` beside it. Either separator is understood; the
 * result is `/`-separated.
 */
export function relativeTo(root: string, file: string): string {
  const from = root.split(/[/\\]/).slice(0, -1);
  const to = file.split(/[/\\]/);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  // A relative path beside an absolute one, or a file on another drive: the path as given.
  if (isAbsolutePath(root) !== isAbsolutePath(file) || (common === 0 && isAbsolutePath(file))) return file;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function isAbsolutePath(path: string): boolean {
  return /^([/\\]|[A-Za-z]:)/.test(path);
}
