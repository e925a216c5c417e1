/**
 * Where each error code can come from: the check that has it, and each
 * step whose failure actions, deadlines or handler can end in it.
 */
import type { ActionModel, PolicyModel } from '../model.js';

export interface CodeSource {
  /** `check MA001` or `step Commission`. */
  readonly rule: { readonly kind: 'check' | 'step'; readonly name: string };
  /** How: "fails", "permanent failure", "retries run out", "deadline", "incident not resolved", "its handler names it". */
  readonly how: string;
}

export function codeSources(model: PolicyModel): Map<string, CodeSource[]> {
  const sources = new Map<string, CodeSource[]>();
  const add = (code: string | undefined, rule: CodeSource['rule'], how: string) => {
    if (code === undefined) return;
    const list = sources.get(code) ?? [];
    if (!list.some((source) => source.rule.name === rule.name && source.how === how)) list.push({ rule, how });
    sources.set(code, list);
  };
  const fromAction = (action: ActionModel | undefined, rule: CodeSource['rule'], how: string) => {
    if (action === undefined) return;
    if (action.kind !== 'incident') add(action.code, rule, how);
    else {
      if (action.then === 'fail') add(action.thenCode, rule, `${how}, incident resolved`);
      add(action.elseCode ?? action.thenCode, rule, `${how}, incident not resolved`);
    }
  };
  for (const item of model.flow) {
    if (item.kind === 'check') {
      add(item.code, { kind: 'check', name: item.code ?? '?' }, 'fails');
      continue;
    }
    const rule = { kind: 'step' as const, name: item.name };
    fromAction(item.onFailure, rule, 'permanent failure');
    fromAction(item.onExhausted, rule, item.retry === undefined ? 'transient failure' : 'retries run out');
    for (const deadline of item.deadlines) fromAction(deadline.action, rule, deadline.arrival ? `${item.await ?? '?'} late` : `deadline after ${deadline.anchor ?? '?'}`);
    for (const code of item.mayFail) add(code, rule, 'its handler names it');
  }
  return sources;
}
