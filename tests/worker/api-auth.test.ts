import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { BASE, fakeConnectedAccount } from './factories';

const API_PATHS: [string, string][] = [
  ['GET', '/api/account'],
  ['PUT', '/api/settings'],
  ['POST', '/api/disconnect'],
  ['POST', '/api/charges'],
  ['GET', '/api/no-such-thing'],
];

describe('the /api token', () => {
  it.each(API_PATHS)('refuses %s %s without a bearer token', async (method, path) => {
    const res = await SELF.fetch(`${BASE}${path}`, { method });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it.each(API_PATHS)('refuses %s %s with a token nobody issued', async (method, path) => {
    const res = await SELF.fetch(`${BASE}${path}`, {
      method,
      headers: { authorization: 'Bearer qtsb_thisTokenWasNeverIssuedByTheWorker00000' },
    });
    expect(res.status).toBe(401);
  });

  it('answers the account summary for a live token', async () => {
    const acct = await fakeConnectedAccount({ businessName: "Jane's Beauty Studio" });
    const res = await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: acct.id,
      businessName: "Jane's Beauty Studio",
      livemode: false,
      currency: 'usd',
      status: 'connected',
      stripeIsDefaultGateway: false,
    });
  });

  it('tells a disconnected account to reconnect, in words', async () => {
    const acct = await fakeConnectedAccount({ status: 'disconnected' });
    const res = await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'not_connected', message: 'Stripe disconnected — reconnect in Stripe Settings.' },
    });
  });
});

describe('settings', () => {
  it('round-trips the default gateway choice', async () => {
    const acct = await fakeConnectedAccount();
    const put = await SELF.fetch(`${BASE}/api/settings`, {
      method: 'PUT',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ stripeIsDefaultGateway: true }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ stripeIsDefaultGateway: true });
    const get = await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth });
    expect(await get.json()).toMatchObject({ stripeIsDefaultGateway: true });
  });

  it('rejects a malformed settings body with a 400 and changes nothing', async () => {
    const acct = await fakeConnectedAccount();
    for (const body of [
      '{"stripeIsDefaultGateway":"yes"}',
      '{}',
      'not json',
      '{"stripeIsDefaultGateway":true,"extra":1}',
    ]) {
      const res = await SELF.fetch(`${BASE}/api/settings`, {
        method: 'PUT',
        headers: { ...acct.auth, 'content-type': 'application/json' },
        body,
      });
      expect(res.status, body).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    const get = await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth });
    expect(await get.json()).toMatchObject({ stripeIsDefaultGateway: false });
  });
});
