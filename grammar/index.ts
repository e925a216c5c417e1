/**
 * The syntax layer: lexer, parser, syntax tree, and the diagnostic type
 * and message catalog every later stage reports through.
 *
 * Invariant: this folder imports nothing else from the repository.
 */
export type * from './ast.js';
export { assertNever } from './ast.js';
export { compareDiagnostics, diagnostic, nearNameExtras, replaceFix, type Diagnostic, type DiagnosticExtras, type Fix, type Note, type Severity, type TextEdit } from './diagnostic.js';
export { diagnosticCodes, messages, unnecessaryCodes, type DiagnosticCode, type MessageArgs } from './messages.js';
export { lex, type LexResult } from './lexer.js';
export { parse, type ParseResult } from './parse.js';
export { conditionDepthLimit } from './parser-condition-depth.js';
export { LineMap, type Position } from './line-map.js';
export { decodeString, encodeString, exactNumber } from './literals.js';
export { formatDuration, parseDuration } from '../common/duration.js';
export { suggest } from './suggest.js';
export { childKeys, childrenOf, forEachChild, nodeAt, nodePathAt } from './visit.js';
export { keywordCategories, keywordCategory, keywords, type Keyword, type KeywordCategory } from './tokens.js';
export { expectedAt, type ExpectedAt } from './expected.js';
