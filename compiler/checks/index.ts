/**
 * Every static check, in the order they run. Each lives in its own file,
 * whose header names the rule and the section of docs/language.md it
 * enforces.
 */
import type { Check } from './check.js';

export type { Check, CheckInput } from './check.js';

export const checks: readonly Check[] = [];
