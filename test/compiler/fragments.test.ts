// A fragment given alone (`mpol check codes.mpol`, a file opened on its own
// in an editor) is checked within the policies of its folder that import
// it, directly or through another fragment; only a fragment that none of
// them imports is an orphan.
import { describe, expect, it } from 'vitest';
import { checkWorkspace, memoryHost, type CompilerHost } from '../../compiler/index.js';

const root = (name: string, imports: string[]): string => `policy ${name} version "1" "Test"
${imports.map((file) => `import "${file}"`).join('\n')}
section "1" "Scope"
cohort IOC "Initial Operating Capability"
migration {
  on failure fail E1
  step Commission ref "1" by Provider
}
`;
const codes = 'error E1 "Failed" ref "1" { report R1 }\nimport "parties.mpol"\n';
const parties = 'party Provider "Service provider"\nreport R1 "Failures" to Provider\n';

const check = (paths: string[], files: Record<string, string>, host: CompilerHost = memoryHost(files)) => {
  const result = checkWorkspace(paths, host);
  return { roots: result.policies.map((p) => p.root), diagnostics: result.diagnostics.map((d) => `${d.file} ${d.code}`) };
};

describe('a fragment given alone', () => {
  const folder = { 'p/main.mpol': root('P', ['codes.mpol']), 'p/codes.mpol': codes, 'p/parties.mpol': parties };

  it('is checked within the policy beside it that imports it', () => {
    expect(check(['p/codes.mpol'], folder)).toEqual({ roots: ['p/main.mpol'], diagnostics: [] });
  });

  it('is checked within a policy that imports it through another fragment', () => {
    expect(check(['p/parties.mpol'], folder)).toEqual({ roots: ['p/main.mpol'], diagnostics: [] });
  });

  it('reports its own mistakes as part of that policy', () => {
    const result = checkWorkspace(['p/codes.mpol'], memoryHost({ ...folder, 'p/codes.mpol': codes.replace('report R1', 'report R2') }));
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}: ${d.message}`)).toContain('p/codes.mpol unknown-name: unknown report `R2`');
    expect(result.diagnostics.some((d) => d.code === 'orphan-file')).toBe(false);
  });

  it('is checked within every policy of its folder that imports it', () => {
    const two = { ...folder, 'p/other.mpol': root('Q', ['codes.mpol']), 'p/unrelated.mpol': root('R', []) };
    expect(check(['p/codes.mpol'], two).roots).toEqual(['p/main.mpol', 'p/other.mpol']);
  });

  it('is an orphan when no policy of its folder imports it', () => {
    expect(check(['p/codes.mpol'], { ...folder, 'p/main.mpol': root('P', []) })).toEqual({ roots: [], diagnostics: ['p/codes.mpol orphan-file'] });
  });

  it('is an orphan when only a policy of another folder imports it', () => {
    const elsewhere = { 'main.mpol': root('P', ['p/codes.mpol']), 'p/codes.mpol': codes, 'p/parties.mpol': parties };
    expect(check(['p/codes.mpol'], elsewhere).diagnostics).toEqual(['p/codes.mpol orphan-file']);
  });

  it('is an orphan for a host that cannot list folders', () => {
    const { readFile, resolveImport } = memoryHost(folder);
    expect(check(['p/codes.mpol'], folder, { readFile, resolveImport }).diagnostics).toEqual(['p/codes.mpol orphan-file']);
  });

  it('given with the policy that imports it, is checked once, as before', () => {
    expect(check(['p/codes.mpol', 'p/main.mpol'], { ...folder, 'p/other.mpol': root('Q', ['codes.mpol']) }).roots).toEqual(['p/main.mpol']);
  });
});
