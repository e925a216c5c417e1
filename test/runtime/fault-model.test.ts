/**
 * Fault-model validation (docs/fault-model.md): every error names the path
 * of the bad value, unknown keys and names are reported with a suggestion,
 * and everything omitted gets its default.
 */
import { describe, expect, it } from 'vitest';
import { formatFaultModelError, validateFaultModel } from '../../runtime/index.js';
import { stepFaultsFor } from '../../runtime/fault-model/fault-model.js';
import { policy } from '../emit/golden/example.js';

/** The formatted errors for a fault model of the example policy. */
const errorsOf = (json: unknown): string[] => validateFaultModel(json, policy).errors.map(formatFaultModelError);
const expectErrors = (json: unknown, expected: string[]) => expect(errorsOf(json)).toEqual(expected);
const expectValid = (json: unknown) => expect(errorsOf(json)).toEqual([]);

describe('fault model validation', () => {
  it('names the field of a bad probability', () => {
    expectErrors({ steps: { Commission: { transient: 1.5 } } }, ['steps.Commission.transient: expected a probability between 0 and 1, got 1.5']);
    expectErrors({ checks: { EX003: { fail: '10%' } } }, ['checks.EX003.fail: expected a probability between 0 and 1, got "10%"']);
  });

  it('reports unknown keys and names, suggesting a close one', () => {
    expectErrors({ steps: { Commission: { transiant: 0.1 } } }, ['steps.Commission.transiant: unknown key; did you mean `transient`?']);
    expectErrors({ steps: { Comission: {} } }, ['steps.Comission: the policy has no step `Comission`; did you mean `Commission`?']);
    expectErrors({ stepz: {} }, ['stepz: unknown key; did you mean `steps`?']);
    expectErrors({ parties: { Nobody: {} } }, ['parties.Nobody: the policy has no party `Nobody`']);
    expectErrors({ undos: { SwitchBack: { fail: 0.1, time: '1m' } } }, [
      'undos.SwitchBack.time: unknown key; expected one of `fail`, `duration`',
    ]);
  });

  it('checks failure probabilities add up to at most 1, after cohort overrides too', () => {
    expectErrors({ steps: { Commission: { transient: 0.7, permanent: 0.4 } } }, ['steps.Commission: transient + permanent is 1.1, more than 1']);
    expectErrors({ steps: { Commission: { transient: 0.5, cohorts: { 'MOC_Secure/DA': { permanent: 0.6 } } } } }, [
      'steps.Commission.cohorts.MOC_Secure/DA: transient + permanent is 1.1, more than 1',
    ]);
    expectErrors({ steps: { Commission: { cohorts: { MOC: {} } } } }, ['steps.Commission.cohorts.MOC: the policy has no cohort or `cohort/group` `MOC`']);
  });

  it('takes permanent codes only among the step’s `may fail` codes', () => {
    expectErrors({ steps: { Commission: { permanent: 0.1, codes: { EX999: 0.5 } } } }, [
      'steps.Commission.codes.EX999: `EX999` is not a `may fail` code of the step; expected one of `EX301`',
    ]);
    expectErrors({ steps: { Commission: { codes: { EX301: 0.7, EX302: 0.1 } } } }, [
      'steps.Commission.codes.EX302: `EX302` is not a `may fail` code of the step; expected one of `EX301`',
    ]);
    expectErrors({ defaults: { step: { codes: {} } } }, ['defaults.step.codes: unknown key; expected one of `transient`, `permanent`, `duration`']);
  });

  it('reads durations and distributions, naming what is wrong', () => {
    expectValid({ steps: { Commission: { duration: '1h30m' }, GenerateFile: { duration: 250 } } });
    expectValid({ parties: { Provider: { delay: { uniform: ['1h', '8h'] } }, Inventory: { delay: { exponential: '3h' } } } });
    expectErrors({ steps: { Commission: { duration: '2 minutes' } } }, [
      'steps.Commission.duration: expected a duration such as "2m" or "1h30m", or a whole number of milliseconds, got "2 minutes"',
    ]);
    expectErrors({ undos: { SwitchBack: { duration: { uniform: ['8h', '1h'] } } } }, ['undos.SwitchBack.duration.uniform: expected low <= high, got ["8h", "1h"]']);
    expectErrors({ artefacts: { TransferFiles: { delay: { normal: '1h' } } } }, [
      'artefacts.TransferFiles.delay.normal: unknown key; expected one of `uniform`, `exponential`',
    ]);
    expectErrors({ artefacts: { TransferFiles: { delay: { uniform: ['1h'] } } } }, ['artefacts.TransferFiles.delay.uniform: expected [low, high], got an array']);
  });

  it('checks artefacts, external checks, cohorts and installation specs against the policy', () => {
    expectErrors({ artefacts: { TransferFiles: { after: 'MVF' } } }, [
      'artefacts.TransferFiles.after: expected the name of one of the policy\'s artefacts, got "MVF"',
    ]);
    expectErrors({ checks: { EX001: { fail: 0.1 } } }, ['checks.EX001: the policy has no external check `EX001`; did you mean `EX003`?']);
    expectErrors({ cohorts: { IOC: 1.5, 'MOC_Secure/XX': 3 } }, [
      'cohorts.IOC: expected a whole number from 0, got 1.5',
      'cohorts.MOC_Secure/XX: the policy has no cohort or `cohort/group` `MOC_Secure/XX`; did you mean `MOC_Secure/DA`?',
    ]);
    // JSON reads 99999999999999999999 as 10^20: refused, saying why the number shown is not the one written.
    expectErrors(JSON.parse('{ "cohorts": { "IOC": 99999999999999999999 }, "steps": { "Commission": { "duration": 9007199254740993 } } }'), [
      'steps.Commission.duration: expected a duration such as "2m" or "1h30m", or a whole number of milliseconds, got 9007199254740992, past 2^53 − 1, where whole numbers are not exact',
      'cohorts.IOC: expected a whole number from 0, got 100000000000000000000, past 2^53 − 1, where whole numbers are not exact',
    ]);
    expectErrors({ installation: { type: { enum: { Active: 1 }, bool: 0.5 }, meters: { integer: [1.5, 3] }, epclListed: { bool: 2 } } }, [
      'installation.type: expected exactly one of `value`, `enum`, `bool`, `integer`, `number`, `duration`',
      'installation.meters.integer[0]: expected a whole number, got 1.5',
      'installation.epclListed.bool: expected a probability between 0 and 1, got 2',
    ]);
    expectErrors({ installation: { type: { enum: { Active: 0 } } } }, ['installation.type.enum: expected at least one member with a weight above 0']);
    expectErrors([], ['(root): expected an object, got an array']);
  });

  it('collects every error, not only the first', () => {
    expect(errorsOf({ steps: { Commission: { transient: -1, permanent: 2 } }, checks: { EX003: { fail: 3 } } })).toHaveLength(3);
  });
});

