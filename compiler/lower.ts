/**
 * Lowering: the policy's files and symbol table to one `PolicyModel`.
 * Reports the structural errors it meets on the way: `duplicate-policy`,
 * `duplicate-block`, `missing-migration` and `duplicate-item` in
 * declarations.
 */
import type * as A from '../grammar/index.js';
import type { PassContext } from './context.js';
import { lowerFlow } from './lower-flow.js';
import { nameOf, refOf, reportRepeats, text } from './ast-values.js';
import type { ErrorModel, JitterModel, NamedModel, PolicyModel, RetryModel, Source, TierModel } from './model.js';
import type { SymbolTable } from './symbols.js';

export function lower(ctx: PassContext, table: SymbolTable, root: string): PolicyModel {
  const parties = new Map<string, NamedModel>();
  const artefacts = new Map<string, NamedModel & { producer: string | undefined }>();
  const reports = new Map<string, NamedModel & { recipient: string | undefined }>();
  const errors = new Map<string, ErrorModel>();
  const retries = new Map<string, RetryModel>();
  const cohorts = new Map<string, NamedModel & { groups: string[] }>();
  const blocks = new Map<string, Source>();
  let policy: A.PolicyDecl | undefined;
  let migration: { node: A.MigrationDecl; file: string } | undefined;
  let exclusionAfter: number | undefined;
  let exclusionRef: string | undefined;

  for (const { path: file, tree } of ctx.files) {
    for (const item of tree.items) {
      const source = { file, span: item };
      switch (item.kind) {
        case 'Policy':
          if (policy === undefined) policy = item;
          else ctx.report('duplicate-policy', file, item, { name: nameOf(item.name) ?? '' });
          break;
        case 'Party':
          addNamed(parties, item.name, { title: text(item.title), source });
          break;
        case 'Artefact':
          addNamed(artefacts, item.name, { title: text(item.title), producer: nameOf(item.producer), source });
          break;
        case 'Report':
          addNamed(reports, item.name, { title: text(item.title), recipient: nameOf(item.recipient), source });
          break;
        case 'Error':
          addNamed(errors, item.name, lowerError(ctx, file, item));
          break;
        case 'Retry':
          addNamed(retries, item.name, lowerRetry(ctx, file, item));
          break;
        case 'Cohort':
          addNamed(cohorts, item.name, { title: text(item.title), groups: item.groups.flatMap((g) => nameOf(g.name) ?? []), source });
          break;
        case 'Installation':
          once(ctx, blocks, 'installation', source);
          break;
        case 'Exclusion':
          if (once(ctx, blocks, 'exclude', source)) {
            if (item.attempts.kind === 'Number') exclusionAfter = item.attempts.value;
            exclusionRef = refOf(item.ref);
          }
          break;
        case 'Migration':
          if (once(ctx, blocks, 'migration', source)) migration = { node: item, file };
          break;
        default:
          break;
      }
    }
  }

  const name = policy ? nameOf(policy.name) ?? '' : '';
  if (migration === undefined && policy !== undefined) ctx.report('missing-migration', root, policy, { name });
  const sections = new Map([...table.sections].map(([number, s]) => [number, { title: s.title, source: { file: s.file, span: s.span } }]));
  return {
    name,
    version: policy ? text(policy.version) : '',
    title: policy ? text(policy.title) : '',
    root,
    sections,
    parties,
    artefacts,
    reports,
    errors,
    retries,
    cohorts,
    fields: [...table.fields.values()],
    exclusionAfter,
    exclusionRef,
    flow: migration ? lowerFlow(ctx, migration.file, migration.node) : [],
  };
}

function addNamed<T>(map: Map<string, T>, name: A.Name, value: T): void {
  // The binder reports duplicates; the first declaration wins here too.
  if (name.kind === 'Ident' && !map.has(name.name)) map.set(name.name, value);
}

