/**
 * A policy and a fault model with a slot for every kind of name a policy
 * declares (policy, party, artefact, report, field, enumeration member,
 * error code, retry strategy, tier, cohort, group, stage, step, undo), to
 * be filled once with names every object inherits from `Object.prototype`
 * and once with plain names, so every stage can be compared name for name.
 */

/** The names every object inherits, and `__proto__`, which sets a prototype when written. */
export const hostileNames: readonly string[] = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

export const slots = [
  'POL', 'P1', 'P2', 'P3', 'A1', 'A2', 'R', 'F1', 'F2', 'F3', 'M1', 'M2',
  'E1', 'E2', 'E3', 'E5', 'E6', 'E7', 'E8', 'RT', 'T1', 'T2', 'C1', 'C2', 'G',
  'ST', 'S1', 'S2', 'S3', 'S4', 'U',
] as const;

export type Slot = (typeof slots)[number];
export type Names = Readonly<Record<Slot, string>>;

/** Plain names, one per slot, that occur nowhere else in any output: `Nm_S1`. */
export const plainNames: Names = Object.fromEntries(slots.map((slot) => [slot, `Nm_${slot}`])) as Names;

const policyTemplate = `
policy {POL} version "1" "Names"

section "1" "Everything"

party {P1} "Provider"
party {P2} "Keeper"
party {P3} "Supplier"
artefact {A1} "Manifest" by {P1}
artefact {A2} "Files" by {P2}
report {R} "Failures" to {P3}

installation {
  {F1}: bool
  {F2}: number
  {F3}: {M1} | {M2}
}

error {E1} "predicate" ref "1" { report {R} resubmit responsible {P3} }
error {E2} "external" ref "1" { report {R} }
error {E3} "named by the handler" ref "1" { report {R} }
error {E5} "unresolved" ref "1" { report {R} }
error {E6} "late" ref "1" { report {R} resubmit }
error {E7} "rolled back" ref "1" { report {R} resubmit }
error {E8} "anything else" ref "1" { report {R} }

retry {RT} ref "1" {
  tier {T1}: 2 retries every 5m
  tier {T2}: every 30m
  within {WITHIN}
}

cohort {C1} "First"
cohort {C2} "Second" { group {G} "Grouped" }

exclude after 3 failed attempts ref "1"

migration {
  on failure fail {E8}
  stage {ST} ref "1" by {P1} {
    check {E1} requires installation.{F1} and installation.{F2} >= 1
    check {E2} external
  }
  step {S1} ref "1" by {P1} { produces {A1} }
  step {S2} ref "1" by {P2} when group {G} {
    await {A2}
    within 2h after {A1} else fail {E6}
    undo {U} by {P1}
  }
  step {S3} ref "1" by {P1} unless installation.{F3} == {M2} {
    retry {RT}
    may fail {E3}
    on exhausted rollback then fail {E7}
  }
  step {S4} ref "1" by {P1} when cohort {C1} or group {G} {
    on failure incident resolved by {P1} or {P2} then continue else fail {E5}
  }
}
`;

/** Which entries of the fault model are written; the others fall back to its defaults. */
export interface FaultEntries {
  readonly step: boolean;
  readonly check: boolean;
  readonly artefact: boolean;
  readonly party: boolean;
  readonly undo: boolean;
}

function fill(template: string, names: Names, extra: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([A-Z0-9]+)\}/g, (_, slot: string) => extra[slot] ?? names[slot as Slot]);
}

/** The policy's text with `names`; `within` changes between two versions, for `diff`. */
export function policyText(names: Names, within = '4h'): string {
  return fill(policyTemplate, names, { WITHIN: within });
}

/** The fault model's JSON text with `names`, writing only the entries `entries` asks for. */
export function faultText(names: Names, entries: FaultEntries): string {
  const model = {
    defaults: { step: { transient: 0.2, permanent: 0.05, duration: { uniform: ['1m', '20m'] } }, check: { fail: 0.3 }, undo: { fail: 0.3 } },
    steps: entries.step ? { '{S3}': { transient: 0.5, codes: { '{E3}': 0.5 }, cohorts: { '{C2}/{G}': { transient: 0.7 } } } } : {},
    checks: entries.check ? { '{E2}': { fail: 0.2 } } : {},
    artefacts: entries.artefact ? { '{A2}': { after: '{A1}', delay: { exponential: '1h' }, never: 0.1 } } : {},
    parties: entries.party ? { '{P2}': { delay: { uniform: ['10m', '3h'] }, unresolved: 0.2 } } : {},
    undos: entries.undo ? { '{U}': { fail: 0.5, duration: '5m' } } : {},
    cohorts: { '{C1}': 300, '{C2}': 100, '{C2}/{G}': 200 },
    installation: { '{F1}': { bool: 0.9 }, '{F2}': { integer: [0, 3] }, '{F3}': { enum: { '{M1}': 3, '{M2}': 1 } } },
  };
  return fill(JSON.stringify(model), names);
}

/** A campaign section for the fault model, with the names in its estate, caps and resubmission delays. */
export function campaignText(names: Names): string {
  const campaign = {
    estate: { '{C1}': 120, '{C2}': 40, '{C2}/{G}': 60 },
    capacity: { daily: 50, cohorts: { '{C1}': 30, '{C2}/{G}': 15 }, responsible: { '{P3}': 5 } },
    resubmission: { delay: { uniform: ['1d', '3d'] }, responsible: { '{P3}': { delay: { exponential: '2d' } } } },
  };
  return fill(JSON.stringify(campaign), names);
}

/** Rewrites text written with plain names into the same text with `names`. */
export function renamed(text: string, names: Names): string {
  return text.replace(/\bNm_([A-Z0-9]+)\b/g, (_, slot: string) => names[slot as Slot]);
}
