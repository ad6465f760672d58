import { env, SELF } from 'cloudflare:test';
import Stripe from 'stripe';
import { sim } from './setup/stripe-sim';
import { BASE, fakeConnectedAccount } from './factories';

export { sim };

/** The platform's view of the simulator, as a test would script Stripe. */
export const platform = new Stripe(env.STRIPE_SECRET_KEY, {
  host: env.STRIPE_API_HOST,
  port: Number(env.STRIPE_API_PORT),
  protocol: 'http',
  httpClient: Stripe.createFetchHttpClient((input, init) => sim.fetch(new Request(input, init))),
  maxNetworkRetries: 0,
});

let endpointRegistered = false;

/** A Standard account on the simulator, connected in D1 with a live token, and the worker's webhook endpoint. */
export async function connectedStripeAccount(name = 'Test Beauty Studio') {
  const account = await platform.accounts.create({
    type: 'standard',
    business_profile: { name },
    country: 'US',
    default_currency: 'usd',
  });
  if (!endpointRegistered) {
    await simControl('/_sim/webhook_endpoints', {
      url: `${BASE}/webhooks/stripe`,
      connect: true,
      secret: env.STRIPE_WEBHOOK_SECRET,
    });
    endpointRegistered = true;
  }
  return fakeConnectedAccount({ id: account.id, businessName: name });
}

export async function simControl(path: string, body: unknown) {
  const res = await sim.fetch(
    new Request(`http://sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Saves a test card for a customer the way the card page would: SetupIntent confirmed with a pm_card id. */
export async function saveTestCard(
  acct: { id: string; auth: Record<string, string> },
  siteCustomer: { id: string; name: string; email: string | null },
  testPaymentMethod: string,
  { pageReports = true }: { pageReports?: boolean } = {},
) {
  const linkRes = await SELF.fetch(`${BASE}/api/card-links`, {
    method: 'POST',
    headers: { ...acct.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ customer: siteCustomer }),
  });
  if (linkRes.status !== 200) throw new Error(`card link: ${linkRes.status} ${await linkRes.text()}`);
  const { url } = (await linkRes.json()) as { url: string };
  const token = url.split('/card/')[1] ?? '';
  const row = await env.DB.prepare(
    "SELECT stripe_object_id AS si FROM links WHERE purpose = 'card' ORDER BY created_at DESC LIMIT 1",
  ).first<{ si: string }>();
  if (!row) throw new Error('no card link row');
  const confirmed = await platform.setupIntents.confirm(
    row.si,
    { payment_method: testPaymentMethod },
    { stripeAccount: acct.id },
  );
  if (confirmed.status === 'requires_action')
    await completeThreeDSecure(confirmed.id, confirmed.client_secret ?? '', 'complete');
  if (!pageReports) return { status: 0, body: {}, token };
  const done = await SELF.fetch(`${BASE}/card/${token}/complete`, { method: 'POST' });
  return { status: done.status, body: (await done.json()) as { card?: { brand: string; last4: string } }, token };
}

/** The cardholder answers the simulator's 3-D Secure challenge, as the Stripe.js step would. */
export async function completeThreeDSecure(intentId: string, clientSecret: string, outcome: 'complete' | 'fail') {
  const res = await sim.fetch(
    new Request(`http://sim/_sim/3ds/${intentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_secret: clientSecret, outcome }),
    }),
  );
  if (!res.ok) throw new Error(`3DS ${outcome}: ${res.status} ${await res.text()}`);
}

/** Moves the simulator's clock (and runs what fell due: async captures, settlements, key expiry) through its /_sim/ control. */
export async function advanceSimClock(ms: number) {
  return simControl('/_sim/clock/advance', { seconds: Math.ceil(ms / 1000) });
}
