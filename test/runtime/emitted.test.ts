/**
 * The contract with the emitter: the golden example policy it writes runs
 * under `migrate`, with handlers typed by the emitted `Handlers` interface.
 */
import { describe, expect, it } from 'vitest';
import { formatTime, migrate, missingHandlers, type StepResult } from '../../runtime/index.js';
import { policy, type Handlers, type Installation } from '../emit/golden/example.js';

const installation: Installation = { type: 'Active', epclListed: true, firmware: '1.2', meters: 2, outage: 0 };
const ok = (): StepResult<never> => ({ status: 'ok' });

function handlers(commission: Handlers['steps']['Commission']): Handlers {
  return {
    steps: { GenerateFile: ok, SwitchAccount: ok, RotateKeys: ok, Commission: commission, UpdateInventory: ok },
    checks: { EX003: () => true },
    undos: { SwitchBack: () => ({ status: 'ok' }) },
    arrivals: { TransferFiles: (context) => context.now + 3_600_000 },
    incidents: { UpdateInventory: () => null },
  };
}

describe('the emitted example policy', () => {
  it('needs exactly the handlers its interface lists', () => {
    expect(missingHandlers(policy, handlers(ok))).toEqual([]);
  });

  it('migrates a secure installation, awaiting its transfer files', async () => {
    const result = await migrate(policy, installation, { cohort: 'MOC_Secure', group: 'DA', handlers: handlers(ok) });
    expect(result.outcome).toEqual({ status: 'migrated', at: 3_600_000 });
  });

  it('exhausts commissioning at the end of its 48-hour period', async () => {
    const result = await migrate(policy, installation, {
      cohort: 'IOC',
      handlers: handlers(() => ({ status: 'transient' })),
    });
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'EX300', cause: 'exhausted', resubmittable: false });
    expect(formatTime(result.outcome.at)).toBe('48h');
  });
});
