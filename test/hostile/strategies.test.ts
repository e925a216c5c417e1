/**
 * Whatever the runtime would refuse, `mpol check` reports first. Random
 * retry strategies, extremes included (waits of 0, counts in the billions,
 * timeouts of 0, full jitter), are written as policies: one that checks
 * without errors must run under `migrate`, every attempt failing, within
 * the attempt limit; one the compiler finds too many attempts in is
 * refused by the runtime with the same count.
 *
 * `MPOL_FUZZ_RUNS=2000 npx vitest run test/hostile/strategies.test.ts` hunts longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptLimit } from '../../common/attempt-bound.js';
import { checkWorkspace, emitPolicy, memoryHost } from '../../compiler/index.js';
import { migrate, MigrationUsageError, type CompiledPolicy, type RetryDefinition } from '../../runtime/index.js';
import { fuzzRuns } from './runs.js';

const durations = [0, 1, 1000, 300_000, 1_800_000, 172_800_000];
const durationArb = fc.constantFrom(...durations);
const text = (ms: number): string => `${ms}ms`;

const tierArb = fc.record({
  count: fc.option(fc.constantFrom(0, 1, 3, 5000, 20_000, 99_999_999_999), { nil: null }),
  every: durationArb,
  factor: fc.option(fc.constantFrom(1.5, 2, 1.000001), { nil: null }),
  cap: fc.option(fc.constantFrom(0, 1_200_000), { nil: null }),
});

const strategyArb = fc.record({
  tiers: fc.array(tierArb, { minLength: 1, maxLength: 3 }),
  within: fc.option(durationArb, { nil: null }),
  attempts: fc.option(fc.constantFrom(1, 7, attemptLimit, attemptLimit + 1, 99_999_999_999), { nil: null }),
  timeout: fc.option(fc.constantFrom(0, 60_000), { nil: null }),
  jitter: fc.constantFrom('none', 'full', '0ms..1000ms', '1ms..2ms'),
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
    await fc.assert(
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
        const tooMany = errors.find((d) => d.code === 'too-many-attempts');
        if (tooMany !== undefined) {
          const built = { ...(await load(source({ ...strategy, tiers: [{ count: 1, every: 1000, factor: null, cap: null }], within: null, attempts: null, timeout: null }))) };
          const refused = await migrate({ ...built, retries: { S: { ...definition(strategy), timeout: null } } }, {}, { handlers: failing, cohort: 'C' }).catch((error: unknown) => error);
          expect(refused).toBeInstanceOf(MigrationUsageError);
          // The same count and tier, in the same words (a timeout of 0, refused first, is left out).
          expect((refused as Error).message).toBe(tooMany.message);
        }
      }),
      { numRuns: fuzzRuns(150) },
    );
  }, 60_000);
});
