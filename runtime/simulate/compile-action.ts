/**
 * Generates what a step's failure leads to (`handleFailure`, actions.ts):
 * the deadline's own action, else `onExhausted` or `onFailure`. `fail` ends
 * the flow; `rollback` ends it too, leaving the undos to the shared rollback
 * after the flow (compile.ts); an incident draws its resolution and
 * may go on with the next node. Identical actions share their code.
 */
import { partyFaultsFor } from '../fault-model/fault-model.js';
import type { StepNode } from '../policy.js';
import { drawFault, durationSource, type Source } from './source.js';

export interface StepPlace {
  /** The step's index among the flow's steps. */
  readonly index: number;
  /** Offset of this population's incident counters in `T_incidents`. */
  readonly incidents: number;
}

/** handleFailure: the deadline's own action, else `onExhausted` or `onFailure`; identical actions share code. */
export function actionsSource(source: Source, step: StepNode<unknown>, place: StepPlace, go: (label: string) => void): void {
  const cases = [
    { condition: 'fc === 1', action: step.onFailure },
    { condition: 'fc === 2', action: step.onExhausted },
    ...step.deadlines.map((deadline, index) => ({ condition: `(fc === 3 && fdl === ${index})`, action: deadline.action })),
  ];
  const groups = new Map<string, { conditions: string[]; action: (typeof cases)[number]['action'] }>();
  for (const { condition, action } of cases) {
    const key = JSON.stringify(action);
    const group = groups.get(key) ?? { conditions: [], action };
    group.conditions.push(condition);
    groups.set(key, group);
  }
  [...groups.values()].forEach((group, index, all) => {
    const head = index === 0 ? `if (${group.conditions.join(' || ')})` : index === all.length - 1 ? 'else' : `else if (${group.conditions.join(' || ')})`;
    source.block(all.length === 1 ? '' : head, () => actionSource(source, place, group.action, go));
  });
}

function actionSource(source: Source, place: StepPlace, action: StepNode<unknown>['onFailure'], go: (label: string) => void): void {
  const fail = (code: string): string => `status = 1; code = fcode >= 0 ? fcode : ${source.code(code)}; cause = fc; ostep = ${place.index}; break flow;`;
  switch (action.kind) {
    case 'fail':
      return source.line(fail(action.code));
    case 'rollback':
      return source.line(`rbk = 1; code = fcode >= 0 ? fcode : ${source.code(action.code)}; cause = fc; ostep = ${place.index}; break flow;`);
    case 'incident': {
      // The incident handler: each resolver in order may not resolve, else resolves after its delay; the earliest wins.
      source.line(`T_incidents[${place.incidents}]++;`);
      source.line('t = Infinity; who = -1;');
      for (const party of action.resolvers) {
        const faults = partyFaultsFor(source.model, party);
        const resolve = `${durationSource(faults.delay, 'rt')} rt = now + rt; if (rt < t) { t = rt; who = ${source.layout.partyIndex.get(party)!}; }`;
        const unresolved = faults.unresolved > 0 ? source.param('unresolved', place.index, faults.unresolved) : null;
        source.line(unresolved !== null ? `${drawFault} if (!(u < ${unresolved})) { ${resolve} }` : `{ ${resolve} }`);
      }
      source.line(`if (who < 0) { T_incidents[${place.incidents + 1}]++; ${fail(action.elseCode)} }`);
      source.line(`if (t > now) now = t; T_incidents[${place.incidents + 2} + who]++;`);
      if (action.then === 'fail') source.line(fail(action.code));
      if (action.then === 'retry') {
        go(`retry${place.index}`);
        source.line(`if (fc !== 0) { ${fail(action.code)} }`);
      }
      return;
    }
  }
}
