/**
 * `--cohort IOC=1000 --cohort MOC_Secure/DA=500`: the installations to
 * simulate per population, read from the repeated flag and checked against
 * the policy's cohorts and groups, with each mistake named by its flag.
 */
import { nearest } from '../common/edit-distance.js';
import { emptyRecord } from '../common/own.js';
import type { LoadedPolicy } from '../compiler/index.js';

/** The counts by population, `undefined` without the flag, or what is wrong with the flags, in words. */
export function parseCohorts(values: readonly string[] | undefined): Record<string, number> | undefined | string {
  if (values === undefined || values.length === 0) return undefined;
  // Without a prototype, `--cohort __proto__=5` names a cohort like any other.
  const cohorts = emptyRecord<number>();
  const given = new Map<string, string>();
  for (const value of values) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?)=(\d+)$/.exec(value);
    if (!match) return `--cohort takes COHORT=COUNT or COHORT/GROUP=COUNT, such as IOC=1000, not '${value}'`;
    const key = match[1]!;
    const earlier = given.get(key);
    if (earlier !== undefined) return `--cohort ${value}: \`${key}\` was already given (--cohort ${earlier}); give each population once`;
    if (!Number.isSafeInteger(Number(match[2]))) return `--cohort ${value}: the count is too large to count exactly`;
    given.set(key, value);
    cohorts[key] = Number(match[2]);
  }
  return cohorts;
}

/** The first `--cohort` that names no cohort or `cohort/group` of the policy, in words with the nearest name; `null` if every one does. */
export function unknownCohort(cohorts: Readonly<Record<string, number>>, policy: LoadedPolicy): string | null {
  const populations: string[] = [];
  for (const [cohort, definition] of Object.entries(policy.cohorts)) {
    populations.push(cohort, ...definition.groups.map((group) => `${cohort}/${group}`));
  }
  for (const [key, count] of Object.entries(cohorts)) {
    if (populations.includes(key)) continue;
    const near = nearest(key, populations, 2);
    const what = key.includes('/') ? 'cohort/group' : 'cohort';
    return `--cohort ${key}=${count}: the policy has no ${what} \`${key}\`${near === undefined ? '' : `; did you mean \`${near}\`?`}`;
  }
  return null;
}
