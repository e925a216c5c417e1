/**
 * `mpol simulate <policy>`: compiles the policy in memory (`instantiatePolicy`) and simulates
 * many installations against a fault model, printing a summary table or,
 * with `--json`, the whole result; with `--campaign` or `--compare`, plays
 * the fault model's campaign instead (campaign.ts). The same seed gives the
 * same output, byte for byte.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { instantiatePolicy, renderHtml, type CompiledPolicy, type LoadedPolicy } from '../../compiler/index.js';
import { formatFaultModelErrors, formatSummary, formatSummaryCsv, formatSummaryMarkdown, simulate as runSimulation, validateFaultModel, type SimulationResult } from '../../runtime/index.js';
import { shownPath } from '../../compiler/disk/host.js';
import { simulationReport } from '../report/simulation-report.js';
import { requireMermaid } from '../vendor.js';
import { printOrWrite } from '../write-output.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { readFaultFile } from '../fault-file.js';
import { campaignCommand, type CampaignFlags } from './campaign.js';
import { loadOnePolicy } from '../one-policy.js';
import { progressFor, type ProgressMode } from '../progress.js';
import { parseSeed, sizeProblem } from '../simulation-size.js';
import { parseCohorts, unknownCohort } from '../cohort-flag.js';

export const simulateFormats = ['text', 'json', 'html', 'markdown', 'csv'] as const;
export type SimulateFormat = (typeof simulateFormats)[number];

export interface SimulateOptions extends CampaignFlags {
  readonly cohort?: readonly string[];
  readonly faults?: string;
  readonly seed?: string;
  readonly json?: boolean;
  readonly campaign?: boolean;
  readonly format?: SimulateFormat;
  readonly out?: string;
  /** Run more than `installationLimit` installations. */
  readonly force?: boolean;
  readonly progress: ProgressMode;
}

export async function simulateCommand(policyPath: string, options: SimulateOptions, ctx: CliContext): Promise<ExitCode> {
  const seed = parseSeed(options.seed ?? '0');
  if (typeof seed === 'string') return fail(ctx, seed);
  const cohorts = parseCohorts(options.cohort);
  if (typeof cohorts === 'string') return fail(ctx, cohorts);
  const format = formatOf(options);
  if (format === undefined) return fail(ctx, `--json and --format ${options.format} ask for two formats; give one`);

  const compiled = loadOnePolicy(policyPath, ctx);
  if (typeof compiled === 'number') return compiled;
  const faultsPath = options.faults ?? defaultFaults(compiled, ctx.cwd);
  const read = faultsPath === undefined ? ({ kind: 'json', json: {} } as const) : readFaultFile(faultsPath, ctx.cwd);
  if (read.kind === 'error') return fail(ctx, read.message);
  const faults = read.json;

  const policy = instantiatePolicy(compiled);
  const unknown = cohorts === undefined ? null : unknownCohort(cohorts, policy);
  if (unknown !== null) return fail(ctx, unknown);
  const validation = validateFaultModel(faults, policy);
  if (validation.model === null) {
    const where = faultsPath ?? 'the fault model';
    return fail(ctx, `${where} is not a valid fault model:\n${formatFaultModelErrors(validation).map((line) => `  ${line}`).join('\n')}`);
  }
  if (options.campaign === true || options.compare !== undefined) {
    if (format === 'markdown' || format === 'csv') return fail(ctx, `--format ${format} is for a simulation of the cohorts; a campaign prints as text, json or html`);
    const run = { seed, estate: cohorts, format, progress: options.progress, readFaults: (file: string) => readFaultFile(file, ctx.cwd), defaultFaults: (other: CompiledPolicy) => defaultFaults(other, ctx.cwd) };
    return campaignCommand({ compiled, faults, faultsPath }, options, run, ctx);
  }
  if (cohorts === undefined && validation.model.cohorts === null) {
    return fail(ctx, `say how many installations to simulate: --cohort ${Object.keys(policy.cohorts)[0] ?? 'COHORT'}=1000, or a "cohorts" map in the fault model`);
  }

  const tooMany = await sizeProblem(policy, faults, cohorts ?? validation.model.cohorts ?? {}, seed, options.force === true);
  if (tooMany !== null) return fail(ctx, tooMany);

  const progress = progressFor(options.progress, ctx, 'simulating');
  try {
    const result = await runSimulation(policy, { faults, seed, onProgress: progress.update, ...(cohorts === undefined ? {} : { cohorts }) });
    progress.stop();
    return report({ result, policy, faultsPath }, format, options.out, ctx);
  } catch (error) {
    progress.stop();
    // Usage errors of the runtime (an unknown cohort, say) are the user's; anything else is a bug.
    if (error instanceof Error && error.name === 'MigrationUsageError') return fail(ctx, error.message);
    throw error;
  }
}

/** The format asked for: `--format`, `--json`, or what an `--out` file's extension says; `undefined` when they disagree. */
function formatOf(options: SimulateOptions): SimulateFormat | undefined {
  if (options.json === true && options.format !== undefined && options.format !== 'json') return undefined;
  if (options.json === true) return 'json';
  if (options.format !== undefined) return options.format;
  if (options.out !== undefined && /\.html?$/i.test(options.out)) return 'html';
  if (options.out !== undefined && /\.json$/i.test(options.out)) return 'json';
  if (options.out !== undefined && /\.(md|markdown)$/i.test(options.out)) return 'markdown';
  if (options.out !== undefined && /\.csv$/i.test(options.out)) return 'csv';
  return 'text';
}

interface Simulated {
  readonly result: SimulationResult;
  readonly policy: LoadedPolicy;
  readonly faultsPath: string | undefined;
}

/**
 * The result in its format: to standard output, or written whole to
 * `--out` while the terminal gets the summary and where the file is.
 */
function report({ result, policy, faultsPath }: Simulated, format: SimulateFormat, out: string | undefined, ctx: CliContext): ExitCode {
  const context = { policy, faultsFile: faultsPath ?? null };
  let text: string;
  if (format === 'json') text = `${JSON.stringify(result, null, 2)}\n`;
  else if (format === 'text') text = formatSummary(result, context);
  else if (format === 'markdown') text = formatSummaryMarkdown(result, context);
  else if (format === 'csv') text = formatSummaryCsv(result, context);
  else text = renderHtml(simulationReport({ result, summary: context }), { mermaid: requireMermaid() });
  const what = { html: 'the report, to open in a browser', json: 'the whole result', text: 'this summary', markdown: 'this summary in Markdown', csv: 'this summary as CSV, one figure a line' }[format];
  return printOrWrite(ctx, text, out, () => formatSummary(result, context), what);
}

/** The policy's default fault model: `faults.json` beside its root file, if there is one. */
function defaultFaults(policy: CompiledPolicy, cwd: string): string | undefined {
  const candidate = path.join(path.dirname(path.resolve(cwd, policy.root)), 'faults.json');
  return existsSync(candidate) ? path.relative(cwd, candidate) : undefined;
}

