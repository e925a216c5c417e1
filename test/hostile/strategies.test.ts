/**
 * Whatever the runtime would refuse, `mpol check` reports first. Random
 * retry strategies, extremes included (waits of 0, counts in the billions,
 * timeouts of 0, full jitter), are written as policies: one that checks
 * without errors must run under `migrate`, every attempt failing, within
 * the attempt limit; one the compiler finds too many attempts in, or too
 * long a time (past 2^53 − 1 ms), or a reversed jitter range, is refused by
 * the runtime in the same words. Strategies built elsewhere with hostile
 * numbers (negative, NaN, infinite, past 2^53, reversed ranges) are refused
 * or run with every time exact; and the heap stays within a bound.
 *
 * `MPOL_FUZZ_RUNS=2000 npx vitest run test/hostile/strategies.test.ts` hunts longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptLimit } from '../../common/attempt-bound.js';
import { checkWorkspace, emitPolicy, memoryHost } from '../../compiler/index.js';
import { migrate, MigrationUsageError, type CompiledPolicy, type RetryDefinition } from '../../runtime/index.js';
import { expectBoundedHeap } from './heap.js';
import { fuzzRuns } from './runs.js';

const durations = [0, 1, 1000, 300_000, 1_800_000, 172_800_000, 3_000_000_000_000_000, Number.MAX_SAFE_INTEGER];
const durationArb = fc.constantFrom(...durations);
const text = (ms: number): string => `${ms}ms`;

const tierArb = fc.record({
  count: fc.option(fc.constantFrom(0, 1, 3, 5000, 20_000, 99_999_999_999), { nil: null }),
  every: durationArb,
  factor: fc.option(fc.constantFrom(1.5, 2, 1.000001, 99999), { nil: null }),
  cap: fc.option(fc.constantFrom(0, 1_200_000), { nil: null }),
});

const strategyArb = fc.record({
  tiers: fc.array(tierArb, { minLength: 1, maxLength: 3 }),
  within: fc.option(durationArb, { nil: null }),
  attempts: fc.option(fc.constantFrom(1, 7, attemptLimit, attemptLimit + 1, 99_999_999_999), { nil: null }),
  timeout: fc.option(fc.constantFrom(0, 60_000), { nil: null }),
  // Reversed ranges too: the compiler refuses them (`invalid-jitter-range`), and so does the runtime.
  jitter: fc.constantFrom('none', 'full', '0ms..1000ms', '1ms..2ms', '1000ms..1ms', '2ms..0ms', '0ms..3000000000000000ms'),
});

type Strategy = typeof strategyArb extends fc.Arbitrary<infer T> ? T : never;

function source(strategy: Strategy): string {
  const tiers = strategy.tiers.map((tier, index) => {
    const count = tier.count === null ? '' : `${tier.count} retries `;
    const growth = tier.factor === null ? '' : ` factor ${tier.factor}${tier.cap === null ? '' : ` cap ${text(tier.cap)}`}`;
    return `  tier t${index}: ${count}every ${text(tier.every)}${growth}`;
  });
  const items = [
    ...tiers,
    ...(strategy.within === null ? [] : [`  within ${text(strategy.within)}`]),
    ...(strategy.attempts === null ? [] : [`  attempts ${strategy.attempts}`]),
    ...(strategy.timeout === null ? [] : [`  timeout ${text(strategy.timeout)}`]),
    `  jitter ${strategy.jitter}`,
  ];
  return `policy P version "1" "Strategies"
section "1" "All"
party Provider "Provider"
report R "Failures" to Provider
error E "Failed" ref "1" { report R }
cohort C "Cohort"
retry S ref "1" {
${items.join('\n')}
}
migration {
  on failure fail E
  step Work ref "1" by Provider { retry S }
}
`;
}

/** The same strategy as a compiled policy writes it, for the runtime alone. */
function definition(strategy: Strategy): RetryDefinition {
  const [low, high] = strategy.jitter.includes('..') ? strategy.jitter.split('..').map((part) => Number.parseInt(part, 10)) : [0, 0];
  return {
    ref: null,
    tiers: strategy.tiers.map((tier, index) => ({ name: `t${index}`, count: tier.count, every: tier.every, factor: tier.factor ?? 1, cap: tier.factor === null ? null : tier.cap })),
    within: strategy.within,
    attempts: strategy.attempts,
    timeout: strategy.timeout,
    jitter: strategy.jitter.includes('..') ? { kind: 'range', low: low!, high: high! } : { kind: strategy.jitter as 'none' | 'full' },
  };
}

