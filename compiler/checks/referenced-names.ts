/**
 * Not a check: the names of every declaration something refers to. Three
 * checks of use ask it, and a large policy has hundreds of thousands of
 * references, so it is worked out once per symbol table.
 */
import type { SymbolTable } from '../symbols.js';

const computed = new WeakMap<SymbolTable, ReadonlySet<string>>();

/** Every declared name that a reference resolved to. Names are unique in a policy, whatever their kind. */
export function referencedNames(table: SymbolTable): ReadonlySet<string> {
  let names = computed.get(table);
  if (names === undefined) {
    const found = new Set<string>();
    for (const reference of table.references) if (reference.target !== undefined) found.add(reference.target.name);
    names = found;
    computed.set(table, names);
  }
  return names;
}
