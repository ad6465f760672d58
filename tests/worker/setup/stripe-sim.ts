import { env, SELF } from 'cloudflare:test';
import { createStripeSimulator } from '../../sandbox/stripe/index.ts';

/**
 * The project's Stripe simulator, in the same isolate as the worker: every fetch the worker makes
 * to the configured Stripe host is answered by it, and its webhooks go to the worker's endpoint.
 */
const simOrigin = `${env.STRIPE_API_PROTOCOL}://${env.STRIPE_API_HOST}:${env.STRIPE_API_PORT}`;

export const sim = createStripeSimulator({
  publicUrl: simOrigin,
  autoDeliver: false,
  deliver: async (url, init) => ({ status: (await SELF.fetch(url, init)).status }),
});

const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  if (new URL(request.url).origin === simOrigin) return sim.fetch(request);
  return realFetch(request);
};
