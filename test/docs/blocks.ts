/**
 * The fenced code blocks of the documentation, each with where it stands
 * and how it is checked. A block says how with a directive on the line
 * before its fence, `<!-- check: ... -->`; blocks of some languages need
 * none (docs/README.md of this folder lists the rules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '../..');

export interface Block {
  /** Repository-relative path of the page. */
  readonly page: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: string;
  readonly text: string;
  /** What follows `check:` in the directive before the fence, if any. */
  readonly directive: string | undefined;
}

/** README.md and every page under docs/, in a stable order. */
export function documentationPages(): string[] {
  const pages: string[] = ['README.md'];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(path.join(repo, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) pages.push(relative);
    }
  };
  walk('docs');
  return pages;
}

const directivePattern = /^<!-- check: (.+?) -->$/;

export function readBlocks(page: string): Block[] {
  const lines = readFileSync(path.join(repo, page), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (opening === null) continue;
    const indent = opening[1]!.length;
    const body: string[] = [];
    let end = i + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) body.push(lines[end++]!.slice(indent));
    const previous = i > 0 ? directivePattern.exec(lines[i - 1]!.trim()) : null;
    blocks.push({ page, line: i + 1, language: opening[2]!, text: body.join('\n'), directive: previous?.[1] });
    i = end;
  }
  return blocks;
}

export function where(block: Block): string {
  return `${block.page}:${block.line}`;
}
