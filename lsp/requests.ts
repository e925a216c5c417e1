/**
 * The requests the server answers, each a feature of `features/` behind
 * the same guard, and the capabilities it announces for them.
 */
import { semanticTokenModifiers, semanticTokenTypes } from '../compiler/index.js';
import {
  CodeActionKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { CheckScheduler } from './check-scheduler.js';
import type { FeatureContext } from './features/context.js';
import { codeActions, completion, prepare, rename } from './features/editing.js';
import { definition, highlights, hover, references } from './features/navigation.js';
import { formatDocument, formatDocumentRange, noProjectOptions, type Formatted } from './features/formatting.js';
import type { ProjectFormatOptions } from './environment.js';
import { pathOf } from './uris.js';
import { foldingRanges, inlayHints, selectionRanges, semanticTokens } from './features/structure.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { documentLinks } from './features/links.js';
import { flowDiagrams, policies } from './features/policy-views.js';
import { flowDiagramsMethod, policiesMethod, type FlowDiagramsParams, type PoliciesParams } from './protocol.js';

export const serverCapabilities: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  completionProvider: { triggerCharacters: ['.', ' ', '"'] },
  renameProvider: { prepareProvider: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] }, full: true, range: true },
  inlayHintProvider: true,
  documentLinkProvider: { resolveProvider: false },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

export interface RequestDependencies {
  readonly context: FeatureContext;
  /** Resolves once the workspace folders have been read: cross-file requests wait for it. */
  readonly indexed: Promise<void>;
  readonly scheduler: CheckScheduler;
  readonly capabilities: () => ClientCapabilities;
  readonly log: (message: string) => void;
  /** The project's formatting options for a file (`ServerEnvironment.formatOptions`). */
  readonly formatOptions: ((path: string) => Promise<ProjectFormatOptions>) | undefined;
}

export function registerRequests(connection: Connection, { context, indexed, scheduler, capabilities, log, formatOptions }: RequestDependencies): void {
  const guard = <P, R>(name: string, fallback: R, work: (params: P) => R | Promise<R>) => guarded(log, name, fallback, work);

  connection.onHover(guard('hover', null, (params) => hover(context, params.textDocument.uri, params.position)));
  connection.onDefinition(guard('definition', [], async (params) => {
    await indexed;
    return definition(context, params.textDocument.uri, params.position);
  }));
  connection.onReferences(guard('references', [], async (params) => {
    await indexed;
    return references(context, params.textDocument.uri, params.position, params.context.includeDeclaration);
  }));
  connection.onDocumentHighlight(guard('highlights', [], (params) => highlights(context, params.textDocument.uri, params.position)));
  connection.onDocumentSymbol(guard('document symbols', [], (params) => documentSymbols(context, params.textDocument.uri, capabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true)));
  connection.onWorkspaceSymbol(guard('workspace symbols', [], async (params) => {
    await indexed;
    return workspaceSymbols(context, params.query);
  }));

  connection.onCompletion(guard('completion', { isIncomplete: false, items: [] }, (params) => completion(context, params.textDocument.uri, params.position)));
  connection.onPrepareRename(guard('prepare rename', null, async (params) => {
    await indexed;
    return prepare(context, params.textDocument.uri, params.position);
  }));
  connection.onRenameRequest(guard('rename', null, async (params) => {
    await indexed;
    return rename(context, params.textDocument.uri, params.position, params.newName);
  }));
  connection.onCodeAction(guard('code actions', [], (params) =>
    codeActions(context, params.textDocument.uri, params.range, (path) => scheduler.diagnosticsOf(path), scheduler.moved, capabilities().textDocument?.publishDiagnostics?.relatedInformation === true),
  ));
  connection.onFoldingRanges(guard('folding ranges', [], (params) => foldingRanges(context, params.textDocument.uri)));
  connection.onSelectionRanges(guard('selection ranges', [], (params) => selectionRanges(context, params.textDocument.uri, params.positions)));
  connection.languages.semanticTokens.on(guard('semantic tokens', { data: [] }, (params) => semanticTokens(context, params.textDocument.uri, undefined)));
  connection.languages.semanticTokens.onRange(guard('semantic tokens', { data: [] }, (params) => semanticTokens(context, params.textDocument.uri, params.range)));
  connection.onDocumentLinks(guard('document links', [], async (params) => {
    // An import may lead out of the folders: its file is read once the workspace is.
    await indexed;
    return documentLinks(context, params.textDocument.uri);
  }));
  connection.languages.inlayHint.on(guard('inlay hints', [], (params) => inlayHints(context, params.textDocument.uri, params.range)));
  // A file that cannot be formatted gets no edits, and the author a message saying why.
  const formatted = ({ edits, refusal }: Formatted) => {
    if (refusal !== undefined) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: refusal });
    return edits;
  };
  const projectOptions = async (uri: string): Promise<ProjectFormatOptions> => {
    const path = pathOf(uri);
    return path === undefined || formatOptions === undefined ? noProjectOptions : formatOptions(path);
  };
  // The options are read first: the text is the document's as it is when they arrive.
  connection.onDocumentFormatting(guard('formatting', [], async (params) => {
    const project = await projectOptions(params.textDocument.uri);
    return formatted(formatDocument(context, params.textDocument.uri, params.options, project));
  }));
  connection.onDocumentRangeFormatting(guard('range formatting', [], async (params) => {
    const project = await projectOptions(params.textDocument.uri);
    return formatted(formatDocumentRange(context, params.textDocument.uri, params.range, params.options, project));
  }));

  // The extension's views (lsp/protocol.ts).
  connection.onRequest(policiesMethod, guard('policies', { policies: [] }, async (params: PoliciesParams) => {
    await indexed;
    return policies(context, params.textDocument.uri);
  }));
  connection.onRequest(flowDiagramsMethod, guard('flow diagrams', { policies: [] }, async (params: FlowDiagramsParams) => {
    await indexed;
    return flowDiagrams(context, params.textDocument.uri);
  }));
}

/**
   * A request handler that answers `fallback` rather than an error when a
   * feature meets something it did not expect (and logs it: that is a
   * bug), and abandons a request the client cancelled.
   */
function guarded<P, R>(log: (message: string) => void, name: string, fallback: R, work: (params: P) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
      if (token.isCancellationRequested) return cancelled();
      try {
        const result = await work(params);
        return token.isCancellationRequested ? cancelled() : result;
      } catch (error) {
        log(`internal error in ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }
