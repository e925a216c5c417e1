/**
 * What a hover says about a name: its kind, title and `ref` (with the
 * section's title) for everything declared; for an error code its reports,
 * resubmission and responsible party; for a retry strategy its timeline;
 * for a step what it inherits and for whom it runs (from the last
 * completed check's facts). Markdown, with policy text escaped.
 */
import { formatDuration } from '../../common/duration.js';
import type * as A from '../../grammar/index.js';
import { printExpr } from '../print.js';
import { describeKind, type FieldSymbol, type Symbol, type SymbolTable } from '../symbols.js';
import type { RetryModel } from '../model.js';
import type { PolicyFacts, StepFacts } from './facts.js';
import type { Target } from './targets.js';
import { describeTimeline, retryOf, summarizeTimeline } from './timeline.js';

export function describeTarget(target: Target, table: SymbolTable, facts: PolicyFacts | undefined): string {
  switch (target.kind) {
    case 'symbol':
      return describeSymbol(target.symbol, table, facts);
    case 'field':
      return [`**installation field** \`${target.field.name}\`: ${typeText(target.field)}`].join('\n\n');
    case 'member':
      return `**value** \`${target.member.name}\` of \`installation.${target.member.field}\``;
    case 'section': {
      const title = target.section.title === '' ? '' : ` — ${escapeMarkdown(target.section.title)}`;
      return `**section** \`${target.section.number}\`${title}`;
    }
  }
}

function describeSymbol(symbol: Symbol, table: SymbolTable, facts: PolicyFacts | undefined): string {
  const node = symbol.node;
  const title = 'title' in node && node.title.kind === 'String' ? ` — ${escapeMarkdown(node.title.value)}` : '';
  const paragraphs = [`**${describeKind(symbol.kind)}** \`${symbol.name}\`${title}`];
  const ref = 'ref' in node ? refLine(node.ref, table) : undefined;
  if (ref !== undefined) paragraphs.push(ref);
  const details = detailsOf(symbol, table, facts);
  if (details.length > 0) paragraphs.push(details.map((line) => `- ${line}`).join('\n'));
  if (symbol.kind === 'retry' && symbol.node.kind === 'Retry') {
    const timeline = describeTimeline(retryOf(symbol.file, symbol.node));
    paragraphs.push(timeline === undefined ? 'No timeline until the strategy is complete.' : `Timeline: ${timeline}.`);
  }
  return paragraphs.join('\n\n');
}

function detailsOf(symbol: Symbol, table: SymbolTable, facts: PolicyFacts | undefined): string[] {
  const node = symbol.node;
  const named = (name: A.Name | string | undefined): string => {
    const text = typeof name === 'string' ? name : name?.kind === 'Ident' ? name.name : undefined;
    if (text === undefined) return '?';
    const declared = table.symbols.get(text)?.node;
    const title = declared !== undefined && 'title' in declared && declared.title.kind === 'String' ? ` (${escapeMarkdown(declared.title.value)})` : '';
    return `\`${text}\`${title}`;
  };
  switch (node.kind) {
    case 'Artefact':
      return [`produced by ${named(node.producer)}`];
    case 'Report':
      return [`sent to ${named(node.recipient)}`];
    case 'Error': {
      const reports = node.items.flatMap((item) => (item.kind === 'ErrorReports' ? item.reports : []));
      const responsible = node.items.find((item) => item.kind === 'ErrorResponsible');
      const resubmit = node.items.find((item) => item.kind === 'ErrorResubmit');
      return [
        reports.length === 0 ? 'in no report' : `reported in ${reports.map(named).join(', ')}`,
        resubmit === undefined ? 'no resubmission' : resubmit.afterRollback ? 'the installation may be resubmitted once rolled back' : 'the installation may be resubmitted',
        responsible === undefined ? 'no responsible party' : `responsible: ${named(responsible.party)}`,
      ];
    }
    case 'Retry':
      return retryLines(symbol.file, node);
    case 'Cohort':
      return node.groups.length === 0 ? [] : [`groups: ${node.groups.map((g) => named(g.name)).join(', ')}`];
    case 'Group':
      return symbol.cohort === undefined ? [] : [`in cohort ${named(symbol.cohort)}`];
    case 'Stage':
      return [...(node.party === undefined ? [] : [`by ${named(node.party)}`]), ...(node.guard === undefined ? [] : [`\`${node.guard.negated ? 'unless' : 'when'} ${printExpr(node.guard.expr)}\``])];
    case 'Step': {
      const step = facts?.steps.get(symbol.name);
      return step === undefined ? (node.party === undefined ? [] : [`by ${named(node.party)}`]) : stepLines(step, named, table);
    }
    case 'Undo':
      return [`by ${named(node.party)}`];
    case 'Party':
      return [];
  }
}

