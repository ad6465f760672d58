import { env } from 'cloudflare:test';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/src/index';
import { createStripeSimulator } from '../sandbox/stripe/index.ts';
import { SANDBOX_CLIENT_ID } from '../sandbox/stripe/seed.ts';
import { BASE, fakeConnectedAccount, postEvent, signedEvent } from './factories';

/** Shaped like a live secret key but made up; assembled so no scanner mistakes it for a leaked one. */
const FAKE_LIVE_KEY = ['sk', 'live', 'workerlivemodefake'].join('_');

async function statusOf(accountId: string) {
  return (await env.DB.prepare('SELECT status FROM accounts WHERE id = ?').bind(accountId).first<{ status: string }>())
    ?.status;
}

describe('webhooks of the other mode (test vs live)', () => {
  it('acknowledges a live-mode event at a test deployment and changes nothing', async () => {
    const acct = await fakeConnectedAccount();
    const { payload } = await signedEvent({
      type: 'account.application.deauthorized',
      account: acct.id,
      data: { object: { id: SANDBOX_CLIENT_ID, object: 'application' } },
    });
    const live = payload.replace('"livemode":false', '"livemode":true');
    const stripe = new Stripe('sk_test_factories', { httpClient: Stripe.createFetchHttpClient() });
    const liveHeader = await stripe.webhooks.generateTestHeaderStringAsync({
      payload: live,
      secret: env.STRIPE_WEBHOOK_SECRET,
      cryptoProvider: Stripe.createSubtleCryptoProvider(),
    });
    const res = await postEvent(live, liveHeader);
    expect(res.status).toBe(200);
    expect(await statusOf(acct.id)).toBe('connected');
  });

  it('ignores the test-mode deauthorization Stripe sends a live Connect endpoint, so the live consultant stays connected', async () => {
    const liveEnv = { ...env, STRIPE_SECRET_KEY: FAKE_LIVE_KEY };
    // A simulator whose live Connect endpoint is this worker running with a live key.
    const sim = createStripeSimulator({
      deliver: async (url, init) => ({ status: (await app.request(url, init, liveEnv)).status }),
    });
    const stripe = new Stripe('sk_test_platform', {
      httpClient: Stripe.createFetchHttpClient((input, init) => sim.fetch(new Request(input, init))),
      maxNetworkRetries: 0,
    });
    const control = (path: string, body: unknown) =>
      sim.fetch(new Request(`http://sim${path}`, { method: 'POST', body: JSON.stringify(body) }));
    const account = await stripe.accounts.create({ type: 'standard', business_profile: { name: 'Live Studio' } });
    const acct = await fakeConnectedAccount({ id: account.id, businessName: 'Live Studio' });
    await control('/_sim/webhook_endpoints', {
      url: `${BASE}/webhooks/stripe`,
      connect: true,
      livemode: true,
      secret: env.STRIPE_WEBHOOK_SECRET,
      enabled_events: ['account.application.deauthorized'],
    });
    await stripe.oauth.deauthorize({ client_id: SANDBOX_CLIENT_ID, stripe_user_id: account.id });
    expect(await sim.deliverWebhooks()).toBe(1);
    const deliveries = (await (await sim.fetch(new Request('http://sim/_sim/deliveries'))).json()) as {
      deliveries: { state: string; attempts: { status: number }[] }[];
    };
    expect(deliveries.deliveries.map((d) => [d.state, d.attempts[0]?.status])).toEqual([['delivered', 200]]);
    expect(await statusOf(acct.id)).toBe('connected');
  });
});
