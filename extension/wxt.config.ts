import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { VERSION } from '../shared/version';
import { connectDoneMatches, DEFAULT_WORKER_URL, originPattern, siteMatches } from './src/config';

// The e2e harness and self-hosters point a build at their worker with WXT_WORKER_URL; checked here
// so a typo fails the build instead of producing an extension that can never reach its worker.
const workerUrl = new URL(process.env.WXT_WORKER_URL || DEFAULT_WORKER_URL).origin;

export default defineConfig({
  srcDir: 'src',
  // Explicit imports everywhere: the code reads the same in tests, tsc and the bundle.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_WORKER_URL': JSON.stringify(workerUrl) },
  }),
  zip: { artifactTemplate: 'qt-stripe-bridge-{{version}}-{{browser}}.zip', zipSources: false },
  hooks: {
    // Content script matches follow the build mode (sandbox vs the real site), decided in config.ts;
    // the Connect landing script follows the worker this build talks to.
    'build:manifestGenerated': (wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        const landing = script.js?.some((file) => file.endsWith('/connect-done.js')) ?? false;
        script.matches = landing ? connectDoneMatches(workerUrl) : siteMatches(wxt.config.mode);
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'QT Stripe Bridge',
    version: VERSION,
    description: 'Stripe payments inside the QT Office Manager back office.',
    permissions: ['storage'],
    host_permissions: [originPattern(workerUrl)],
    // A self-hosted worker chosen in Stripe Settings is asked for at run time, origin by origin.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'stripe-bridge@qt-stripe-bridge.example',
          strict_min_version: '142.0',
          // Nothing is collected for us: payment data goes to the consultant's own worker and Stripe.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
