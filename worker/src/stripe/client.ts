import Stripe from 'stripe';
import type { Env } from '../env';

/**
 * One Stripe client per request. Host, port and protocol come from configuration so the same
 * code talks to the sandbox simulator or api.stripe.com. `fetch` is looked up per call (not
 * captured) so the runtime's current fetch is always the one used.
 */
/**
 * The API version every request is made in, the one stripe 23.1.0 is typed for. Handlers read
 * webhook payloads with the same types, so the Connect webhook endpoint must use it too (README).
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';

export function createStripe(env: Env): Stripe {
  return new Stripe(env.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    host: env.STRIPE_API_HOST,
    port: Number(env.STRIPE_API_PORT),
    protocol: env.STRIPE_API_PROTOCOL === 'http' ? 'http' : 'https',
    httpClient: Stripe.createFetchHttpClient((input, init) => fetch(input, init)),
    // Retries reuse the request's Idempotency-Key, so a retried charge is the same charge.
    maxNetworkRetries: 2,
    timeout: 15_000,
  });
}
