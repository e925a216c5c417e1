/**
 * A document as GitHub-flavoured Markdown, diagrams as ```mermaid blocks,
 * which the usual code hosts draw. Every piece of text is escaped here, so
 * a policy title cannot start a list, close a table cell or open a link.
 */
import type { Block, Document, Inline, Text } from './document.js';

export function renderMarkdown(document: Document): string {
  const out: string[] = [];
  for (const block of document.blocks) out.push(renderBlock(block, document));
  return `${out.join('\n\n')}\n`;
}

function renderBlock(block: Block, document: Document): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeText(block.text)}`;
    case 'paragraph':
      return escapeLineStart(renderText(block.text));
    case 'list':
      return block.items.map((item) => `- ${renderText(item)}`).join('\n');
    case 'table': {
      const align = block.header.map((_, column) => (block.numeric?.[column] ? '---:' : '---'));
      const rows = [block.header.map(escapeText), align, ...block.rows.map((row) => row.map((cell) => renderText(cell, true)))];
      return rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
    }
    case 'diagram':
      // Invariant: diagram sources never hold three backticks (labels are entity-encoded).
      return `\`\`\`mermaid\n${block.source.trimEnd()}\n\`\`\``;
    case 'contents':
      return document.blocks
        .filter((heading) => heading.kind === 'heading' && (block.levels as readonly number[]).includes(heading.level))
        .map((heading) => {
          const { level, text, id } = heading as Extract<Block, { kind: 'heading' }>;
          return `${'  '.repeat(level - 2)}- [${escapeText(text)}](#${id})`;
        })
        .join('\n');
  }
}

/** Inline runs on one line; in a table cell a `|` in code is escaped too, as GitHub's tables need. */
function renderText(text: Text, inTable = false): string {
  return text.map((inline) => renderInline(inline, inTable)).join('');
}

function renderInline(inline: Inline, inTable: boolean): string {
  if (typeof inline === 'string') return escapeText(inline);
  if ('code' in inline) return inTable ? codeSpan(inline.code).replace(/\|/g, '\\|') : codeSpan(inline.code);
  if ('strong' in inline) return `**${escapeText(inline.strong)}**`;
  return `[${escapeText(inline.text)}](#${inline.link})`;
}

/** Characters that are Markdown or HTML syntax anywhere in a line, backslash-escaped. */
export function escapeText(text: string): string {
  // An underscore between letters or digits (`MOC_Secure`) cannot start emphasis, so it stays as it is.
  return text
    .replace(/[\\`*[\]<>|~&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (character) => `\\${character}`)
    .replace(/\r?\n/g, ' ');
}

/** A block that would start a heading, a list, a quote or a rule is escaped at its start. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#+\-=>]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/[#+\-=>.)]$/, (m) => `\\${m}`)}`);
}

/** A code span that holds any text: a fence longer than any run of backticks inside it. */
export function codeSpan(code: string): string {
  const flat = code.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
