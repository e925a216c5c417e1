// Shared fixtures for the behaviour tests of MEHRS v2.0 and v2.1: the
// compiled policies (the emitted modules, kept current by the emit golden
// test) and installations that pass every check unless a test says otherwise.
import type { MigrationResult } from 'mpol/runtime';
import { policy as v20, type Installation as Installation20 } from '../emit/golden/mehrs-v2.0.js';
import { policy as v21, type Installation as Installation21 } from '../emit/golden/mehrs-v2.1.js';

export { v20, v21 };

export function installation21(overrides: Partial<Installation21> = {}): Installation21 {
  return {
    type: 'Active',
    inventoryMatch: true,
    deviceRegistered: true,
    epclListed: true,
    secureDesignConfirmed: true,
    secureProcessConfirmed: true,
    smsoAccountActive: true,
    installationChecksPassed: true,
    devicesResponding: true,
    ...overrides,
  };
}

export function installation20(overrides: Partial<Installation20> = {}): Installation20 {
  return { type: 'Active', inventoryMatch: true, deviceRegistered: true, epclListed: true, installationChecksPassed: true, devicesResponding: true, ...overrides };
}

export const ioc = { cohort: 'IOC' } as const;
export const secureDA = { cohort: 'MOC_Secure', group: 'DA' } as const;
export const secureOther = { cohort: 'MOC_Secure' } as const;

/** The steps a run attempted, in order, each once. */
export function stepsAttempted(result: MigrationResult<string>): string[] {
  const steps = result.timeline.filter((event) => event.kind === 'attempt').map((event) => event.step!);
  return [...new Set(steps)];
}

/** Table 1 of the consultation, as it numbers its changes: each row's MEHRS references, in the row's order. */
export const table1: readonly (readonly [number, readonly string[]])[] = [
  [1, ['2.3.2']],
  [2, ['2.6.6']],
  [3, ['2.6.7']],
  [4, ['3.1']],
  [5, ['A.1']],
  [6, ['2.3.2']],
  [7, ['2.4.1.1']],
  [8, ['2.4.4', '2.4.5']],
  [9, ['2.5.1.1']],
  [10, ['2.5.2']],
  [11, ['2.5.4', '2.5.5', '2.5.6']],
  [12, ['2.5.5', '2.5.7', '2.5.8', '2.5.10']],
  [13, ['2.5.9']],
  [14, ['2.6.2', '2.6.3']],
  [15, ['2.6.4.1']],
  [16, ['2.6.5']],
  [17, ['3.3']],
];