const failing = { steps: { Work: () => ({ status: 'transient' as const }) } };

async function load(text: string): Promise<CompiledPolicy<unknown, unknown>> {
  const result = checkWorkspace(['p.mpol'], memoryHost(new Map([['p.mpol', text]])));
  const code = emitPolicy(result.policies[0]!, { target: 'js' });
  return ((await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { policy: CompiledPolicy<unknown, unknown> }).policy;
}

describe('retry strategies', () => {
  it('that check without errors run within the attempt limit; those with too many attempts are refused by both', async () => {
    await expectBoundedHeap(() => fc.assert(
      fc.asyncProperty(strategyArb, async (strategy) => {
        const text = source(strategy);
        const diagnostics = checkWorkspace(['p.mpol'], memoryHost(new Map([['p.mpol', text]]))).diagnostics;
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length === 0) {
          const policy = await load(text);
          const result = await migrate(policy, {}, { handlers: failing, cohort: 'C' });
          expect(result.timeline.filter((event) => event.kind === 'attempt').length).toBeLessThanOrEqual(attemptLimit);
          expect(result.outcome.status).toBe('failed');
        }
        const tooMany = errors.find((d) => d.code === 'too-many-attempts' || d.code === 'time-too-long' || d.code === 'invalid-jitter-range');
        if (tooMany !== undefined) {
          const built = { ...(await load(source({ ...strategy, tiers: [{ count: 1, every: 1000, factor: null, cap: null }], within: null, attempts: null, timeout: null }))) };
          const timeout = strategy.timeout === 0 ? null : strategy.timeout;
          const refused = await migrate({ ...built, retries: { S: { ...definition(strategy), timeout } } }, {}, { handlers: failing, cohort: 'C' }).catch((error: unknown) => error);
          expect(refused).toBeInstanceOf(MigrationUsageError);
          // The same count, time and tier, in the same words (a timeout of 0, refused first, is left out); a reversed range is refused as such.
          if (tooMany.code === 'invalid-jitter-range') expect((refused as Error).message).toBe('retry strategy `S` has an invalid jitter range');
          else if (!errors.some((d) => d.code === 'invalid-jitter-range')) expect((refused as Error).message).toBe(tooMany.message);
        }
      }),
      { numRuns: fuzzRuns(150) },
    ));
  }, 60_000);

  it('built elsewhere with hostile numbers (reversed, negative, NaN, infinite or inexact) are refused, or run with exact times', async () => {
    const hostile = fc.constantFrom(-1, NaN, Infinity, 2 ** 53, 1e300, 0.5);
    const time = fc.oneof(fc.constantFrom(0, 1000, 3_600_000, Number.MAX_SAFE_INTEGER), hostile);
    const definitionArb = fc.record({
      tiers: fc.array(fc.record({ count: fc.option(fc.oneof(fc.constantFrom(1, 3), hostile), { nil: null }), every: time, factor: fc.oneof(fc.constantFrom(1, 2, 99999), hostile), cap: fc.option(time, { nil: null }) }), {
        minLength: 1,
        maxLength: 2,
      }),
      within: fc.option(time, { nil: null }),
      attempts: fc.option(fc.oneof(fc.constantFrom(1, 5), hostile), { nil: null }),
      timeout: fc.option(time, { nil: null }),
      jitter: fc.oneof(fc.constant({ kind: 'none' as const }), fc.constant({ kind: 'full' as const }), fc.record({ kind: fc.constant('range' as const), low: time, high: time })),
    });
    const built = await load(source({ tiers: [{ count: 1, every: 1000, factor: null, cap: null }], within: null, attempts: null, timeout: null, jitter: 'none' }));
    await expectBoundedHeap(() => fc.assert(
      fc.asyncProperty(definitionArb, async (spec) => {
        const retries = { S: { ref: null, ...spec, tiers: spec.tiers.map((tier, index) => ({ name: `t${index}`, ...tier })) } };
        const ended = await migrate({ ...built, retries }, {}, { handlers: failing, cohort: 'C' }).catch((error: unknown) => error);
        if (ended instanceof Error) {
          expect(ended).toBeInstanceOf(MigrationUsageError);
          expect(ended.message).toMatch(/^retry strategy `S` /);
          return;
        }
        const { timeline } = ended as Awaited<ReturnType<typeof migrate>>;
        expect(timeline.filter((event) => event.kind === 'attempt').length).toBeLessThanOrEqual(attemptLimit);
        for (const event of timeline) expect(event.at).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
      }),
      { numRuns: fuzzRuns(150) },
    ));
  }, 60_000);
});
