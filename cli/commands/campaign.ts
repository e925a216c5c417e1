/**
 * `mpol simulate <policy> --campaign`: plays the fault model's campaign
 * (docs/campaign.md) on worker threads, and prints when it completes, a
 * burn-up chart and the final outcomes; `--compare` plays the same campaign
 * under another policy or fault model and prints both side by side with
 * the differences, as text, JSON or a page. The same seed gives the same output, byte for byte,
 * whatever `--threads` says.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { emitPolicy, instantiatePolicy, renderHtml, type CompiledPolicy } from '../../compiler/index.js';
import {
  compareCampaigns,
  formatCampaign,
  formatCampaignComparison,
  formatFaultModelErrors,
  simulateCampaign,
  validateFaultModel,
  type CampaignParallel,
  type CampaignResult,
} from '../../runtime/index.js';
import { bundleWorkers, threadedCampaign, threadsForEstate } from '../campaign-threads.js';
import type { FaultFile } from '../fault-file.js';
import { exitCodes, fail, type CliContext, type ExitCode } from '../context.js';
import { shownPath } from '../../compiler/disk/host.js';
import { loadOnePolicy } from '../one-policy.js';
import { campaignReport } from '../report/campaign-report.js';
import { campaignComparisonReport } from '../report/campaign-comparison-report.js';
import { requireMermaid } from '../vendor.js';
import { printOrWrite } from '../write-output.js';
import { progressFor, type ProgressMode } from '../progress.js';

/** One side of a campaign: a checked policy and the fault model it runs against. */
export interface CampaignSide {
  readonly compiled: CompiledPolicy;
  readonly faults: unknown;
  /** The fault model's file as the user named it, if there is one. */
  readonly faultsPath: string | undefined;
}

export interface CampaignFlags {
  readonly compare?: string;
  readonly threads?: string;
  readonly out?: string;
}

export interface CampaignRun {
  readonly seed: number;
  /** What to print (or write to `--out`): the text summary, the whole result, or a page. */
  readonly format: 'text' | 'json' | 'html';
  /** `--cohort`: replaces the campaign's estate. */
  readonly estate: Readonly<Record<string, number>> | undefined;
  /** Reads a fault model file, or says why it cannot. */
  readonly readFaults: (file: string) => FaultFile;
  /** The fault model beside a policy's root file, if there is one. */
  readonly defaultFaults: (policy: CompiledPolicy) => string | undefined;
  /** `--progress`. */
  readonly progress: ProgressMode;
}

const maxThreads = 64;

/** `--threads N`, or, without it, the cores a campaign may use as its estate warrants. */
type Threads = number | { readonly cores: number };

export async function campaignCommand(side: CampaignSide, flags: CampaignFlags, run: CampaignRun, ctx: CliContext): Promise<ExitCode> {
  // Digits only: `Number` would take `0x2`, ` 2` or `2e0`. Without the flag, the estate decides (`defaultThreads`).
  const threads: Threads = flags.threads === undefined ? { cores: Math.min(availableParallelism(), maxThreads) } : /^[0-9]+$/.test(flags.threads) ? Number(flags.threads) : NaN;
  if (typeof threads === 'number' && (!Number.isSafeInteger(threads) || threads < 1 || threads > maxThreads)) {
    return fail(ctx, `--threads takes a whole number from 1 to ${maxThreads}, not '${flags.threads}'`);
  }
  const problem = campaignProblem(side);
  if (problem !== null) return fail(ctx, problem);
  let other: CampaignSide | undefined;
  if (flags.compare !== undefined) {
    const loaded = compareSide(flags.compare, side, run, ctx);
    if (typeof loaded === 'number') return loaded;
    const otherProblem = campaignProblem(loaded);
    if (otherProblem !== null) return fail(ctx, `--compare ${flags.compare}: ${otherProblem}`);
    other = loaded;
  }
  try {
    const a = { label: labelOf(side, ctx), result: await play(side, run, threads, ctx, other === undefined ? 'campaign' : 'campaign A') };
    if (other === undefined) {
      const text =
        run.format === 'json'
          ? `${JSON.stringify(a.result, null, 2)}\n`
          : run.format === 'text'
            ? formatCampaign(a.result)
            : renderHtml(campaignReport({ result: a.result, model: side.compiled.model, faultsFile: side.faultsPath }), { mermaid: requireMermaid() });
      return output(text, formatCampaign(a.result), run.format, flags.out, ctx);
    }
    const b = { label: labelOf(other, ctx), result: await play(other, run, threads, ctx, 'campaign B') };
    const text = formatCampaignComparison(a, b);
    const whole =
      run.format === 'json'
        ? `${JSON.stringify({ a, b, comparison: compareCampaigns(a.result, b.result) }, null, 2)}\n`
        : run.format === 'text'
          ? text
          : renderHtml(campaignComparisonReport(a, b), { mermaid: requireMermaid() });
    return output(whole, text, run.format, flags.out, ctx);
  } catch (error) {
    // Usage errors of the runtime (an estate too large for the capacity, say) are the user's; anything else is a bug.
    if (error instanceof Error && error.name === 'MigrationUsageError') return fail(ctx, error.message);
    throw error;
  }
}

