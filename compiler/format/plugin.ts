/**
 * The Prettier 3 plugin for `.mpol` files, published as `mpol/prettier`
 * (an esbuild bundle, `dist/prettier.js`: decision 0008 says why):
 *
 *   npx prettier --plugin mpol/prettier --write "policies/**\/*.mpol"
 *
 * or `"plugins": ["mpol/prettier"]` in `.prettierrc`. It parses with the
 * project's own parser, every time: Prettier annotates the tree it is
 * given, and a tree cached elsewhere is never annotated, so none is ever
 * handed to it. The comments are handed over as Prettier expects, and
 * each is marked printed as the printer prints it, so Prettier's own check
 * ("Comment … was not printed") guards against one being lost.
 *
 * A file with syntax errors is not formatted: the parser throws Prettier's
 * kind of syntax error, with the first error's location and message.
 */
import type { AstPath, Parser, Plugin, Printer, SupportLanguage } from 'prettier';
import { LineMap, parse, type Comment, type Diagnostic, type SourceFile } from '../../grammar/index.js';
import { printPolicyDoc } from './format.js';

/** What the parser hands Prettier: a fresh wrapper around a fresh parse. */
export interface MpolRoot {
  readonly type: 'mpol-file';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tree: SourceFile;
  /** Prettier takes this list (and deletes the property) to check that every comment was printed. */
  comments?: PrettierComment[];
  /** The same comments, for the printer. */
  readonly mpolComments: readonly PrettierComment[];
}

/** A comment as Prettier tracks it: `value` for its messages, `printed` set by the printer. */
interface PrettierComment {
  readonly comment: Comment;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  printed?: boolean;
}

type Located = { readonly start: number; readonly end: number };

export const languages: SupportLanguage[] = [
  {
    name: 'mpol',
    parsers: ['mpol'],
    extensions: ['.mpol'],
    vscodeLanguageIds: ['mpol'],
  },
];

const mpolParser: Parser<MpolRoot | Located> = {
  astFormat: 'mpol',
  parse(text) {
    const parsed = parse(text, 'policy.mpol');
    if (parsed.diagnostics.length > 0) throw syntaxError(text, parsed.diagnostics);
    const comments = parsed.comments.map((comment): PrettierComment => ({ comment, value: comment.text, start: comment.start, end: comment.end }));
    return { type: 'mpol-file', start: 0, end: text.length, text, tree: parsed.tree, comments, mpolComments: comments };
  },
  locStart: (node) => node.start,
  locEnd: (node) => node.end,
};

export const parsers = { mpol: mpolParser };

const mpolPrinter: Printer<MpolRoot | Located> = {
  print(path: AstPath<MpolRoot | Located>, options) {
    const root = path.node as MpolRoot;
    const tracked = new Map(root.mpolComments.map((entry) => [entry.comment, entry]));
    const markPrinted = (comment: Comment): void => {
      const entry = tracked.get(comment);
      if (entry !== undefined) entry.printed = true;
    };
    return printPolicyDoc(root.text, root.tree, root.mpolComments.map((entry) => entry.comment), { tabWidth: options.tabWidth }, markPrinted);
  },
  // The root is the only node Prettier walks (for the cursor): the printer prints the whole file from it.
  getVisitorKeys: () => [],
};

export const printers = { mpol: mpolPrinter };

/** The plugin object, for `plugins: [plugin]` in Prettier's API. */
const plugin: Plugin<MpolRoot | Located> = { languages, parsers, printers };
export default plugin;

/**
 * Prettier's kind of syntax error: a message, and `loc` with 1-based line
 * and column, which Prettier turns into a code frame. `diagnostics` holds
 * every syntax error, for `mpol fmt` to report as `mpol check` does.
 */
export interface PolicySyntaxError extends SyntaxError {
  readonly loc: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
  readonly diagnostics: readonly Diagnostic[];
}

function syntaxError(text: string, diagnostics: readonly Diagnostic[]): PolicySyntaxError {
  const first = diagnostics[0]!;
  const lines = new LineMap(text);
  const start = lines.position(first.span.start);
  const end = lines.position(first.span.end);
  const more = diagnostics.length > 1 ? `, and ${diagnostics.length - 1} more syntax error${diagnostics.length > 2 ? 's' : ''}` : '';
  const error = new SyntaxError(`${first.message}${more} (${start.line + 1}:${start.column + 1})`);
  return Object.assign(error, { loc: { start: { line: start.line + 1, column: start.column + 1 }, end: { line: end.line + 1, column: end.column + 1 } }, diagnostics });
}
