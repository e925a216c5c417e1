/**
 * The lexer's vocabulary. Keywords are not lexer patterns: every word lexes
 * as an `Identifier` and `lex` then retags the reserved ones through a map,
 * which is far cheaper than trying sixty keyword patterns at every word.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Every word token, keywords included: for field names after `installation.`. */
export const AnyName = createToken({ name: 'AnyName', label: 'a name', pattern: Lexer.NA });
export const Identifier = createToken({ name: 'Identifier', label: 'a name', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [AnyName] });

/**
 * The reserved words by what they do, for editors: the TextMate grammar
 * and the language server's semantic tokens are generated from these
 * lists, and `test/grammar/keywords.test.ts` keeps them in step with the
 * grammar and with `docs/language.md`. Each word is in one category.
 */
export const keywordCategories = {
  /** Words that start a declaration or a named item. */
  declaration: [
    'policy', 'import', 'section', 'party', 'artefact', 'report', 'installation', 'error', 'retry', 'tier',
    'cohort', 'group', 'exclude', 'migration', 'stage', 'check', 'step', 'undo',
  ],
  /** Words inside declarations and items: clauses, triggers, actions. */
  control: [
    'version', 'by', 'to', 'resubmit', 'responsible', 'retries', 'every', 'factor', 'cap', 'within', 'attempts',
    'timeout', 'jitter', 'after', 'failed', 'requires', 'external', 'await', 'produces', 'may', 'fail', 'commit',
    'on', 'failure', 'exhausted', 'rollback', 'then', 'incident', 'resolved', 'continue', 'else', 'when',
    'unless', 'ref',
  ],
  /** The types of installation fields. */
  type: ['bool', 'text', 'number', 'duration'],
  /** Words that are values. */
  constant: ['true', 'false', 'none', 'full'],
  /** The logical operators. */
  operator: ['and', 'or', 'not'],
} as const;

export type KeywordCategory = keyof typeof keywordCategories;

const keywordWords = Object.values(keywordCategories).flat();

export type Keyword = (typeof keywordWords)[number];

/** Keyword token types by word. */
export const Keywords = Object.fromEntries(
  keywordWords.map((word) => [word, createToken({ name: `Kw_${word}`, label: `\`${word}\``, pattern: Lexer.NA, categories: [AnyName] })]),
) as Record<Keyword, TokenType>;

const keywordByWord = new Map<string, TokenType>(Object.entries(Keywords));

const categoryByWord = new Map<string, KeywordCategory>(
  Object.entries(keywordCategories).flatMap(([category, words]) => words.map((word) => [word, category as KeywordCategory] as const)),
);

/** Every reserved word, in category order. */
export const keywords: readonly Keyword[] = keywordWords;

/** The category of a reserved word, or `undefined` for a word that is not one. */
export function keywordCategory(word: string): KeywordCategory | undefined {
  return categoryByWord.get(word);
}

/** The keyword token type a word lexes as, if it is reserved. */
export function keywordFor(word: string): TokenType | undefined {
  return keywordByWord.get(word);
}

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//, group: 'comments' });
/** A `/*` with no closing `*\/`: swallows the rest of the file, reported once. */
export const OpenBlockComment = createToken({ name: 'OpenBlockComment', pattern: /\/\*[^]*/, group: 'comments' });

export const StringLiteral = createToken({ name: 'StringLiteral', label: 'a string', pattern: Lexer.NA });
export const ClosedString = createToken({ name: 'ClosedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/, categories: [StringLiteral] });
/** A string not closed before the end of its line: reported, then parsed as a string. */
export const OpenString = createToken({ name: 'OpenString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, categories: [StringLiteral] });

export const Duration = createToken({ name: 'Duration', label: 'a duration such as `30m`', pattern: /(?:\d+(?:ms|s|m|h|d))+(?![A-Za-z0-9_])/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', label: 'a number', pattern: /\d+(?:\.\d+)?/ });

export const LBrace = createToken({ name: 'LBrace', pattern: '{', label: '`{`' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}', label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: '`)`' });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: '`:`' });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`' });
export const DotDot = createToken({ name: 'DotDot', pattern: '..', label: '`..`' });
export const Dot = createToken({ name: 'Dot', pattern: '.', label: '`.`' });
export const Pipe = createToken({ name: 'Pipe', pattern: '|', label: '`|`' });
export const EqualEqual = createToken({ name: 'EqualEqual', pattern: '==', label: '`==`' });
export const NotEqual = createToken({ name: 'NotEqual', pattern: '!=', label: '`!=`' });
export const LessEqual = createToken({ name: 'LessEqual', pattern: '<=', label: '`<=`' });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: '>=', label: '`>=`' });
export const Less = createToken({ name: 'Less', pattern: '<', label: '`<`' });
export const Greater = createToken({ name: 'Greater', pattern: '>', label: '`>`' });
/**
 * An operator of other languages (`&&`, `||`, `!`, `===`, `!==`): `lex`
 * reads it as the mpol operator it stands for and reports it
 * (`foreign-operators.ts`).
 */
export const ForeignOperator = createToken({ name: 'ForeignOperator', pattern: /&&|\|\||===|!==|!(?!=)/ });

/** The tokens the lexer tries, in priority order. */
export const lexerTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  OpenBlockComment,
  ClosedString,
  OpenString,
  Duration,
  NumberLiteral,
  Identifier,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Colon,
  Comma,
  DotDot,
  Dot,
  ForeignOperator,
  Pipe,
  EqualEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
];

/** Every token type the parser knows, categories and keywords included. */
export const allTokens: TokenType[] = [...lexerTokens, AnyName, StringLiteral, ...Object.values(Keywords)];

/** Whether a token of `type` is a `category` token: that type itself, or one in its category (`Identifier` is an `AnyName`). */
export function isOf(type: TokenType, category: TokenType): boolean {
  return type === category || (type.CATEGORIES?.includes(category) ?? false);
}

function indexes(...types: TokenType[]): ReadonlySet<number> {
  return new Set(types.map((type) => type.tokenTypeIdx!));
}

const K = Keywords;

/** The tokens that can start an item of each kind of block, for recovery. */
export const itemStarters = {
  file: indexes(K.policy, K.import, K.section, K.party, K.artefact, K.report, K.installation, K.error, K.retry, K.cohort, K.exclude, K.migration),
  migration: indexes(K.stage, K.step, K.check, K.on, K.within),
  stage: indexes(K.step, K.check, K.on, K.within),
  step: indexes(K.retry, K.await, K.within, K.produces, K.may, K.undo, K.commit, K.on),
  retry: indexes(K.tier, K.within, K.attempts, K.timeout, K.jitter),
  error: indexes(K.report, K.resubmit, K.responsible),
  cohort: indexes(K.group),
  installation: indexes(Identifier, ...Object.values(Keywords)),
} as const;

/**
 * Keywords that only start declarations, never appear inside a block: a
 * block that meets one has lost its `}`, so skipping stops there.
 */
export const declarationOnly = indexes(K.policy, K.import, K.section, K.party, K.artefact, K.error, K.exclude, K.migration);
