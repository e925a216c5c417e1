/**
 * Names that are also properties of `Object.prototype` (`constructor`,
 * `toString`, `__proto__`, ...) in every slot a policy has a name for: the
 * policy is checked, built, diffed, migrated, simulated and played as a
 * campaign (`simulateCampaign`), and each result must be the one the same
 * policy gives with plain names, renamed. A name
 * that reached `Object.prototype` anywhere (a lookup keyed by a name, an
 * object literal key, a record a name is written into) would change one.
 *
 * `MPOL_FUZZ_RUNS=500 npx vitest run test/hostile/names.test.ts` hunts longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, diffPolicies, emitPolicy, formatDiffText, memoryHost, type CompiledPolicy as Checked } from '../../compiler/index.js';
import {
  faultHandlers,
  installationSeed,
  jitterSeed,
  migrate,
  MigrationUsageError,
  missingHandlers,
  SeededRandom,
  simulate,
  simulateCampaign,
  simulateOne,
  validateFaultModel,
  drawInstallation,
  type CompiledPolicy,
  type StepHandler,
} from '../../runtime/index.js';
import { campaignText, faultText, hostileNames, plainNames, policyText, renamed, slots, type FaultEntries, type Names } from './names-policy.js';
import { expectBoundedHeap } from './heap.js';
import { fuzzRuns } from './runs.js';

type AnyPolicy = CompiledPolicy<Record<string, unknown>, unknown>;

function check(text: string) {
  return checkWorkspace(['names.mpol'], memoryHost(new Map([['names.mpol', text]])));
}

/** Each diagnostic as its code, message and the text under its span, which do not depend on name lengths. */
function diagnosticsOf(text: string): string[] {
  return check(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message} [${text.slice(d.span.start, d.span.end)}]`);
}

function compiled(text: string): Checked {
  const result = check(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.policies[0]!;
}

async function load(policy: Checked): Promise<AnyPolicy> {
  const code = emitPolicy(policy, { target: 'js' });
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { policy: AnyPolicy };
  return module.policy;
}

/** Everything observable about one policy, as text written with its own names. */
async function observe(names: Names, entries: FaultEntries, seed: number): Promise<string[]> {
  const text = policyText(names);
  const seen: string[] = [...diagnosticsOf(text)];
  const checked = compiled(text);
  const changes = diffPolicies(checked.model, compiled(policyText(names, '6h')).model);
  seen.push(formatDiffText(changes, checked.model, compiled(policyText(names, '6h')).model));
  const policy = await load(checked);
  const faults = JSON.parse(faultText(names, entries)) as unknown;
  const validation = validateFaultModel(faults, policy);
  seen.push(JSON.stringify(validation.errors));
  const model = validation.model!;

  // No handlers at all: what is missing, and how `migrate` refuses.
  seen.push(JSON.stringify(missingHandlers(policy, {})));
  const passing = { [names.F1]: true, [names.F2]: 2, [names.F3]: names.M1 };
  const refused = await migrate(policy, passing, { handlers: { checks: { [names.E2]: () => true } }, cohort: names.C1 }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(MigrationUsageError);
  seen.push((refused as Error).message);

  // Installations through `migrate` with handlers drawing from the model, in each population.
  for (const [index, membership] of [
    { cohort: names.C1, group: null },
    { cohort: names.C2, group: null },
    { cohort: names.C2, group: names.G },
  ].entries()) {
    for (let n = 0; n < 4; n++) {
      const random = new SeededRandom(installationSeed(seed, index * 10 + n));
      const installation = drawInstallation(model.installation, {}, random);
      const handlers = faultHandlers(policy, model, membership, random);
      const result = await migrate(policy, installation, { handlers, ...membership, seed: jitterSeed(seed + n) });
      seen.push(JSON.stringify({ installation, result }));
    }
  }

  // The simulation, and one installation of it through `simulateOne`.
  const result = await simulate(policy, { faults, seed, samples: 2 });
  seen.push(JSON.stringify(result));
  seen.push(JSON.stringify(await simulateOne(policy, { faults, seed }, 450)));

  // The campaign: estate, caps per cohort, group and responsible party, resubmissions and exclusion.
  const campaign = JSON.parse(campaignText(names)) as unknown;
  const played = await simulateCampaign(policy, { faults: { ...(faults as object), campaign }, seed, samples: 1 });
  seen.push(JSON.stringify(played));
  return seen;
}

/** A policy's slots, some of them given hostile names (each used once: a policy has one namespace). */
const namesArb = fc
  .tuple(fc.shuffledSubarray([...hostileNames], { minLength: 1 }), fc.shuffledSubarray([...slots], { minLength: slots.length }))
  .map(([hostile, order]) => {
    const names: Record<string, string> = { ...plainNames };
    hostile.forEach((name, index) => (names[order[index]!] = name));
    return names as Names;
  });

const entriesArb = fc.record({ step: fc.boolean(), check: fc.boolean(), artefact: fc.boolean(), party: fc.boolean(), undo: fc.boolean() });

describe('names that are properties of Object.prototype', () => {
  it('are names like any other: check, diff, build, migrate, simulate and a campaign give what plain names give', async () => {
    await expectBoundedHeap(() => fc.assert(
      fc.asyncProperty(namesArb, entriesArb, fc.integer({ min: 0, max: 1000 }), async (names, entries, seed) => {
        const plain = await observe(plainNames, entries, seed);
        const hostile = await observe(names, entries, seed);
        expect(hostile).toEqual(plain.map((text) => renamed(text, names)));
      }),
      { numRuns: fuzzRuns(12) },
    ));
  }, 60_000);

  it('every one of them in every slot at once', async () => {
    // Twelve names for thirty-one slots: three rounds put each name in a different third.
    for (let round = 0; round < 3; round++) {
      const names: Record<string, string> = { ...plainNames };
      hostileNames.forEach((name, index) => (names[slots[(index + round * 11) % slots.length]!] = name));
      const entries = { step: true, check: round !== 1, artefact: true, party: round !== 2, undo: true };
      expect(await observe(names as Names, entries, round)).toEqual((await observe(plainNames, entries, round)).map((text) => renamed(text, names as Names)));
    }
  }, 60_000);
});

/** The plain names with a few slots renamed. */
const with_ = (renames: Partial<Record<keyof Names, string>>): Names => ({ ...plainNames, ...renames });
const allEntries: FaultEntries = { step: true, check: true, artefact: true, party: true, undo: true };

describe('the cases that broke', () => {
  it('simulates a step called `toString` that the fault model does not mention', async () => {
    const names = with_({ S1: 'toString', S4: 'constructor' });
    const policy = await load(compiled(policyText(names)));
    const result = await simulate(policy, { faults: JSON.parse(faultText(names, { ...allEntries, step: false })) as unknown, seed: 1 });
    expect(result.installations).toBe(600);
  });

  it('fails an external check called `constructor` as often as the defaults say, like any other check', async () => {
    for (const code of ['constructor', 'C1']) {
      const names = with_({ E2: code });
      const policy = await load(compiled(policyText(names)));
      const faults = { defaults: { check: { fail: 1 } }, cohorts: { [names.C1]: 100 }, installation: JSON.parse(faultText(names, allEntries)).installation };
      const result = await simulate(policy, { faults, seed: 1 });
      expect(result.total.outcomes.migrated).toBe(0);
      expect(result.total.codes[code]).toBeGreaterThan(50);
    }
  });

  it('emits an error code, a cohort and a party called `__proto__` as entries, not as prototypes', async () => {
    for (const [slot, record] of [['E1', 'errors'], ['C1', 'cohorts'], ['P1', 'parties']] as const) {
      const policy = await load(compiled(policyText(with_({ [slot]: '__proto__' }))));
      expect(Object.getPrototypeOf(policy[record])).toBe(Object.prototype);
      expect(Object.hasOwn(policy[record], '__proto__')).toBe(true);
    }
    const names = with_({ C1: '__proto__' });
    const policy = await load(compiled(policyText(names)));
    const installation = (JSON.parse(faultText(names, allEntries)) as { installation: unknown }).installation;
    const result = await simulate(policy, { faults: { ...(JSON.parse('{ "cohorts": { "__proto__": 5 } }') as object), installation }, seed: 1 });
    expect(result.populations.map((population) => `${population.cohort} ${population.installations}`)).toEqual(['__proto__ 5']);
    // The same count given as the `cohorts` option, as a harness reading JSON would pass it.
    const counted = await simulate(policy, { faults: { installation }, cohorts: JSON.parse('{ "__proto__": 7 }') as Record<string, number>, seed: 1 });
    expect(counted.populations.map((population) => `${population.cohort} ${population.installations}`)).toEqual(['__proto__ 7']);
  });

  it('reports a missing handler for a step called `toString` instead of calling `Object.prototype.toString`', async () => {
    const names = with_({ S1: 'toString' });
    const policy = await load(compiled(policyText(names)));
    expect(missingHandlers(policy, { steps: {} })).toContain('steps.toString');
    const installation = { [names.F1]: true, [names.F2]: 2, [names.F3]: names.M1 };
    await expect(migrate(policy, installation, { handlers: { checks: { [names.E2]: () => true }, steps: {} }, cohort: names.C1 })).rejects.toThrow(
      'no handler `steps.toString`',
    );
  });

  it('finds handlers a harness defines on a class, but none that every object inherits', async () => {
    const names = with_({ S1: 'toString', S4: 'valueOf' });
    const policy = await load(compiled(policyText(names)));
    class Steps {
      toString() {
        return { status: 'ok' as const };
      }
    }
    // A class instance has no index signature, but the runtime takes its methods as handlers.
    const steps = new Steps() as unknown as Record<string, StepHandler<Record<string, unknown>>>;
    expect(missingHandlers(policy, { steps })).toContain('steps.valueOf');
    expect(missingHandlers(policy, { steps })).not.toContain('steps.toString');
  });
});
