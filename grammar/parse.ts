/**
 * `parse`: text to a syntax tree and diagnostics. Never throws for any
 * input; one reused parser instance serves every call.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, SourceFile } from './ast.js';
import { compareDiagnostics, diagnostic, type Diagnostic } from './diagnostic.js';
import { lex } from './lexer.js';
import { keywordExtras } from './misspelt-keywords.js';
import type { Keyword } from './tokens.js';
import { PolicyParser } from './parser.js';
import { messageSeparator } from './syntax-errors.js';

export interface ParseResult {
  readonly tree: SourceFile;
  /** Line and block comments, in order. */
  readonly comments: readonly Comment[];
  /**
   * Words and string values in text that recovery skipped: names that may
   * be declared there, whose uses the compiler then does not call unknown.
   */
  readonly unread: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

class Parser extends PolicyParser {
  run(tokens: IToken[], file: string): { tree: SourceFile; nodeDiagnostics: Diagnostic[]; misspelt: ReadonlyMap<IToken, Keyword>; explained: ReadonlySet<IToken>; unread: ReadonlySet<string> } {
    this.begin(tokens, file);
    const tree = this.sourceFile();
    return { tree, nodeDiagnostics: this.nodeDiagnostics, misspelt: this.misspelt, explained: this.explained, unread: this.unread };
  }
}

let parser: Parser | undefined;

/** The one parser instance, for what else asks the grammar (`expected.ts`). */
export function sharedParser(): PolicyParser {
  parser ??= new Parser();
  return parser;
}

export function parse(text: string, file: string): ParseResult {
  parser ??= new Parser();
  const lexed = lex(text, file);
  const { tree, nodeDiagnostics, misspelt, explained, unread } = parser.run(lexed.tokens, file);
  // A lexical error already explains the parse errors on its own tokens.
  const lexicalEnd = lexed.diagnostics.reduce((ends, d) => ends.set(d.span.start, d.span.end), new Map<number, number>());
  // A rule that reported a mismatch itself, with a targeted help, explains Chevrotain's error there.
  const errors = parser.errors.filter((error) => !explained.has(error.token));
  const syntax = syntaxDiagnostics(errors, text, file, misspelt).filter((d) => !lexicalEnd.has(d.span.start) && !afterLexicalError(d, lexed.tokens, lexed.diagnostics));
  const nodes = nodeDiagnostics.filter((d) => !afterLexicalError(d, lexed.tokens, lexed.diagnostics));
  const diagnostics = [...lexed.diagnostics, ...syntax, ...nodes].sort(compareDiagnostics);
  return { tree, comments: lexed.comments, diagnostics, unread };
}

/**
 * Whether `d` is a syntax error at the token right after a character the
 * lexer dropped (`installation.type = Prepay`, `type = A | B`): the
 * lexical error explains it. One with a fix, such as a misspelt keyword
 * (`; reqiures`), is a mistake of its own.
 */
function afterLexicalError(d: Diagnostic, tokens: readonly IToken[], lexical: readonly Diagnostic[]): boolean {
  if (d.code !== 'unexpected-token' || lexical.length === 0 || d.fixes.length > 0) return false;
  const index = tokens.findIndex((token) => token.startOffset === d.span.start);
  const before = index > 0 ? tokens[index - 1]! : undefined;
  const from = before === undefined ? 0 : before.startOffset + before.image.length;
  return lexical.some((l) => l.span.start >= from && l.span.start < d.span.start);
}

/**
 * One diagnostic per mistake: after an error, recovery may trip again on
 * the tokens it skipped; those follow-on errors are dropped.
 */
function syntaxDiagnostics(errors: readonly IRecognitionException[], text: string, file: string, misspelt: ReadonlyMap<IToken, Keyword>): Diagnostic[] {
  const result: Diagnostic[] = [];
  let coveredUntil = -1;
  for (const error of errors) {
    const token = error.token;
    const start = Number.isNaN(token.startOffset) ? text.length : token.startOffset;
    if (start <= coveredUntil) continue;
    const [expected = 'something else', found = 'this'] = error.message.split(messageSeparator);
    const end = token.tokenType.name === 'EOF' ? start : start + token.image.length;
    const word = misspelt.get(token);
    result.push(diagnostic('unexpected-token', file, { start, end }, { expected, found }, word === undefined ? {} : keywordExtras(file, { start, end }, token.image, word)));
    const resynced = error.resyncedTokens;
    const last = resynced.length > 0 ? resynced[resynced.length - 1]! : token;
    coveredUntil = Math.max(end, Number.isNaN(last.startOffset) ? end : last.startOffset + last.image.length);
  }
  return result;
}
