// A harness as a project with the strictest common compiler settings would
// write it (test/emit/tsconfig.json): it must type-check against the example
// policy's emitted module and the package's published types.
import { migrate, simulate } from 'mpol/runtime';
import { failPermanently, handlers, resolveBy } from 'mpol/runtime/testing';
import { policy, type Installation } from './example.js';

const installation: Installation = { type: 'Active', epclListed: true, firmware: '2.1', meters: 1, outage: 0 };

export const secure = migrate(policy, installation, {
  cohort: 'MOC_Secure',
  group: 'DA',
  handlers: handlers(policy, {
    // A duration without a code, as docs/testing.md documents it.
    steps: { Commission: failPermanently(undefined, '2m'), UpdateInventory: failPermanently() },
    incidents: { UpdateInventory: resolveBy('Inventory', '1h') },
  }),
});
export const ioc = migrate(policy, installation, { cohort: 'IOC', handlers: handlers(policy) });
export const simulated = simulate(policy, { faults: {}, cohorts: { IOC: 10, 'MOC_Secure/DA': 5 } });
