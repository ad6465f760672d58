import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hashSecret, randomSecret, sha256Base64Url } from '../../worker/src/crypto';
import { BASE, fakeConnectedAccount } from './factories';

async function newChallenge() {
  const verifier = randomSecret();
  return { verifier, challenge: await sha256Base64Url(verifier) };
}

async function start(challenge: string) {
  const res = await SELF.fetch(`${BASE}/connect/start?challenge=${challenge}`, { redirect: 'manual' });
  const location = new URL(res.headers.get('location') ?? 'http://missing');
  return { res, location, state: location.searchParams.get('state') ?? '' };
}

const callback = (query: string) => SELF.fetch(`${BASE}/connect/callback?${query}`, { redirect: 'manual' });

describe('connect: start', () => {
  it('refuses to start without a challenge', async () => {
    const res = await SELF.fetch(`${BASE}/connect/start`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses a challenge that is not a SHA-256 digest', async () => {
    const res = await SELF.fetch(`${BASE}/connect/start?challenge=short`, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });

  it('redirects to the configured authorize URL with a fresh single-use state', async () => {
    const { challenge } = await newChallenge();
    const { res, location, state } = await start(challenge);
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(env.STRIPE_OAUTH_AUTHORIZE_URL);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      response_type: 'code',
      client_id: env.STRIPE_CONNECT_CLIENT_ID,
      scope: 'read_write',
      state,
      redirect_uri: `${env.PUBLIC_URL}/connect/callback`,
      stripe_landing: 'login',
      always_prompt: 'true',
    });
    expect(state.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect((await start(challenge)).state).not.toBe(state);
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM oauth_states WHERE state_hash = ?')
      .bind(await hashSecret(state))
      .first<{ n: number }>();
    expect(stored?.n).toBe(1);
  });
});

describe('connect: callback', () => {
  it('rejects a callback without state', async () => {
    expect((await callback('code=ac_x')).status).toBe(400);
  });

  it('rejects a forged state without exchanging the code', async () => {
    const res = await callback(`code=ac_x&state=${randomSecret()}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('not valid');
  });

  it('rejects an expired state', async () => {
    const state = randomSecret();
    await env.DB.prepare('INSERT INTO oauth_states (state_hash, challenge, expires_at, created_at) VALUES (?, ?, ?, ?)')
      .bind(await hashSecret(state), (await newChallenge()).challenge, Date.now() - 1, Date.now() - 600_001)
      .run();
    expect((await callback(`code=ac_x&state=${state}`)).status).toBe(400);
  });

  it('accepts a state once: the same callback replayed is rejected', async () => {
    const { state } = await start((await newChallenge()).challenge);
    const first = await callback(`error=access_denied&error_description=The+user+denied&state=${state}`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/connect/done#error=access_denied');
    expect((await callback(`error=access_denied&state=${state}`)).status).toBe(400);
  });
});

describe('connect: redeeming the one-time code', () => {
  async function pendingRedeem() {
    const acct = await fakeConnectedAccount();
    const { verifier, challenge } = await newChallenge();
    const code = randomSecret();
    await env.DB.prepare(
      'INSERT INTO oauth_states (state_hash, challenge, expires_at, used_at, account_id, redeem_code_hash, redeem_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
      .bind(
        await hashSecret(randomSecret()),
        challenge,
        Date.now() + 60_000,
        Date.now(),
        acct.id,
        await hashSecret(code),
        Date.now() + 60_000,
        Date.now(),
      )
      .run();
    return { acct, verifier, code };
  }
  const redeem = (body: unknown) =>
    SELF.fetch(`${BASE}/connect/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('gives the holder of the verifier a working token, stored only as a hash', async () => {
    const { acct, verifier, code } = await pendingRedeem();
    const res = await redeem({ code, verifier });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; account: { id: string } };
    expect(body.account.id).toBe(acct.id);
    expect(body.token).toMatch(/^qtsb_[A-Za-z0-9_-]{43}$/);
    const api = await SELF.fetch(`${BASE}/api/account`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(api.status).toBe(200);
    const raw = await env.DB.prepare('SELECT COUNT(*) AS n FROM consultant_tokens WHERE token_hash = ?')
      .bind(body.token)
      .first<{ n: number }>();
    expect(raw?.n).toBe(0);
  });

  it('gives a second browser its own token for the same account', async () => {
    const a = await pendingRedeem();
    const first = (await (await redeem({ code: a.code, verifier: a.verifier })).json()) as { token: string };
    const { verifier, challenge } = await newChallenge();
    const code = randomSecret();
    await env.DB.prepare(
      'INSERT INTO oauth_states (state_hash, challenge, expires_at, used_at, account_id, redeem_code_hash, redeem_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
      .bind(
        await hashSecret(randomSecret()),
        challenge,
        Date.now() + 60_000,
        Date.now(),
        a.acct.id,
        await hashSecret(code),
        Date.now() + 60_000,
        Date.now(),
      )
      .run();
    const second = (await (await redeem({ code, verifier })).json()) as { token: string };
    expect(second.token).not.toBe(first.token);
    for (const token of [first.token, second.token])
      expect((await SELF.fetch(`${BASE}/api/account`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
  });

  it('refuses a wrong verifier and burns the code', async () => {
    const { verifier, code } = await pendingRedeem();
    expect((await redeem({ code, verifier: randomSecret() })).status).toBe(400);
    expect((await redeem({ code, verifier })).status).toBe(400);
  });

  it('refuses a code redeemed twice', async () => {
    const { verifier, code } = await pendingRedeem();
    expect((await redeem({ code, verifier })).status).toBe(200);
    expect((await redeem({ code, verifier })).status).toBe(400);
  });

  it('refuses malformed bodies with a 400 error body', async () => {
    for (const body of [
      {},
      { code: 'x', verifier: 'y' },
      { code: randomSecret(), verifier: 'has spaces in it which is not base64url at all....' },
    ]) {
      const res = await redeem(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });
});
