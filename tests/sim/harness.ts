import Stripe from 'stripe';
import { createStripeSimulator, type SimulatorOptions, type StripeSimulator } from '../sandbox/stripe/index.ts';
import { JANES_BEAUTY_STUDIO } from '../sandbox/stripe/seed.ts';

export interface Harness {
  sim: StripeSimulator;
  stripe: Stripe;
  /** Seeded connected account used as `stripeAccount` by most tests. */
  account: string;
  control(path: string, body?: unknown): Promise<unknown>;
}

/** The real stripe SDK wired to an in-process simulator. */
export function stripeFor(sim: StripeSimulator, key = 'sk_test_sandbox'): Stripe {
  return new Stripe(key, {
    httpClient: Stripe.createFetchHttpClient((input, init) => sim.fetch(new Request(input, init))),
    maxNetworkRetries: 0,
  });
}

export async function harness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = createStripeSimulator(options);
  const control = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await sim.fetch(new Request(`http://sim${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) }));
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await control('/_sim/connect', { account: JANES_BEAUTY_STUDIO.id });
  return { sim, stripe: stripeFor(sim), account: JANES_BEAUTY_STUDIO.id, control };
}

/** Runs `call`, expecting the SDK to throw a Stripe error; returns it. */
export async function stripeError(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return e;
    throw e;
  }
  throw new Error('expected a Stripe error');
}
