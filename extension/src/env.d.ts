interface ImportMetaEnv {
  /** Origin of the worker this build talks to; set by wxt.config.ts from the build environment. */
  readonly WXT_WORKER_URL?: string;
}
