/**
 * Chevrotain's error messages, reshaped for the catalog. The provider
 * returns "expected\u0000found" pairs; `parse` turns them into
 * `unexpected-token` diagnostics.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

export const messageSeparator = '\u0000';

export function describeToken(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'the end of the file';
  const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
  return `\`${image}\``;
}

function describeType(type: TokenType): string {
  // Only the top level can expect the end of the file, where a declaration may come instead.
  if (type.name === 'EOF') return expectations.file;
  return type.LABEL ?? `\`${type.name}\``;
}

/** Lists alternatives as "a, b or c", each once, in first-seen order. */
export function oneOf(descriptions: readonly string[]): string {
  const unique = [...new Set(descriptions)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  if (unique.length > 6) return `${unique.slice(0, 5).join(', ')} or something else`;
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function pair(expected: string, found: IToken): string {
  return `${expected}${messageSeparator}${describeToken(found)}`;
}

/** What each place expects, in words, for messages. */
export const expectations = {
  file: 'a declaration such as `party`, `error` or `migration`',
  migrationItem: 'a stage, a step, a check, `on failure` or a deadline',
  stageItem: 'a step, a check, `on failure` or a deadline',
  stepItem: 'a step item such as `retry`, `await`, `undo` or `on failure`',
  retryItem: '`tier`, `within`, `attempts`, `timeout` or `jitter`',
  error: '`report`, `resubmit` or `responsible`',
  cohort: '`group`',
  installation: 'a field, `NAME: TYPE`',
};

/** What a rule with many alternatives expects, in words. */
const ruleExpectations: Record<string, string> = {
  topItem: expectations.file,
  stageItem: expectations.stageItem,
  stepItem: expectations.stepItem,
  retryItem: expectations.retryItem,
  errorItem: expectations.error,
  action: '`fail`, `rollback` or `incident`',
  primary: 'an expression',
  notExpr: 'an expression',
  comparison: 'an expression',
};

export const syntaxErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return pair(describeType(expected), actual);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return pair('a declaration', firstRedundant);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const described = ruleExpectations[ruleName];
    if (described !== undefined) return pair(described, actual[0]!);
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => (path[0] ? describeType(path[0]) : '')));
    return pair(oneOf(firsts.filter((d) => d !== '')), actual[0]!);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const described = ruleExpectations[ruleName];
    if (described !== undefined) return pair(described, actual[0]!);
    const firsts = expectedIterationPaths.map((path) => (path[0] ? describeType(path[0]) : ''));
    return pair(oneOf(firsts.filter((d) => d !== '')), actual[0]!);
  },
};
