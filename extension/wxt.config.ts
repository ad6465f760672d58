import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { VERSION } from '../shared/version';
import { takeSharedFromPageScript } from '../scripts/lib/deferred-externals';
import { preactWithoutInnerHtml } from '../scripts/lib/preact-without-inner-html';
import {
  allowsWorkerAddress,
  connectDoneMatches,
  DEFAULT_WORKER_URL,
  optionalOriginPatterns,
  originPattern,
  siteMatches,
  sitePageMatches,
} from './src/config';
import { sitePageScripts } from './src/site/pages';

// The e2e harness and self-hosters point a build at their worker with WXT_WORKER_URL; checked here
// so a typo fails the build instead of producing an extension that can never reach its worker.
const workerUrl = new URL(process.env.WXT_WORKER_URL || DEFAULT_WORKER_URL).origin;

/** The toolbar and store icons, drawn in icon-source/icon.svg (scripts/render-icons.ts makes the PNGs in public/icon). */
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  srcDir: 'src',
  // Explicit imports everywhere: the code reads the same in tests, tsc and the bundle.
  imports: false,
  // Every word the extension shows comes from src/locales/en.yml (src/i18n.ts).
  modules: ['@wxt-dev/i18n/module'],
  vite: ({ mode }) => ({
    plugins: [preact(), preactWithoutInnerHtml()],
    // WXT starts each content script with its ContentScriptContext; ours keeps that contract with
    // only what our scripts use (src/utils/content-script-context.ts), ~0.8 KB gzip less a page.
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'src/utils/content-script-context.ts'),
        },
      ],
    },
    // The build mode names the site a build targets (sandbox or production), not a development
    // build; Vite would otherwise compile JSX for development in sandbox builds (every element
    // carrying its source file path and line): ~0.7 KB gzip on the invoice page alone.
    oxc: { jsx: { development: false } },
    define: {
      'import.meta.env.WXT_WORKER_URL': JSON.stringify(workerUrl),
      'import.meta.env.WXT_ALLOW_WORKER_ADDRESS': JSON.stringify(
        allowsWorkerAddress(mode, process.env.WXT_SELF_HOSTED_WORKER),
      ),
    },
  }),
  zip: { artifactTemplate: 'qt-stripe-bridge-{{version}}-{{browser}}.zip', zipSources: false },
  hooks: {
    // A page's deferred part uses the modules that page's script shares (features/deferred.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const deferred = entrypoints.find((entrypoint) => entrypoint.name.endsWith('-deferred'));
      if (deferred) {
        const page = deferred.name.slice(0, -'-deferred'.length);
        takeSharedFromPageScript(config, resolve(import.meta.dirname, `src/features/scripts/${page}-shared.ts`));
      }
    },
    // Each site content script runs on its kind of page: the paths come from the site adapter, the
    // origins from the build mode (sandbox vs the real site, config.ts). The Connect landing script
    // follows the worker this build talks to. A script named nowhere fails the build.
    'build:manifestGenerated': (wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        const names = (script.js ?? []).map((file) => /^\/?content-scripts\/(.+)\.js$/.exec(file)?.[1]);
        const name = names[0];
        if (names.length !== 1 || !name)
          throw new Error(`Expected one content script per manifest entry, got ${script.js?.join(', ')}`);
        if (name === 'connect-done') {
          script.matches = connectDoneMatches(workerUrl);
        } else if (Object.hasOwn(sitePageScripts, name)) {
          const { matches, excludeMatches } = sitePageMatches(
            sitePageScripts[name as keyof typeof sitePageScripts],
            wxt.config.mode,
          );
          script.matches = matches;
          if (excludeMatches.length > 0) script.exclude_matches = excludeMatches;
          else delete script.exclude_matches;
        } else {
          throw new Error(
            `Content script "${name}" has no pages: add its paths to sitePageScripts in src/site/pages.ts`,
          );
        }
      }
    },
  },
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extension_name__',
    version: VERSION,
    description: '__MSG_extension_description__',
    default_locale: 'en',
    icons: ICONS,
    // The toolbar button opens Stripe Settings (entrypoints/background).
    action: { default_title: '__MSG_settings_title__', default_icon: ICONS },
    // `scripting` registers the content scripts for a back-office address added in Stripe Settings.
    permissions: ['storage', 'scripting'],
    // The site's own origins as well: when a page's layout is unknown the background reads its
    // structure in the page (scripting.executeScript), which content-script matches alone do not allow.
    host_permissions: [...new Set([originPattern(workerUrl), ...siteMatches(mode)])],
    // An extra back-office address (or, in builds that allow it, a self-hosted worker) chosen in
    // Stripe Settings is asked for at run time, one origin at a time, when the consultant adds it.
    ...(manifestVersion === 3
      ? { optional_host_permissions: optionalOriginPatterns(mode) }
      : { optional_permissions: optionalOriginPatterns(mode) }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'stripe-bridge@qt-stripe-bridge.example',
          // Debian's firefox-esr (140) is what consultants on Linux and our CI run.
          strict_min_version: '140.0',
          // Nothing is collected for us: payment data goes to the consultant's own worker and Stripe.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android knows data_collection_permissions from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
