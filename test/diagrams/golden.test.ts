// Golden files of each kind of diagram, on the example policy: the flow of
// every cohort and group, and the attempt timeline of every retry strategy.
// `npx vitest -u test/diagrams` accepts changes; read the diff first.
import { describe, expect, it } from 'vitest';
import { flowDiagram, populationsOf, retryDiagram } from '../../compiler/index.js';
import { compileFolder } from './policies.js';

const { model } = compileFolder('policies/example');

describe('diagram goldens of the example policy', () => {
  for (const population of populationsOf(model)) {
    const name = population.group === undefined ? population.cohort : `${population.cohort}-${population.group}`;
    it(`flow of ${name}`, async () => {
      await expect(flowDiagram(model, population)).toMatchFileSnapshot(`golden/example-flow-${name}.mmd`);
    });
  }
  for (const retry of model.retries.values()) {
    it(`attempt timeline of ${retry.name}`, async () => {
      await expect(retryDiagram(retry)).toMatchFileSnapshot(`golden/example-retry-${retry.name}.mmd`);
    });
  }
});
