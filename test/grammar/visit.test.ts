// The tree's shape as data (grammar/visit.ts): the child keys of every
// kind are complete and in source order on real and broken trees, and the
// node path at an offset is what an editor expects at its cursor.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { childKeys, childrenOf, forEachChild, nodePathAt, parse, type SourceFile, type SyntaxNode } from '../../grammar/index.js';
import { readBundledPolicies } from './fuzz-helpers.js';

const bundled = readBundledPolicies();

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { start?: unknown }).start === 'number';
}

function walk(node: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  visit(node);
  forEachChild(node, (child) => walk(child, visit));
}

/** Every way `tree` breaks the visitor's promises: a child key not listed, children out of order or outside their parent. */
function shapeProblems(tree: SourceFile): string[] {
  const problems: string[] = [];
  walk(tree, (node) => {
    const listed: readonly string[] = childKeys[node.kind];
    for (const [key, value] of Object.entries(node)) {
      const holdsNodes = isNode(value) || (Array.isArray(value) && value.some(isNode));
      if (holdsNodes && !listed.includes(key)) problems.push(`${node.kind}.${key} holds nodes but is not a child key`);
    }
    let previousEnd = node.start;
    for (const child of childrenOf(node)) {
      // Recovery puts a missing node where the last token ended, which may be before its parent's first token.
      if (child.kind === 'Missing') continue;
      if (child.start < previousEnd) problems.push(`${child.kind} at ${child.start} starts before its previous sibling ends (${previousEnd}) in ${node.kind}`);
      if (child.end > node.end) problems.push(`${child.kind} at ${child.start}..${child.end} ends after its parent ${node.kind} (${node.end})`);
      previousEnd = child.end;
    }
  });
  return problems;
}

describe('child keys', () => {
  test.each(bundled.map((file) => [file.path, file.text]))('are complete and in source order in %s', (path, text) => {
    expect(shapeProblems(parse(text, path).tree)).toEqual([]);
  });

  test('are complete and in source order in token soup', () => {
    const words = ['step', 'A', 'by', 'P', '{', '}', 'when', 'cohort', 'not', '(', ')', 'and', 'installation', '.', 'x', '==', '1', 'on', 'failure', 'fail', 'E', 'retry', 'tier', 't', ':', 'every', '5m', 'migration', 'error', '"e"', 'report', 'within', 'after', 'else', 'incident', 'resolved', 'or', 'then', 'continue'];
    const soup = fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((tokens) => `migration { ${tokens.join(' ')}`);
    fc.assert(
      fc.property(soup, (text) => {
        expect(shapeProblems(parse(text, 'soup.mpol').tree)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** The kinds on the path at the `|` in `marked`, after the file. */
function pathKinds(marked: string): string[] {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return nodePathAt(parse(text, 'cursor.mpol').tree, offset).slice(1).map((node) => node.kind);
}

describe('the node path at an offset', () => {
  test.each([
    ['on a declared name', 'party Pro|vider "p"', ['Party', 'Ident']],
    ['just after a name', 'party Provider| "p"', ['Party', 'Ident']],
    ['between two parts of a declaration', 'party Provider |"p"', ['Party', 'String']],
    ['on a keyword', 'par|ty Provider "p"', ['Party']],
    ['in a guard', 'migration { step A by P when installation.ty|pe == Dormant }', ['Migration', 'Step', 'Guard', 'Binary', 'FieldRef', 'Ident']],
    ['on an enumeration member', 'migration { step A by P when installation.type == Dor|mant }', ['Migration', 'Step', 'Guard', 'Binary', 'Ident']],
    ['inside empty braces', 'migration { step A by P {|} }', ['Migration', 'Step']],
    ['between the items of a block', 'migration {\n  step A by P\n|\n  step B by P\n}', ['Migration']],
    ['in an action', 'migration { on failure incident resolved by P or Q then fail E|1 else fail E2 }', ['Migration', 'FailureHandler', 'Incident', 'Fail', 'Ident']],
    ['on a section', 'retry S ref "3|.1" { tier t: every 1m }', ['Retry', 'Ref', 'String']],
    ['past the last declaration', 'party P "p"\n\n|', []],
    ['where a field name is missing', 'migration { check E1 requires installation.| check E2 external }', ['Migration', 'Check', 'FieldRef', 'Missing']],
  ])('%s', (_, marked, expected) => {
    expect(pathKinds(marked)).toEqual(expected);
  });

  test('where two siblings touch, the one that starts at the offset', () => {
    const text = 'migration { step A by P when (installation.x==1) }';
    const offset = text.indexOf('==');
    const path = nodePathAt(parse(text, 'touch.mpol').tree, offset);
    expect(path.map((node) => node.kind).slice(-2)).toEqual(['FieldRef', 'Ident']);
    const after = nodePathAt(parse(text, 'touch.mpol').tree, offset + 2);
    expect(after.map((node) => node.kind).slice(-1)).toEqual(['Number']);
  });

  test.each(bundled.map((file) => [file.path, file.text]))('at every offset of %s, is a chain of children that hold it', (path, text) => {
    const tree = parse(text, path).tree;
    for (let offset = 0; offset <= text.length; offset++) {
      const nodes = nodePathAt(tree, offset);
      expect(nodes[0]).toBe(tree);
      for (let i = 1; i < nodes.length; i++) {
        const node = nodes[i]!;
        expect(childrenOf(nodes[i - 1]!)).toContain(node);
        expect(node.start <= offset && offset <= node.end).toBe(true);
      }
    }
  });

  test('never throws on broken text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, at) => {
        const tree = parse(text, 'broken.mpol').tree;
        expect(nodePathAt(tree, at % (text.length + 1))[0]).toBe(tree);
      }),
    );
  });
});
