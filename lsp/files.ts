/**
 * The files the server knows: every `.mpol` file under the workspace
 * folders (and in the folder of a file opened on its own), read from disk,
 * with the text of open documents in place of the disk's. A compiler
 * `Workspace` over them parses each file once per change and tells which
 * policies hold a file; imports that lead outside the folders are read
 * when first met.
 *
 * The checker gets the same contents: every change is queued for it until
 * `takeChanges` (checker-changes.ts). Which folders are read, and which
 * files they hold, is folders.ts's.
 */
import { Workspace, type LoadedFile, type PolicyPlan, type ReadResult } from '../compiler/index.js';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { OpenDocument } from './documents.js';
import { CheckerChanges } from './checker-changes.js';
import type { FileAccess } from './environment.js';
import { Folders } from './folders.js';
import { TextLines } from './positions.js';

export type FileChange = 'created' | 'changed' | 'deleted';

export class Files {
  readonly workspace: Workspace;
  private readonly folders: Folders;
  private readonly found = new Set<string>();
  private readonly disk = new Map<string, ReadResult>();
  private readonly documents = new Map<string, OpenDocument>();
  /** Paths the workspace asked for that have not been read yet: imports met in a parse. */
  private readonly wanted = new Set<string>();
  private readonly forChecker = new CheckerChanges();
  private readonly lines = new Map<string, TextLines>();
  /** Disk work runs one operation at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly access: FileAccess,
    /** Told of every path whose content changed, once per change. */
    private readonly changed: (paths: readonly string[]) => void,
  ) {
    this.folders = new Folders((path) => access.folderOf(path));
    this.workspace = new Workspace({
      readFile: (path) => this.content(path),
      resolveImport: (from, specifier) => access.resolveImport(from, specifier),
    });
  }

  /** The content the server holds for `path`: an open document's text, or what was read from disk. */
  content(path: string): ReadResult {
    const document = this.documents.get(path);
    if (document !== undefined) return { kind: 'text', text: document.text };
    const read = this.disk.get(path);
    if (read !== undefined) return read;
    this.wanted.add(path);
    return { kind: 'missing' };
  }

  document(path: string): OpenDocument | undefined {
    return this.documents.get(path);
  }

  openDocuments(): OpenDocument[] {
    return [...this.documents.values()];
  }

  /** The file's parse and its own syntax diagnostics. */
  load(path: string): LoadedFile {
    return this.workspace.load(path);
  }

  /** Line starts of the file's current text, for converting positions. */
  linesOf(path: string): TextLines {
    const content = this.content(path);
    const text = content.kind === 'text' ? content.text : '';
    let lines = this.lines.get(path);
    if (lines === undefined || lines.text !== text) {
      lines = new TextLines(text);
      this.lines.set(path, lines);
    }
    return lines;
  }

  /** The file an `import "specifier"` in `from` names. */
  resolveImport(from: string, specifier: string): string {
    return this.access.resolveImport(from, specifier);
  }

  /** The policies that hold `path`. */
  policiesOf(path: string): PolicyPlan[] {
    return this.workspace.policiesOf(path);
  }

  /** Every known `.mpol` file: found in the folders, or open. */
  paths(): string[] {
    return [...new Set([...this.found, ...this.documents.keys()])].sort();
  }

  /** Adds a folder and reads its files; `recursive` for a workspace folder, not for the folder of a file opened alone. */
  addFolder(folder: string, recursive: boolean): Promise<void> {
    if (!this.folders.add(folder, recursive)) return this.queue.then(() => undefined);
    return this.serially(() => this.scan(folder, recursive));
  }

  /** Stops reading a folder: its files that no other folder holds and no editor has open are forgotten. */
  removeFolder(folder: string): Promise<void> {
    return this.serially(async () => {
      if (!this.folders.delete(folder)) return;
      for (const path of [...this.found]) {
        if (this.folders.hold(path)) continue;
        this.forgetFound(path);
        if (!this.documents.has(path)) {
          this.disk.delete(path);
          this.forChecker.file(path, undefined);
          this.workspace.changed(path);
        }
      }
      await this.readWanted();
    });
  }

  /** Lists every folder again and reads every file that is not open: for clients that do not watch files. */
  rescan(): Promise<void> {
    return this.serially(async () => {
      const listed = new Set<string>();
      for (const [folder, recursive] of this.folders.entries()) for (const path of await this.access.listPolicyFiles(folder, recursive)) listed.add(path);
      for (const path of [...this.found]) if (!listed.has(path)) this.forgetFound(path);
      for (const path of listed) this.addFound(path);
      for (const path of [...this.disk.keys()]) await this.reread(path);
      await this.readWanted();
    });
  }

  /** What a file watcher reported. */
  fileEvents(events: readonly { path: string; change: FileChange }[]): Promise<void> {
    return this.serially(async () => {
      for (const { path, change } of events) {
        if (change === 'deleted') this.forgetFound(path);
        else if (this.folders.hold(path) && path.endsWith('.mpol')) this.addFound(path);
        if (this.disk.has(path) || this.found.has(path)) await this.reread(path);
      }
      await this.readWanted();
    });
  }

  open(uri: string, path: string, version: number, text: string): void {
    this.documents.set(path, new OpenDocument(uri, path, version, text));
    this.forChecker.paths();
    this.touch(path);
    const folder = this.access.folderOf(path);
    if (!this.folders.hold(path)) void this.addFolder(folder, false);
  }

  change(path: string, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const document = this.documents.get(path);
    if (document === undefined) return;
    document.apply(changes, version);
    this.touch(path);
  }

  /** Closes a document: the disk's content is the file's content again. */
  close(path: string): Promise<void> {
    if (!this.documents.delete(path)) return Promise.resolve();
    this.forChecker.paths();
    return this.serially(async () => {
      this.disk.delete(path);
      await this.reread(path);
      await this.readWanted();
    });
  }

  /** Reads every import met so far that has not been read: until none is left, since a file read may import more. */
  settle(): Promise<void> {
    return this.serially(() => this.readWanted());
  }

  /** The changes the checker has not been sent yet, and the list of files when it changed. */
  takeChanges(): { changes: [string, ReadResult | undefined][]; paths: string[] | undefined } {
    return this.forChecker.take(() => this.paths());
  }

  hasChanges(): boolean {
    return this.forChecker.any();
  }

  private async scan(folder: string, recursive: boolean): Promise<void> {
    for (const path of await this.access.listPolicyFiles(folder, recursive)) {
      this.addFound(path);
      if (!this.disk.has(path)) await this.reread(path);
    }
    await this.readWanted();
  }

  private async readWanted(): Promise<void> {
    for (let round = 0; ; round++) {
      this.workspace.setPaths(this.paths());
      this.workspace.plan();
      for (const path of this.paths()) this.workspace.load(path);
      const wanted = [...this.wanted].filter((path) => !this.disk.has(path) && !this.documents.has(path));
      this.wanted.clear();
      if (wanted.length === 0) return;
      for (const path of wanted) await this.reread(path);
    }
  }

  /** Reads `path` from disk; a change of content (for a file that is not open) is passed on. */
  private async reread(path: string): Promise<void> {
    const read = await this.access.readFile(path);
    const before = this.disk.get(path);
    this.disk.set(path, read);
    if (this.documents.has(path) || (before !== undefined && sameRead(before, read))) return;
    this.touch(path);
  }

  private addFound(path: string): void {
    if (this.found.has(path)) return;
    this.found.add(path);
    this.forChecker.paths();
    this.workspace.setPaths(this.paths());
  }

  private forgetFound(path: string): void {
    if (this.found.delete(path)) this.forChecker.paths();
    this.workspace.setPaths(this.paths());
  }

  private touch(path: string): void {
    this.workspace.changed(path);
    this.workspace.setPaths(this.paths());
    this.forChecker.file(path, this.content(path));
    this.changed([path]);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function sameRead(a: ReadResult, b: ReadResult): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  return true;
}
