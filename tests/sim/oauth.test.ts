import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { JANES_BEAUTY_STUDIO, MK_MY_SHOP, SANDBOX_CLIENT_ID, SANDBOX_LOGIN } from '../sandbox/stripe/seed.ts';
import { harness, stripeError, type Harness } from './harness.ts';

const CALLBACK = 'http://127.0.0.1:8787/connect/callback';

function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

/** Opens the authorize page and signs in as the sandbox consultant; returns what the account picker needs. */
async function signIn(h: Harness, state = 'state-123'): Promise<{ q: string; session: string; page: string }> {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: SANDBOX_CLIENT_ID,
    scope: 'read_write',
    state,
    redirect_uri: CALLBACK,
    stripe_landing: 'login',
  }).toString();
  const authorize = await h.request(`/oauth/authorize?${q}`);
  expect(await authorize.text()).toContain('data-testid="oauth-email"');
  const picker = await h.request(
    '/oauth/authorize/signin',
    form({ q, email: SANDBOX_LOGIN.email, password: SANDBOX_LOGIN.password }),
  );
  const page = await picker.text();
  const session = /name="session" value="([^"]+)"/.exec(page)?.[1];
  if (!session) throw new Error('no session on the account picker');
  return { q, session, page };
}

async function connect(h: Harness, account: string, extra: Record<string, string> = {}): Promise<Response> {
  const { q, session } = await signIn(h);
  return h.request('/oauth/authorize/decide', form({ q, session, account, decision: 'connect', ...extra }));
}

function codeFrom(response: Response): string {
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(CALLBACK);
  expect(location.searchParams.get('state')).toBe('state-123');
  return location.searchParams.get('code') ?? '';
}

describe('Connect OAuth', () => {
  it('lists the consultant’s accounts and the option to create one', async () => {
    const h = await harness();
    const { page } = await signIn(h);
    expect(page).toContain('Jane&#39;s Beauty Studio');
    expect(page).toContain('Jane Doe Consulting');
    expect(page).toContain(`data-testid="oauth-account-${JANES_BEAUTY_STUDIO.id}"`);
    expect(page).toContain('data-testid="oauth-create-account"');
  });

  it('refuses a wrong password', async () => {
    const h = await harness();
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: CALLBACK,
    }).toString();
    const response = await h.request(
      '/oauth/authorize/signin',
      form({ q, email: SANDBOX_LOGIN.email, password: 'nope' }),
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Invalid email or password.');
  });

  it('connects the chosen account and exchanges the code once', async () => {
    const h = await harness();
    const response = await connect(h, JANES_BEAUTY_STUDIO.id);
    expect(response.status).toBe(302);
    const code = codeFrom(response);
    const token = await h.stripe.oauth.token({ grant_type: 'authorization_code', code });
    expect(token.stripe_user_id).toBe(JANES_BEAUTY_STUDIO.id);
    expect(token.stripe_publishable_key).toMatch(/^pk_test_/);
    expect([token.scope, token.livemode]).toEqual(['read_write', false]);
    const reused = await stripeError(h.stripe.oauth.token({ grant_type: 'authorization_code', code }));
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
  });

  it('takes the platform key as Basic auth too, as `curl -u sk_test_…:` sends it', async () => {
    const h = await harness();
    const code = codeFrom(await connect(h, JANES_BEAUTY_STUDIO.id));
    const response = await h.request('/oauth/token', {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa('sk_test_basicauth:')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code }).toString(),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stripe_user_id: JANES_BEAUTY_STUDIO.id });
  });

  it('expires codes after five minutes', async () => {
    const h = await harness();
    const code = codeFrom(await connect(h, JANES_BEAUTY_STUDIO.id));
    await h.sim.clock.advance(301);
    const error = await stripeError(h.stripe.oauth.token({ grant_type: 'authorization_code', code }));
    expect(error.message).toContain('expired');
  });

  it('rejects a code it never issued', async () => {
    const h = await harness();
    const error = await stripeError(h.stripe.oauth.token({ grant_type: 'authorization_code', code: 'ac_forged' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
  });

  it('redirects with access_denied when the consultant denies', async () => {
    const h = await harness();
    const { q, session } = await signIn(h);
    const response = await h.request('/oauth/authorize/decide', form({ q, session, decision: 'deny' }));
    const location = new URL(response.headers.get('location') ?? '');
    expect([location.searchParams.get('error'), location.searchParams.get('state')]).toEqual([
      'access_denied',
      'state-123',
    ]);
  });

  it('refuses the MK My Shop account, which another platform controls, with a clear page', async () => {
    const h = await harness();
    const response = await connect(h, MK_MY_SHOP.id);
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain('data-testid="oauth-refused"');
    expect(page).toContain("MK My Shop can't be connected");
    expect(page).toContain('managed by another platform');
  });

  it('creates a new account on the spot and connects it', async () => {
    const h = await harness();
    const code = codeFrom(await connect(h, 'new', { new_business_name: 'Jane Pop-up Shop' }));
    const token = await h.stripe.oauth.token({ grant_type: 'authorization_code', code });
    const account = await h.stripe.accounts.retrieve(token.stripe_user_id ?? '');
    expect([account.type, account.business_profile?.name]).toEqual(['standard', 'Jane Pop-up Shop']);
    const { page } = await signIn(h);
    expect(page).toContain('Jane Pop-up Shop');
  });

  it('deauthorizes: the account becomes unreachable and Connect endpoints hear about it', async () => {
    const received: { body: string; signature: string }[] = [];
    const h = await harness({
      deliver: async (_url, init) => (
        received.push({ body: init.body, signature: init.headers['stripe-signature'] ?? '' }),
        { status: 200 }
      ),
    });
    await h.control('/_sim/webhook_endpoints', {
      url: 'http://127.0.0.1:8787/webhooks/stripe',
      connect: true,
      secret: 'whsec_test_connect',
    });
    const code = codeFrom(await connect(h, JANES_BEAUTY_STUDIO.id));
    await h.stripe.oauth.token({ grant_type: 'authorization_code', code });
    const result = await h.stripe.oauth.deauthorize({
      client_id: SANDBOX_CLIENT_ID,
      stripe_user_id: JANES_BEAUTY_STUDIO.id,
    });
    expect(result.stripe_user_id).toBe(JANES_BEAUTY_STUDIO.id);
    const after = await stripeError(h.stripe.customers.list({}, { stripeAccount: JANES_BEAUTY_STUDIO.id }));
    expect([after.statusCode, after.code]).toEqual([401, 'account_invalid']);
    expect(await h.sim.deliverWebhooks()).toBe(1);
    const [delivery] = received;
    if (!delivery) throw new Error('no webhook delivered');
    const event = await h.stripe.webhooks.constructEventAsync(delivery.body, delivery.signature, 'whsec_test_connect');
    expect([event.type, event.account]).toEqual(['account.application.deauthorized', JANES_BEAUTY_STUDIO.id]);
  });
});
