import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Resolve `mpol/runtime` and friends to their TypeScript sources, so tests
    // (and the emitted policies they import) run without a build.
    conditions: ['source'],
  },
  // Tests run in Vite's server environment, which takes its own conditions.
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Neovim's tests need Neovim, the editors' tests VS Code (`npm run test:editors`, vitest.editors.config.ts): `npm run test:neovim` (vitest.neovim.config.ts), which .ci/run runs.
    exclude: ['test/neovim/**', 'test/editors/**', '**/node_modules/**'],
    testTimeout: 30_000,
    // The language server's robustness test forces collections to compare the heap before and after.
    execArgv: ['--expose-gc'],
  },
});
