// The golden diagnostic cases: for every code of the catalog, a failing
// policy beside its rendered diagnostics, and the fixed policy, which must
// compile without a single diagnostic. `npx vitest -u` accepts new output;
// review the `.diagnostics.txt` diff like code.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../compiler/index.js';
import { renderDiagnostics } from '../../compiler/render.js';
import { diagnosticCodes } from '../../grammar/index.js';
import { expectedSuffix, readExpectedNames, readGoldenCases, type GoldenCase } from './golden-cases.js';

const folder = path.join(import.meta.dirname, 'diagnostics');
const cases = readGoldenCases(folder);
const catalog: readonly string[] = diagnosticCodes;

function run(golden: GoldenCase): { codes: string[]; rendered: string } {
  const { diagnostics, texts } = checkWorkspace(golden.paths, golden.host);
  return { codes: diagnostics.map((d) => d.code), rendered: renderDiagnostics(diagnostics, texts, { color: false }) };
}

describe('the golden cases cover the catalog', () => {
  test('every code has a failing case and a passing case', () => {
    const names = new Set(cases.map((c) => c.name));
    const missing = catalog.flatMap((code) => [code, `${code}.ok`]).filter((name) => !names.has(name));
    expect(missing).toEqual([]);
  });

  test('every case is named after a code of the catalog', () => {
    const strays = cases.filter((c) => !catalog.includes(c.code) || c.name.split('.').length > (c.passing ? 2 : 1));
    expect(strays.map((c) => c.name)).toEqual([]);
  });

  test('every expected output belongs to a failing case, and only failing cases have one', () => {
    const failing = cases.filter((c) => !c.passing).map((c) => c.name).sort();
    expect(readExpectedNames(folder)).toEqual(failing);
  });
});

describe('failing cases', () => {
  for (const golden of cases.filter((c) => !c.passing)) {
    test(`${golden.name} reports \`${golden.code}\``, async () => {
      const { codes, rendered } = run(golden);
      // Checked before the snapshot, so that `vitest -u` can never accept an
      // output that has lost the very code the case is about.
      expect(codes, rendered).toContain(golden.code);
      await expect(rendered).toMatchFileSnapshot(path.join(folder, `${golden.name}${expectedSuffix}`));
    });
  }
});

describe('passing cases', () => {
  for (const golden of cases.filter((c) => c.passing)) {
    test(`${golden.name} compiles cleanly`, () => {
      // Rendered, so that a failure shows the diagnostics, not just a count.
      expect(run(golden).rendered).toBe('');
    });
  }
});
