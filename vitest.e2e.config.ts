import { defineConfig } from 'vitest/config';

// Real browsers with the built extension against the stand-in site, the worker under wrangler dev
// and the simulator, all started once by the global setup. One file at a time: two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts', 'tests/sim/**/*.browser.test.ts', 'tests/sandbox/**/*.browser.test.ts'],
    globalSetup: ['./tests/e2e/harness/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
