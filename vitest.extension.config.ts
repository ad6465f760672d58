import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Extension tests in Node with WXT's fakeBrowser (tests reset it in beforeEach). The site adapter's
// own tests (tests/extension/site/) run in the unit config against saved pages instead.
export default defineConfig({
  plugins: [WxtVitest({ root: 'extension' })],
  test: {
    include: ['tests/extension/**/*.test.ts', 'tests/extension/**/*.test.tsx'],
    exclude: ['tests/extension/site/**', 'node_modules/**'],
    environment: 'node',
    // browser.i18n.getMessage answered from locales/en.yml (fakeBrowser has no i18n of its own).
    setupFiles: ['tests/extension/setup/i18n.ts'],
    testTimeout: 20_000,
  },
});
