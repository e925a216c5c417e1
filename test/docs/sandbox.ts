/**
 * Commands the documentation shows, run for real: the built `mpol` in a
 * fresh scratch copy of the repository's policies and documentation
 * examples for each command, so a command that writes (`--out generated`,
 * `> CHANGES.md`, `check --fix`) leaves the repository and the other
 * commands alone. The scratch folder's path is shown as
 * `/home/me/project`, the working folder the documentation pretends to
 * be in.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { childEnv } from '../child-env.js';
import { repo } from './blocks.js';

export const shownFolder = '/home/me/project';

export interface CommandRun {
  readonly status: number | null;
  /** Standard output, then standard error, with the sandbox shown as `/home/me/project`. */
  readonly output: string;
  readonly stdout: string;
}

export class Sandbox {
  private readonly folders: string[] = [];

  /** A fresh copy of the policies and examples, shown as `/home/me/project`. */
  fresh(): string {
    const folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'mpol-docs-')));
    this.folders.push(folder);
    for (const part of ['policies', 'docs/examples']) {
      if (existsSync(path.join(repo, part))) cpSync(path.join(repo, part), path.join(folder, part), { recursive: true });
    }
    return folder;
  }

  /**
   * Runs one command line of the documentation: `mpol ...` or `npx mpol ...`,
   * with at most a `> file` at its end; in a fresh copy, or in `folder` (one
   * of `fresh()`) after the lines before it.
   */
  run(commandLine: string, folder = this.fresh()): CommandRun {
    const words = splitWords(commandLine.replace(/\s+#.*$/, ''));
    if (words[0] === 'npx') words.shift();
    if (words.shift() !== 'mpol') throw new Error(`not an mpol command: ${commandLine}`);
    const redirect = words.length >= 2 && words[words.length - 2] === '>' ? words.splice(-2)[1] : undefined;
    const child = spawnSync(process.execPath, [path.join(repo, 'dist/mpol.js'), ...words], {
      cwd: folder,
      env: childEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (redirect !== undefined) writeFileSync(path.join(folder, redirect), child.stdout);
    const shown = (text: string): string =>
      text.replaceAll(pathToFileURL(folder).href, pathToFileURL(shownFolder).href).replaceAll(folder, shownFolder);
    const stdout = redirect === undefined ? shown(child.stdout) : '';
    return { status: child.status, stdout, output: stdout + shown(child.stderr) };
  }

  remove(): void {
    for (const folder of this.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }
}

/** Splits a command line into words as a POSIX shell would for the simple lines the documentation shows. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}