describe('fault model defaults', () => {
  it('fills in everything omitted, and applies `defaults` to steps not listed', () => {
    const { model } = validateFaultModel({ defaults: { step: { transient: 0.1, duration: '30s' } }, steps: { Commission: { permanent: 0.2 } } }, policy);
    expect(stepFaultsFor(model!, 'GenerateFile', 'IOC', null)).toEqual({ transient: 0.1, permanent: 0, duration: { kind: 'fixed', value: 30_000 }, codes: {} });
    expect(stepFaultsFor(model!, 'Commission', 'IOC', null)).toMatchObject({ transient: 0.1, permanent: 0.2 });
    expect(model!.checks).toEqual({});
    expect(model!.defaults.party).toEqual({ delay: { kind: 'fixed', value: 0 }, unresolved: 0 });
    expect(model!.cohorts).toBeNull();
  });

  it('applies a cohort override, then its group’s, field by field', () => {
    const json = { steps: { Commission: { transient: 0.1, permanent: 0.01, cohorts: { MOC_Secure: { transient: 0.2 }, 'MOC_Secure/DA': { permanent: 0.05 } } } } };
    const model = validateFaultModel(json, policy).model!;
    expect(stepFaultsFor(model, 'Commission', 'IOC', null)).toMatchObject({ transient: 0.1, permanent: 0.01 });
    expect(stepFaultsFor(model, 'Commission', 'MOC_Secure', null)).toMatchObject({ transient: 0.2, permanent: 0.01 });
    expect(stepFaultsFor(model, 'Commission', 'MOC_Secure', 'DA')).toMatchObject({ transient: 0.2, permanent: 0.05 });
  });

});