function once(ctx: PassContext, blocks: Map<string, Source>, block: string, source: Source): boolean {
  const first = blocks.get(block);
  if (first === undefined) {
    blocks.set(block, source);
    return true;
  }
  const notes = [{ message: `the first \`${block}\` block is here`, file: first.file, span: first.span }];
  ctx.report('duplicate-block', source.file, source.span, { block }, { notes });
  return false;
}

const errorItemWords: Record<string, string> = { ErrorReports: 'report', ErrorResubmit: 'resubmit', ErrorResponsible: 'responsible' };
const errorItemWord = (kind: string): string | undefined => errorItemWords[kind];

function lowerError(ctx: PassContext, file: string, node: A.ErrorDecl): ErrorModel {
  reportRepeats(ctx, file, node.items, errorItemWord);
  // One pass over the items: a large policy has tens of thousands of codes.
  const reports: string[] = [];
  let resubmit: ErrorModel['resubmit'] = 'never';
  let responsible: A.ErrorResponsible | undefined;
  for (const item of node.items) {
    if (item.kind === 'ErrorReports') {
      for (const report of item.reports) if (report.kind === 'Ident') reports.push(report.name);
    } else if (item.kind === 'ErrorResubmit') {
      if (resubmit === 'never') resubmit = item.afterRollback ? 'after-rollback' : 'always';
    }
    else responsible ??= item;
  }
  return {
    name: nameOf(node.name) ?? '',
    title: text(node.title),
    ref: refOf(node.ref),
    reports,
    resubmit,
    responsible: responsible === undefined ? undefined : nameOf(responsible.party),
    source: { file, span: node },
  };
}

const retryItemWords: Record<string, string> = { RetryWithin: 'within', RetryAttempts: 'attempts', RetryTimeout: 'timeout', RetryJitter: 'jitter' };
const retryItemWord = (kind: string): string | undefined => retryItemWords[kind];

export function lowerRetry(ctx: PassContext, file: string, node: A.RetryDecl): RetryModel {
  reportRepeats(ctx, file, node.items, retryItemWord);
  let within: number | undefined;
  let attempts: number | undefined;
  let timeout: number | undefined;
  let jitter: JitterModel = { kind: 'none' };
  const tiers: TierModel[] = [];
  for (const item of node.items) {
    switch (item.kind) {
      case 'Tier':
        if (item.every.kind === 'Duration') {
          tiers.push({
            name: nameOf(item.name) ?? '',
            // An unreadable count, factor or cap is a gap (`isSchedulable`): no timeline is drawn from it.
            count: item.count?.kind === 'Number' ? item.count.value : undefined,
            every: item.every.ms,
            factor: item.factor?.kind === 'Number' ? item.factor.value : undefined,
            cap: item.cap?.kind === 'Duration' ? item.cap.ms : undefined,
            source: { file, span: item },
          });
        }
        break;
      case 'RetryWithin':
        if (item.period.kind === 'Duration') within ??= item.period.ms;
        break;
      case 'RetryAttempts':
        if (item.count.kind === 'Number') attempts ??= item.count.value;
        break;
      case 'RetryTimeout':
        if (item.limit.kind === 'Duration') timeout ??= item.limit.ms;
        break;
      case 'RetryJitter':
        jitter = lowerJitter(item.jitter) ?? jitter;
        break;
    }
  }
  return { name: nameOf(node.name) ?? '', ref: refOf(node.ref), tiers, within, attempts, timeout, jitter, source: { file, span: node }, node };
}

function lowerJitter(jitter: A.Jitter): JitterModel | undefined {
  switch (jitter.kind) {
    case 'JitterNone':
      return { kind: 'none' };
    case 'JitterFull':
      return { kind: 'full' };
    case 'JitterRange':
      if (jitter.low.kind === 'Missing' || jitter.high.kind === 'Missing') return undefined;
      return { kind: 'range', low: jitter.low.ms, high: jitter.high.ms };
    case 'Missing':
      return undefined;
  }
}
