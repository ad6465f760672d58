import type Stripe from 'stripe';
import type { Env } from '../env';

let sdk: typeof Stripe | undefined;

/**
 * The stripe SDK, evaluated by the first request that talks to Stripe: /health, the pages and the
 * status reads never pay for it at cold start (it is most of the bundle).
 */
export async function stripeSdk(): Promise<typeof Stripe> {
  sdk ??= (await import('stripe')).default;
  return sdk;
}

// Until the SDK is loaded no Stripe error can exist, so nothing is an instance of these.
const NOT_LOADED = new Proxy({}, { get: () => class {} }) as typeof Stripe.errors;

/** The SDK's error classes, for `instanceof` on what a Stripe call threw. */
export function stripeErrors(): typeof Stripe.errors {
  return sdk?.errors ?? NOT_LOADED;
}

/**
 * One Stripe client per request. Host, port and protocol come from configuration so the same
 * code talks to the sandbox simulator or api.stripe.com. `fetch` is looked up per call (not
 * captured) so the runtime's current fetch is always the one used.
 */
export async function loadStripe(env: Env): Promise<Stripe> {
  const Sdk = await stripeSdk();
  return new Sdk(env.STRIPE_SECRET_KEY, {
    host: env.STRIPE_API_HOST,
    port: Number(env.STRIPE_API_PORT),
    protocol: env.STRIPE_API_PROTOCOL === 'http' ? 'http' : 'https',
    httpClient: Sdk.createFetchHttpClient((input, init) => fetch(input, init)),
    // Retries reuse the request's Idempotency-Key, so a retried charge is the same charge.
    maxNetworkRetries: 2,
    timeout: 15_000,
  });
}
