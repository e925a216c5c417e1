/**
 * Words the generator builds names, titles and comments from, taken from
 * the MEHRS domain (shared/brief/domain.md) so generated policies read like
 * real ones and exercise identifiers and strings of realistic length.
 */

export const partyNames = ['DCC', 'S1SP', 'MCVF', 'DSP', 'SMSO', 'Supplier'];
export const partyTitles: Record<string, string> = {
  DCC: 'Data Communications Company',
  S1SP: 'SMETS1 Service Provider',
  MCVF: 'Migration Common Validation Function',
  DSP: 'Data Service Provider',
  SMSO: 'SMETS1 Meter System Operator',
  Supplier: 'Responsible Supplier',
};
export const partyRegions = ['North', 'South', 'East', 'West', 'Central', 'Scotland', 'Wales', 'Midlands'];

export const cohortNames = ['IOC', 'MOC_MDS', 'MOC_Secure', 'FOC', 'FOC_NP'];
export const cohortTitles = [
  'Initial Operating Capability',
  'Middle Operating Capability, MDS',
  'Middle Operating Capability, Secure',
  'Final Operating Capability',
  'Final Operating Capability, non-pilot',
];
export const groupTitles = [
  'Secure installations with an account switch',
  'Installations with a dual-fuel meter',
  'Installations awaiting a firmware upgrade',
  'Prepayment installations',
  'Installations with a legacy communications hub',
  'Installations in a constrained network area',
];

export const stageTitles = [
  ['Validation', 'Validation'],
  ['PreMcfChecks', 'Pre-MCF checks'],
  ['McfGeneration', 'MCF generation'],
  ['PreSwitchChecks', 'Pre-account-switch checks'],
  ['AccountSwitch', 'Account switch'],
  ['MgfGeneration', 'MGF generation'],
  ['CommissioningChecks', 'Commissioning checks'],
  ['KeyRotation', 'SUA key rotation'],
  ['Rollback', 'Rollback scenarios'],
  ['ChfUpdate', 'CHF update on SMI'],
  ['CommissioningFile', 'Commissioning file'],
  ['Enrolment', 'Device enrolment'],
  ['FirmwareAlignment', 'Firmware alignment'],
  ['TariffTransfer', 'Tariff transfer'],
  ['Reconciliation', 'Inventory reconciliation'],
] as const;

export const verbs = [
  'Generate', 'Validate', 'Switch', 'Rotate', 'Commission', 'Update', 'Notify', 'Transfer', 'Register', 'Verify',
  'Reconcile', 'Submit', 'Archive', 'Provision', 'Retrieve', 'Install', 'Confirm', 'Publish', 'Prepare', 'Schedule',
];
export const nouns = [
  'Mvf', 'Mcf', 'Mgf', 'Account', 'Keys', 'Inventory', 'Firmware', 'Certificates', 'Tariff', 'Hub',
  'Meter', 'Device', 'Credentials', 'Schedule', 'Manifest', 'Config', 'Readings', 'Alerts', 'Topology', 'Profile',
];
export const undoVerbs = ['Revert', 'Restore', 'Reverse', 'Withdraw', 'SwitchBack', 'Release'];

export const artefactKinds = [
  ['Mvf', 'Migration Validation File'],
  ['Mcf', 'Migration Control File'],
  ['Mgf', 'Migration Gateway File'],
  ['RequiredFileSet', 'S1SP Required File Set'],
  ['CommissioningFile', 'S1SP Commissioning File'],
  ['KeyBundle', 'SUA key bundle'],
  ['Manifest', 'Migration manifest'],
  ['Snapshot', 'Inventory snapshot'],
] as const;

export const errorSubjects = [
  'Installation', 'Device', 'Communications hub', 'Account switch', 'Key rotation', 'Inventory update', 'Commissioning',
  'Validation file', 'Firmware image', 'Certificate', 'Tariff', 'Meter registration',
];
export const errorProblems = [
  'failed', 'rejected by the processing S1SP', 'timed out', 'not on the Eligible Product Combinations List', 'arrived late',
  'is missing a mandatory field', 'could not be rolled back', 'reported "busy"', 'returned an unexpected response',
  'exceeded the retry period', 'was refused by the SMSO', 'has an unknown \\ malformed identifier',
];

export const tierNames = ['short', 'long', 'backoff', 'steady', 'slow', 'final'];

export const stepComments = [
  'assumed: interval not public; confirm with the DCC',
  'see the consultation of 5 June 2020',
  'DA only: the account switch comes before the key rotation',
  'the S1SP or the DSP may resolve this',
  'values agreed at the 2021 revision',
  'point of no return for DA installations',
];
export const retryComments = [
  'Assumed: the short retry count is not public.',
  'Long retry interval 30 minutes (was 2 hours); total period 48 hours (was 24 hours).',
  'Backs off exponentially; the cap keeps the interval under the SLA.',
];

export const textValues = ['1.2.3', '2.0.0-rc1', 'SMETS1', 'legacy "A" build', 'EDMI', 'Secure v4'];
