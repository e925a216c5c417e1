import { defineConfig } from 'vitest/config';

// `npm run test:editors`: the extension in a real VS Code (code-server driven
// by Chromium), after `test/editors/install.sh` has installed them and the
// extension has been packaged. .ci/run runs it after `npm test`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['test/editors/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