/** `text` to standard output, or written whole to `--out` while the terminal gets `summary` and where the file is. */
function output(text: string, summary: string, format: CampaignRun['format'], out: string | undefined, ctx: CliContext): ExitCode {
  const what = format === 'html' ? 'the report, to open in a browser' : format === 'json' ? 'the whole result' : 'this summary';
  return printOrWrite(ctx, text, out, () => summary, what);
}

async function play(side: CampaignSide, run: CampaignRun, threads: Threads, ctx: CliContext, label: string): Promise<CampaignResult> {
  const script = emitPolicy(side.compiled, { target: 'script' });
  const policy = instantiatePolicy(side.compiled);
  const progress = progressFor(run.progress, ctx, label);
  const parallel = parallelFor(threads, script);
  try {
    return await simulateCampaign(policy, {
      faults: side.faults,
      seed: run.seed,
      onProgress: progress.update,
      ...(run.estate === undefined ? {} : { estate: run.estate }),
      ...(parallel === undefined ? {} : { parallel }),
    });
  } finally {
    progress.stop();
  }
}

/** The helpers of a campaign: `--threads N`, or as many as its estate warrants on the cores there are; none on one thread. */
function parallelFor(threads: Threads, script: string): CampaignParallel | undefined {
  const start = bundleWorkers(script);
  if (typeof threads === 'number') return threads > 1 ? threadedCampaign(threads, start) : undefined;
  return threads.cores > 1 ? threadsForEstate(threads.cores, start) : undefined;
}

/** What stops a side from being played, said for the user, or `null`. */
function campaignProblem(side: CampaignSide): string | null {
  const where = side.faultsPath ?? 'the fault model';
  const validation = validateFaultModel(side.faults, instantiatePolicy(side.compiled));
  if (validation.model === null) return `${where} is not a valid fault model:\n${formatFaultModelErrors(validation).map((line) => `  ${line}`).join('\n')}`;
  if (validation.model.campaign === null) {
    return `${where} has no "campaign" section; a campaign needs at least "campaign": { "capacity": { "daily": 31000 } } (docs/campaign.md)`;
  }
  return null;
}

/**
 * `--compare X`: a `.json` file is another fault model for the same
 * policy; anything else is another policy, with its own `faults.json` if it
 * has one, else the first side's fault model.
 */
function compareSide(target: string, first: CampaignSide, run: CampaignRun, ctx: CliContext): CampaignSide | ExitCode {
  if (target.endsWith('.json')) {
    const read = run.readFaults(target);
    if (read.kind === 'error') return fail(ctx, `--compare: ${read.message}`);
    return { compiled: first.compiled, faults: read.json, faultsPath: target };
  }
  const compiled = loadOnePolicy(target, ctx);
  if (typeof compiled === 'number') return compiled;
  const own = run.defaultFaults(compiled);
  if (own === undefined) return { compiled, faults: first.faults, faultsPath: first.faultsPath };
  const read = run.readFaults(own);
  if (read.kind === 'error') return fail(ctx, `--compare: ${read.message}`);
  return { compiled, faults: read.json, faultsPath: own };
}

/** `MEHRS 2.1 (policies/mehrs/v2.1), fault model policies/mehrs/v2.1/faults.json` */
function labelOf(side: CampaignSide, ctx: CliContext): string {
  const { name, version } = side.compiled.model;
  const root = path.relative(ctx.cwd, path.resolve(ctx.cwd, path.dirname(side.compiled.root))) || '.';
  return `${name} ${version} (${root}), fault model ${side.faultsPath ?? '(none)'}`;
}
