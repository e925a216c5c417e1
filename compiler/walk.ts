/**
 * Walks over a syntax tree that several passes share: the declarations a
 * file introduces, the names it refers to (with the kinds each place
 * accepts), its `ref`s and its expressions.
 */
import { assertNever, type Action, type Expr, type Ident, type Name, type Ref, type SourceFile, type StageItem, type StepItem } from '../grammar/index.js';
import type { DeclKind, DeclNode } from './symbols.js';

type DeclVisitor = (kind: DeclKind, node: DeclNode, name: Name, cohort: string | undefined) => void;

export function forEachNamedDecl(tree: SourceFile, visit: DeclVisitor): void {
  for (const item of tree.items) {
    switch (item.kind) {
      case 'Party':
        visit('party', item, item.name, undefined);
        break;
      case 'Artefact':
        visit('artefact', item, item.name, undefined);
        break;
      case 'Report':
        visit('report', item, item.name, undefined);
        break;
      case 'Error':
        visit('error', item, item.name, undefined);
        break;
      case 'Retry':
        visit('retry', item, item.name, undefined);
        break;
      case 'Cohort':
        visit('cohort', item, item.name, undefined);
        for (const group of item.groups) visit('group', group, group.name, item.name.kind === 'Ident' ? item.name.name : '');
        break;
      case 'Migration':
        for (const flowItem of item.items) {
          if (flowItem.kind === 'Stage') {
            visit('stage', flowItem, flowItem.name, undefined);
            for (const inner of flowItem.items) visitStepDecls(inner, visit);
          } else visitStepDecls(flowItem, visit);
        }
        break;
      default:
        break;
    }
  }
}

function visitStepDecls(item: StageItem, visit: DeclVisitor): void {
  if (item.kind !== 'Step') return;
  visit('step', item, item.name, undefined);
  for (const stepItem of item.items) if (stepItem.kind === 'Undo') visit('undo', stepItem, stepItem.name, undefined);
}

type ReferenceVisitor = (name: Ident, expected: readonly DeclKind[]) => void;

const PARTY: readonly DeclKind[] = ['party'];
const ERROR: readonly DeclKind[] = ['error'];
const ARTEFACT: readonly DeclKind[] = ['artefact'];
const ANCHOR: readonly DeclKind[] = ['artefact', 'step'];
const REPORT: readonly DeclKind[] = ['report'];
const RETRY: readonly DeclKind[] = ['retry'];
const COHORT: readonly DeclKind[] = ['cohort'];
const GROUP: readonly DeclKind[] = ['group'];

export function forEachReference(tree: SourceFile, visit: ReferenceVisitor): void {
  const name = (node: Name | undefined, expected: readonly DeclKind[]): void => {
    if (node !== undefined && node.kind === 'Ident') visit(node, expected);
  };
  for (const item of tree.items) {
    switch (item.kind) {
      case 'Artefact':
        name(item.producer, PARTY);
        break;
      case 'Report':
        name(item.recipient, PARTY);
        break;
      case 'Error':
        for (const errorItem of item.items) {
          if (errorItem.kind === 'ErrorReports') for (const report of errorItem.reports) name(report, REPORT);
          if (errorItem.kind === 'ErrorResponsible') name(errorItem.party, PARTY);
        }
        break;
      case 'Migration':
        for (const flowItem of item.items) {
          if (flowItem.kind === 'Stage') {
            name(flowItem.party, PARTY);
            if (flowItem.guard) forEachExprName(flowItem.guard.expr, visit);
            for (const inner of flowItem.items) stageItemReferences(inner, name, visit);
          } else stageItemReferences(flowItem, name, visit);
        }
        break;
      default:
        break;
    }
  }
}

