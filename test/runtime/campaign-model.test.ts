/**
 * The campaign section of a fault model (docs/campaign.md): validated like
 * the rest of the model, every error naming the path of the bad value, and
 * normalised with names kept as data (`Map`s).
 */
import { describe, expect, it } from 'vitest';
import { formatFaultModelError, validateFaultModel } from '../../runtime/index.js';
import { v21 } from '../policies/mehrs.js';

const errorsOf = (campaign: unknown): string[] => validateFaultModel({ campaign }, v21).errors.map(formatFaultModelError);
const modelOf = (campaign: unknown) => validateFaultModel({ campaign }, v21).model!.campaign!;

describe('the campaign section', () => {
  it('reads a full campaign, keeping names as data', () => {
    const campaign = modelOf({
      estate: { IOC: 1000, 'MOC_Secure/DA': 4000 },
      capacity: { daily: 31000, cohorts: { MOC_Secure: 12000, 'MOC_Secure/DA': 9000 }, responsible: { SMSO: 500 } },
      calendar: { start: '2021-01-04', workingDays: ['Mon', 'Tue', 'Wed', 'Thu'], holidays: ['2021-01-05', '2020-12-25', '2021-01-05'] },
      resubmission: { delay: { uniform: ['1d', '10d'] }, responsible: { SMSO: { delay: { exponential: '5d' } } } },
    });
    expect(campaign.estate).toEqual(new Map([['IOC', 1000], ['MOC_Secure/DA', 4000]]));
    expect(campaign.capacity).toEqual({
      daily: 31000,
      populations: new Map([['MOC_Secure', 12000], ['MOC_Secure/DA', 9000]]),
      responsible: new Map([['SMSO', 500]]),
    });
    // Holidays before the start are dropped, repeated ones counted once.
    expect(campaign.calendar).toEqual({ start: '2021-01-04', working: [true, true, true, true, false, false, false], holidays: [1] });
    expect(campaign.resubmission.delay).toEqual({ kind: 'uniform', low: 86_400_000, high: 864_000_000 });
    expect(campaign.resubmission.responsible.get('SMSO')).toEqual({ kind: 'exponential', mean: 432_000_000 });
  });

  it('defaults everything but the daily capacity: Monday to Friday, no dates, resubmitted the next working day', () => {
    const campaign = modelOf({ capacity: { daily: 100 } });
    expect(campaign.estate).toBeNull();
    expect(campaign.calendar).toEqual({ start: null, working: [true, true, true, true, true, false, false], holidays: [] });
    expect(campaign.resubmission).toEqual({ delay: { kind: 'fixed', value: 0 }, responsible: new Map() });
  });

  it('requires the daily capacity', () => {
    expect(errorsOf({})).toEqual(['campaign.capacity: required: the campaign needs a daily capacity, such as `{ "daily": 31000 }`']);
    expect(errorsOf({ capacity: { cohorts: { IOC: 5 } } })).toEqual(['campaign.capacity.daily: required: migrations a working day, such as 31000']);
    expect(errorsOf({ capacity: { daily: 0 } })).toEqual(['campaign.capacity.daily: expected a whole number from 1, got 0']);
    expect(errorsOf({ capacity: { daily: 1.5 } })).toEqual(['campaign.capacity.daily: expected a whole number from 1, got 1.5']);
    expect(errorsOf({ capacity: 31000 })).toEqual(['campaign.capacity: expected an object, got 31000']);
  });

  it('names the field of every mistake, with suggestions', () => {
    expect(
      errorsOf({
        estate: { IOC: -1, MOC_Secur: 5 },
        capacity: { daily: 10, dayly: 5, cohorts: { FOC: 0, MOC: 3 }, responsible: { SMS0: 5, MCVF: 5 } },
        calendar: { start: '2021-02-30', workingDays: ['Mon', 'Mon', 'Thurs', 7], holidays: ['2021-1-1'] },
        resubmission: { delay: '2 days', responsible: { Supplier: { wait: '1d' } } },
        campain: {},
      }),
    ).toEqual([
      'campaign.campain: unknown key; expected one of `estate`, `capacity`, `calendar`, `resubmission`',
      'campaign.estate.IOC: expected a whole number from 0, got -1',
      'campaign.estate.MOC_Secur: the policy has no cohort or `cohort/group` `MOC_Secur`; did you mean `MOC_Secure`?',
      'campaign.capacity.dayly: unknown key; did you mean `daily`?',
      'campaign.capacity.cohorts.FOC: expected a whole number from 1, got 0',
      'campaign.capacity.cohorts.MOC: the policy has no cohort or `cohort/group` `MOC`; did you mean `FOC`?',
      'campaign.capacity.responsible.SMS0: the policy has no party `SMS0`; did you mean `SMSO`?',
      'campaign.capacity.responsible.MCVF: no resubmittable code names `MCVF` responsible, so this never applies; expected one of `Supplier`, `SMSO`, `S1SP`',
      'campaign.calendar.start: expected a date written YYYY-MM-DD, such as "2021-01-04", got "2021-02-30"',
      'campaign.calendar.workingDays[1]: `Mon` is listed twice',
      'campaign.calendar.workingDays[2]: expected a weekday, one of `Mon`, `Tue`, `Wed`, `Thu`, `Fri`, `Sat`, `Sun`, got "Thurs"; did you mean `Thu`?',
      'campaign.calendar.workingDays[3]: expected a weekday, one of `Mon`, `Tue`, `Wed`, `Thu`, `Fri`, `Sat`, `Sun`, got 7',
      'campaign.resubmission.delay: expected a duration such as "2m" or "1h30m", or a whole number of milliseconds, got "2 days"',
      'campaign.resubmission.responsible.Supplier.wait: unknown key; expected one of `delay`',
      'campaign.resubmission.responsible.Supplier.delay: required: how long a resubmission takes when the failure is this party\'s',
    ]);
  });

  it('needs a start date for holidays, and at least one working day', () => {
    expect(errorsOf({ capacity: { daily: 1 }, calendar: { holidays: ['2021-04-02'] } })).toEqual(['campaign.calendar.holidays: holidays need the calendar\'s `start` date']);
    expect(errorsOf({ capacity: { daily: 1 }, calendar: { workingDays: [] } })).toEqual(['campaign.calendar.workingDays: expected at least one working day']);
    expect(errorsOf({ capacity: { daily: 1 }, calendar: { start: '2021-01-04', holidays: '2021-04-02' } })).toEqual([
      'campaign.calendar.holidays: expected a list of dates such as ["2021-04-02"], got "2021-04-02"',
    ]);
  });

  it('keeps names that are Object.prototype members as data', () => {
    const json: unknown = JSON.parse('{ "capacity": { "daily": 1, "cohorts": { "constructor": 1, "__proto__": 2 } }, "estate": { "toString": 3 } }');
    expect(errorsOf(json)).toEqual([
      'campaign.estate.toString: the policy has no cohort or `cohort/group` `toString`',
      'campaign.capacity.cohorts.constructor: the policy has no cohort or `cohort/group` `constructor`',
      'campaign.capacity.cohorts.__proto__: the policy has no cohort or `cohort/group` `__proto__`',
    ]);
  });
});
