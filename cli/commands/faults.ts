/**
 * `mpol faults <policy> [--out <file>] [--force]`: a complete fault-model
 * template for the policy (`faultModelTemplate`), every step, check,
 * arrival, incident, undo, population and installation field with a
 * neutral value, as JSON whose `$schema` names the JSON Schema shipped
 * with mpol (relative to where the JSON goes, so an editor finds it). An
 * existing file is not replaced without `--force`: it may be a fault
 * model someone measured.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiatePolicy } from '../../compiler/index.js';
import { faultModelTemplate } from '../../runtime/index.js';
import { shownPath } from '../../compiler/disk/host.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { loadOnePolicy } from '../one-policy.js';
import { writeOutput } from '../write-output.js';

export interface FaultsOptions {
  readonly out?: string;
  readonly force?: boolean;
}

// `dist/mpol.js` finds `schemas/` beside `dist/`; the sources (run by tests) from `cli/commands/`.
const schemaPlaces = ['../schemas/fault-model.schema.json', '../../schemas/fault-model.schema.json'];

/** The JSON Schema of fault models shipped with this installation, if it has one. */
export function faultModelSchemaFile(): string | undefined {
  for (const place of schemaPlaces) {
    const file = new URL(place, import.meta.url);
    if (existsSync(file)) return fileURLToPath(file);
  }
  return undefined;
}

export function faults(policyPath: string, options: FaultsOptions, ctx: CliContext): ExitCode {
  const compiled = loadOnePolicy(policyPath, ctx);
  if (typeof compiled === 'number') return compiled;
  const file = options.out === undefined ? undefined : path.resolve(ctx.cwd, options.out);
  if (file !== undefined && existsSync(file) && options.force !== true) {
    return fail(ctx, `'${shownPath(ctx.cwd, file)}' exists; it may be a fault model someone measured. Give another --out, or --force to replace it`);
  }
  const schema = faultModelSchemaFile();
  const from = file === undefined ? ctx.cwd : path.dirname(file);
  const template = faultModelTemplate(instantiatePolicy(compiled));
  const json = schema === undefined ? template : { $schema: path.relative(from, schema).split(path.sep).join('/'), ...template };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (file === undefined) {
    ctx.out(text);
    return exitCodes.ok;
  }
  const failed = writeOutput(ctx, file, text);
  if (failed !== undefined) return failed;
  ctx.out(`wrote ${shownPath(ctx.cwd, file)}: a fault model with neutral values; replace them with measured or assumed ones\n`);
  return exitCodes.ok;
}
