/**
 * Checks and steps in plain words, and the parts of a step that cite
 * another section than the step's own (an undo, a failure handler, a
 * deadline), told again under that section.
 */
import { formatDuration } from '../../common/duration.js';
import type { CheckModel, DeadlineModel, PolicyModel, StepModel } from '../model.js';
import { printExpr } from '../print.js';
import { joinWords, type DocumentBuilder, type Inline, type Text } from './document.js';
import { actionWords, codeWords, linkTo, ownSection, populationWords, ruleHeading } from './words.js';

/** Marks a rule whose declaration is an assumption; empty when it is not. */
export type AssumedMark = (source: { readonly file: string; readonly span: { readonly start: number } }) => Inline[];

function named(model: PolicyModel, kind: 'parties' | 'artefacts', name: string | undefined): Inline[] {
  if (name === undefined) return ['?'];
  const title = model[kind].get(name)?.title;
  return [{ strong: name }, ...(title === undefined ? [] : [` (${title})`])];
}

export function describeCheck(doc: DocumentBuilder, model: PolicyModel, check: CheckModel, assumed: AssumedMark): void {
  doc.heading(4, ruleHeading.check(check.code ?? '?'));
  const stage = check.stage === undefined ? [] : [` in stage ${check.stage}`];
  doc.paragraph('Checked by ', ...named(model, 'parties', check.party), ...stage, ', for ', ...populationWords(model, check.guards), '.', ...assumed(check.source));
  if (check.predicate === undefined) {
    doc.paragraph('Asks an external check (the ', { code: `checks.${check.code ?? '?'}` }, ' handler); if it fails, the installation fails with ', ...codeWords(model, check.code), '.');
  } else {
    doc.paragraph('Passes when ', { code: printExpr(check.predicate) }, '; otherwise the installation fails with ', ...codeWords(model, check.code), '.');
  }
}

export function describeStep(doc: DocumentBuilder, model: PolicyModel, step: StepModel, assumed: AssumedMark): void {
  doc.heading(4, ruleHeading.step(step.name));
  const stage = step.stage === undefined ? [] : [` in stage ${step.stage}`];
  doc.paragraph('Performed by ', ...named(model, 'parties', step.party), ' through the ', { code: `steps.${step.name}` }, ' handler', ...stage, '.', ...assumed(step.source));
  const items: Text[] = [['Runs for ', ...populationWords(model, step.guards), '.']];
  if (step.await !== undefined) items.push(['Before its first attempt, waits for ', ...named(model, 'artefacts', step.await), '.']);
  items.push(step.retry === undefined ? ['One attempt: no retry strategy.'] : ['Retried as ', linkTo(ruleHeading.retry(step.retry), `retry strategy ${step.retry}`), ' says.']);
  for (const deadline of step.deadlines) items.push(['Deadline: ', ...deadlineWords(model, step, deadline), '.']);
  if (step.produces.length > 0) items.push([`Produces ${joinWords(step.produces)} when it completes.`]);
  if (step.mayFail.length > 0) {
    items.push([`Its handler may fail naming ${joinWords(step.mayFail, 'or')}; the code it names replaces the failure action's code.`]);
  }
  if (step.undo !== undefined) {
    const party = step.undo.party === undefined ? '' : ` by ${step.undo.party}`;
    items.push(['Undo: ', { strong: step.undo.name }, `${party}${ownSection(step.undo.ref, step.ref)}, run when a later failure rolls the installation back.`]);
  }
  if (step.commit) items.push(['Commit: once it completes, no rollback reaches back past it.']);
  items.push(...failureItems(model, step));
  doc.list(items);
}

/**
 * `RequiredFileSet must arrive no later than 24h after MVF; if it does
 * not, …` for an arrival deadline, which bounds the awaited artefact only;
 * `24h after X: if the step has not completed by then, …` for a step deadline.
 */
function deadlineWords(model: PolicyModel, step: StepModel, deadline: DeadlineModel, withSection = true): Inline[] {
  const section = withSection ? ownSection(deadline.action?.ref, step.ref) : '';
  const due: Inline[] = [{ code: formatDuration(deadline.within) }, ' after ', { strong: deadline.anchor ?? '?' }];
  if (deadline.arrival) {
    return [{ strong: step.await ?? '?' }, ' must arrive no later than ', ...due, `${section}; if it does not, `, ...actionWords(model, deadline.action)];
  }
  return [...due, `${section}; if the step has not completed by then, `, ...actionWords(model, deadline.action)];
}

/** What the step's failures lead to: one item when both kinds lead to the same action. */
function failureItems(model: PolicyModel, step: StepModel): Text[] {
  const { onFailure, onExhausted } = step;
  const same = onFailure !== undefined && onExhausted !== undefined && actionKey(onFailure) === actionKey(onExhausted) && onFailure.ref === onExhausted.ref;
  if (same) return [[`If it fails${ownSection(onFailure.ref, step.ref)}, `, ...actionWords(model, onFailure), '.']];
  const exhausted = step.retry === undefined ? 'On a transient failure' : 'When its retries run out';
  return [
    [`On a permanent failure${ownSection(onFailure?.ref, step.ref)}, `, ...actionWords(model, onFailure), '.'],
    [`${exhausted}${ownSection(onExhausted?.ref, step.ref)}, `, ...actionWords(model, onExhausted), '.'],
  ];
}

function actionKey(action: object): string {
  return JSON.stringify(action, (key, value: unknown) => (key === 'source' || key === 'ref' ? undefined : value));
}

/** The parts of a step that cite `section` when the step itself cites another, in words. */
export function stepPartsIn(model: PolicyModel, section: string, step: StepModel): Text[] {
  if (step.ref === section) return [];
  const parts: Text[] = [];
  const where: Inline[] = [linkTo(ruleHeading.step(step.name), `Step ${step.name}`), step.ref === undefined ? '' : ` (§${step.ref})`];
  const { undo, onFailure, onExhausted } = step;
  if (undo?.ref === section) {
    parts.push([...where, ': its undo ', { strong: undo.name }, undo.party === undefined ? '' : ` by ${undo.party}`, ' runs when a later failure rolls the installation back.']);
  }
  const same = onFailure !== undefined && onExhausted !== undefined && actionKey(onFailure) === actionKey(onExhausted) && onFailure.ref === onExhausted.ref;
  if (same && onFailure.ref === section) parts.push([...where, ', if it fails: ', ...actionWords(model, onFailure), '.']);
  if (!same && onFailure?.ref === section) parts.push([...where, ', on a permanent failure: ', ...actionWords(model, onFailure), '.']);
  if (!same && onExhausted?.ref === section) {
    parts.push([...where, step.retry === undefined ? ', on a transient failure: ' : ', when its retries run out: ', ...actionWords(model, onExhausted), '.']);
  }
  for (const deadline of step.deadlines) {
    if (deadline.action?.ref !== section) continue;
    parts.push([...where, ', deadline: ', ...deadlineWords(model, step, deadline, false), '.']);
  }
  return parts;
}
