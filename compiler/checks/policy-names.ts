/**
 * Not a check: the policy's own names, for helps. A help that shows what
 * to write names what the policy declares (one report is that report;
 * several are listed), or says what to declare first when it has none, so
 * it never suggests a name the policy does not have.
 */
import type { DeclKind, SymbolTable } from '../symbols.js';

/** The names of `kind` the policy declares, in declaration order. */
export function declaredNames(table: SymbolTable, kind: DeclKind): string[] {
  const names: string[] = [];
  for (const symbol of table.symbols.values()) if (symbol.kind === kind) names.push(symbol.name);
  return names;
}

/** `names` in words for a help, as choices: "`A`", "`A` or `B`", "`A`, `B` or `C`", "`A`, `B`, `C` or another". */
export function oneOf(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``);
  if (names.length > 3) return `${shown.join(', ')} or another`;
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/**
 * A help that asks for `written` (with `placeholder` standing for a name
 * of `kind`) `where`: with the one name the policy has in its place, with
 * the choices, or after declaring one (`declaration`, what to write).
 */
export function helpWithName(table: SymbolTable, kind: DeclKind, placeholder: string, written: string, where: string, declaration: string): string {
  const names = declaredNames(table, kind);
  if (names.length === 1) return `add \`${written.replace(placeholder, names[0]!)}\` ${where}`;
  if (names.length > 1) return `add \`${written}\` ${where}, with ${placeholder} one of ${oneOf(names)}`;
  return `declare ${declaration}, then add \`${written}\` ${where}`;
}
