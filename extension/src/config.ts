// The one place that says where the extension runs and which worker it talks to. Imported by
// wxt.config.ts at build time (Node) and by the background at run time, so it holds plain values only.

/**
 * Origin of the real QT Office Manager back office. NOT KNOWN YET: this is a placeholder until the
 * real site's address is confirmed. Production builds match only this origin; fitting the real site
 * means changing this constant (and the adapter in src/site/), nothing else.
 */
export const REAL_SITE_ORIGIN_PLACEHOLDER = 'https://office.qt-office-manager.example';

/** The stand-in back office and any local copy: `localhost` patterns do not cover 127.0.0.1. */
export const SANDBOX_SITE_ORIGINS = ['http://127.0.0.1', 'http://localhost'] as const;

/** Worker used when the build environment sets no `WXT_WORKER_URL` (the local `wrangler dev`). */
export const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';

/** The WXT build mode that targets the real site; every other mode targets the sandbox. */
export const PRODUCTION_MODE = 'production';

/** The site's origins for a build mode, as match-pattern prefixes (no port: patterns ignore ports). */
export function siteOrigins(mode: string): string[] {
  return mode === PRODUCTION_MODE ? [REAL_SITE_ORIGIN_PLACEHOLDER] : [...SANDBOX_SITE_ORIGINS];
}

/** Every page of the site: where the background accepts messages from site pages. */
export function siteMatches(mode: string): string[] {
  return siteOrigins(mode).map((origin) => `${origin}/*`);
}

/**
 * Manifest matches for a content script that runs on some of the site's pages: the site adapter
 * says which paths (src/site/pages.ts), the build mode says which origins.
 */
export function sitePageMatches(paths: { matches: readonly string[]; excludeMatches: readonly string[] }, mode: string): { matches: string[]; excludeMatches: string[] } {
  const onEveryOrigin = (patterns: readonly string[]) => siteOrigins(mode).flatMap((origin) => patterns.map((pattern) => `${origin}${pattern}`));
  return { matches: onEveryOrigin(paths.matches), excludeMatches: onEveryOrigin(paths.excludeMatches) };
}

/** Host permission pattern for a worker URL: the whole origin, any port (match patterns ignore ports). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** Where the content script that finishes Connect runs: the worker's landing page, any port. */
export function connectDoneMatches(workerUrl: string): string[] {
  const { protocol, hostname } = new URL(workerUrl);
  return [`${protocol}//${hostname}/connect/done*`];
}
