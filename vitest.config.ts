import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Resolve `mpol/runtime` and friends to their TypeScript sources, so tests
    // (and the emitted policies they import) run without a build.
    conditions: ['source'],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
