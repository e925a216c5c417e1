/**
 * The migration flow: stages, steps, checks and their items. A header or
 * an item that does not fit breaks before each of its clauses (a guard,
 * `requires`, an action's `then` and `else`, a `ref`), each on a line of
 * its own, one level in. When a stage's or step's header breaks, its `{`
 * goes on a line of its own, so the clauses never line up with the items.
 */
import { builders } from 'prettier/doc';
import { assertNever, type Action, type CheckDecl, type Deadline, type FailureHandler, type MigrationDecl, type MigrationItem, type Ref, type StageDecl, type StepDecl, type StepItem, type SyntaxNode } from '../../grammar/index.js';
import { printLiteral, printName, printNameList, printRef } from './print-names.js';
import { printExpr, printGuard } from './print-expressions.js';
import { cat, type Printer } from './printer.js';

type Doc = builders.Doc;

const { group, ifBreak, indent, join, line } = builders;

export function printMigration(p: Printer, migration: MigrationDecl): Doc {
  return cat('migration ', p.block(migration, migration.items, (item) => printFlowItem(p, item as FlowItem), 'lines'));
}

/** What a block of the flow holds: the migration block's and stages' items, and steps' items. */
type FlowItem = MigrationItem | StepItem;

function printFlowItem(p: Printer, item: FlowItem): Doc {
  switch (item.kind) {
    case 'Stage':
      return printStage(p, item);
    case 'Step':
      return printStep(p, item);
    case 'Check':
      return printCheck(p, item);
    default:
      return printStepItem(p, item);
  }
}

/** `NAME ref "s" by PARTY`, the part of a stage's or step's header that never breaks. */
function head(p: Printer, keyword: string, node: StageDecl | StepDecl): Doc {
  return cat(keyword, ' ', printName(p, node.name), printRef(p, node.ref), node.party === undefined ? '' : cat(' by ', printName(p, node.party)));
}

/** A header with its guard, and the block after it, if any: the guard breaks onto its own line, the `{` then onto its own. */
function headed(p: Printer, node: StageDecl | StepDecl, keyword: string, items: readonly SyntaxNode[] | undefined): Doc {
  const guard = node.guard === undefined ? '' : indent([line, printGuard(p, node.guard)]);
  if (items === undefined) return group([head(p, keyword, node), guard]);
  const open = node.guard === undefined ? ' ' : ifBreak(line, ' ');
  return cat(group([head(p, keyword, node), guard, open]), p.block(node, items, (item) => printFlowItem(p, item as FlowItem), 'lines'));
}

function printStage(p: Printer, stage: StageDecl): Doc {
  return headed(p, stage, 'stage', stage.items);
}

function printStep(p: Printer, step: StepDecl): Doc {
  return headed(p, step, 'step', step.braces === undefined ? undefined : step.items);
}

function printCheck(p: Printer, check: CheckDecl): Doc {
  const clauses: Doc[] = [];
  if (check.guard !== undefined) clauses.push(printGuard(p, check.guard));
  clauses.push(check.predicate === undefined ? 'external' : cat('requires ', printExpr(p, check.predicate)));
  return group(['check ', printName(p, check.code), printRef(p, check.ref), indent(clauses.map((clause) => [line, clause]))]);
}

/** An item that is its own statement, whether it stands in a step, a stage or the `migration` block. */
function printStepItem(p: Printer, item: StepItem): Doc {
  switch (item.kind) {
    case 'StepRetry':
      return cat('retry ', printName(p, item.strategy));
    case 'StepAwait':
      // An arrival deadline reads on with its `await`: `await X within 24h after MVF else fail E`.
      return item.deadline === undefined ? cat('await ', printName(p, item.artefact)) : ['await ', printName(p, item.artefact), ' ', p.inline(item.deadline, printDeadline(p, item.deadline))];
    case 'StepProduces':
      return cat('produces ', printName(p, item.artefact));
    case 'StepMayFail':
      return cat('may fail ', printNameList(p, item.codes));
    case 'Undo':
      return cat('undo ', printName(p, item.name), ' by ', printName(p, item.party), printRef(p, item.ref));
    case 'StepCommit':
      return 'commit';
    case 'Deadline':
      return printDeadline(p, item);
    case 'FailureHandler':
      return printFailureHandler(p, item);
    default:
      return assertNever(item);
  }
}

function printFailureHandler(p: Printer, handler: FailureHandler): Doc {
  const { start, clauses } = printAction(p, handler.action);
  return group([`on ${handler.trigger} `, start, indent([...clauses, refClause(p, handler.ref)])]);
}

function printDeadline(p: Printer, deadline: Deadline): Doc {
  const { start, clauses } = printAction(p, deadline.action);
  const action = [line, 'else ', start, indent(clauses)];
  return group(['within ', printLiteral(p, deadline.within), ' after ', printName(p, deadline.anchor), indent([action, refClause(p, deadline.ref)])]);
}

/** A trailing `ref "s"`, a clause of its own when its item breaks. */
function refClause(p: Printer, ref: Ref | undefined): Doc {
  return ref === undefined ? '' : [line, p.inline(ref, cat('ref ', printLiteral(p, ref.section)))];
}

/** An action: the part that stays with its trigger, and the clauses that break onto lines of their own (`then …`, `else fail …`). */
function printAction(p: Printer, action: Action): { start: Doc; clauses: Doc[] } {
  switch (action.kind) {
    case 'Fail':
      return { start: p.inline(action, cat('fail ', printName(p, action.code))), clauses: [] };
    case 'Rollback':
      return { start: p.inline(action, cat('rollback then fail ', printName(p, action.code))), clauses: [] };
    case 'Incident': {
      const then = action.then;
      const thenText = then.kind === 'Continue' ? 'continue' : then.kind === 'RetryStep' ? 'retry' : then.kind === 'Fail' ? cat('fail ', printName(p, then.code)) : '';
      const clauses: Doc[] = [[line, 'then ', p.inline(then, thenText)]];
      if (action.elseCode !== undefined) clauses.push([line, 'else fail ', printName(p, action.elseCode)]);
      // The incident's own comments wrap its first part and its last clause.
      const start = [p.leadingInline(action), 'incident resolved by ', join(' or ', action.resolvers.map((resolver) => printName(p, resolver)))];
      clauses.push(p.trailingInline(action));
      return { start, clauses };
    }
    case 'Missing':
      return { start: '', clauses: [] };
    default:
      return assertNever(action);
  }
}
