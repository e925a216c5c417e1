// A workspace kept across changes, as the language server keeps one: each
// file read and parsed once until it changes, each policy compiled again
// only when one of its inputs changed.
import { describe, expect, it } from 'vitest';
import { Workspace, memoryHost, type CompilerHost } from '../../compiler/index.js';

const policy = (name: string, codes: string) => `policy ${name} version "1" "Test"
import "${codes}"
section "1" "Scope"
party P "Party"
report R "Report" to P
migration {
  on failure fail E1
  step S ref "1" by P
}
`;
const codes = 'error E1 "Failed" ref "1" { report R }\n';

/** A host over a map that can be changed, counting the reads of each path. */
function countingHost(files: Map<string, string>): CompilerHost & { reads: Map<string, number> } {
  const inner = memoryHost(files);
  const reads = new Map<string, number>();
  return {
    reads,
    readFile(path) {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return inner.readFile(path);
    },
    resolveImport: inner.resolveImport,
  };
}

function twoPolicies() {
  const files = new Map([
    ['/w/a.mpol', policy('A', 'a-codes.mpol')],
    ['/w/a-codes.mpol', codes],
    ['/w/b.mpol', policy('B', 'b-codes.mpol')],
    ['/w/b-codes.mpol', codes],
  ]);
  const host = countingHost(files);
  const workspace = new Workspace(host, ['/w/a.mpol', '/w/a-codes.mpol', '/w/b.mpol', '/w/b-codes.mpol']);
  return { files, host, workspace };
}

describe('a workspace kept across changes', () => {
  it('checks as checkWorkspace does', () => {
    const { workspace } = twoPolicies();
    const result = workspace.check()!;
    expect(result.policies.map((p) => p.root)).toEqual(['/w/a.mpol', '/w/b.mpol']);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads each file once until it is said to have changed', () => {
    const { host, workspace } = twoPolicies();
    workspace.check();
    workspace.check();
    expect([...host.reads.values()]).toEqual([1, 1, 1, 1]);
    workspace.changed('/w/a-codes.mpol');
    workspace.check();
    expect(host.reads.get('/w/a-codes.mpol')).toBe(2);
    expect(host.reads.get('/w/b-codes.mpol')).toBe(1);
  });

  it('compiles again only the policies that hold a changed file', () => {
    const { files, workspace } = twoPolicies();
    const first = workspace.check()!;
    files.set('/w/a-codes.mpol', 'error E1 "Failed" ref "1" { report Q }\n');
    workspace.changed('/w/a-codes.mpol');
    const second = workspace.check()!;
    expect(second.policies[0]).not.toBe(first.policies[0]);
    expect(second.policies[1]).toBe(first.policies[1]);
    expect(second.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['/w/a-codes.mpol unknown-name', '/w/a.mpol unused-declaration']);
  });

  it('compiles a policy with unknown names again when a fragment outside it changes, since they may be declared there', () => {
    const { files, workspace } = twoPolicies();
    files.set('/w/b.mpol', policy('B', 'b-codes.mpol').replace('by P', 'by Loose'));
    files.set('/w/loose.mpol', 'party Loose "Elsewhere"\n');
    workspace.setPaths(['/w/a.mpol', '/w/a-codes.mpol', '/w/b.mpol', '/w/b-codes.mpol', '/w/loose.mpol']);
    const first = workspace.check()!;
    expect(first.diagnostics.find((d) => d.code === 'unknown-name')?.notes.map((n) => n.file)).toEqual(['/w/loose.mpol']);
    files.set('/w/loose.mpol', 'party Looser "Elsewhere"\n');
    workspace.changed('/w/loose.mpol');
    const second = workspace.check()!;
    expect(second.policies[0]).toBe(first.policies[0]);
    expect(second.policies[1]).not.toBe(first.policies[1]);
    expect(second.diagnostics.find((d) => d.code === 'unknown-name')?.notes).toEqual([]);
  });

  it('follows a new import and drops a policy whose root is gone', () => {
    const { files, workspace } = twoPolicies();
    workspace.check();
    files.delete('/w/b.mpol');
    workspace.changed('/w/b.mpol');
    const result = workspace.check()!;
    expect(result.policies.map((p) => p.root)).toEqual(['/w/a.mpol']);
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['/w/b-codes.mpol orphan-file', '/w/b.mpol file-unreadable']);
  });

  it('abandons a check when asked, and checks in full afterwards', () => {
    const { workspace } = twoPolicies();
    expect(workspace.check({ cancelled: () => true })).toBeUndefined();
    expect(workspace.check({ cancelled: () => false })!.policies).toHaveLength(2);
  });

  it('tells which policies hold a file, without compiling', () => {
    const { workspace } = twoPolicies();
    expect(workspace.policiesOf('/w/b-codes.mpol').map((p) => p.root)).toEqual(['/w/b.mpol']);
    expect(workspace.policiesOf('/w/b-codes.mpol')[0]!.files.map((f) => f.path)).toEqual(['/w/b.mpol', '/w/b-codes.mpol']);
    expect(workspace.policiesOf('/w/nowhere.mpol')).toEqual([]);
  });

  it('keeps a file\u2019s own syntax diagnostics with its parse', () => {
    const { files, workspace } = twoPolicies();
    files.set('/w/a-codes.mpol', 'error E1 "Failed" ref "1" { report }\n');
    workspace.changed('/w/a-codes.mpol');
    expect(workspace.load('/w/a-codes.mpol').syntax.map((d) => d.code)).toEqual(['unexpected-token']);
    expect(workspace.load('/w/b-codes.mpol').syntax).toEqual([]);
  });
});
