/**
 * What every compiler pass works in: the policy's parsed files and the
 * diagnostics reported so far.
 */
import { diagnostic, type Comment, type Diagnostic, type DiagnosticCode, type DiagnosticExtras, type MessageArgs, type Span, type SourceFile } from '../grammar/index.js';

export interface PolicyFile {
  readonly path: string;
  readonly text: string;
  readonly tree: SourceFile;
  /** Words and strings the parser's recovery skipped (`ParseResult.unread`). */
  readonly unread?: ReadonlySet<string>;
  /** The file's comments, in order, when the reader kept them (editors fold them). */
  readonly comments?: readonly Comment[];
  /** Where the file's lexical and syntax errors start, in order (`PassContext.recovered`). */
  readonly syntaxErrors?: readonly number[];
}

export class PassContext {
  readonly diagnostics: Diagnostic[] = [];

  /**
   * @param files the policy's files, its root first
   * @param elsewhere other files of the workspace that declare no policy
   *   and that this policy does not import: where an unknown name may be
   *   declared after all
   */
  constructor(
    readonly files: readonly PolicyFile[],
    readonly elsewhere: readonly PolicyFile[] = [],
  ) {}

  report<C extends DiagnosticCode>(code: C, file: string, span: Span, args: MessageArgs<C>, extras?: DiagnosticExtras): void {
    this.diagnostics.push(diagnostic(code, file, span, args, extras));
  }

  /**
   * Whether a syntax error lies inside `span` of `file`: recovery may have
   * left the node there incomplete (a tier dropped, a value read as
   * another), so a check that reasons over the node's content skips it
   * until the syntax is mended, rather than report what the error already
   * explains.
   */
  recovered(file: string, span: Span): boolean {
    const errors = this.files.find((f) => f.path === file)?.syntaxErrors ?? [];
    return errors.some((at) => at >= span.start && at <= span.end);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
