import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { InvoiceStripeStatus, PaymentSummary, RefundSummary } from '../../shared/api';
import worker from '../../worker/src/index';
import { api, fakeInvoice, newAttemptId, type FakeInvoice } from './factories';
import { workerStripeRequests } from './setup/stripe-sim';
import { connectedStripeAccount, platform, saveTestCard, simControl } from './stripe-world';

type Acct = Awaited<ReturnType<typeof connectedStripeAccount>>;
const DAY = 24 * 60 * 60_000;

/** What the Cron Trigger does every five minutes, run now. */
async function runSchedule() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function historyOf(acct: Acct, invoice: FakeInvoice) {
  return (
    await api<{ payments: PaymentSummary[] }>(
      acct.auth,
      'GET',
      `/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`,
    )
  ).body.payments;
}

async function statusOf(acct: Acct, invoice: FakeInvoice) {
  return (
    await api<{ invoices: InvoiceStripeStatus[] }>(acct.auth, 'GET', `/invoices/status?numbers=${invoice.number}`)
  ).body.invoices[0];
}

const intentsOf = async (acct: Acct) =>
  (await platform.paymentIntents.list({ limit: 100 }, { stripeAccount: acct.id })).data;

/** Confirm on the invoice's whole $50.00 with the card on file; the charge as the worker recorded it. */
async function chargeWholeInvoice(acct: Acct, invoice: FakeInvoice) {
  const reply = await api<{ payment: PaymentSummary }>(acct.auth, 'POST', '/charges', {
    attemptId: newAttemptId(),
    invoice,
    amountMinor: 5000,
  });
  return reply.body.payment;
}

/** Moves an attempt's birth back in time, as if its request had been made that long ago. */
async function age(table: 'payments' | 'refunds', accountId: string, byMs: number) {
  await env.DB.prepare(`UPDATE ${table} SET created_at = created_at - ? WHERE account_id = ?`)
    .bind(byMs, accountId)
    .run();
}

async function paidInvoice() {
  const acct = await connectedStripeAccount();
  await simControl('/_sim/balance', { account: acct.id, currency: 'usd', available: 100_000, pending: 0 });
  const invoice = fakeInvoice();
  await saveTestCard(acct, invoice.customer, 'pm_card_visa');
  expect(
    (await api(acct.auth, 'POST', '/charges', { attemptId: newAttemptId(), invoice, amountMinor: 5000 })).status,
  ).toBe(200);
  return { acct, invoice };
}

