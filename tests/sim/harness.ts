import Stripe from 'stripe';
import { expect, onTestFinished } from 'vitest';
import { createStripeSimulator, type SimulatorOptions, type StripeSimulator } from '../sandbox/stripe/index.ts';
import { JANES_BEAUTY_STUDIO } from '../sandbox/stripe/seed.ts';
import { startSimulatorServer } from '../sandbox/stripe/server.ts';
import { specViolations } from './openapi.ts';

/** How tests reach the simulator: its fetch handler in-process, or real HTTP to server.ts on a free port. */
let transport: 'in-process' | 'http' = 'in-process';
export function useHttpTransport(): void {
  transport = 'http';
}

export interface Harness {
  sim: StripeSimulator;
  stripe: Stripe;
  /** Seeded connected account used as `stripeAccount` by most tests. */
  account: string;
  control(path: string, body?: unknown): Promise<unknown>;
  /** Same simulator, raw fetch (for headers the SDK hides). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * The simulator's fetch, checking every request it accepted (2xx, or a 402 decline) against Stripe's
 * OpenAPI spec; the test fails at its end if any did not conform.
 */
function checkedFetch(
  send: (request: Request) => Promise<Response>,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  const violations: string[] = [];
  onTestFinished(() => expect(violations).toEqual([]));
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const response = await send(request);
    if (response.ok || response.status === 402)
      violations.push(...specViolations(request.method, new URL(request.url), body));
    return response;
  };
}

/** The real stripe SDK wired to an in-process simulator. */
export function stripeFor(sim: StripeSimulator, key = 'sk_test_sandbox'): Stripe {
  const fetchFn = checkedFetch(sendTo ?? ((request) => sim.fetch(request)));
  return new Stripe(key, {
    httpClient: Stripe.createFetchHttpClient((input, init) => fetchFn(input, init)),
    maxNetworkRetries: 0,
  });
}

/** Over HTTP: requests go to the running server whatever origin the SDK or test names. */
let sendTo: ((request: Request) => Promise<Response>) | null = null;

async function start(
  options: SimulatorOptions,
): Promise<{ sim: StripeSimulator; send: (request: Request) => Promise<Response> }> {
  if (transport === 'in-process') {
    const sim = createStripeSimulator(options);
    sendTo = null;
    return { sim, send: (request) => sim.fetch(request) };
  }
  const running = await startSimulatorServer({
    port: 0,
    autoDeliver: false,
    ...(options.deliver ? { deliver: options.deliver } : {}),
  });
  onTestFinished(() => running.close());
  const send = (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    // Redirects (OAuth) are the test's to inspect, as with the in-process handler.
    return fetch(
      new Request(new Request(`${running.url}${url.pathname}${url.search}`, request), { redirect: 'manual' }),
    );
  };
  sendTo = send;
  return { sim: running.sim, send };
}

export async function harness(options: SimulatorOptions = {}): Promise<Harness> {
  const { sim, send } = await start(options);
  const request = (path: string, init?: RequestInit): Promise<Response> =>
    send(new Request(`http://127.0.0.1:12111${path}`, init));
  const control = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await request(path, { method: 'POST', body: JSON.stringify(body ?? {}) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await control('/_sim/connect', { account: JANES_BEAUTY_STUDIO.id });
  return { sim, stripe: stripeFor(sim), account: JANES_BEAUTY_STUDIO.id, control, request };
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

/** Answers the 3-D Secure challenge for an intent, as the cardholder would on the challenge page. */
export async function authenticate(
  h: Harness,
  intent: { id: string; client_secret: string | null },
  outcome: 'complete' | 'fail',
): Promise<void> {
  const response = await h.request(`/_sim/3ds/${intent.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_secret: intent.client_secret, outcome }),
  });
  if (!response.ok) throw new Error(`3DS answer refused: ${await response.text()}`);
}

/** A customer with `pm` (a pm_card_* id) attached, on the harness account. */
export async function customerWithCard(
  h: Harness,
  pm: string,
): Promise<{ customer: Stripe.Customer; paymentMethod: Stripe.PaymentMethod }> {
  const customer = await h.stripe.customers.create({ email: 'customer@example.com' }, { stripeAccount: h.account });
  const paymentMethod = await h.stripe.paymentMethods.attach(
    pm,
    { customer: customer.id },
    { stripeAccount: h.account },
  );
  return { customer, paymentMethod };
}
