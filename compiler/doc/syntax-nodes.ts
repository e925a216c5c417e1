/**
 * Declarations and items as a reader names them ("retry strategy
 * `IocS1sp`", "tier `short`"), and the items inside each: what the
 * assumptions appendix needs to say what a comment is about.
 */
import { assertNever, childrenOf, type MigrationItem, type StepItem, type SyntaxNode, type TopItem } from '../../grammar/index.js';
import type * as A from '../../grammar/index.js';
import { nameOf, text } from '../ast-values.js';

/** A declaration, or an item inside one, that a comment may be about. */
export type Node = TopItem | MigrationItem | StepItem | A.ErrorItem | A.RetryItem | A.FieldDecl | A.GroupDecl;

const itemKinds: ReadonlySet<string> = new Set<Node['kind']>([
  'Policy', 'Import', 'Section', 'Party', 'Artefact', 'Report', 'Installation', 'Field', 'Error', 'ErrorReports', 'ErrorResubmit',
  'ErrorResponsible', 'Retry', 'Tier', 'RetryWithin', 'RetryAttempts', 'RetryTimeout', 'RetryJitter', 'Cohort', 'Group', 'Exclusion',
  'Migration', 'Stage', 'Check', 'Step', 'StepRetry', 'StepAwait', 'Deadline', 'StepProduces', 'StepMayFail', 'Undo', 'StepCommit',
  'FailureHandler',
]);

export function isItem(node: SyntaxNode): node is Node {
  return itemKinds.has(node.kind);
}

/** The declarations or items directly inside `node`, in source order. */
export function itemsIn(node: SyntaxNode): Node[] {
  return childrenOf(node).filter(isItem);
}

const named = (word: string, name: A.Name): string => `${word} \`${nameOf(name) ?? '?'}\``;

export function describeNode(node: Node): string {
  switch (node.kind) {
    case 'Policy':
      return 'policy';
    case 'Import':
      return `import "${text(node.path)}"`;
    case 'Section':
      return `section ${text(node.number)}`;
    case 'Party':
      return named('party', node.name);
    case 'Artefact':
      return named('artefact', node.name);
    case 'Report':
      return named('report', node.name);
    case 'Installation':
      return 'installation fields';
    case 'Field':
      return named('installation field', node.name);
    case 'Error':
      return named('error code', node.name);
    case 'ErrorReports':
      return 'reports';
    case 'ErrorResubmit':
      return 'resubmission';
    case 'ErrorResponsible':
      return 'responsible party';
    case 'Retry':
      return named('retry strategy', node.name);
    case 'Tier':
      return named('tier', node.name);
    case 'RetryWithin':
      return 'total retry period';
    case 'RetryAttempts':
      return 'attempt limit';
    case 'RetryTimeout':
      return 'attempt timeout';
    case 'RetryJitter':
      return 'jitter';
    case 'Cohort':
      return named('cohort', node.name);
    case 'Group':
      return named('group', node.name);
    case 'Exclusion':
      return 'exclusion';
    case 'Migration':
      return 'migration';
    case 'Stage':
      return named('stage', node.name);
    case 'Check':
      return named('check', node.code);
    case 'Step':
      return named('step', node.name);
    case 'StepRetry':
      return 'retry strategy of a step';
    case 'StepAwait':
      return 'awaited artefact';
    case 'Deadline':
      return 'deadline';
    case 'StepProduces':
      return 'produced artefact';
    case 'StepMayFail':
      return 'codes a handler may name';
    case 'Undo':
      return named('undo', node.name);
    case 'StepCommit':
      return 'commit';
    case 'FailureHandler':
      return `on ${node.trigger}`;
    default:
      return assertNever(node);
  }
}
