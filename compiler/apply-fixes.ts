/**
 * Applies the first fix of each diagnostic to the texts of their files:
 * what `mpol check --fix` does, and what an editor's "fix all" would.
 * Pure: texts in, texts out.
 *
 * Edits that are the same (five uses of one undeclared code each offer to
 * declare it) apply once. A fix whose edits overlap an edit already taken
 * is left for the next round: after the texts change, a new check offers
 * fixes with fresh offsets.
 */
import type { Diagnostic, TextEdit } from '../grammar/index.js';

export interface AppliedFixes {
  /** The new text of every file a fix changed. */
  readonly texts: ReadonlyMap<string, string>;
  /** The diagnostics whose first fix was applied, in their order. */
  readonly applied: readonly Diagnostic[];
}

export function applyFixes(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): AppliedFixes {
  const taken = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  const applied: Diagnostic[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes[0];
    if (fix === undefined || !fix.edits.every((edit) => texts.has(edit.file))) continue;
    const fresh = fix.edits.filter((edit) => !seen.has(key(edit)));
    if (fresh.length === 0) continue;
    if (fresh.some((edit) => (taken.get(edit.file) ?? []).some((other) => overlaps(edit, other)))) continue;
    for (const edit of fresh) {
      seen.add(key(edit));
      const list = taken.get(edit.file) ?? [];
      list.push(edit);
      taken.set(edit.file, list);
    }
    applied.push(d);
  }
  const changed = new Map<string, string>();
  for (const [file, edits] of taken) changed.set(file, applyEdits(texts.get(file)!, edits));
  return { texts: changed, applied };
}

/** `text` with non-overlapping `edits` applied; insertions at one offset keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.index - b.index);
  let result = '';
  let at = 0;
  for (const { edit } of ordered) {
    result += text.slice(at, edit.span.start) + edit.text;
    at = edit.span.end;
  }
  return result + text.slice(at);
}

function key(edit: TextEdit): string {
  return `${edit.file}\u0000${edit.span.start}\u0000${edit.span.end}\u0000${edit.text}`;
}

// Two replacements overlap when they share a character; an insertion (an
// empty span) overlaps only a replacement that strictly contains its offset.
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
