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
 * Parentheses count towards a condition's depth limit (docs/language.md,
 * "Guards"), so a condition whose reader's parentheses would take it past
 * the limit is printed with only those the grammar needs: it is never
 * deeper than its source, and formatting never makes a valid policy
 * invalid.
 *
 * A chain of one operator breaks before each operator, one operand per
 * line, indented under the first: `when cohort A⏎  and group B`.
 */
import { builders } from 'prettier/doc';
import { assertNever, conditionDepthLimit, type BinaryExpr, type Expr, type Guard } from '../../grammar/index.js';
import { cat, type Printer } from './printer.js';

type Doc = builders.Doc;

const { group, indent, line } = builders;

export function printGuard(p: Printer, guard: Guard): Doc {
  return p.inline(guard, [guard.negated ? 'unless ' : 'when ', printExpr(p, guard.expr)]);
}

/** A whole condition: with the reader's parentheses when they keep it within the depth limit. */
export function printExpr(p: Printer, expr: Expr): Doc {
  return printNode(p, expr, printedDepth(expr, true) <= conditionDepthLimit);
}

/** Where an operand stands: inside `not`, a comparison, or on the left or right of `and` or `or`. */
type Outer = 'not' | 'comparison' | { readonly operator: 'and' | 'or'; readonly right: boolean };

/** Whether `inner`, an operand at `outer`, is printed in parentheses; `clarify` adds the reader's. */
function parenthesized(inner: Expr, outer: Outer, clarify: boolean): boolean {
  if (inner.kind !== 'Binary' && inner.kind !== 'Not') return false;
  if (outer === 'comparison') return true;
  if (inner.kind === 'Not') return false;
  const logical = inner.operator === 'and' || inner.operator === 'or';
  if (outer === 'not') return logical || clarify;
  if (!logical) return false;
  // The other operator: an `or` inside `and` needs them, an `and` inside `or` has them for the reader.
  if (inner.operator !== outer.operator) return outer.operator === 'and' || clarify;
  return outer.right;
}

/** The depth of `expr` as printed, parentheses counted as the parser counts them. */
function printedDepth(expr: Expr, clarify: boolean): number {
  const at = (inner: Expr, outer: Outer) => printedDepth(inner, clarify) + (parenthesized(inner, outer, clarify) ? 1 : 0);
  switch (expr.kind) {
    case 'Not':
      return 1 + at(expr.operand, 'not');
    case 'Binary': {
      const logical = expr.operator === 'and' || expr.operator === 'or' ? expr.operator : undefined;
      const left = at(expr.left, logical ? { operator: logical, right: false } : 'comparison');
      const right = at(expr.right, logical ? { operator: logical, right: true } : 'comparison');
      return 1 + Math.max(left, right);
    }
    default:
      return 1;
  }
}

function printNode(p: Printer, expr: Expr, clarify: boolean): Doc {
  return p.inline(expr, printBare(p, expr, clarify));
}

function printBare(p: Printer, expr: Expr, clarify: boolean): Doc {
  switch (expr.kind) {
    case 'Binary':
      if (expr.operator === 'and' || expr.operator === 'or') {
        const [first, ...rest] = chain(p, expr, expr.operator, clarify);
        return group([first!, indent(rest)]);
      }
      // A line comment held after the left operand ends its line: the operator starts the next.
      return cat(operand(p, expr.left, 'comparison', clarify), p.comments(expr.left).held.length > 0 ? '' : ' ', expr.operator, ' ', operand(p, expr.right, 'comparison', clarify));
    case 'Not':
      return cat('not ', operand(p, expr.operand, 'not', clarify));
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
function chain(p: Printer, expr: BinaryExpr, operator: 'and' | 'or', clarify: boolean): Doc[] {
  const left = expr.left;
  const links: Doc[] =
    left.kind === 'Binary' && left.operator === operator ? withComments(p, left, chain(p, left, operator, clarify)) : [operand(p, left, { operator, right: false }, clarify)];
  // A comment alone on its line before the right operand stays before its operator.
  const comments = p.ownLineLeading(expr.right);
  links.push([line, ...comments, operator, ' ', operand(p, expr.right, { operator, right: true }, clarify)]);
  return links;
}

/** The printed links of `node`'s chain, with the node's leading comments on the first and its trailing ones on the last. */
function withComments(p: Printer, node: Expr, links: Doc[]): Doc[] {
  const { leading, trailing } = p.comments(node);
  if (leading.length === 0 && trailing.length === 0) return links;
  const last = links.length - 1;
  return links.map((link, index) => [index === 0 ? p.leadingInline(node) : '', link, index === last ? p.trailingInline(node) : '']);
}

function operand(p: Printer, expr: Expr, outer: Outer, clarify: boolean): Doc {
  if (!parenthesized(expr, outer, clarify)) return printNode(p, expr, clarify);
  return cat('(', printNode(p, expr, clarify), ')');
}
