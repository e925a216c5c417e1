/**
 * Completion, rename and code actions: the functions of
 * `compiler/editor/` at the cursor, their answers turned into the
 * protocol's items and edits.
 */
import { actionsFor, completionsAt, prepareRename, renameAt, type CompletionKind } from '../../compiler/index.js';
import type { Diagnostic, TextEdit as PolicyEdit } from '../../grammar/index.js';
import {
  CodeActionKind,
  CompletionItemKind,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { currentDiagnostics, toLspDiagnostic, uriFor, type SpanMapper } from '../diagnostics.js';
import { cursorAt, inOrder, type FeatureContext } from './context.js';

const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  party: CompletionItemKind.Class,
  artefact: CompletionItemKind.Struct,
  report: CompletionItemKind.Interface,
  error: CompletionItemKind.Enum,
  retry: CompletionItemKind.Event,
  cohort: CompletionItemKind.Module,
  group: CompletionItemKind.TypeParameter,
  stage: CompletionItemKind.Module,
  step: CompletionItemKind.Function,
  undo: CompletionItemKind.Method,
  field: CompletionItemKind.Field,
  member: CompletionItemKind.EnumMember,
  section: CompletionItemKind.Reference,
  duration: CompletionItemKind.Unit,
};

/**
 * Past this many items a list is cut to the ones whose letters the typed
 * word holds in order, and marked incomplete so that the editor asks again
 * as the author types: a policy with two thousand codes would otherwise
 * send them all after every `fail `.
 */
const completionLimit = 200;

export function completion(context: FeatureContext, uri: string, position: Position): CompletionList {
  const cursor = cursorAt(context, uri, position);
  const file = cursor === undefined ? undefined : context.files.load(cursor.path).file;
  const view = cursor === undefined ? undefined : context.views.of(cursor.path)[0];
  if (cursor === undefined || file === undefined || view === undefined) return { isIncomplete: false, items: [] };
  const { replace, items } = completionsAt(file, view.table, cursor.offset);
  const typed = file.text.slice(replace.start, cursor.offset).toLowerCase();
  const chosen = items.length <= completionLimit ? items : items.filter((item) => inOrder(item.label.toLowerCase(), typed)).slice(0, completionLimit);
  const range = context.files.linesOf(cursor.path).rangeOf(replace);
  return {
    isIncomplete: chosen.length < items.length,
    items: chosen.map((item, index) => {
      const result: CompletionItem = { label: item.label, kind: completionKinds[item.kind], textEdit: { range, newText: item.label }, sortText: String(index).padStart(5, '0') };
      if (item.detail !== undefined) result.detail = item.detail;
      return result;
    }),
  };
}

export function prepare(context: FeatureContext, uri: string, position: Position): { range: Range; placeholder: string } | ResponseError<void> | null {
  const cursor = cursorAt(context, uri, position);
  if (cursor === undefined) return null;
  const tables = context.views.of(cursor.path).map((view) => view.table);
  const found = prepareRename(tables, cursor.path, cursor.offset);
  if (found === undefined) return null;
  if (found.kind === 'refused') return new ResponseError(LSPErrorCodes.RequestFailed, found.message);
  return { range: context.files.linesOf(cursor.path).rangeOf(found.span), placeholder: found.name };
}

export function rename(context: FeatureContext, uri: string, position: Position, newName: string): WorkspaceEdit | ResponseError<void> | null {
  const cursor = cursorAt(context, uri, position);
  if (cursor === undefined) return null;
  const tables = context.views.of(cursor.path).map((view) => view.table);
  const result = renameAt(tables, cursor.path, cursor.offset, newName);
  if (result.kind === 'none') return null;
  if (result.kind === 'refused') return new ResponseError(LSPErrorCodes.RequestFailed, result.message);
  return workspaceEdit(context, result.edits);
}

/** The quick fixes for the diagnostics of the document that touch `range`, from the diagnostics as they are now. */
export function codeActions(context: FeatureContext, uri: string, range: Range, checked: (path: string) => readonly Diagnostic[], moved: SpanMapper, related: boolean): CodeAction[] {
  const cursor = cursorAt(context, uri, range.start);
  if (cursor === undefined) return [];
  const lines = context.files.linesOf(cursor.path);
  const wanted = lines.spanOf(range);
  const file = context.files.load(cursor.path).file;
  const actions: CodeAction[] = [];
  for (const current of currentDiagnostics(context.files, cursor.path, checked(cursor.path), moved)) {
    if (current.span.end < wanted.start || current.span.start > wanted.end) continue;
    const diagnostic = toLspDiagnostic(context.files, current.diagnostic, current.span, moved, related);
    actionsFor({ ...current.diagnostic, span: current.span, fixes: current.fixes }, file).forEach((fix, index) => {
      actions.push({ title: fix.message, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: index === 0 && current.fixes.length > 0, edit: workspaceEdit(context, fix.edits) });
    });
  }
  return actions;
}

function workspaceEdit(context: FeatureContext, edits: readonly PolicyEdit[]): WorkspaceEdit {
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const uri = uriFor(context.files, edit.file);
    const list = byUri.get(uri) ?? [];
    list.push({ range: context.files.linesOf(edit.file).rangeOf(edit.span), newText: edit.text });
    byUri.set(uri, list);
  }
  return { changes: Object.fromEntries(byUri) };
}
