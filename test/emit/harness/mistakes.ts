// Mistakes a harness can make that the emitted types catch; the emit test
// expects exactly these errors, with TypeScript's suggestions.
import { migrate, simulate } from 'mpol/runtime';
import { handlers } from 'mpol/runtime/testing';
import { policy, type Installation } from './example.js';

const installation: Installation = { type: 'Active', epclListed: true, firmware: '2.1', meters: 1, outage: 0 };

export const misspeltCohort = migrate(policy, installation, { cohort: 'MOC_Secur', handlers: handlers(policy) });
export const groupOfAnotherCohort = migrate(policy, installation, { cohort: 'IOC', group: 'DA', handlers: handlers(policy) });
export const unknownGroup = migrate(policy, installation, { cohort: 'MOC_Secure', group: 'DB', handlers: handlers(policy) });
export const unknownPopulation = simulate(policy, { faults: {}, cohorts: { 'MOC_Secure/DB': 5 } });
