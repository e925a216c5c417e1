/**
 * Reading the fault-model entries of external checks, artefacts, parties and
 * undos (docs/fault-model.md), over their defaults. Steps, with their cohort
 * overrides, are read in validate.ts.
 */
import { at, checkKeys, describe, readDistribution, readObject, readProbability, type FieldContext } from './fields.js';
import type { PolicyNames } from './names.js';
import type { ArtefactFaults, CheckFaults, PartyFaults, UndoFaults } from './fault-model.js';

export function readCheck(context: FieldContext, value: unknown, path: string, defaults: CheckFaults): CheckFaults {
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, ['fail']);
  return { fail: object.fail === undefined ? defaults.fail : (readProbability(context, object.fail, at(path, 'fail')) ?? 0) };
}

/** `names` is `null` for the defaults, where `after` is not allowed. */
export function readArtefact(context: FieldContext, value: unknown, path: string, defaults: ArtefactFaults, names: PolicyNames | null): ArtefactFaults {
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, names === null ? ['delay', 'never'] : ['after', 'delay', 'never']);
  let after = defaults.after;
  if (object.after !== undefined && names !== null) {
    if (typeof object.after === 'string' && names.artefacts.has(object.after)) after = object.after;
    else context.report(at(path, 'after'), `expected the name of one of the policy's artefacts, got ${describe(object.after)}`);
  }
  return {
    after,
    delay: object.delay === undefined ? defaults.delay : (readDistribution(context, object.delay, at(path, 'delay')) ?? defaults.delay),
    never: object.never === undefined ? defaults.never : (readProbability(context, object.never, at(path, 'never')) ?? 0),
  };
}

export function readParty(context: FieldContext, value: unknown, path: string, defaults: PartyFaults): PartyFaults {
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, ['delay', 'unresolved']);
  return {
    delay: object.delay === undefined ? defaults.delay : (readDistribution(context, object.delay, at(path, 'delay')) ?? defaults.delay),
    unresolved: object.unresolved === undefined ? defaults.unresolved : (readProbability(context, object.unresolved, at(path, 'unresolved')) ?? 0),
  };
}

export function readUndo(context: FieldContext, value: unknown, path: string, defaults: UndoFaults): UndoFaults {
  const object = readObject(context, value, path) ?? {};
  checkKeys(context, object, path, ['fail', 'duration']);
  return {
    fail: object.fail === undefined ? defaults.fail : (readProbability(context, object.fail, at(path, 'fail')) ?? 0),
    duration: object.duration === undefined ? defaults.duration : (readDistribution(context, object.duration, at(path, 'duration')) ?? defaults.duration),
  };
}
