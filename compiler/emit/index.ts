/**
 * Emission: a checked policy to a TypeScript (or JavaScript) module that
 * imports only the runtime's public types.
 */
export { emitPolicy, type EmitOptions } from './emit-module.js';
