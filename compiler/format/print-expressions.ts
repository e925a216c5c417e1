/**
 * Guards and predicates. The tree keeps no parentheses; they are derived
 * from the operators (docs/decisions, "parentheses"):
 *
 * - where the grammar needs them: an `or` inside an `and`, any `and` or
 *   `or` inside `not`, anything but a value inside a comparison, and an
 *   operand on the right of `and` or `or` that is itself the same
 *   operator (`a and (b and c)`, which reads differently from
 *   `a and b and c`);
 * - for the reader: an `and` inside an `or` (`(a and b) or c`), and a
 *   comparison after `not` (`not (installation.meters > 1)`).
 *
 * Nothing else is parenthesized, so `((a))` prints `a`. The tree of the
 * printed text is the tree of the source: no meaning changes.
 *
 * A chain of one operator breaks before each operator, one operand per
 * line, indented under the first: `when cohort A⏎  and group B`.
 */
import { builders } from 'prettier/doc';
import { assertNever, type BinaryExpr, type Expr, type Guard } from '../../grammar/index.js';
import { cat, type Printer } from './printer.js';

type Doc = builders.Doc;

const { group, indent, line } = builders;

export function printGuard(p: Printer, guard: Guard): Doc {
  return p.inline(guard, [guard.negated ? 'unless ' : 'when ', printExpr(p, guard.expr)]);
}

export function printExpr(p: Printer, expr: Expr): Doc {
  return p.inline(expr, printBare(p, expr));
}

function printBare(p: Printer, expr: Expr): Doc {
  switch (expr.kind) {
    case 'Binary':
      if (expr.operator === 'and' || expr.operator === 'or') {
        const [first, ...rest] = chain(p, expr, expr.operator);
        return group([first!, indent(rest)]);
      }
      // A line comment held after the left operand ends its line: the operator starts the next.
      return cat(operand(p, expr.left, needsParensInComparison), p.comments(expr.left).held.length > 0 ? '' : ' ', expr.operator, ' ', operand(p, expr.right, needsParensInComparison));
    case 'Not':
      return cat('not ', operand(p, expr.operand, (inner) => inner.kind === 'Binary'));
    case 'CohortIs':
      return cat('cohort ', p.inline(expr.cohort, p.source(expr.cohort)));
    case 'GroupIs':
      return cat('group ', p.inline(expr.group, p.source(expr.group)));
    case 'FieldRef':
      return cat('installation.', p.inline(expr.field, p.source(expr.field)));
    case 'Bool':
    case 'Number':
    case 'Duration':
    case 'String':
    case 'Ident':
    case 'Missing':
      // Literals as written: `90m` stays `90m`, escapes stay as typed.
      return p.source(expr);
    default:
      return assertNever(expr);
  }
}

/**
 * The operands of a chain of `operator`, left-associated as parsed: the
 * first, then `[line, operator, operand]` for each further one. A nested
 * link of the chain keeps its own comments around its operands.
 */
function chain(p: Printer, expr: BinaryExpr, operator: 'and' | 'or'): Doc[] {
  const left = expr.left;
  const links: Doc[] = left.kind === 'Binary' && left.operator === operator ? withComments(p, left, chain(p, left, operator)) : [operand(p, left, (inner) => mixes(inner, operator))];
  // A comment alone on its line before the right operand stays before its operator.
  const comments = p.ownLineLeading(expr.right);
  links.push([line, ...comments, operator, ' ', operand(p, expr.right, (inner) => mixes(inner, operator) || (inner.kind === 'Binary' && inner.operator === operator))]);
  return links;
}

/** The printed links of `node`'s chain, with the node's leading comments on the first and its trailing ones on the last. */
function withComments(p: Printer, node: Expr, links: Doc[]): Doc[] {
  const { leading, trailing } = p.comments(node);
  if (leading.length === 0 && trailing.length === 0) return links;
  const last = links.length - 1;
  return links.map((link, index) => [index === 0 ? p.leadingInline(node) : '', link, index === last ? p.trailingInline(node) : '']);
}

/** Whether `inner`, an operand of `operator`, is the other logical operator: parenthesized either way. */
function mixes(inner: Expr, operator: 'and' | 'or'): boolean {
  return inner.kind === 'Binary' && (inner.operator === 'and' || inner.operator === 'or') && inner.operator !== operator;
}

function needsParensInComparison(inner: Expr): boolean {
  return inner.kind === 'Binary' || inner.kind === 'Not';
}

function operand(p: Printer, expr: Expr, parenthesize: (inner: Expr) => boolean): Doc {
  if (!parenthesize(expr)) return printExpr(p, expr);
  return cat('(', printExpr(p, expr), ')');
}
