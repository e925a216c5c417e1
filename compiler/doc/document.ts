/**
 * A document as plain data: headings, paragraphs, lists, tables, diagrams.
 * Builders (the policy document, a simulation report) say *what* to show;
 * `markdown.ts` and `html.ts` say how, and escape every piece of text on
 * the way out. Nothing here is markup.
 */

/** A run of text: plain, code (`installation.epclListed`), strong, or a link to a heading of the document. */
export type Inline = string | { readonly code: string } | { readonly strong: string } | { readonly link: string; readonly text: string };

export type Text = readonly Inline[];

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly text: Text }
  | { readonly kind: 'list'; readonly items: readonly Text[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly Text[])[]; readonly numeric?: readonly boolean[] }
  /** A Mermaid diagram, with a short description for readers who cannot see it. */
  | { readonly kind: 'diagram'; readonly source: string; readonly description: string }
  | { readonly kind: 'contents'; readonly levels: readonly (2 | 3)[] };

export interface Document {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/**
 * Collects blocks and gives every heading an id the way GitHub makes
 * anchors from heading text (lower case, punctuation dropped, spaces as
 * hyphens, a repeat numbered), so links work in the Markdown on a code
 * host and in the HTML alike.
 */
export class DocumentBuilder {
  readonly blocks: Block[] = [];
  private readonly ids = new Map<string, number>();

  heading(level: 1 | 2 | 3 | 4, text: string): string {
    const base = slug(text);
    const seen = this.ids.get(base);
    this.ids.set(base, (seen ?? -1) + 1);
    const id = seen === undefined ? base : `${base}-${seen + 1}`;
    this.blocks.push({ kind: 'heading', level, text, id });
    return id;
  }

  paragraph(...text: Inline[]): void {
    this.blocks.push({ kind: 'paragraph', text });
  }

  list(items: readonly Text[]): void {
    if (items.length > 0) this.blocks.push({ kind: 'list', items });
  }

  table(header: readonly string[], rows: readonly (readonly Text[])[], numeric?: readonly boolean[]): void {
    this.blocks.push({ kind: 'table', header, rows, ...(numeric === undefined ? {} : { numeric }) });
  }

  diagram(source: string, description: string): void {
    this.blocks.push({ kind: 'diagram', source, description });
  }

  contents(levels: readonly (2 | 3)[] = [2]): void {
    this.blocks.push({ kind: 'contents', levels });
  }
}

/** GitHub's anchor for a heading: `2.5.2 Account switch` → `252-account-switch`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** `A`, `A and B`, `A, B and C`. */
export function joinWords(words: readonly string[], last = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)!}`;
}

/** The text of inline runs without markup, for alt texts and tests. */
export function plainText(text: Text): string {
  return text.map((inline) => (typeof inline === 'string' ? inline : 'code' in inline ? inline.code : 'strong' in inline ? inline.strong : inline.text)).join('');
}
