// WXT's env types (vite/client + WXT's globals), so `tsc` works from a clean clone before
// `wxt prepare` has generated .wxt/ (the tsconfig picks .wxt/wxt.d.ts up when it exists).
/// <reference types="wxt/vite-builder-env" />

interface ImportMetaEnv {
  /** Origin of the worker this build talks to; set by wxt.config.ts from the build environment. */
  readonly WXT_WORKER_URL?: string;
  /** Whether this build offers a self-hosted worker address (config.ts allowsWorkerAddress); unset in tests. */
  readonly WXT_ALLOW_WORKER_ADDRESS?: boolean;
}
