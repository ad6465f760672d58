// The stripe SDK as a module of its own (worker/src/vendor/stripe.mjs), uploaded beside the worker's
// bundle instead of inside it (wrangler.toml [[rules]]). Only a request that talks to Stripe imports
// it (stripe/client.ts), so /health, the pages and the status reads never evaluate the SDK. workerd
// still compiles every module at start (measured: this one ~3 ms of workerd CPU, against ~6 ms more
// with the SDK evaluated inside the bundle). Run by wrangler before every build ([build] in
// wrangler.toml) and by the workerd test config; the output is not committed.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const outfile = fileURLToPath(new URL('../worker/src/vendor/stripe.mjs', import.meta.url));

export async function buildStripeModule(): Promise<void> {
  await build({
    stdin: { contents: "export { default } from 'stripe';", resolveDir: fileURLToPath(new URL('..', import.meta.url)) },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    // The SDK's Workers build (fetch and SubtleCrypto), as wrangler would pick it.
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    minify: true,
    // As wrangler.toml's keep_names = false: Stripe's errors carry their type as a string.
    keepNames: false,
    outfile,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildStripeModule();
