/**
 * The mpol runtime's public entry: the types a compiled policy is made of
 * and the handler contracts. Emitted policy modules import only this.
 */
export type * from './policy.js';
export type * from './handlers.js';
