/**
 * How many random cases each fuzz target of `test/hostile/` runs. The
 * defaults keep `npm test` quick; `MPOL_FUZZ_RUNS=N` runs every target N
 * times for a longer hunt (CONTRIBUTING.md).
 */
export function fuzzRuns(byDefault: number): number {
  const asked = Number(process.env['MPOL_FUZZ_RUNS']);
  return Number.isSafeInteger(asked) && asked > 0 ? asked : byDefault;
}
