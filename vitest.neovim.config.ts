import { defineConfig } from 'vitest/config';

// `npm run test:neovim`: the tests that need Neovim installed (.ci/run installs it).
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['test/neovim/**/*.test.ts'],
    testTimeout: 180_000,
  },
});