function stageItemReferences(item: StageItem, name: (node: Name | undefined, expected: readonly DeclKind[]) => void, visit: ReferenceVisitor): void {
  switch (item.kind) {
    case 'Check':
      name(item.code, ERROR);
      if (item.guard) forEachExprName(item.guard.expr, visit);
      if (item.predicate) forEachExprName(item.predicate, visit);
      break;
    case 'Step':
      name(item.party, PARTY);
      if (item.guard) forEachExprName(item.guard.expr, visit);
      for (const stepItem of item.items) stepItemReferences(stepItem, name);
      break;
    case 'FailureHandler':
      actionReferences(item.action, name);
      break;
    case 'Deadline':
      name(item.anchor, ANCHOR);
      actionReferences(item.action, name);
      break;
    default:
      assertNever(item);
  }
}

function stepItemReferences(item: StepItem, name: (node: Name | undefined, expected: readonly DeclKind[]) => void): void {
  switch (item.kind) {
    case 'StepRetry':
      return name(item.strategy, RETRY);
    case 'StepAwait':
      name(item.artefact, ARTEFACT);
      if (item.deadline === undefined) return;
      name(item.deadline.anchor, ANCHOR);
      return actionReferences(item.deadline.action, name);
    case 'StepProduces':
      return name(item.artefact, ARTEFACT);
    case 'StepMayFail':
      for (const code of item.codes) name(code, ERROR);
      return;
    case 'Undo':
      return name(item.party, PARTY);
    case 'Deadline':
      name(item.anchor, ANCHOR);
      return actionReferences(item.action, name);
    case 'FailureHandler':
      return actionReferences(item.action, name);
    case 'StepCommit':
      return;
    default:
      assertNever(item);
  }
}

function actionReferences(action: Action, name: (node: Name | undefined, expected: readonly DeclKind[]) => void): void {
  switch (action.kind) {
    case 'Fail':
    case 'Rollback':
      return name(action.code, ERROR);
    case 'Incident':
      for (const resolver of action.resolvers) name(resolver, PARTY);
      if (action.then.kind === 'Fail') name(action.then.code, ERROR);
      return name(action.elseCode, ERROR);
    case 'Missing':
      return;
    default:
      assertNever(action);
  }
}

/** Visits the cohort and group names an expression mentions. */
export function forEachExprName(expr: Expr, visit: ReferenceVisitor): void {
  switch (expr.kind) {
    case 'Binary':
      forEachExprName(expr.left, visit);
      return forEachExprName(expr.right, visit);
    case 'Not':
      return forEachExprName(expr.operand, visit);
    case 'CohortIs':
      if (expr.cohort.kind === 'Ident') visit(expr.cohort, COHORT);
      return;
    case 'GroupIs':
      if (expr.group.kind === 'Ident') visit(expr.group, GROUP);
      return;
    default:
      return;
  }
}

/** Visits every `ref "..."` of a file. */
export function forEachRef(tree: SourceFile, visit: (ref: Ref) => void): void {
  const maybe = (ref: Ref | undefined): void => {
    if (ref !== undefined) visit(ref);
  };
  for (const item of tree.items) {
    if (item.kind === 'Error' || item.kind === 'Retry' || item.kind === 'Exclusion') maybe(item.ref);
    if (item.kind !== 'Migration') continue;
    for (const flowItem of item.items) {
      if (flowItem.kind === 'Stage') {
        maybe(flowItem.ref);
        for (const inner of flowItem.items) stageItemRefs(inner, maybe);
      } else stageItemRefs(flowItem, maybe);
    }
  }
}

function stageItemRefs(item: StageItem, maybe: (ref: Ref | undefined) => void): void {
  if (item.kind === 'Check' || item.kind === 'FailureHandler' || item.kind === 'Deadline') maybe(item.ref);
  if (item.kind !== 'Step') return;
  maybe(item.ref);
  for (const stepItem of item.items) {
    if (stepItem.kind === 'Undo' || stepItem.kind === 'FailureHandler' || stepItem.kind === 'Deadline') maybe(stepItem.ref);
    else if (stepItem.kind === 'StepAwait') maybe(stepItem.deadline?.ref);
  }
}
