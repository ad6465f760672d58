import { defineConfig } from 'vitest/config';

// Tests that run in plain Node: shared contract, the simulator (in-process and over HTTP),
// the stand-in site, and the site adapter against saved pages.
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/sim/**/*.test.ts',
      'tests/sandbox/**/*.test.ts',
      'tests/extension/site/**/*.test.ts',
    ],
    exclude: ['**/*.browser.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
