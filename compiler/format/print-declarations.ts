/**
 * The declarations of a file and their blocks. A declaration whose only
 * long part is a title stays on one line: strings never break. Blocks of
 * declarations (`installation`, `retry`, `cohort`) have one item per line;
 * an error's block stays on its line while it fits (`{ report R1 resubmit }`).
 */
import { builders } from 'prettier/doc';
import { assertNever, type EnumType, type ErrorItem, type FieldDecl, type RetryItem, type SourceFile, type SyntaxNode, type TopItem } from '../../grammar/index.js';
import { printMigration } from './print-flow.js';
import { printLiteral, printName, printNameList, printRef } from './print-names.js';
import { cat, type Printer } from './printer.js';

type Doc = builders.Doc;

const { group, hardline, indent, line } = builders;

/** The whole file: its declarations, blank lines kept, and a final line break. */
export function printFile(p: Printer, tree: SourceFile): Doc {
  const { dangling } = p.comments(tree);
  const body = tree.items.length > 0 ? p.lines(tree.items, (item) => printTopItem(p, item as TopItem)) : p.dangling(dangling);
  return body.length === 0 ? '' : [...body, hardline];
}

export function printTopItem(p: Printer, item: TopItem): Doc {
  switch (item.kind) {
    case 'Policy':
      return cat('policy ', printName(p, item.name), ' version ', printLiteral(p, item.version), ' ', printLiteral(p, item.title));
    case 'Import':
      return cat('import ', printLiteral(p, item.path));
    case 'Section':
      return cat('section ', printLiteral(p, item.number), ' ', printLiteral(p, item.title));
    case 'Party':
      return cat('party ', printName(p, item.name), ' ', printLiteral(p, item.title));
    case 'Artefact':
      return cat('artefact ', printName(p, item.name), ' ', printLiteral(p, item.title), ' by ', printName(p, item.producer));
    case 'Report':
      return cat('report ', printName(p, item.name), ' ', printLiteral(p, item.title), ' to ', printName(p, item.recipient));
    case 'Installation':
      return cat('installation ', p.block(item, item.fields, (field) => printField(p, field as FieldDecl), 'lines'));
    case 'Error': {
      const head = cat('error ', printName(p, item.name), ' ', printLiteral(p, item.title), printRef(p, item.ref));
      if (item.braces === undefined) return head;
      return [head, ' ', p.block(item, item.items, (errorItem) => printErrorItem(p, errorItem as ErrorItem), 'fit')];
    }
    case 'Retry':
      return cat('retry ', printName(p, item.name), printRef(p, item.ref), ' ', p.block(item, item.items, (retryItem) => printRetryItem(p, retryItem as RetryItem), 'lines'));
    case 'Cohort': {
      const head = cat('cohort ', printName(p, item.name), ' ', printLiteral(p, item.title));
      if (item.braces === undefined) return head;
      const printGroup = (node: SyntaxNode): Doc => (node.kind === 'Group' ? cat('group ', printName(p, node.name), ' ', printLiteral(p, node.title)) : '');
      return [head, ' ', p.block(item, item.groups, printGroup, 'lines')];
    }
    case 'Exclusion':
      return cat('exclude after ', printLiteral(p, item.attempts), ' failed attempts', printRef(p, item.ref));
    case 'Migration':
      return printMigration(p, item);
    default:
      return assertNever(item);
  }
}

function printField(p: Printer, field: FieldDecl): Doc {
  const name = printName(p, field.name);
  const type = field.type;
  if (type.kind !== 'EnumType') return cat(name, ': ', p.inline(type, type.kind === 'PrimitiveType' ? type.name : ''));
  return cat(name, ': ', p.inline(type, printMembers(p, type)));
}

/** `A | B | C`, or, when they do not fit, the first member and then one a line, each after its `|`. */
function printMembers(p: Printer, type: EnumType): Doc {
  const [first, ...rest] = type.members.map((member) => printName(p, member));
  return group([first ?? '', indent(rest.map((member) => [line, '| ', member]))]);
}

function printErrorItem(p: Printer, item: ErrorItem): Doc {
  switch (item.kind) {
    case 'ErrorReports':
      return cat('report ', printNameList(p, item.reports));
    case 'ErrorResubmit':
      return item.afterRollback ? 'resubmit after rollback' : 'resubmit';
    case 'ErrorResponsible':
      return cat('responsible ', printName(p, item.party));
    default:
      return assertNever(item);
  }
}

function printRetryItem(p: Printer, item: RetryItem): Doc {
  switch (item.kind) {
    case 'Tier': {
      const count = item.count === undefined ? '' : cat(printLiteral(p, item.count), ' retries ');
      const factor = item.factor === undefined ? '' : cat(' factor ', printLiteral(p, item.factor));
      const cap = item.cap === undefined ? '' : cat(' cap ', printLiteral(p, item.cap));
      return cat('tier ', printName(p, item.name), ': ', count, 'every ', printLiteral(p, item.every), factor, cap);
    }
    case 'RetryWithin':
      return cat('within ', printLiteral(p, item.period));
    case 'RetryAttempts':
      return cat('attempts ', printLiteral(p, item.count));
    case 'RetryTimeout':
      return cat('timeout ', printLiteral(p, item.limit));
    case 'RetryJitter': {
      const jitter = item.jitter;
      const text = jitter.kind === 'JitterNone' ? 'none' : jitter.kind === 'JitterFull' ? 'full' : jitter.kind === 'JitterRange' ? [printLiteral(p, jitter.low), '..', printLiteral(p, jitter.high)] : '';
      return cat('jitter ', p.inline(jitter, text));
    }
    default:
      return assertNever(item);
  }
}
