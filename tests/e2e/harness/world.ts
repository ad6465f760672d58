import type { BrowserName } from './browsers';

/** What the global setup started, handed to every e2e test through vitest's provide/inject. */
export interface E2EWorld {
  siteUrl: string;
  workerUrl: string;
  simulatorUrl: string | null;
  extensionDirs: Record<BrowserName, string>;
  browsers: BrowserName[];
  artifactsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EWorld;
  }
}

/** The platform's secret key the simulator and worker share in e2e runs; tests read Stripe objects with it. */
export const E2E_SECRET_KEY = 'sk_test_e2eharness';
