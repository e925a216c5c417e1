/**
 * A checked policy as the runtime's policy object, in memory: its emitted
 * code evaluated with `new Function`, so a test harness or the command
 * line runs a policy without writing a module or importing one.
 *
 * The compiler imports the runtime's types only (the shape of what it
 * emits, docs/decisions/0011), never its code.
 */
import type { CompiledPolicy as RuntimePolicy } from '../runtime/policy.js';
import type { CompiledPolicy } from './compile.js';
import { emitPolicy } from './emit/index.js';

/**
 * A policy object loaded without its emitted types: installations are
 * plain records, handlers the runtime's loose `HandlerTable`, codes strings.
 * A policy built with `mpol build` carries its own exact types instead.
 */
export type LoadedPolicy = RuntimePolicy<Record<string, unknown>, unknown>;

/** The runtime's policy object for a policy that checked without errors; throws for one with errors (a bug of the caller). */
export function instantiatePolicy(compiled: CompiledPolicy): LoadedPolicy {
  if (compiled.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`instantiatePolicy: ${compiled.root} has errors; check it first`);
  }
  // Invariant: the body is the emitter's output, in which every policy string passed through `literal()`.
  const body = emitPolicy(compiled, { target: 'script' });
  return new Function(body)() as LoadedPolicy;
}
