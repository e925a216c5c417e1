/**
 * The semantic diff of two versions of a policy, keyed by `ref`: what was
 * added, removed or changed in each section, in words a policy reviewer
 * reads. Whitespace, comments and the order of declarations are not
 * changes, because rules are compared by identity and facts by value.
 */
import type { PolicyModel } from '../model.js';
import { rulesOf, type Rule } from './rules.js';

export interface PolicyChange {
  /** The document section the change belongs to ('' for rules with no `ref`). */
  readonly ref: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** What changed, such as "step `Commission`: when retries run out". */
  readonly subject: string;
  readonly before: string | null;
  readonly after: string | null;
}

export function diffPolicies(before: PolicyModel, after: PolicyModel): PolicyChange[] {
  const old = rulesOf(before);
  const current = rulesOf(after);
  const changes: PolicyChange[] = [];
  for (const [key, rule] of old) {
    const next = current.get(key);
    if (next === undefined) changes.push(...wholeRule(rule, 'removed'));
    else changes.push(...factChanges(rule, next));
  }
  for (const [key, rule] of current) {
    if (!old.has(key)) changes.push(...wholeRule(rule, 'added'));
  }
  return changes.sort(compareChanges);
}

function factChanges(old: Rule, current: Rule): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const names = new Set([...old.facts.keys(), ...current.facts.keys()]);
  for (const name of names) {
    const before = old.facts.get(name);
    const after = current.facts.get(name);
    const subject = `${current.subject}: ${name}`;
    if (before === undefined) changes.push({ ref: after!.ref, kind: 'added', subject, before: null, after: after!.value });
    else if (after === undefined) changes.push({ ref: before.ref, kind: 'removed', subject, before: before.value, after: null });
    else if (before.ref !== after.ref) {
      // The rule moved to another section: each section sees its side.
      changes.push({ ref: before.ref, kind: 'removed', subject, before: before.value, after: null });
      changes.push({ ref: after.ref, kind: 'added', subject, before: null, after: after.value });
    } else if (before.value !== after.value) {
      changes.push({ ref: after.ref, kind: 'changed', subject, before: before.value, after: after.value });
    }
  }
  return changes;
}

const defaults = new Set(['nothing', 'none', 'no', 'always', 'none (one attempt)']);

/**
 * A rule added or removed as a whole: one change in its own section, and
 * one more in each other section that one of its facts comes from (a
 * step's undo or failure handler may name its own `ref`).
 */
function wholeRule(rule: Rule, kind: 'added' | 'removed'): PolicyChange[] {
  // Facts at their default say nothing about a new or old rule; leave them out.
  const own = [...rule.facts].filter(([, fact]) => fact.ref === rule.ref && !defaults.has(fact.value));
  const text = own.map(([name, fact]) => `${name}: ${fact.value}`).join('; ');
  const changes: PolicyChange[] = [{ ref: rule.ref, kind, subject: rule.subject, before: kind === 'removed' ? text : null, after: kind === 'added' ? text : null }];
  for (const [name, fact] of rule.facts) {
    if (fact.ref === rule.ref) continue;
    const subject = `${rule.subject}: ${name}`;
    changes.push({ ref: fact.ref, kind, subject, before: kind === 'removed' ? fact.value : null, after: kind === 'added' ? fact.value : null });
  }
  return changes;
}

/** Section numbers in document order (2.5.9 before 2.5.10), then subject. */
export function compareSections(a: string, b: string): number {
  const partsA = a.split('.');
  const partsB = b.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const x = partsA[i];
    const y = partsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    if (Number.isInteger(nx) !== Number.isInteger(ny)) return Number.isInteger(nx) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function compareChanges(a: PolicyChange, b: PolicyChange): number {
  return compareSections(a.ref, b.ref) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}
