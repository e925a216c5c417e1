/**
 * What a simulation refuses before it starts: a policy `migrate` would
 * reject when it reaches the step (a strategy or code that does not
 * exist, a strategy that cannot end), and installation fields the fault
 * model gives no values.
 */
import { own } from '../../common/own.js';
import { MigrationUsageError } from '../errors.js';
import type { FaultModel } from '../fault-model/fault-model.js';
import { fieldsWithoutValues } from '../fault-model/installation-fields.js';
import type { CompiledPolicy } from '../policy.js';
import { checkStrategy } from '../migrate/schedule.js';

/**
 * Refuses a simulation in which a declared installation field has no
 * value: every guard and check reading it would see `undefined`, and a
 * result such as "migrated 0" would look like a finding.
 */
export function checkFieldsDrawn<I, H, C extends string>(policy: CompiledPolicy<I, H, C>, model: FaultModel, base: Readonly<Record<string, unknown>>): void {
  const missing = fieldsWithoutValues(policy.installation, model.installation, base);
  if (missing.length === 0) return;
  const names = missing.map((field) => `\`${field}\``).join(', ');
  throw new MigrationUsageError(
    `the fault model gives no values for the installation ${missing.length === 1 ? 'field' : 'fields'} ${names}: ` +
      'every installation would leave them undefined, failing or skipping whatever reads them. ' +
      'Give each a spec under the fault model\'s `installation` (`mpol faults` and `faultModelTemplate(policy)` write a model with them all), or a value in the `installation` option',
  );
}

/**
 * What `migrate` would reject when it reaches it, checked up front: every
 * strategy the flow names exists and can end, and every code exists.
 */
export function checkPolicy<I, H, C extends string>(policy: CompiledPolicy<I, H, C>): void {
  const errors = policy.errors as Readonly<Record<string, unknown>>;
  const needCode = (code: string): void => {
    if (own(errors, code) === undefined) throw new MigrationUsageError(`the policy has no error code \`${code}\``);
  };
  for (const node of policy.flow) {
    if (node.kind === 'check') {
      needCode(node.code);
      continue;
    }
    if (node.retry !== null) {
      const strategy = own(policy.retries, node.retry);
      if (strategy === undefined) throw new MigrationUsageError(`the policy has no retry strategy \`${node.retry}\``);
      checkStrategy(node.retry, strategy);
    }
    node.mayFail.forEach(needCode);
    for (const action of [node.onFailure, node.onExhausted, ...node.deadlines.map((deadline) => deadline.action)]) {
      needCode(action.code);
      if (action.kind === 'incident') needCode(action.elseCode);
    }
  }
}
