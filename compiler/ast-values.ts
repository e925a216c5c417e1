/**
 * Small readers of syntax nodes that passes share: a name or string that
 * recovery may have left `Missing`, a `ref`'s section.
 */
import type * as A from '../grammar/index.js';
import type { PassContext } from './context.js';

export function nameOf(name: A.Name | undefined): string | undefined {
  return name !== undefined && name.kind === 'Ident' ? name.name : undefined;
}

export function text(node: A.StringLit | A.Missing): string {
  return node.kind === 'String' ? node.value : '';
}

export function refOf(ref: A.Ref | undefined): string | undefined {
  return ref !== undefined && ref.section.kind === 'String' ? ref.section.value : undefined;
}

/** Reports the second and later items of one kind in a declaration's body. */
export function reportRepeats(ctx: PassContext, file: string, items: readonly (A.Span & { readonly kind: string })[], word: (kind: string) => string | undefined): void {
  if (items.length < 2) return; // nothing can repeat
  const seen = new Set<string>();
  for (const item of items) {
    const label = word(item.kind);
    if (label === undefined) continue;
    if (seen.has(label)) ctx.report('duplicate-item', file, item, { item: label });
    seen.add(label);
  }
}