function stepLines(step: StepFacts, named: (name: string | undefined) => string, table: SymbolTable): string[] {
  const lines: string[] = [];
  if (step.stage !== undefined) lines.push(`in stage \`${step.stage}\``);
  lines.push(step.party === undefined ? 'no acting party' : `by ${named(step.party)}`);
  if (step.guards.length > 0) lines.push(`guards: ${step.guards.map((g) => `\`${g}\``).join(', ')}`);
  const { always, depends, never } = step.runsFor;
  const runs = [
    always.length > 0 ? `runs for ${always.join(', ')}` : undefined,
    depends.length > 0 ? `depends on the installation for ${depends.join(', ')}` : undefined,
    never.length > 0 ? `never for ${never.join(', ')}` : undefined,
  ].filter((part) => part !== undefined);
  if (runs.length > 0) lines.push(runs.join('; '));
  if (step.await !== undefined) lines.push(`awaits ${named(step.await)}`);
  if (step.retry === undefined) lines.push('one attempt: no retry strategy');
  else {
    const strategy = table.symbols.get(step.retry);
    const size = strategy?.node.kind === 'Retry' ? summarizeTimeline(retryOf(strategy.file, strategy.node)) : undefined;
    lines.push(`retry \`${step.retry}\`${size === undefined ? '' : ` (${size})`}`);
  }
  for (const deadline of step.deadlines) lines.push(`\`${deadline}\``);
  if (step.produces.length > 0) lines.push(`produces ${step.produces.map(named).join(', ')}`);
  if (step.undo !== undefined) lines.push(`undo \`${step.undo.name}\` by ${named(step.undo.party)}`);
  if (step.commit) lines.push('commits the installation');
  lines.push(`on failure: ${step.onFailure === undefined ? 'no action' : `\`${step.onFailure}\``}`);
  if (step.onExhausted !== undefined && step.onExhausted !== step.onFailure) lines.push(`on exhausted: \`${step.onExhausted}\``);
  return lines;
}

function retryLines(file: string, node: A.RetryDecl): string[] {
  const retry = retryOf(file, node);
  const tiers = retry.tiers.map(tierLine);
  const limits = [
    retry.within === undefined ? undefined : `within ${formatDuration(retry.within)}`,
    retry.attempts === undefined ? undefined : `attempts ${retry.attempts}`,
    retry.timeout === undefined ? undefined : `timeout ${formatDuration(retry.timeout)}`,
    `jitter ${retry.jitter.kind === 'range' ? `${formatDuration(retry.jitter.low)}..${formatDuration(retry.jitter.high)}` : retry.jitter.kind}`,
  ].filter((part) => part !== undefined);
  return [...tiers, limits.join(' · ')];
}

/** A tier's schedule: `tier \`short\`: 3 retries every 5m`. */
export function tierLine(tier: RetryModel['tiers'][number]): string {
  const count = tier.count === undefined ? '' : `${tier.count} ${tier.count === 1 ? 'retry' : 'retries'} `;
  const growth = tier.factor === undefined ? '' : ` factor ${tier.factor}${tier.cap === undefined ? '' : ` cap ${formatDuration(tier.cap)}`}`;
  return `tier \`${tier.name}\`: ${count}every ${formatDuration(tier.every)}${growth}`;
}

function refLine(ref: A.Ref | undefined, table: SymbolTable): string | undefined {
  if (ref === undefined || ref.section.kind === 'Missing') return undefined;
  const section = table.sections.get(ref.section.value);
  const title = section === undefined ? ' (not declared)' : section.title === '' ? '' : ` — ${escapeMarkdown(section.title)}`;
  return `ref \`${ref.section.value}\`${title}`;
}

function typeText(field: FieldSymbol): string {
  switch (field.type.kind) {
    case 'enum':
      return field.type.members.map((m) => `\`${m}\``).join(' | ');
    case 'unknown':
      return 'type not given';
    default:
      return `\`${field.type.kind}\``;
  }
}

/** Policy text shown as Markdown: every character Markdown could read as markup is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
