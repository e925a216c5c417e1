/**
 * A document as one self-contained HTML page: text, tables and the
 * diagram library inlined, no request to anywhere (a content security
 * policy forbids any), readable on a phone and printable. Diagrams are
 * Mermaid sources that the inlined library draws as SVG when the page
 * opens; without scripts, their sources and descriptions still show.
 *
 * Pure: the caller reads the library (`dist/vendor/mermaid.min.js`) and
 * passes its text in.
 */
import type { Block, Document, Inline, Text } from './document.js';
import { pageScript, pageStyle } from './html-page.js';

export interface HtmlOptions {
  /** Mermaid's browser bundle, inlined into the page, and its name, version and licence. */
  readonly mermaid: { readonly source: string; readonly notice: string };
}

export function renderHtml(document: Document, options: HtmlOptions): string {
  const body = document.blocks.map((block) => renderBlock(block, document)).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(document.title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<main>
${body}
</main>
<script>/*! ${inlineScript(options.mermaid.notice.replace(/\*\//g, ''))} */
${inlineScript(options.mermaid.source)}</script>
<script>${pageScript}</script>
</body>
</html>
`;
}

function renderBlock(block: Block, document: Document): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level} id="${escapeHtml(block.id)}">${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${renderText(block.text)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${renderText(item)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const cellClass = (column: number) => (block.numeric?.[column] ? ' class="number"' : '');
      const header = block.header.map((cell, column) => `<th${cellClass(column)}>${escapeHtml(cell)}</th>`).join('');
      const rows = block.rows.map((row) => `<tr>${row.map((cell, column) => `<td${cellClass(column)}>${renderText(cell)}</td>`).join('')}</tr>`);
      return `<div class="table"><table>\n<thead><tr>${header}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
    }
    case 'diagram':
      return `<figure class="diagram" role="img" aria-label="${escapeHtml(block.description)}">\n<pre class="mermaid">\n${escapeHtml(block.source)}</pre>\n</figure>`;
    case 'contents': {
      const headings = document.blocks.filter(
        (heading): heading is Extract<Block, { kind: 'heading' }> => heading.kind === 'heading' && (block.levels as readonly number[]).includes(heading.level),
      );
      const items = headings.map((heading) => `<li class="level${heading.level}"><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text)}</a></li>`);
      return `<nav class="contents" aria-label="Contents">\n<ul>\n${items.join('\n')}\n</ul>\n</nav>`;
    }
  }
}

function renderText(text: Text): string {
  return text.map(renderInline).join('');
}

function renderInline(inline: Inline): string {
  if (typeof inline === 'string') return escapeHtml(inline);
  if ('code' in inline) return `<code>${escapeHtml(inline.code)}</code>`;
  if ('strong' in inline) return `<strong>${escapeHtml(inline.strong)}</strong>`;
  return `<a href="#${escapeHtml(inline.link)}">${escapeHtml(inline.text)}</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A script's text made safe to inline: `</script` would end the element
 * and `<!--` would change how the rest is read, so both get a backslash,
 * which means nothing inside the strings and regular expressions where a
 * bundle holds them.
 */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
