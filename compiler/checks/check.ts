/**
 * The shape every static check has: a function of the pass context, the
 * policy model and the symbol table, reporting through the context.
 */
import type { PassContext } from '../context.js';
import type { PolicyModel } from '../model.js';
import type { SymbolTable } from '../symbols.js';

export interface CheckInput {
  readonly model: PolicyModel;
  readonly table: SymbolTable;
}

export type Check = (ctx: PassContext, input: CheckInput) => void;
