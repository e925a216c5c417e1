/**
 * Text inside Mermaid diagrams. Policy text (titles, predicates with
 * string literals) reaches node and edge labels, where quotes, brackets,
 * pipes, `#` and `;` are syntax, and `<` or `&` would be read as markup.
 * Every such label passes through `mermaidLabel`, which keeps a plain set
 * of characters and writes every other one as Mermaid's numeric entity
 * (`#35;` for `#`), which Mermaid decodes back to the character.
 *
 * Invariant: a label made here cannot end its quoted string, open a
 * statement, or inject markup, whatever the policy says.
 */

/** Characters that mean nothing to Mermaid's grammars or to HTML. */
const plain = /^[\p{L}\p{N} _.,:/()+\-'=!?§·…–—→≤≥×*]$/u;

/** One line of label text, safe inside `"…"` in any Mermaid diagram that decodes entities. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) out += ' ';
    else out += plain.test(character) ? character : `#${code};`;
  }
  return out;
}

/** Several label lines as one quoted label, broken with `<br>`. */
export function mermaidLines(lines: readonly string[]): string {
  return `"${lines.map(mermaidLabel).join('<br>')}"`;
}

/**
 * Text for places where Mermaid does not decode entities (a gantt task or
 * section, an accessibility title): our own words and policy names
 * (identifiers), with anything that could end the statement dropped.
 */
export function mermaidPlain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f#:;"`<>{}[\]|%&]/g, ' ').replace(/ {2,}/g, ' ').trim();
}
