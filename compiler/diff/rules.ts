/**
 * A policy as a set of rules for comparison: every declaration that
 * carries a `ref` (error codes, retry strategies, checks, steps,
 * the exclusion), each as named facts in canonical text. Each fact keeps
 * the section it comes from, which is the rule's unless a failure handler
 * or deadline names its own.
 *
 * Vocabulary without a `ref` (parties, artefacts, reports, cohorts,
 * sections, installation fields) is not compared on its own: it matters
 * through the rules that use it.
 */
import { formatDuration } from '../../grammar/index.js';
import type { ActionModel, PolicyModel, RetryModel, StepModel } from '../model.js';
import { printAction, printExpr, printGuards } from '../print.js';

export interface Fact {
  readonly ref: string;
  readonly value: string;
}

export interface Rule {
  /** Identity across versions, such as `step Commission`. */
  readonly key: string;
  /** How a reviewer reads the rule's name, such as "step `Commission`". */
  readonly subject: string;
  readonly ref: string;
  readonly facts: ReadonlyMap<string, Fact>;
}

const resubmission = { never: 'not allowed', always: 'allowed', 'after-rollback': 'allowed after a rollback' } as const;

export function rulesOf(model: PolicyModel): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  const add = (kind: string, name: string, ref: string | undefined, facts: [string, string, string | undefined][]): void => {
    const ruleRef = ref ?? '';
    const map = new Map<string, Fact>();
    for (const [fact, value, factRef] of facts) map.set(fact, { ref: factRef ?? ruleRef, value });
    rules.set(`${kind} ${name}`, { key: `${kind} ${name}`, subject: `${kind} \`${name}\``, ref: ruleRef, facts: map });
  };

  for (const error of model.errors.values()) {
    add('error', error.name, error.ref, [
      ['title', error.title, undefined],
      ['reports', error.reports.join(', ') || 'none', undefined],
      ['resubmission', resubmission[error.resubmit], undefined],
      ['responsible party', error.responsible ?? 'none', undefined],
    ]);
  }
  for (const retry of model.retries.values()) add('retry strategy', retry.name, retry.ref, retryFacts(retry));
  if (model.exclusionAfter !== undefined) add('exclusion', 'after failed attempts', model.exclusionRef, [['failed attempts', String(model.exclusionAfter), undefined]]);
  // Stages are folded into their checks and steps by lowering, so a stage's change shows on what it holds.
  for (const node of model.flow) {
    if (node.kind === 'check') {
      add('check', node.code ?? '?', node.ref, [
        ['condition', printGuards(node.guards), undefined],
        ['requirement', node.predicate ? printExpr(node.predicate) : 'external', undefined],
        ['acting party', node.party ?? 'none', undefined],
      ]);
    } else add('step', node.name, node.ref, stepFacts(node));
  }
  return rules;
}

function retryFacts(retry: RetryModel): [string, string, string | undefined][] {
  const facts: [string, string, string | undefined][] = [];
  for (const tier of retry.tiers) {
    facts.push([`tier \`${tier.name}\` retries`, tier.count === undefined ? 'until a limit' : String(tier.count), undefined]);
    facts.push([`tier \`${tier.name}\` interval`, formatDuration(tier.every), undefined]);
    if (tier.factor !== undefined) facts.push([`tier \`${tier.name}\` factor`, String(tier.factor), undefined]);
    if (tier.cap !== undefined) facts.push([`tier \`${tier.name}\` cap`, formatDuration(tier.cap), undefined]);
  }
  facts.push(['tier order', retry.tiers.map((t) => t.name).join(', '), undefined]);
  facts.push(['total retry period', retry.within === undefined ? 'none' : formatDuration(retry.within), undefined]);
  facts.push(['attempt limit', retry.attempts === undefined ? 'none' : String(retry.attempts), undefined]);
  facts.push(['attempt timeout', retry.timeout === undefined ? 'none' : formatDuration(retry.timeout), undefined]);
  const jitter = retry.jitter;
  facts.push(['jitter', jitter.kind === 'range' ? `${formatDuration(jitter.low)}..${formatDuration(jitter.high)}` : jitter.kind, undefined]);
  return facts;
}

function stepFacts(step: StepModel): [string, string, string | undefined][] {
  const facts: [string, string, string | undefined][] = [
    ['acting party', step.party ?? 'none', undefined],
    ['condition', printGuards(step.guards), undefined],
    ['retry strategy', step.retry ?? 'none (one attempt)', undefined],
    ['awaits', step.await ?? 'nothing', undefined],
    ['produces', step.produces.join(', ') || 'nothing', undefined],
    ['codes its handler may report', step.mayFail.join(', ') || 'none', undefined],
    ['commit', step.commit ? 'yes: no rollback reaches back past it' : 'no', undefined],
  ];
  if (step.undo) facts.push(['undo', `${step.undo.name} by ${step.undo.party ?? '?'}`, step.undo.ref]);
  const permanent = actionFact('on permanent failure', step.onFailure);
  const exhausted = actionFact('when retries run out', step.onExhausted);
  // One `on failure` covers both cases; say it once.
  if (permanent[1] === exhausted[1] && permanent[2] === exhausted[2]) facts.push(['on failure', permanent[1], permanent[2]]);
  else facts.push(permanent, exhausted);
  for (const deadline of step.deadlines) {
    const name = deadline.arrival ? `arrival deadline of \`${step.await ?? '?'}\` after \`${deadline.anchor ?? '?'}\`` : `deadline after \`${deadline.anchor ?? '?'}\``;
    facts.push([name, `within ${formatDuration(deadline.within)}, else ${printAction(deadline.action)}`, deadline.action?.ref]);
  }
  return facts;
}

function actionFact(name: string, action: ActionModel | undefined): [string, string, string | undefined] {
  return [name, printAction(action), action?.ref];
}
