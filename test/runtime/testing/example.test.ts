// Tests for the example policy (policies/example/example.mpol). Each test
// starts from handlers under which everything goes well and states only
// what differs, then asserts the outcome and the part of the timeline it is about.
import { describe, expect, it } from 'vitest';
import { formatTime, migrate } from 'mpol/runtime';
import {
  arriveAfter,
  duration,
  failAlways,
  failPermanently,
  failTransiently,
  handlers,
  resolveBy,
  succeed,
  table,
  timelineTable,
} from 'mpol/runtime/testing';
import { policy, type Installation } from '../../emit/golden/example.js';

const installation: Installation = { type: 'Active', epclListed: true, firmware: '1.2', meters: 2, outage: 0 };
const secure = { cohort: 'MOC_Secure', group: 'DA' } as const;

describe('the example policy', () => {
  it('retries commissioning until it succeeds', async () => {
    const result = await migrate(policy, installation, {
      ...secure,
      handlers: handlers(policy, {
        arrivals: { TransferFiles: arriveAfter('Manifest', '2h') },
        steps: { Commission: failTransiently(2, '1m') },
      }),
    });

    expect(result.outcome).toEqual({ status: 'migrated', at: duration('2h11m') });
    expect(timelineTable(result.timeline, { steps: ['SwitchAccount', 'Commission'] })).toBe(table`
      0s      await         SwitchAccount: TransferFiles
      2h      arrival       SwitchAccount: TransferFiles
      2h      attempt       SwitchAccount #1
      2h      ok            SwitchAccount #1
      2h      attempt       Commission #1
      2h1m    transient     Commission #1
      2h1m    wait          Commission: until 2h5m
      2h5m    attempt       Commission #2
      2h6m    transient     Commission #2
      2h6m    wait          Commission: until 2h10m
      2h10m   attempt       Commission #3
      2h11m   ok            Commission #3
    `);
  });

  it('fails with EX201 when the transfer files miss their deadline', async () => {
    const result = await migrate(policy, installation, {
      ...secure,
      handlers: handlers(policy, { arrivals: { TransferFiles: arriveAfter('Manifest', '25h') } }),
    });

    expect(result.outcome).toMatchObject({ status: 'failed', code: 'EX201', cause: 'deadline', resubmittable: true });
    expect(timelineTable(result.timeline, { steps: ['SwitchAccount'] })).toBe(table`
      0s      await         SwitchAccount: TransferFiles
      24h     deadline      SwitchAccount: TransferFiles within 24h after Manifest
      24h     failed        SwitchAccount: EX201
    `);
  });

  it('lets a switch take its time once the transfer files arrived in time, and bounds key rotation by the switch', async () => {
    const slowSwitch = await migrate(policy, installation, {
      ...secure,
      handlers: handlers(policy, { arrivals: { TransferFiles: arriveAfter('Manifest', '23h') }, steps: { SwitchAccount: succeed('5h') } }),
    });
    expect(slowSwitch.outcome).toEqual({ status: 'migrated', at: duration('28h') });

    const slowRotation = await migrate(policy, installation, {
      ...secure,
      handlers: handlers(policy, { steps: { RotateKeys: succeed('3h') } }),
    });
    expect(slowRotation.outcome).toMatchObject({ status: 'rolled-back', code: 'EX202', cause: 'deadline', at: duration('2h'), undone: ['SwitchBack'] });
  });

  it('gives up commissioning after 48 hours of retries', async () => {
    const commission = failAlways();
    const result = await migrate(policy, installation, {
      cohort: 'IOC',
      handlers: handlers(policy, { steps: { Commission: commission } }),
    });

    expect(result.outcome).toMatchObject({ status: 'failed', code: 'EX300', cause: 'exhausted' });
    expect(commission.calls.length).toBe(99);
    expect(formatTime(commission.calls.at(-1)!.now)).toBe('47h45m');
    expect(timelineTable(result.timeline, { kinds: ['exhausted', 'failed'] })).toBe(table`
      48h     exhausted     Commission #99
      48h     failed        Commission: EX300
    `);
  });

  it('fails at once when the device rejects commissioning', async () => {
    const result = await migrate(policy, installation, {
      cohort: 'IOC',
      handlers: handlers(policy, { steps: { Commission: failPermanently('EX301', '2m') } }),
    });

    expect(result.outcome).toMatchObject({ status: 'failed', code: 'EX301', cause: 'permanent', at: duration('2m') });
  });

  it('goes on once the inventory keeper resolves a failed inventory update', async () => {
    const result = await migrate(policy, installation, {
      ...secure,
      handlers: handlers(policy, {
        steps: { UpdateInventory: failPermanently() },
        incidents: { UpdateInventory: resolveBy('Inventory', '3h') },
      }),
    });

    expect(result.outcome).toEqual({ status: 'migrated', at: duration('3h') });
    expect(timelineTable(result.timeline, { steps: ['UpdateInventory'] })).toBe(table`
      0s      attempt       UpdateInventory #1
      0s      permanent     UpdateInventory #1
      0s      incident      UpdateInventory: resolved by Provider or Inventory
      3h      resolved      UpdateInventory: by Inventory, then continue
    `);
  });
});
