// The compile benchmark's generator: its policies must stay valid as checks are added, or the benchmark times a broken policy.
import { describe, expect, it } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';
import { generatePolicy } from './generate-policy.js';

describe('generatePolicy', () => {
  it.each([1, 20_261_128])('makes a policy with no diagnostic at all (seed %i)', (seed) => {
    const policy = generatePolicy(150_000, seed);
    const result = checkWorkspace([policy.root], memoryHost(policy.files));
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}: ${d.message}`)).toEqual([]);
    expect(result.policies).toHaveLength(1);
    expect(policy.bytes).toBeGreaterThanOrEqual(150_000);
  });

  it('is deterministic', () => {
    const first = generatePolicy(50_000, 7);
    const second = generatePolicy(50_000, 7);
    expect([...second.files]).toEqual([...first.files]);
    expect(second.json).toBe(first.json);
  });

  it('gives the same declarations in the JSON form', () => {
    const policy = generatePolicy(50_000, 3);
    const json = JSON.parse(policy.json) as { files: { path: string; declarations: unknown[] }[] };
    expect(json.files.map((f) => f.path)).toEqual([...policy.files.keys()]);
    const migration = json.files[0]!.declarations.find((d) => (d as { kind: string }).kind === 'Migration') as { items: unknown[] };
    const result = checkWorkspace([policy.root], memoryHost(policy.files));
    const tree = result.policies[0]!.files[0]!.tree;
    const parsed = tree.items.find((item) => item.kind === 'Migration');
    // The migration's `on failure` is an item of the tree, a property in JSON.
    expect(parsed?.kind === 'Migration' ? parsed.items.length - 1 : -1).toBe(migration.items.length);
  });
});
