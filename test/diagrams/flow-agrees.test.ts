// The flow diagrams agree with the runtime: for every cohort and group of
// both MEHRS versions, the steps on the diagram's success path are the
// steps `migrate` runs, in order, when every handler succeeds.
import { describe, expect, it } from 'vitest';
import { migrate } from 'mpol/runtime';
import { handlers } from 'mpol/runtime/testing';
import { flowDiagram, populationName, populationsOf } from '../../compiler/index.js';
import { policy as example } from '../emit/golden/example.js';
import { installation20, installation21, stepsAttempted, v20, v21 } from '../policies/mehrs.js';
import { readFlowchart, stepsOn, successPath } from './mermaid-flow.js';
import { compileFolder } from './policies.js';

const versions = [
  { folder: 'policies/mehrs/v2.0', policy: v20, installation: installation20() },
  { folder: 'policies/mehrs/v2.1', policy: v21, installation: installation21() },
] as const;

describe('flow diagrams agree with migrate', () => {
  for (const { folder, policy, installation } of versions) {
    const { model } = compileFolder(folder);
    for (const population of populationsOf(model)) {
      it(`${folder}, ${populationName(population)}: the success path is the steps migrate runs`, async () => {
        const flow = readFlowchart(flowDiagram(model, population));
        const drawn = stepsOn(flow, successPath(flow));
        const membership = population.group === undefined ? { cohort: population.cohort } : { cohort: population.cohort, group: population.group };
        const run = await migrate(policy as never, installation as never, { ...membership, handlers: handlers(policy as never) });
        expect(run.outcome.status).toBe('migrated');
        expect(drawn).toEqual(stepsAttempted(run));
        expect(successPath(flow).at(-1)).toBe('migrated');
      });
    }
  }

  it('the example: a decision on installation fields goes the way the installation does', async () => {
    const { model } = compileFolder('policies/example');
    const flow = readFlowchart(flowDiagram(model, { cohort: 'MOC_Secure', group: 'DA' }));
    const base = { type: 'Active', epclListed: true, firmware: '1', meters: 1, outage: 0 } as const;
    for (const [outage, branch] of [[0, 'runs'], [3 * 3_600_000, 'skipped']] as const) {
      const run = await migrate(example, { ...base, outage }, { cohort: 'MOC_Secure', group: 'DA', handlers: handlers(example) });
      expect(run.outcome.status).toBe('migrated');
      expect(stepsOn(flow, successPath(flow, () => branch))).toEqual(stepsAttempted(run));
    }
  });
});
