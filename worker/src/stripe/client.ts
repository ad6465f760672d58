import type Stripe from 'stripe';
import type { Env } from '../env';
import { importStripe } from '../stripe-module';

let sdk: typeof Stripe | undefined;

/**
 * The stripe SDK, evaluated by the first request that talks to Stripe: /health, the pages and the
 * status reads never pay for evaluating it at cold start (it is more than half the worker's code).
 * It is a module of its own beside the bundle (../stripe-module.ts).
 */
export async function stripeSdk(): Promise<typeof Stripe> {
  sdk ??= await importStripe();
  return sdk;
}

// Until the SDK is loaded no Stripe error can exist, so nothing is an instance of these.
const NOT_LOADED = new Proxy({}, { get: () => class {} }) as typeof Stripe.errors;

/** The SDK's error classes, for `instanceof` on what a Stripe call threw. */
export function stripeErrors(): typeof Stripe.errors {
  return sdk?.errors ?? NOT_LOADED;
}

/**
 * The API version every request is made in, the one stripe 23.1.0 is typed for. Handlers read
 * webhook payloads with the same types, so the Connect webhook endpoint must use it too (README).
 */
const STRIPE_API_VERSION = '2026-10-28.endive';

/** The platform key's mode: a deployment runs in live mode or in test mode, never both. */
export function isLiveKey(env: Pick<Env, 'STRIPE_SECRET_KEY'>): boolean {
  return env.STRIPE_SECRET_KEY.startsWith('sk_live_');
}

/**
 * Where Stripe's own hosts are served: api.stripe.com at STRIPE_API_* and connect.stripe.com (OAuth)
 * at the origin of STRIPE_OAUTH_AUTHORIZE_URL. Real Stripe: both are Stripe's, nothing is rewritten.
 */
function stripeOrigins(env: Env): Record<string, string> {
  const protocol = env.STRIPE_API_PROTOCOL === 'http' ? 'http' : 'https';
  return {
    'api.stripe.com': `${protocol}://${env.STRIPE_API_HOST}:${env.STRIPE_API_PORT}`,
    'connect.stripe.com': new URL(env.STRIPE_OAUTH_AUTHORIZE_URL).origin,
  };
}

/** Clients made so far, by the settings they were made with (one per deployment, in practice). */
const clients = new Map<string, Stripe>();

/**
 * The Stripe client for these settings, made once per isolate: making one builds every resource of
 * the SDK, which a charge would otherwise pay on each request. It holds no request's state; `fetch`
 * is looked up per call (not captured) so the runtime's current fetch is always the one used.
 */
export async function loadStripe(env: Env): Promise<Stripe> {
  const Sdk = await stripeSdk();
  const origins = stripeOrigins(env);
  const key = JSON.stringify([env.STRIPE_SECRET_KEY, origins]);
  const made = clients.get(key);
  if (made) return made;
  const client = new Sdk(env.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    // The SDK keeps choosing the host itself (api.stripe.com, or connect.stripe.com for oauth.*);
    // only the origin each host is reached at comes from configuration.
    httpClient: Sdk.createFetchHttpClient((input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const origin = origins[url.hostname];
      return fetch(origin ? `${origin}${url.pathname}${url.search}` : url.toString(), init);
    }),
    // Retries reuse the request's Idempotency-Key, so a retried charge is the same charge.
    maxNetworkRetries: 2,
    timeout: 15_000,
  });
  clients.set(key, client);
  return client;
}
