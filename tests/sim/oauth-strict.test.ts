import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { JANES_BEAUTY_STUDIO, SANDBOX_CLIENT_ID, SANDBOX_LOGIN } from '../sandbox/stripe/seed.ts';
import { startSimulatorServer, type RunningSimulator } from '../sandbox/stripe/server.ts';
import { harness, stripeError, type Harness } from './harness.ts';

const CALLBACK = 'http://127.0.0.1:8787/connect/callback';
/** Shaped like a live secret key but made up; assembled so no scanner mistakes it for a leaked one. */
const FAKE_LIVE_KEY = ['sk', 'live', 'simplatformfake'].join('_');

function authorize(params: Record<string, string>): string {
  return `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: SANDBOX_CLIENT_ID, scope: 'read_write', state: 's1', redirect_uri: CALLBACK, ...params })}`;
}

function form(fields: Record<string, string>, cookie?: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  };
}

/** Signs in from the login landing and connects `account`; returns the session cookie and the redirect. */
async function signInAndConnect(h: Harness, params: Record<string, string> = {}, account = JANES_BEAUTY_STUDIO.id) {
  const q = new URL(authorize({ stripe_landing: 'login', ...params }), 'http://x').search.slice(1);
  const picker = await h.request(
    '/oauth/authorize/signin',
    form({ q, email: SANDBOX_LOGIN.email, password: SANDBOX_LOGIN.password }),
  );
  const cookie = (picker.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = /name="session" value="([^"]+)"/.exec(await picker.text())?.[1] ?? '';
  const done = await h.request('/oauth/authorize/decide', form({ q, session, account, decision: 'connect' }, cookie));
  return { cookie, done };
}

