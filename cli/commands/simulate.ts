/**
 * `mpol simulate <policy>`: compiles the policy in memory (`instantiatePolicy`) and simulates
 * many installations against a fault model, printing a summary table or,
 * with `--json`, the whole result; with `--campaign` or `--compare`, plays
 * the fault model's campaign instead (campaign.ts). The same seed gives the
 * same output, byte for byte.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { emptyRecord } from '../../common/own.js';
import { instantiatePolicy, type CompiledPolicy } from '../../compiler/index.js';
import { formatFaultModelErrors, formatSummary, simulate as runSimulation, validateFaultModel } from '../../runtime/index.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { readFaultFile } from '../fault-file.js';
import { campaignCommand, type CampaignFlags } from './campaign.js';
import { loadOnePolicy } from '../one-policy.js';
import { progressBar } from '../progress.js';

export interface SimulateOptions extends CampaignFlags {
  readonly cohort: readonly string[];
  readonly faults?: string;
  readonly seed: string;
  readonly json: boolean;
  readonly campaign: boolean;
}

export async function simulateCommand(policyPath: string, options: SimulateOptions, ctx: CliContext): Promise<ExitCode> {
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) return fail(ctx, `--seed takes a whole number from 0, not '${options.seed}'`);
  const cohorts = parseCohorts(options.cohort);
  if (typeof cohorts === 'string') return fail(ctx, cohorts);

  const compiled = loadOnePolicy(policyPath, ctx);
  if (typeof compiled === 'number') return compiled;
  const faultsPath = options.faults ?? defaultFaults(compiled, ctx.cwd);
  const read = faultsPath === undefined ? ({ kind: 'json', json: {} } as const) : readFaultFile(faultsPath, ctx.cwd);
  if (read.kind === 'error') return fail(ctx, read.message);
  const faults = read.json;

  const policy = instantiatePolicy(compiled);
  const validation = validateFaultModel(faults, policy);
  if (validation.model === null) {
    const where = faultsPath ?? 'the fault model';
    return fail(ctx, `${where} is not a valid fault model:\n${formatFaultModelErrors(validation).map((line) => `  ${line}`).join('\n')}`);
  }
  if (options.campaign || options.compare !== undefined) {
    const run = { seed, estate: cohorts, readFaults: (file: string) => readFaultFile(file, ctx.cwd), defaultFaults: (other: CompiledPolicy) => defaultFaults(other, ctx.cwd) };
    return campaignCommand({ compiled, faults, faultsPath }, options, run, ctx);
  }
  if (cohorts === undefined && validation.model.cohorts === null) {
    return fail(ctx, `say how many installations to simulate: --cohort ${Object.keys(policy.cohorts)[0] ?? 'COHORT'}=1000, or a "cohorts" map in the fault model`);
  }

  const progress = progressBar(ctx.progress, 'simulating');
  try {
    const result = await runSimulation(policy, { faults, seed, onProgress: progress.update, ...(cohorts === undefined ? {} : { cohorts }) });
    progress.stop();
    ctx.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
    return exitCodes.ok;
  } catch (error) {
    progress.stop();
    // Usage errors of the runtime (an unknown cohort, say) are the user's; anything else is a bug.
    if (error instanceof Error && error.name === 'MigrationUsageError') return fail(ctx, error.message);
    throw error;
  }
}

/** `--cohort IOC=1000 --cohort MOC_Secure/DA=500` as a map, or what is wrong with it. */
function parseCohorts(values: readonly string[]): Record<string, number> | undefined | string {
  if (values.length === 0) return undefined;
  // Without a prototype, `--cohort __proto__=5` names a cohort like any other.
  const cohorts = emptyRecord<number>();
  for (const value of values) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?)=(\d+)$/.exec(value);
    if (!match) return `--cohort takes COHORT=COUNT or COHORT/GROUP=COUNT, such as IOC=1000, not '${value}'`;
    cohorts[match[1]!] = Number(match[2]);
  }
  return cohorts;
}

/** The policy's default fault model: `faults.json` beside its root file, if there is one. */
function defaultFaults(policy: CompiledPolicy, cwd: string): string | undefined {
  const candidate = path.join(path.dirname(path.resolve(cwd, policy.root)), 'faults.json');
  return existsSync(candidate) ? path.relative(cwd, candidate) : undefined;
}

