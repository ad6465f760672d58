import { env, SELF } from 'cloudflare:test';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomSecret, sha256Base64Url } from '../../worker/src/crypto';
import type { AppEnv } from '../../worker/src/env';
import { onError, redact } from '../../worker/src/on-error';
import { BASE } from './factories';
import { connectedStripeAccount, saveTestCard } from './stripe-world';

describe('errors never leak', () => {
  it('answers an unexpected failure with a generic sentence: no stack, no key', async () => {
    const app = new Hono<AppEnv>().get('/boom', () => {
      throw new Error('boom with sk_test_abcdefghijklmnop and whsec_abcdefghijkl at line 3');
    });
    app.onError(onError);
    const res = await app.request('/boom', {}, env);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: expect.stringContaining('Nothing was charged') },
    });
    expect(text).not.toMatch(/sk_test|whsec_|boom|line 3/);
  });

  it('redacts Stripe keys and webhook secrets from anything logged', () => {
    // Made-up keys, assembled so no scanner mistakes them for leaked ones.
    const live = ['sk', 'live', '123abc'].join('_');
    expect(redact(`key ${live} and rk_test_9 and whsec_zz`)).toBe(
      'key sk_live_[redacted] and rk_test_[redacted] and whsec_[redacted]',
    );
  });
});

describe('rate limits', () => {
  // The limits count in fixed ten-minute windows aligned to the clock; a test that crossed a window's
  // edge would see its count restart. Each test takes a second or two, so it starts clear of an edge.
  beforeEach(async () => {
    const window = 10 * 60_000;
    const left = window - (Date.now() % window);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
  }, 30_000);

  it('slows down a client that starts connections in a loop', async () => {
    const headers = { 'cf-connecting-ip': `203.0.113.${Math.floor(Math.random() * 200)}` };
    const challenge = await sha256Base64Url(randomSecret());
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push(
        (await SELF.fetch(`${BASE}/connect/start?challenge=${challenge}`, { headers, redirect: 'manual' })).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 302)).toBe(true);
    const limited = await SELF.fetch(`${BASE}/connect/start?challenge=${challenge}`, { headers, redirect: 'manual' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Another client is not affected.
    expect(
      (
        await SELF.fetch(`${BASE}/connect/start?challenge=${challenge}`, {
          headers: { 'cf-connecting-ip': '198.51.100.7' },
          redirect: 'manual',
        })
      ).status,
    ).toBe(302);
  });

  it('limits guesses at one-time codes', async () => {
    const headers = { 'cf-connecting-ip': '192.0.2.99', 'content-type': 'application/json' };
    const body = () => JSON.stringify({ code: randomSecret(), verifier: randomSecret() });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1)
      statuses.push((await SELF.fetch(`${BASE}/connect/redeem`, { method: 'POST', headers, body: body() })).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('limits how often one client opens payment pages, so a link cannot be used to hammer Stripe', async () => {
    const headers = { 'cf-connecting-ip': '192.0.2.123' };
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1)
      statuses.push((await SELF.fetch(`${BASE}/pay/${randomSecret()}`, { headers })).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe('the audit log', () => {
  it('records each charge attempt and its result with the token that made it, and no card data', async () => {
    const acct = await connectedStripeAccount();
    const customer = { id: 'audit1', name: 'Audit Customer', email: null };
    await saveTestCard(acct, customer, 'pm_card_visa');
    const invoice = {
      number: 'A-1',
      kind: 'normal_sale',
      totalMinor: 2500,
      balanceDueMinor: 2500,
      currency: 'usd',
      customer,
    };
    const res = await SELF.fetch(`${BASE}/api/charges`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ attemptId: `attempt_${crypto.randomUUID()}`, invoice, amountMinor: 2500 }),
    });
    expect(res.status).toBe(200);
    const rows = await env.DB.prepare(
      "SELECT action, token_id AS tokenId, detail FROM audit_log WHERE account_id = ? AND action LIKE 'charge.%' ORDER BY id",
    )
      .bind(acct.id)
      .all<{ action: string; tokenId: string; detail: string }>();
    expect(rows.results.map((r) => r.action)).toEqual(['charge.attempted', 'charge.succeeded']);
    expect(rows.results.every((r) => r.tokenId === acct.tokenId)).toBe(true);
    expect(JSON.stringify(rows.results)).not.toMatch(/4242424242424242|pm_card|sk_test/);
  });
});
