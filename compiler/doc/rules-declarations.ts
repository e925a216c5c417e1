/**
 * Error codes, retry strategies and the exclusion rule in plain words; a
 * strategy with the picture of its attempt timeline.
 */
import { formatDuration } from '../../common/duration.js';
import { retryDiagram, retryTimelines } from '../diagrams/retry-diagram.js';
import type { ErrorModel, PolicyModel, RetryModel, TierModel } from '../model.js';
import { describeTimeline } from '../editor/timeline.js';
import type { Draws } from '../retry-timeline.js';
import type { CodeSource } from './code-sources.js';
import { joinWords, type DocumentBuilder, type Inline, type Text } from './document.js';
import type { AssumedMark } from './rules-flow.js';
import { count, linkTo, ruleHeading } from './words.js';

const resubmission: Record<ErrorModel['resubmit'], string> = {
  always: 'The supplier may resubmit the installation as a new migration attempt.',
  'after-rollback': 'The supplier may resubmit the installation as a new migration attempt once it has been rolled back; failed without a rollback, it may not.',
  never: 'The installation may not be resubmitted.',
};

export function describeError(doc: DocumentBuilder, model: PolicyModel, error: ErrorModel, sources: readonly CodeSource[], assumed: AssumedMark): void {
  doc.heading(4, ruleHeading.error(error.name));
  doc.paragraph(`${error.title}.`, ...assumed(error.source));
  const reports = error.reports.map((report) => {
    const declared = model.reports.get(report);
    return `${report}${declared === undefined ? '' : ` (${declared.title}${declared.recipient === undefined ? '' : `, to ${declared.recipient}`})`}`;
  });
  const items: Text[] = [
    [reports.length === 0 ? 'Reported in no report.' : `Reported in ${joinWords(reports)}.`],
    [resubmission[error.resubmit]],
    [error.responsible === undefined ? 'No responsible party is named.' : `Responsible party: ${error.responsible}.`],
  ];
  items.push(sources.length === 0 ? ['Nothing in the flow produces it.'] : ['Produced by ', ...sourceWords(sources), '.']);
  doc.list(items);
}

/** `check MA001; step Commission (retries run out)`, each linked to its rule. */
export function sourceWords(sources: readonly CodeSource[]): Inline[] {
  return sources.flatMap((source, index) => {
    const heading = source.rule.kind === 'check' ? ruleHeading.check(source.rule.name) : ruleHeading.step(source.rule.name);
    const how = source.rule.kind === 'check' ? '' : ` (${source.how})`;
    return [index === 0 ? '' : '; ', linkTo(heading, `${source.rule.kind} ${source.rule.name}`), how];
  });
}

export function describeRetry(doc: DocumentBuilder, model: PolicyModel, retry: RetryModel, assumed: AssumedMark): void {
  doc.heading(4, ruleHeading.retry(retry.name));
  const users = model.flow.filter((item) => item.kind === 'step' && item.retry === retry.name).map((item) => (item.kind === 'step' ? item.name : ''));
  const used: Inline[] = users.length === 0 ? ['No step uses it.'] : ['Used by ', ...users.flatMap((name, index) => [index === 0 ? '' : ', ', linkTo(ruleHeading.step(name), `step ${name}`)]), '.'];
  doc.paragraph(...used, ...assumed(retry.source));
  const items: Text[] = [['The first attempt is made when the step starts.'], ...retry.tiers.map((tier) => [tierWords(tier)])];
  items.push([retry.within === undefined ? 'No total retry period.' : `Total retry period: ${formatDuration(retry.within)} from the first attempt.`]);
  if (retry.attempts !== undefined) items.push([`At most ${count(retry.attempts, 'attempt', 'attempts')} in all.`]);
  if (retry.timeout !== undefined) items.push([`An attempt that takes longer than ${formatDuration(retry.timeout)} is a failed attempt.`]);
  items.push([jitterWords(retry)]);
  doc.list(items);
  const timelines = retryTimelines(retry);
  const words = (draws: Draws) => `${describeTimeline(retry, draws) ?? 'no timeline'}.`;
  if (timelines.length === 1) doc.paragraph(`If every attempt fails: ${words('earliest')}`);
  else {
    doc.paragraph('If every attempt fails, jitter puts the timeline between two extremes:');
    doc.list(timelines.map(({ draws }) => [`${draws === 'earliest' ? 'earliest, every draw at its minimum' : 'latest, every draw at its maximum'}: ${words(draws)}`]));
  }
  doc.diagram(retryDiagram(retry), `When each attempt of retry strategy ${retry.name} is made if every attempt fails, and when the step is exhausted.`);
}

function tierWords(tier: TierModel): string {
  if (tier.count === undefined && tier.factor === undefined) return `Tier ${tier.name}: a retry every ${formatDuration(tier.every)} until the strategy's limits end it.`;
  const retries = tier.count === undefined ? "retries until the strategy's limits end them" : count(tier.count, 'retry', 'retries');
  if (tier.factor === undefined) return `Tier ${tier.name}: ${retries}, ${formatDuration(tier.every)} apart.`;
  const cap = tier.cap === undefined ? '' : `, never more than ${formatDuration(tier.cap)}`;
  return `Tier ${tier.name}: ${retries}, the first ${formatDuration(tier.every)} after the attempt before it, each wait ${tier.factor} times the one before${cap}.`;
}

function jitterWords(retry: RetryModel): string {
  switch (retry.jitter.kind) {
    case 'none':
      return 'No jitter: waits are exact.';
    case 'full':
      return 'Full jitter: each wait is drawn from nothing to its interval.';
    case 'range':
      return `Jitter: each wait gets between ${formatDuration(retry.jitter.low)} and ${formatDuration(retry.jitter.high)} more.`;
  }
}

export function describeExclusion(doc: DocumentBuilder, model: PolicyModel, assumed: AssumedMark, source: Parameters<AssumedMark>[0] | undefined): void {
  doc.heading(4, ruleHeading.exclusion());
  const after = model.exclusionAfter ?? 0;
  doc.paragraph(
    `An installation that has failed ${count(after, 'migration attempt', 'migration attempts')} is excluded: it may not be resubmitted again, whatever its code says.`,
    ...(source === undefined ? [] : assumed(source)),
  );
}
