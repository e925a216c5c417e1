/**
 * Operators from other languages (`&&`, `||`, `!`, `===`, `!==`). Each
 * lexes as one token that the lexer reads as the mpol operator it stands
 * for, reported once with that operator as the help and the fix: the
 * expression parses as intended, so a guard written `a && b` keeps the
 * step's body and everything after it checked in the same run.
 */
import type { Span } from './ast.js';
import { replaceFix, type DiagnosticExtras } from './diagnostic.js';

/** What each foreign operator is written as in mpol. */
const mplOperators = new Map<string, string>([
  ['&&', 'and'],
  ['||', 'or'],
  ['!', 'not'],
  ['===', '=='],
  ['!==', '!='],
]);

/** The mpol operator a foreign operator stands for. */
export function mpolOperator(image: string): string | undefined {
  return mplOperators.get(image);
}

/**
 * The help and the fix of a foreign operator at `span` of `text`: a word
 * operator gets the spaces it needs to stay a word (`a&&b` becomes
 * `a and b`, `!x` becomes `not x`).
 */
export function foreignOperatorExtras(file: string, text: string, span: Span, written: string, operator: string): DiagnosticExtras {
  const isWord = /^[a-z]+$/.test(operator);
  const before = text[span.start - 1] ?? ' ';
  const after = text[span.end] ?? ' ';
  const replacement = isWord ? `${/[\s(]/.test(before) ? '' : ' '}${operator}${/[\s)]/.test(after) ? '' : ' '}` : operator;
  return { help: `write \`${operator}\``, fixes: [{ ...replaceFix(file, span, written, operator), edits: [{ file, span, text: replacement }] }] };
}
