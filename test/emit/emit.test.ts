// Emitted modules: one golden per bundled policy and per case in cases/,
// type-checked against the package's published types under the strictest
// common settings (test/emit/tsconfig.json), with the harnesses of harness/; escaping of hostile text;
// determinism; imports.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, emitPolicy, memoryHost, type CompiledPolicy } from '../../compiler/index.js';
import { literal } from '../../compiler/emit/escape.js';
import { childEnv } from '../child-env.js';

const repo = path.resolve(import.meta.dirname, '../..');
const here = import.meta.dirname;

function mpolFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((entry) => {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) return mpolFiles(full);
      return entry.endsWith('.mpol') ? [full] : [];
    });
}

/** Compiles every policy under `folder`, with repository-relative paths. */
function compileFolder(folder: string): CompiledPolicy[] {
  const files = mpolFiles(folder).map((file) => path.relative(repo, file).split(path.sep).join('/'));
  const host = memoryHost(new Map(files.map((file) => [file, readFileSync(path.join(repo, file), 'utf8')])));
  const result = checkWorkspace(files, host);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.file}: ${d.code}: ${d.message}`)).toEqual([]);
  return [...result.policies];
}

const policies = [...compileFolder(path.join(repo, 'policies')), ...compileFolder(path.join(here, 'cases'))];

/**
 * A file name unique per policy, from its root's path below `policies/` or `cases/`:
 * `example/example.mpol` gives `example`, `mehrs/v2.1/mehrs.mpol` gives `mehrs-v2.1`.
 */
function goldenName(policy: CompiledPolicy): string {
  const parts = policy.root.replace(/^(policies|test\/emit\/cases)\//, '').replace(/\.mpol$/, '').split('/');
  if (parts.length > 1 && parts[parts.length - 1] === parts[0]) parts.pop();
  return parts.join('-');
}

describe('emitted modules', () => {
  for (const policy of policies) {
    const name = goldenName(policy);
    it(`${policy.root} matches its golden`, async () => {
      await expect(emitPolicy(policy)).toMatchFileSnapshot(path.join(here, 'golden', `${name}.ts`));
    });
  }

  it('type-check under the strictest common settings, with harnesses that use them, and catch a harness\'s mistakes', () => {
    // The modules are written afresh (the goldens above prove they equal these), so the
    // type check never sees a stale golden. `mpol/runtime` resolves to the built
    // declarations, as in a project that installed the package (`npm test` builds first).
    rmSync(path.join(here, 'out'), { recursive: true, force: true });
    mkdirSync(path.join(here, 'out'));
    for (const policy of policies) writeFileSync(path.join(here, 'out', `${goldenName(policy)}.ts`), emitPolicy(policy));
    for (const file of readdirSync(path.join(here, 'harness'))) cpSync(path.join(here, 'harness', file), path.join(here, 'out', file));
    const tsc = path.join(repo, 'node_modules/.bin/tsc');
    const run = spawnSync(tsc, ['-p', path.join(here, 'tsconfig.json'), '--pretty', 'false'], { cwd: repo, env: childEnv(), encoding: 'utf8' });
    const errors = run.stdout.split('\n').filter((line) => line !== '').map((line) => line.replace(/^test\/emit\/out\//, ''));
    expect(errors).toEqual([
      expect.stringMatching(/^mistakes\.ts\(9,\d+\): error TS2820: Type '"MOC_Secur"' is not assignable to type '"IOC" \| "MOC_Secure"'\. Did you mean '"MOC_Secure"'\?$/),
      expect.stringMatching(/^mistakes\.ts\(10,\d+\): error TS2322: /),
      expect.stringMatching(/^mistakes\.ts\(11,\d+\): error TS2322: Type '"DB"' is not assignable to type '"DA"'\.$/),
      expect.stringMatching(/^mistakes\.ts\(12,\d+\): error TS2353: .*'MOC_Secure\/DB'/),
    ]);
  });

  it('are type-checked with every flag of the strictest common settings, every bundled policy among them', () => {
    const { compilerOptions } = JSON.parse(readFileSync(path.join(here, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    for (const flag of ['strict', 'noUnusedLocals', 'noUnusedParameters', 'exactOptionalPropertyTypes', 'noUncheckedIndexedAccess', 'noPropertyAccessFromIndexSignature']) {
      expect(compilerOptions[flag], flag).toBe(true);
    }
    const bundled = mpolFiles(path.join(repo, 'policies')).filter((file) => /^policy\s/m.test(readFileSync(file, 'utf8')));
    expect(bundled.length).toBeGreaterThanOrEqual(3);
    expect(policies.map((policy) => policy.root)).toEqual(expect.arrayContaining(bundled.map((file) => path.relative(repo, file))));
  });

  it('are deterministic', () => {
    for (const policy of policies) expect(emitPolicy(policy)).toBe(emitPolicy(policy));
  });

  it('import only the runtime, and only its types', () => {
    for (const policy of policies) {
      const imports = emitPolicy(policy)
        .split('\n')
        .filter((line) => /^\s*(import|export .* from)\b/.test(line));
      expect(imports).toEqual([expect.stringMatching(/^import type \{[^}]*\} from "mpol\/runtime";$/)]);
    }
  });
});

describe('escaping', () => {
  const hostile = policies.find((p) => p.model.name === 'Hostile')!;

  it('keeps hostile titles as inert strings with their exact values', async () => {
    const code = emitPolicy(hostile, { target: 'js' });
    const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    const loaded = module.policy;
    expect(loaded.version).toBe('1"); process.exit(1); ("');
    expect(loaded.title).toBe('${globalThis.process.exit(1)}');
    expect(loaded.sections['1']).toBe("*/ throw new Error('comment'); /*");
    expect(loaded.sections['2']).toBe('line\nbreak \u2028 separator \\ backslash `backtick`');
    expect(loaded.parties.Supplier.title).toBe('${process.exit(2)}');
    expect(loaded.cohorts.C.title).toBe("' + process.exit(3) + '");
    const check = loaded.flow[0];
    expect(check.predicate({ note: '"); process.exit(4); (" ${x}' }, { cohort: 'C', group: 'G' })).toBe(false);
    expect(check.predicate({ note: 'fine' }, { cohort: 'C', group: 'G' })).toBe(true);
  });

  it('puts no policy text in comments', () => {
    const comments = emitPolicy(hostile).split('\n').filter((line) => /^\s*(\/\/|\/\*|\*)/.test(line));
    for (const comment of comments) expect(comment).not.toMatch(/process|throw|script|globalThis/);
  });

  it('gives every value its own exact literal, also past the memo of literals already built', () => {
    // More distinct values than `literal` remembers, so it clears its memo on the way.
    const values = Array.from({ length: 70_000 }, (_, i) => (i % 7 === 0 ? '"\u2028${' + i + '}\\' : `name${i}`));
    const wrong = [1, 2].flatMap(() => values.filter((value) => JSON.parse(literal(value)) !== value));
    expect(wrong).toEqual([]);
    expect(literal('a\u2028b')).toBe('"a\\u2028b"');
  });
});
