// The one place that says where the extension runs and which worker it talks to. Imported by
// wxt.config.ts at build time (Node) and by the background at run time, so it holds plain values only.

/**
 * The real QT Office Manager back office. Its address is not published, but its help pages live on
 * help.qtoffice.com, so production builds match every host of that domain (the page predicates in
 * src/site/pages.ts keep the scripts to invoice, list, account and email pages) except the help
 * site. An office elsewhere is added by the consultant in Stripe Settings (background/extra-site.ts).
 */
export const REAL_SITE_ORIGINS = ['https://*.qtoffice.com'] as const;

/** Hosts of the real domain that are not the back office: no content script ever runs there. */
const REAL_SITE_EXCLUDED_ORIGINS = ['https://help.qtoffice.com'] as const;

/** One concrete back-office host, for the size report and tests; every host of REAL_SITE_ORIGINS behaves alike. */
export const EXAMPLE_REAL_SITE_ORIGIN = 'https://office.qtoffice.com';

/** The stand-in back office and any local copy: `localhost` patterns do not cover 127.0.0.1. */
export const SANDBOX_SITE_ORIGINS = ['http://127.0.0.1', 'http://localhost'] as const;

/** Worker used when the build environment sets no `WXT_WORKER_URL` (the local `wrangler dev`). */
export const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';

/** The WXT build mode that targets the real site; every other mode targets the sandbox. */
export const PRODUCTION_MODE = 'production';

/** The site's origins for a build mode, as match-pattern prefixes (no port: patterns ignore ports). */
function siteOrigins(mode: string): string[] {
  return mode === PRODUCTION_MODE ? [...REAL_SITE_ORIGINS] : [...SANDBOX_SITE_ORIGINS];
}

/** A page of each site origin, to show what a build loads there (match-pattern hosts like `*.` are not URLs). */
export function siteExampleOrigins(mode: string): string[] {
  return mode === PRODUCTION_MODE ? [EXAMPLE_REAL_SITE_ORIGIN] : [...SANDBOX_SITE_ORIGINS];
}

/** Every page of the site: where the background accepts messages from site pages. */
export function siteMatches(mode: string): string[] {
  return siteOrigins(mode).map((origin) => `${origin}/*`);
}

/**
 * Manifest matches for a content script that runs on some of the site's pages: the site adapter
 * says which paths (src/site/pages.ts), the build mode (or an address the consultant added) says
 * which origins. Hosts of the real domain that are not the back office are always excluded.
 */
export function sitePageMatches(
  paths: { matches: readonly string[]; excludeMatches: readonly string[] },
  mode: string,
  origins: readonly string[] = siteOrigins(mode),
): { matches: string[]; excludeMatches: string[] } {
  const onEveryOrigin = (patterns: readonly string[]) =>
    origins.flatMap((origin) => patterns.map((pattern) => `${origin}${pattern}`));
  const excludedHosts = mode === PRODUCTION_MODE ? REAL_SITE_EXCLUDED_ORIGINS.map((origin) => `${origin}/*`) : [];
  return {
    matches: onEveryOrigin(paths.matches),
    excludeMatches: [...onEveryOrigin(paths.excludeMatches), ...excludedHosts],
  };
}

/** Host permission pattern for a URL: the whole origin, any port (match patterns ignore ports). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * Whether a build offers the self-hosted worker address (Stripe Settings → Advanced). Sandbox builds
 * do, for developers; a production build only when built with `WXT_SELF_HOSTED_WORKER=true`, so the
 * store's build never shows consultants a field that decides where their token goes.
 */
export function allowsWorkerAddress(mode: string, flag: string | undefined): boolean {
  return mode !== PRODUCTION_MODE || flag === 'true';
}

/**
 * What Stripe Settings may ask the browser for at run time, one origin at a time: one more
 * back-office address (any host: the office may be anywhere), and a self-hoster's worker where the
 * build allows one. HTTPS only (utils/site-address.ts, utils/worker-address.ts refuse anything
 * else); sandbox builds also offer plain HTTP on this machine, where the stand-in and wrangler dev run.
 */
export function optionalOriginPatterns(mode: string): string[] {
  return mode === PRODUCTION_MODE ? ['https://*/*'] : ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
}

/** Where the content script that finishes Connect runs: the worker's landing page, any port. */
export function connectDoneMatches(workerUrl: string): string[] {
  const { protocol, hostname } = new URL(workerUrl);
  return [`${protocol}//${hostname}/connect/done*`];
}
