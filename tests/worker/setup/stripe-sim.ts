import { env, SELF } from 'cloudflare:test';
import { createStripeSimulator } from '../../sandbox/stripe/index.ts';

/**
 * The project's Stripe simulator, in the same isolate as the worker: every fetch the worker makes
 * to the configured Stripe host is answered by it, and its webhooks go to the worker's endpoint.
 */
const simOrigin = `${env.STRIPE_API_PROTOCOL}://${env.STRIPE_API_HOST}:${env.STRIPE_API_PORT}`;
/** The simulator's stand-in for connect.stripe.com (OAuth), where the SDK's own routing sends oauth.* calls. */
const connectOrigin = new URL(env.STRIPE_OAUTH_AUTHORIZE_URL).origin;

export const sim = createStripeSimulator({
  publicUrl: simOrigin,
  connectUrl: connectOrigin,
  autoDeliver: false,
  deliver: async (url, init) => ({ status: (await SELF.fetch(url, init)).status }),
});

/** Every request the worker made to Stripe, in order (the tests' own setup calls are not here). */
export const workerStripeRequests: { method: string; path: string }[] = [];

const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin === simOrigin || url.origin === connectOrigin) {
    workerStripeRequests.push({ method: request.method, path: url.pathname });
    return sim.fetch(request);
  }
  return realFetch(request);
};
