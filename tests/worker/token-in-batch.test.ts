import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { api, fakeInvoice, newAttemptId, secondBrowser, type FakeInvoice } from './factories';
import { connectedStripeAccount, platform, saveTestCard } from './stripe-world';

// A charge and the invoice page's and lists' reads check the consultant's token in the same D1 batch
// as their own work, once the worker has seen the token. These tests use a token the worker has just
// answered, then end it in each way a browser can lose its right to charge, and expect the very next
// request to be refused with nothing written and nothing sent to Stripe.

type Charged = { payment?: PaymentSummary };

async function chargingBrowser() {
  const acct = await connectedStripeAccount();
  const paid = fakeInvoice();
  await saveTestCard(acct, paid.customer, 'pm_card_visa');
  // The worker has now answered this token: later requests check it inside their own batch.
  const first = await chargeOf(acct.auth, paid, paid.balanceDueMinor);
  expect(first.body.payment?.status).toBe('succeeded');
  const next = { ...fakeInvoice(), customer: paid.customer };
  return { acct, paid, next };
}

const chargeOf = (auth: Record<string, string>, invoice: FakeInvoice, amountMinor: number) =>
  api<Charged>(auth, 'POST', '/charges', { attemptId: newAttemptId(), invoice, amountMinor });

async function traceOf(accountId: string, invoiceNumber: string) {
  const count = (sql: string) =>
    env.DB.prepare(sql)
      .bind(accountId, invoiceNumber)
      .first<{ n: number }>()
      .then((r) => r?.n);
  return {
    invoices: await count('SELECT count(*) AS n FROM invoices WHERE account_id = ? AND number = ?'),
    payments: await count(
      'SELECT count(*) AS n FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = ? AND i.number = ?',
    ),
    audit: await count(
      "SELECT count(*) AS n FROM audit_log WHERE account_id = ? AND json_extract(detail, '$.invoice') = ?",
    ),
    intents: (await platform.paymentIntents.list({ limit: 100 }, { stripeAccount: accountId })).data.length,
  };
}

const nothingWritten = { invoices: 0, payments: 0, audit: 0, intents: 1 };

type Browser = Awaited<ReturnType<typeof connectedStripeAccount>>;

// Each way a browser loses its right to charge, and what the refusal says.
const endings: [string, (acct: Browser) => Promise<void>, unknown][] = [
  [
    'once another browser signed it out',
    async (acct) => {
      const laptop = await secondBrowser(acct.id);
      expect((await api(laptop.auth, 'DELETE', `/sessions/${acct.tokenId}`)).status).toBe(200);
    },
    { code: 'not_connected', message: 'Stripe disconnected — reconnect in Stripe Settings.' },
  ],
  [
    'once the account was disconnected at Stripe',
    async (acct) => {
      // What the deauthorization webhook records; the browser's token itself is still live.
      await env.DB.prepare("UPDATE accounts SET status = 'disconnected' WHERE id = ?").bind(acct.id).run();
    },
    expect.objectContaining({ code: 'not_connected' }),
  ],
  [
    'after 180 days without use, in words',
    async (acct) => {
      const longAgo = Date.now() - 181 * 24 * 60 * 60_000;
      await env.DB.prepare('UPDATE consultant_tokens SET created_at = ?, last_used_at = ? WHERE id = ?')
        .bind(longAgo, longAgo, acct.tokenId)
        .run();
    },
    expect.objectContaining({ message: expect.stringMatching(/180 days/) }),
  ],
];

describe('a charge from a browser the worker has already seen', () => {
  it.each(endings)('is refused, with nothing written or charged, %s', async (_, end, error) => {
    const { acct, next } = await chargingBrowser();
    await end(acct);

    const res = await chargeOf(acct.auth, next, 2500);
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual(error);
    expect(await traceOf(acct.id, next.number)).toEqual(nothingWritten);
  });

  it('hears that it was signed out before what was wrong with the amount', async () => {
    const { acct, next } = await chargingBrowser();
    await env.DB.prepare('UPDATE consultant_tokens SET revoked_at = ? WHERE id = ?')
      .bind(Date.now(), acct.tokenId)
      .run();
    const res = await chargeOf(acct.auth, next, next.balanceDueMinor + 1);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('not_connected');
  });

  it('refuses an invoice in another currency without recording the invoice', async () => {
    const { acct, next } = await chargingBrowser();
    const inEuros = { ...next, currency: 'eur' };
    const res = await chargeOf(acct.auth, inEuros, 2500);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe('Your Stripe account charges in USD; this invoice is in EUR.');
    expect(await traceOf(acct.id, next.number)).toEqual(nothingWritten);
  });

  it('still charges while the token is live, and records which browser did it', async () => {
    const { acct, next } = await chargingBrowser();
    const res = await chargeOf(acct.auth, next, 2500);
    expect(res.body.payment?.status).toBe('succeeded');
    const row = await env.DB.prepare('SELECT token_id AS tokenId FROM payments WHERE id = ?')
      .bind(res.body.payment?.id)
      .first<{ tokenId: string }>();
    expect(row?.tokenId).toBe(acct.tokenId);
  });
});

describe('reads from a browser the worker has already seen', () => {
  it('refuse the invoice history and the Paid-list status once the browser was signed out', async () => {
    const { acct, paid } = await chargingBrowser();
    const history = `/invoices/${paid.number}/payments?customer=${paid.customer.id}`;
    const status = `/invoices/status?numbers=${paid.number}`;
    expect((await api(acct.auth, 'GET', history)).status).toBe(200);
    expect((await api(acct.auth, 'GET', status)).status).toBe(200);

    const laptop = await secondBrowser(acct.id);
    expect((await api(laptop.auth, 'DELETE', `/sessions/${acct.tokenId}`)).status).toBe(200);
    for (const path of [history, status]) {
      const res = await api(acct.auth, 'GET', path);
      expect(res.status).toBe(401);
      expect(res.body).not.toHaveProperty('payments');
      expect(res.body).not.toHaveProperty('invoices');
    }
    expect((await api(acct.auth, 'POST', '/invoices/status', { numbers: [paid.number] })).status).toBe(401);
    // Paths that do not check the token in their own batch still check it on every request.
    expect((await api(acct.auth, 'GET', '/account')).status).toBe(401);
  });
});
