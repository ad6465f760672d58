import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { BASE, fakeConnectedAccount, postEvent, signedEvent } from './factories';

describe('the Stripe webhook endpoint', () => {
  it('rejects a body whose signature does not verify', async () => {
    const { payload } = await signedEvent({ type: 'account.application.deauthorized', account: 'acct_x' });
    const forged = `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`;
    const res = await postEvent(payload, forged);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('rejects a correctly signed event stamped too far in the past or in the future', async () => {
    const acct = await fakeConnectedAccount();
    const now = Math.floor(Date.now() / 1000);
    for (const signedAt of [now - 301, now + 301]) {
      const { payload, header } = await signedEvent(
        { type: 'account.application.deauthorized', account: acct.id },
        { signedAt },
      );
      expect((await postEvent(payload, header)).status).toBe(400);
    }
    expect((await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth })).status).toBe(200);
  });

  it('rejects a request without a signature header', async () => {
    const res = await SELF.fetch(`${BASE}/webhooks/stripe`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
  });

  it('rejects a correctly signed body that was altered afterwards', async () => {
    const { payload, header } = await signedEvent({ type: 'account.application.deauthorized', account: 'acct_x' });
    const res = await postEvent(payload.replace('acct_x', 'acct_y'), header);
    expect(res.status).toBe(400);
  });

  it('marks the account disconnected when Stripe deauthorizes the platform, and its tokens stop working', async () => {
    const acct = await fakeConnectedAccount();
    const { payload, header } = await signedEvent({
      type: 'account.application.deauthorized',
      account: acct.id,
      data: { object: { id: 'ca_sandboxqtbridge', object: 'application' } },
    });
    const res = await postEvent(payload, header);
    expect(res.status).toBe(200);
    const after = await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: 'not_connected' } });
    const row = await env.DB.prepare('SELECT status FROM accounts WHERE id = ?')
      .bind(acct.id)
      .first<{ status: string }>();
    expect(row?.status).toBe('disconnected');
  });

  it('acknowledges a redelivered event once and does not apply it twice', async () => {
    const acct = await fakeConnectedAccount();
    const { payload, header } = await signedEvent({ type: 'account.application.deauthorized', account: acct.id });
    expect(await (await postEvent(payload, header)).json()).toEqual({ received: true });
    expect(await (await postEvent(payload, header)).json()).toEqual({ received: true, duplicate: true });
    const audits = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE account_id = ? AND action = 'account.disconnected'",
    )
      .bind(acct.id)
      .first<{ n: number }>();
    expect(audits?.n).toBe(1);
  });
});
