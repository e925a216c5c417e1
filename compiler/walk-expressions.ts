/**
 * Visits every top-level expression of a file: guards and check
 * predicates, each with how messages name its place.
 */
import type { Expr, SourceFile, StageItem } from '../grammar/index.js';

type ExpressionVisitor = (expr: Expr, context: string) => void;

export function forEachExpression(tree: SourceFile, visit: ExpressionVisitor): void {
  for (const item of tree.items) {
    if (item.kind !== 'Migration') continue;
    for (const flowItem of item.items) {
      if (flowItem.kind === 'Stage') {
        if (flowItem.guard) visit(flowItem.guard.expr, 'a guard');
        for (const inner of flowItem.items) visitItem(inner, visit);
      } else visitItem(flowItem, visit);
    }
  }
}

function visitItem(item: StageItem, visit: ExpressionVisitor): void {
  if (item.kind !== 'Check' && item.kind !== 'Step') return;
  if (item.guard) visit(item.guard.expr, 'a guard');
  if (item.kind === 'Check' && item.predicate) visit(item.predicate, "a check's predicate");
}
