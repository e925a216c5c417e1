/**
 * The compiler: binding, type checking and the static checks of a policy's
 * files, and emission of a TypeScript module for the runtime.
 *
 * Invariant: imports only `grammar/`; reaches files only through a
 * `CompilerHost`.
 */
export { checkWorkspace, Workspace, type CheckOptions, type WorkspaceResult } from './workspace.js';
export { declaresPolicy, type LoadedFile } from './workspace-files.js';
export type { PolicyPlan, WorkspacePlan } from './workspace-plan.js';
export { compilePolicy, type CompiledPolicy } from './compile.js';
export { memoryHost, joinPosix, type CompilerHost, type ReadResult } from './host.js';
export type { PolicyFile } from './context.js';
export type * from './model.js';
export type { SymbolTable, Symbol, Reference, DeclKind, FieldSymbol, FieldType, FieldReference, MemberSymbol, MemberReference, SectionSymbol, SectionReference } from './symbols.js';
export { emitPolicy, type EmitOptions } from './emit/index.js';
export { instantiatePolicy, type LoadedPolicy } from './instantiate.js';
/** Files on disk: the host over the disk, the search of folders, and one call from files to a policy object. */
export { fileSystemHost, shownPath } from './disk/host.js';
export { discoverPolicyFiles, type Discovery } from './disk/discover.js';
export { loadPolicy, PolicyLoadError, type LoadPolicyOptions } from './disk/load-policy.js';
export { diffPolicies, describeChange, formatDiffJson, formatDiffMarkdown, formatDiffText, type PolicyChange } from './diff/index.js';
export { renderDiagnostics, summary, type RenderOptions } from './render.js';
export { applyEdits, applyFixes, type AppliedFixes } from './apply-fixes.js';
export { describeKind } from './symbols.js';
export * from './editor/index.js';
export * from './diagrams/index.js';
export * from './doc/index.js';
export { retryTimeline, type RetryTimeline, type PlannedAttempt, type Draws } from './retry-timeline.js';
