/**
 * The bundled MEHRS v2.1 policy under a fault model with every kind of
 * fault: a small run where every installation is sampled (so each is
 * checked against `migrate`), and a larger one whose counts must agree with
 * what the policy says about each population.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../runtime/index.js';
import { installation21, v21 } from '../policies/mehrs.js';

const faults = {
  defaults: {
    step: { transient: 0.08, permanent: 0.005, duration: { uniform: ['10s', '3m'] } },
    party: { delay: { exponential: '4h' }, unresolved: 0.1 },
    undo: { fail: 0.05, duration: '5m' },
    check: { fail: 0.01 },
  },
  steps: { Commission: { transient: 0.3, duration: { uniform: ['1m', '12m'] } }, UpdateChfOnSmi: { permanent: 0.2 } },
  artefacts: { RequiredFileSet: { after: 'MVF', delay: { exponential: '10h' }, never: 0.02 } },
  installation: {
    type: { enum: { Active: 8, Dormant: 1, Mixed: 1 } },
    epclListed: { bool: 0.98 },
    smsoAccountActive: { bool: 0.99 },
  },
};
const cohorts = { IOC: 40, MOC_Secure: 20, 'MOC_Secure/DA': 40 };

describe('MEHRS v2.1', () => {
  it('agrees with `migrate` on every installation', async () => {
    const result = await simulate(v21, { faults, cohorts, installation: installation21(), seed: 7, samples: 100 });
    expect(result.samples).toHaveLength(100);
    expect(result.total.installations).toBe(100);
  });

  it('counts deadlines only where the 24-hour clock runs (DA), with rollbacks and incidents resolved by S1SP or DSP', async () => {
    const large = { IOC: 20_000, MOC_Secure: 5000, 'MOC_Secure/DA': 20_000 };
    const result = await simulate(v21, { faults, cohorts: large, installation: installation21(), seed: 8 });
    const [ioc, secure, da] = result.populations;
    expect([ioc!.installations, secure!.installations, da!.installations]).toEqual([20_000, 5000, 20_000]);
    expect(da!.rollbacks.started).toBeGreaterThan(0);
    expect(ioc!.causes.deadline).toBe(0);
    expect(da!.causes.deadline).toBeGreaterThan(0);
    expect(Object.keys(result.total.incidents.resolvedBy).sort()).toEqual(['DSP', 'S1SP']);
    expect(result.total.reports.MRR6).toBeGreaterThan(0);
  });
});
