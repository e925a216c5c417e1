/**
 * A fault model's installation fields against the policy's `installation`
 * block: a spec must name a declared field and draw values of its type
 * (`enum` members the field lists, `bool` for a `bool`, ...), and every
 * declared field needs a value from somewhere, or every guard and check
 * that reads it sees `undefined`.
 */
import { own } from '../../common/own.js';
import { at, closest, describe, shortName, type FieldContext } from './fields.js';
import type { FieldSpec } from './fault-model.js';
import type { FieldDefinition } from '../policy.js';

/** The spec kinds that draw values of each field type. */
const kindsFor: Readonly<Record<FieldDefinition['type'], readonly FieldSpec['kind'][]>> = {
  bool: ['bool', 'value'],
  enum: ['enum', 'value'],
  text: ['enum', 'value'],
  number: ['integer', 'number', 'value'],
  duration: ['duration', 'value'],
};

/** `an enumeration (Active | Dormant)`, `a duration`: a field's type in a message. */
export function typeWords(definition: FieldDefinition): string {
  switch (definition.type) {
    case 'enum':
      return `an enumeration (${definition.members.join(' | ')})`;
    case 'bool':
      return 'a bool';
    case 'text':
      return 'text';
    case 'number':
      return 'a number';
    case 'duration':
      return 'a duration (whole milliseconds)';
  }
}

/** Whether a constant is a value of the field's type. */
function holds(definition: FieldDefinition, value: unknown): boolean {
  switch (definition.type) {
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && definition.members.includes(value);
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'duration':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }
}

/**
 * Reports a spec at `path` that names no declared field or draws values
 * the field cannot hold. `fields` absent (a policy written by hand): nothing
 * to check against.
 */
export function checkFieldSpec(
  context: FieldContext,
  fields: Readonly<Record<string, FieldDefinition>> | undefined,
  field: string,
  spec: FieldSpec,
  path: string,
): void {
  if (fields === undefined) return;
  const definition = own(fields, field);
  if (definition === undefined) {
    context.report(path, () => {
      const near = closest(field, Object.keys(fields));
      return `the policy has no installation field \`${shortName(field)}\`${near === null ? '' : `; did you mean \`${near}\`?`}`;
    });
    return;
  }
  const kinds = own(kindsFor, definition.type);
  if (kinds === undefined) return;
  if (!kinds.includes(spec.kind)) {
    context.report(at(path, spec.kind), `\`${shortName(field)}\` is ${typeWords(definition)}; expected ${kinds.map((kind) => `\`${kind}\``).join(' or ')}`);
  } else if (spec.kind === 'value' && !holds(definition, spec.value)) {
    context.report(at(path, 'value'), `\`${shortName(field)}\` is ${typeWords(definition)}, got ${describe(spec.value)}`);
  } else if (spec.kind === 'enum' && definition.type === 'enum') {
    for (const member of spec.values) {
      if (!definition.members.includes(member)) {
        context.report(at(at(path, 'enum'), member), () => {
          const near = closest(member, definition.members);
          return `\`${shortName(field)}\` has no member \`${shortName(member)}\`${near === null ? `; expected one of ${definition.members.map((m) => `\`${m}\``).join(', ')}` : `; did you mean \`${near}\`?`}`;
        });
      }
    }
  }
}

/**
 * The declared fields that neither the fault model's `installation` specs
 * nor the installation every one starts from (`base`) give a value, in
 * declaration order: each would be `undefined` in every installation.
 */
export function fieldsWithoutValues(
  fields: Readonly<Record<string, FieldDefinition>> | undefined,
  specs: Readonly<Record<string, FieldSpec>>,
  base: Readonly<Record<string, unknown>>,
): string[] {
  if (fields === undefined) return [];
  return Object.keys(fields).filter((field) => !Object.hasOwn(specs, field) && !Object.hasOwn(base, field));
}