describe('Connect OAuth as strict as Stripe', () => {
  it('refuses a client id the platform never registered, on Stripe’s error page', async () => {
    const h = await harness();
    const page = await h.request(authorize({ client_id: 'ca_someoneelse' }));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('No application matches the supplied client identifier');
  });

  it('refuses a redirect URI not registered for the client, and accepts one registered like the Dashboard does', async () => {
    const h = await harness();
    const other = 'http://127.0.0.1:9999/connect/callback';
    const refused = await h.request(authorize({ redirect_uri: other, stripe_landing: 'login' }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Invalid redirect_uri');
    await h.control('/_sim/oauth/clients', { client_id: SANDBOX_CLIENT_ID, redirect_uris: [other] });
    expect(await (await h.request(authorize({ redirect_uri: other, stripe_landing: 'login' }))).text()).toContain(
      'data-testid="oauth-signin"',
    );
  });

  it('opens the sign-up form unless stripe_landing=login, which opens the sign-in form', async () => {
    const h = await harness();
    const landing = await (await h.request(authorize({}))).text();
    expect(landing).toContain('data-testid="oauth-signup"');
    expect(landing).not.toContain('data-testid="oauth-email"');
    expect(await (await h.request(authorize({ stripe_landing: 'login' }))).text()).toContain(
      'data-testid="oauth-email"',
    );
  });

  it('sends a signed-in consultant who already connected straight back, unless always_prompt=true offers the choice again', async () => {
    const h = await harness();
    const { cookie, done } = await signInAndConnect(h);
    expect(done.status).toBe(302);
    const silent = await h.request(authorize({ stripe_landing: 'login' }), { headers: { cookie }, redirect: 'manual' });
    expect(silent.status).toBe(302);
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^ac_/);
    const prompted = await h.request(authorize({ stripe_landing: 'login', always_prompt: 'true' }), {
      headers: { cookie },
    });
    const page = await prompted.text();
    expect(page).toContain('data-testid="oauth-create-account"');
    expect(page).toContain(`data-testid="oauth-account-${JANES_BEAUTY_STUDIO.id}"`);
  });

  it('connects in live mode through a live client id: the token says livemode and acts with a live access token', async () => {
    const h = await harness();
    await h.control('/_sim/oauth/clients', { client_id: 'ca_liveqtbridge', livemode: true, redirect_uris: [CALLBACK] });
    const { done } = await signInAndConnect(h, { client_id: 'ca_liveqtbridge' });
    const code = new URL(done.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const token = await h.stripe.oauth.token({ grant_type: 'authorization_code', code });
    expect([token.livemode, token.access_token?.slice(0, 8)]).toEqual([true, 'sk_live_']);
  });

  it('refuses deauthorize for a client id it does not know (invalid_client), distinct from an account not connected', async () => {
    const h = await harness();
    const unknown = await stripeError(
      h.stripe.oauth.deauthorize({ client_id: 'ca_notours', stripe_user_id: JANES_BEAUTY_STUDIO.id }),
    );
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
    expect(unknown.message).toContain('No such application');
  });
});

describe('live mode', () => {
  it('refuses a live key until the platform’s live key is registered, then marks its events livemode', async () => {
    const h = await harness();
    const live = new Stripe(FAKE_LIVE_KEY, {
      httpClient: Stripe.createFetchHttpClient((input, init) => h.sim.fetch(new Request(input, init))),
      maxNetworkRetries: 0,
    });
    expect((await stripeError(live.customers.list())).statusCode).toBe(401);
    await h.control('/_sim/live_key', { key: FAKE_LIVE_KEY });
    await live.customers.create({ email: 'live@example.com' });
    const [event] = (await live.events.list({ type: 'customer.created' })).data;
    expect(event?.livemode).toBe(true);
  });

  it('delivers test-mode events of connected accounts to a live Connect endpoint as well, and live events to live endpoints only', async () => {
    const received: { url: string; livemode: boolean; type: string }[] = [];
    const h = await harness({
      deliver: async (url, init) => {
        const event = JSON.parse(init.body) as { livemode: boolean; type: string };
        received.push({ url, livemode: event.livemode, type: event.type });
        return { status: 200 };
      },
    });
    await h.control('/_sim/webhook_endpoints', {
      url: 'https://live.example/webhooks',
      connect: true,
      livemode: true,
      enabled_events: ['customer.created'],
    });
    await h.control('/_sim/webhook_endpoints', {
      url: 'https://test.example/webhooks',
      connect: true,
      enabled_events: ['customer.created'],
    });
    await h.stripe.customers.create({}, { stripeAccount: h.account });
    await h.sim.deliverWebhooks();
    expect(received.map((r) => [r.url, r.livemode]).sort()).toEqual([
      ['https://live.example/webhooks', false],
      ['https://test.example/webhooks', false],
    ]);
  });
});

describe('the Connect origin (connect.stripe.com)', () => {
  let running: RunningSimulator | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  it('serves OAuth on an origin of its own, which the SDK reaches by its own routing to connect.stripe.com', async () => {
    running = await startSimulatorServer({ port: 0, autoDeliver: false });
    const api = running.url;
    const connectOrigin = running.connectUrl;
    expect(connectOrigin).not.toBe(api);
    const seen: string[] = [];
    // As a deployment maps Stripe's hosts: the SDK keeps its own host choice, only the origin is swapped.
    const stripe = new Stripe('sk_test_sandbox', {
      maxNetworkRetries: 0,
      httpClient: Stripe.createFetchHttpClient((input, init) => {
        const url = new URL(String(input));
        seen.push(url.hostname);
        const origin = url.hostname === 'connect.stripe.com' ? connectOrigin : api;
        return fetch(`${origin}${url.pathname}${url.search}`, init);
      }),
    });
    await expect(
      stripe.oauth.token({ grant_type: 'authorization_code', code: 'ac_never_issued' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    await stripe.customers.list();
    expect(seen).toEqual(['connect.stripe.com', 'api.stripe.com']);
    expect(
      (await fetch(`${connectOrigin}/v1/customers`, { headers: { authorization: 'Bearer sk_test_x' } })).status,
    ).toBe(404);
    const page = await fetch(`${connectOrigin}${authorize({ stripe_landing: 'login' })}`);
    expect(await page.text()).toContain('data-testid="oauth-signin"');
    await fetch(`${api}/_sim/connect`, { method: 'POST', body: JSON.stringify({ account: JANES_BEAUTY_STUDIO.id }) });
  });
});
