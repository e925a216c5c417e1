/**
 * `npm start` builds first when it must (scripts/build-if-stale.mjs, its
 * `prestart`): when the command is missing, or older than any source it is
 * built from, and not otherwise.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the repository's scripts, without types.
import { isStale } from '../../scripts/build-if-stale.mjs';
import { tempFolder } from './run-cli.js';

const stale = isStale as (root: string) => boolean;

function write(root: string, name: string, secondsAgo: number): void {
  const file = path.join(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(file, when, when);
}

describe('npm start builds first when it must', () => {
  it('when dist/mpol.js is missing', () => {
    const root = tempFolder();
    write(root, 'compiler/compile.ts', 100);
    expect(stale(root)).toBe(true);
  });

  it('when a source in any folder it is built from, or the manifest, is newer', () => {
    for (const source of ['grammar/parser.ts', 'runtime/campaign/shard.ts', 'cli/main.ts', 'common/duration.ts', 'package.json']) {
      const root = tempFolder();
      write(root, 'dist/mpol.js', 50);
      write(root, 'compiler/compile.ts', 100);
      expect(stale(root)).toBe(false);
      write(root, source, 10);
      expect(stale(root), source).toBe(true);
    }
  });

  it('not when the build is newer than every source, whatever the tests or docs say', () => {
    const root = tempFolder();
    write(root, 'runtime/index.ts', 100);
    write(root, 'dist/mpol.js', 50);
    write(root, 'test/cli/some.test.ts', 1);
    write(root, 'docs/cli.md', 1);
    expect(stale(root)).toBe(false);
  });
});
