/**
 * The plain values among the options of `simulate`: the counts by
 * population, the fields every installation starts from, and the progress
 * callback, each read once and checked, a bad one a usage error naming it.
 */
import { emptyRecord } from '../../common/own.js';
import { describeThrown } from '../migrate/describe.js';
import { describeValue, readOptions, wholeNumber } from '../usage.js';
import { MigrationUsageError } from '../errors.js';

/** `cohorts`: whole counts by population, each read once into a prototype-free record. */
export function readCounts(value: unknown): Readonly<Record<string, number>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MigrationUsageError(`\`cohorts\` must be an object of counts, not ${describeValue(value)}`);
  const counts = emptyRecord<number>();
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    throw new MigrationUsageError(`reading \`cohorts\` threw ${describeThrown(error)}`, { cause: error });
  }
  const read = readOptions(value, keys, 'cohorts');
  for (const key of keys) counts[key] = wholeNumber(read[key], `cohorts.${key}`, 0);
  return counts;
}

/** `installation`: the fields every installation starts from, copied once. */
export function readBase(value: unknown): Readonly<Record<string, unknown>> {
  if (value === undefined) return emptyRecord();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MigrationUsageError(`\`installation\` must be an object of field values, not ${describeValue(value)}`);
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    throw new MigrationUsageError(`reading \`installation\` threw ${describeThrown(error)}`, { cause: error });
  }
  return Object.assign(emptyRecord<unknown>(), readOptions(value, keys, 'installation'));
}

/** A progress callback whose throw ends the simulation as a usage error, with the callback's error as its cause. */
export function guardedProgress(progress: (done: number, total: number) => void): (done: number, total: number) => void {
  return (done, total) => {
    try {
      progress(done, total);
    } catch (error) {
      throw new MigrationUsageError(`\`onProgress\` threw ${describeThrown(error)}`, { cause: error });
    }
  };
}
