import { env, SELF } from 'cloudflare:test';
import { describe, expect, it, onTestFinished } from 'vitest';
import { randomSecret, sha256Base64Url } from '../../worker/src/crypto';
import { JANES_BEAUTY_STUDIO, JANE_DOE_CONSULTING, MK_MY_SHOP, SANDBOX_LOGIN } from '../sandbox/stripe/seed.ts';
import { BASE } from './factories';
import { sim, simControl } from './stripe-world';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

/** The consultant's walk through Stripe's authorize page, as the simulator serves it. */
async function authorize(decision: { account: string } | 'deny') {
  const verifier = randomSecret();
  const start = await SELF.fetch(`${BASE}/connect/start?challenge=${await sha256Base64Url(verifier)}`, {
    redirect: 'manual',
  });
  const authorizeUrl = new URL(start.headers.get('location') ?? '');
  const q = authorizeUrl.search.slice(1);
  const landing = await sim.fetch(new Request(authorizeUrl));
  expect(landing.status).toBe(200);
  // stripe_landing=login: consultants who have an account start at Stripe's sign-in form, not its sign-up form.
  expect(await landing.text()).toContain('data-testid="oauth-email"');
  const chooser = await (
    await sim.fetch(
      new Request(
        `${authorizeUrl.origin}/oauth/authorize/signin`,
        form({ q, email: SANDBOX_LOGIN.email, password: SANDBOX_LOGIN.password }),
      ),
    )
  ).text();
  const session = /name="session" value="([^"]+)"/.exec(chooser)?.[1] ?? '';
  const decided = await sim.fetch(
    new Request(
      `${authorizeUrl.origin}/oauth/authorize/decide`,
      form(
        decision === 'deny'
          ? { q, session, decision: 'deny' }
          : { q, session, account: decision.account, decision: 'connect' },
      ),
    ),
  );
  return { verifier, decided, state: authorizeUrl.searchParams.get('state') ?? '' };
}

async function followToWorker(decided: Response) {
  const location = decided.headers.get('location') ?? '';
  return SELF.fetch(location.replace(env.PUBLIC_URL, BASE), { redirect: 'manual' });
}

async function redeem(done: Response, verifier: string) {
  const code = /#code=(.+)$/.exec(done.headers.get('location') ?? '')?.[1] ?? '';
  return SELF.fetch(`${BASE}/connect/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, verifier }),
  });
}

describe('connect through Stripe (simulator)', () => {
  it('connects the account the consultant picks and keeps only its id, name and mode', async () => {
    const { verifier, decided } = await authorize({ account: JANES_BEAUTY_STUDIO.id });
    expect(decided.status).toBe(302);
    const done = await followToWorker(decided);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toMatch(/^\/connect\/done#code=[A-Za-z0-9_-]{43}$/);
    const res = await redeem(done, verifier);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      token: string;
      account: { id: string; businessName: string; livemode: boolean };
    };
    expect(body.account).toMatchObject({
      id: JANES_BEAUTY_STUDIO.id,
      businessName: "Jane's Beauty Studio",
      livemode: false,
      status: 'connected',
    });
    const columns = await env.DB.prepare('SELECT * FROM accounts WHERE id = ?')
      .bind(JANES_BEAUTY_STUDIO.id)
      .first<Record<string, unknown>>();
    expect(JSON.stringify(columns)).not.toMatch(/sk_test_|rt_/);
  });

  it('asks Stripe to open its sign-in form and always to offer the choice of account', async () => {
    const start = await SELF.fetch(`${BASE}/connect/start?challenge=${await sha256Base64Url(randomSecret())}`, {
      redirect: 'manual',
    });
    const query = new URL(start.headers.get('location') ?? '').searchParams;
    expect([query.get('stripe_landing'), query.get('always_prompt')]).toEqual(['login', 'true']);
  });

  it('refuses, in words, an account Stripe connected in live mode while this deployment holds a test key', async () => {
    // The platform's Dashboard has the client id in live mode (a production client id with a test key).
    await simControl('/_sim/oauth/clients', { client_id: env.STRIPE_CONNECT_CLIENT_ID, livemode: true });
    onTestFinished(() =>
      simControl('/_sim/oauth/clients', { client_id: env.STRIPE_CONNECT_CLIENT_ID, livemode: false }).then(
        () => undefined,
      ),
    );
    const count = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM accounts').first<{ n: number }>())?.n;
    const before = await count();
    const { decided } = await authorize({ account: JANE_DOE_CONSULTING.id });
    const callback = await followToWorker(decided);
    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain(
      'Stripe connected the account in live mode, but this service runs in test mode',
    );
    expect(await count()).toBe(before);
  });

  it('tells the extension the consultant denied access, and issues nothing', async () => {
    const { decided } = await authorize('deny');
    const done = await followToWorker(decided);
    expect(done.headers.get('location')).toBe('/connect/done#error=access_denied');
  });

  it('answers a code Stripe no longer accepts (already used) with "expired"', async () => {
    const { decided } = await authorize({ account: JANE_DOE_CONSULTING.id });
    const callback = new URL(decided.headers.get('location') ?? '');
    // Someone else redeems the code at Stripe first.
    const stolen = await sim.fetch(
      new Request('http://sim/oauth/token', {
        ...form({ grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '' }),
        headers: {
          authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
      }),
    );
    expect(stolen.status).toBe(200);
    const done = await followToWorker(decided);
    expect(done.headers.get('location')).toBe('/connect/done#error=expired');
  });

  it('never connects the MK My Shop account: Stripe refuses it on its own page', async () => {
    const { decided } = await authorize({ account: MK_MY_SHOP.id });
    expect(decided.status).toBe(403);
    expect(decided.headers.get('location')).toBeNull();
    expect(await decided.text()).toContain("can't be connected");
    const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM accounts WHERE id = ?')
      .bind(MK_MY_SHOP.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
  });

  it('disconnects: Stripe revokes access and every token of the account stops working', async () => {
    const { verifier, decided } = await authorize({ account: JANE_DOE_CONSULTING.id });
    const { token } = (await (await redeem(await followToWorker(decided), verifier)).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const res = await SELF.fetch(`${BASE}/api/disconnect`, { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'disconnected' });
    const after = await SELF.fetch(`${BASE}/api/account`, { headers: auth });
    expect(after.status).toBe(401);
    const atStripe = await sim.fetch(
      new Request(`http://sim/v1/customers`, {
        headers: { authorization: `Bearer ${env.STRIPE_SECRET_KEY}`, 'stripe-account': JANE_DOE_CONSULTING.id },
      }),
    );
    expect(atStripe.status).toBe(401);
  });
});