describe('the schedule settles what was left unknown', () => {
  it('settles a refund Stripe answered with 500 three times, with no click', async () => {
    const { acct, invoice } = await paidInvoice();
    await simControl('/_sim/faults', { mode: 'error_500', count: 3, path: '/v1/refunds' });
    const lost = await api<{ refunds: RefundSummary[] }>(acct.auth, 'POST', '/refunds', {
      attemptId: newAttemptId(),
      invoiceNumber: invoice.number,
      kind: 'normal_sale',
      amountMinor: 2000,
    });
    expect(lost.body.refunds).toMatchObject([{ status: 'unknown' }]);
    await age('refunds', acct.id, 2 * 60_000);

    await runSchedule();

    expect(await statusOf(acct, invoice)).toMatchObject({
      state: 'partially_refunded',
      refundedMinor: 2000,
      pendingRefundMinor: 0,
    });
    expect((await platform.refunds.list({}, { stripeAccount: acct.id })).data.map((r) => r.amount)).toEqual([2000]);
  });

  it('settles a refund whose response was dropped after Stripe made it, without refunding twice', async () => {
    const { acct, invoice } = await paidInvoice();
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/refunds' });
    await api(acct.auth, 'POST', '/refunds', {
      attemptId: newAttemptId(),
      invoiceNumber: invoice.number,
      kind: 'normal_sale',
      amountMinor: 5000,
    });
    await age('refunds', acct.id, 2 * 60_000);
    await runSchedule();
    expect(await statusOf(acct, invoice)).toMatchObject({ state: 'refunded', refundedMinor: 5000 });
    expect((await platform.refunds.list({}, { stripeAccount: acct.id })).data).toHaveLength(1);
  });

  it('settles an unknown refund older than a day by looking it up, never by sending it again', async () => {
    const { acct, invoice } = await paidInvoice();
    await simControl('/_sim/faults', { mode: 'error_500', count: 3, path: '/v1/refunds' });
    await api(acct.auth, 'POST', '/refunds', {
      attemptId: newAttemptId(),
      invoiceNumber: invoice.number,
      kind: 'normal_sale',
      amountMinor: 2000,
    });
    await age('refunds', acct.id, DAY + 60_000);
    const before = workerStripeRequests.length;
    await runSchedule();
    expect(workerStripeRequests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
    // Stripe never made it (every call failed): nothing was refunded, and the arrow is green again.
    expect(await statusOf(acct, invoice)).toMatchObject({
      state: 'paid',
      refundableMinor: 5000,
      pendingRefundMinor: 0,
    });
  });

  it('settles an unknown charge older than a day by lookup: paid, with no second PaymentIntent', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/payment_intents' });
    expect((await chargeWholeInvoice(acct, invoice)).status).toBe('unknown');
    await age('payments', acct.id, DAY + 60_000);
    const before = workerStripeRequests.length;

    await runSchedule();

    expect(
      workerStripeRequests.slice(before).filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents'),
    ).toEqual([]);
    expect(await historyOf(acct, invoice)).toMatchObject([{ status: 'succeeded', amountMinor: 5000 }]);
    expect(await intentsOf(acct)).toHaveLength(1);
  });

  it('settles an unknown charge that never reached Stripe as not charged, and the invoice can be charged again', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await simControl('/_sim/faults', { mode: 'error_500', count: 3, path: '/v1/payment_intents' });
    await chargeWholeInvoice(acct, invoice);
    await age('payments', acct.id, DAY + 60_000);
    await runSchedule();
    expect(await historyOf(acct, invoice)).toMatchObject([
      { status: 'failed', message: 'This charge never reached Stripe. Nothing was charged.' },
    ]);
    expect(
      (await api(acct.auth, 'POST', '/charges', { attemptId: newAttemptId(), invoice, amountMinor: 5000 })).status,
    ).toBe(200);
  });

  it('re-sends a younger unknown charge with its own key: one PaymentIntent', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/payment_intents' });
    await chargeWholeInvoice(acct, invoice);
    await runSchedule();
    expect(await historyOf(acct, invoice)).toMatchObject([{ status: 'succeeded' }]);
    expect(await intentsOf(acct)).toHaveLength(1);
  });

  it('cancels a charge whose customer never authenticated once its link expired, so the invoice can be charged again', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_authenticationRequired');
    expect((await chargeWholeInvoice(acct, invoice)).status).toBe('requires_action');
    await runSchedule();
    expect(await historyOf(acct, invoice)).toMatchObject([{ status: 'requires_action' }]);

    await age('payments', acct.id, 8 * DAY);
    await runSchedule();

    expect(await historyOf(acct, invoice)).toMatchObject([
      { status: 'canceled', message: expect.stringMatching(/did not confirm this payment in time/) },
    ]);
    const [intent] = await intentsOf(acct);
    expect(intent?.status).toBe('canceled');
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    expect((await chargeWholeInvoice(acct, invoice)).status).toBe('succeeded');
  });

  it('signs out a browser unused for 180 days', async () => {
    const acct = await connectedStripeAccount();
    await env.DB.prepare('UPDATE consultant_tokens SET created_at = ?, last_used_at = ? WHERE id = ?')
      .bind(Date.now() - 200 * DAY, Date.now() - 181 * DAY, acct.tokenId)
      .run();
    await runSchedule();
    const row = await env.DB.prepare('SELECT revoked_at AS revokedAt FROM consultant_tokens WHERE id = ?')
      .bind(acct.tokenId)
      .first<{ revokedAt: number | null }>();
    expect(row?.revokedAt).not.toBeNull();
    expect((await api(acct.auth, 'GET', '/account')).status).toBe(401);
  });

  it("forgets a visitor's rate-limit counter (keyed by IP address) a day after its window, and keeps today's", async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 3)').bind(
        'redeem:198.51.100.7',
        now - 2 * DAY,
      ),
      env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)').bind(
        'redeem:198.51.100.8',
        now - 60_000,
      ),
    ]);
    await runSchedule();
    const { results } = await env.DB.prepare("SELECT key FROM rate_limits WHERE key LIKE 'redeem:198.51.100.%'").all<{
      key: string;
    }>();
    expect(results.map((row) => row.key)).toEqual(['redeem:198.51.100.8']);
  });
});
