import { describe, expect, it } from 'vitest';
import { migrate, type CompiledPolicy, type StepHandler } from '../../runtime/index.js';
import { policy, step } from './builder.js';

interface Installation {
  readonly firmware: string;
}
/** The shape an emitted module gives its `Handlers` interface. */
interface Handlers {
  readonly steps: { readonly Commission: StepHandler<Installation, 'MA122'> };
}

describe('typed policies', () => {
  it('take exactly their own handlers and installation type', async () => {
    const loose = policy([step('Commission')]);
    const typed = loose as unknown as CompiledPolicy<Installation, Handlers, 'E'>;
    const handlers: Handlers = { steps: { Commission: () => ({ status: 'ok' }) } };
    const result = await migrate(typed, { firmware: '1.2' }, { cohort: 'C', handlers });
    const code: 'E' | undefined = result.outcome.status === 'migrated' ? undefined : result.outcome.code;
    expect(code).toBeUndefined();

    // @ts-expect-error: the policy's handlers need `steps.Commission`.
    await migrate(typed, { firmware: '1.2' }, { cohort: 'C', handlers: { steps: {} } }).catch(() => undefined);
    // @ts-expect-error: the installation must have the policy's fields.
    await migrate(typed, { colour: 'red' }, { cohort: 'C', handlers });
  });
});
