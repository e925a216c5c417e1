/**
 * What the checker has not been sent yet (files.ts, check-scheduler.ts):
 * the content of each file changed since, `undefined` for one forgotten,
 * and whether the list of files changed. Until the first check takes them,
 * every file counts as changed.
 */
import type { ReadResult } from '../compiler/index.js';

export class CheckerChanges {
  private readonly pending = new Map<string, ReadResult | undefined>();
  private pathsChanged = true;

  /** `path` now holds `content` (`undefined`: the file is forgotten). */
  file(path: string, content: ReadResult | undefined): void {
    this.pending.set(path, content);
  }

  /** The list of files changed. */
  paths(): void {
    this.pathsChanged = true;
  }

  /** The changes, and the list of files from `paths` if it changed; none are left. */
  take(paths: () => string[]): { changes: [string, ReadResult | undefined][]; paths: string[] | undefined } {
    const changes = [...this.pending];
    this.pending.clear();
    const list = this.pathsChanged ? paths() : undefined;
    this.pathsChanged = false;
    return { changes, paths: list };
  }

  any(): boolean {
    return this.pending.size > 0 || this.pathsChanged;
  }
}
