import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { InvoiceStripeStatus, PaymentSummary, RefundSummary } from '../../shared/api';
import { api, fakeInvoice, newAttemptId, postEvent, secondBrowser, signedEvent, type FakeInvoice } from './factories';
import { connectedStripeAccount, platform, saveTestCard, simControl } from './stripe-world';

type Acct = Awaited<ReturnType<typeof connectedStripeAccount>>;
type RefundBody = { refunds?: RefundSummary[]; status?: InvoiceStripeStatus };

/** A connected account with funds whose card on file paid an invoice through the worker. */
async function paidInvoice(amountMinor = 5000) {
  const acct = await connectedStripeAccount();
  await simControl('/_sim/balance', { account: acct.id, currency: 'usd', available: 100_000, pending: 0 });
  const invoice = fakeInvoice({ totalMinor: amountMinor });
  await saveTestCard(acct, invoice.customer, 'pm_card_visa');
  const paid = await api<{ payment: PaymentSummary }>(acct.auth, 'POST', '/charges', {
    attemptId: newAttemptId(),
    invoice,
    amountMinor,
  });
  expect(paid.status).toBe(200);
  return { acct, invoice, payment: paid.body.payment };
}

const refund = (
  auth: Record<string, string>,
  invoice: Pick<FakeInvoice, 'number'>,
  amountMinor: number,
  attemptId = newAttemptId(),
) =>
  api<RefundBody>(auth, 'POST', '/refunds', {
    attemptId,
    invoiceNumber: invoice.number,
    kind: 'normal_sale',
    amountMinor,
  });

const stripeRefunds = async (acct: Acct) =>
  (await platform.refunds.list({ limit: 100 }, { stripeAccount: acct.id })).data;

async function statusOf(acct: Acct, invoice: FakeInvoice) {
  const res = await api<{ invoices: InvoiceStripeStatus[] }>(
    acct.auth,
    'GET',
    `/invoices/status?numbers=${invoice.number}`,
  );
  return res.body.invoices[0];
}

async function refundRowsOf(accountId: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, status, amount_minor AS amountMinor, stripe_refund_id AS stripeRefundId FROM refunds WHERE account_id = ? ORDER BY created_at',
  )
    .bind(accountId)
    .all();
  return results;
}

describe('refunds never exceed what the card paid', () => {
  it('refunds once when two browsers refund the whole payment at the same moment', async () => {
    const { acct, invoice } = await paidInvoice();
    const other = await secondBrowser(acct.id);
    const replies = await Promise.all([
      refund(acct.auth, invoice, 5000),
      refund(other.auth, invoice, 5000),
      refund(acct.auth, invoice, 5000),
    ]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const refused of replies.filter((r) => r.status !== 200))
      expect(refused.body.error?.message).toMatch(/same moment|At most \$0\.00/);
    expect((await stripeRefunds(acct)).map((r) => r.amount)).toEqual([5000]);
  });

  it('refuses the same refund click sent again with another amount, and refunds nothing more', async () => {
    const { acct, invoice } = await paidInvoice();
    const attemptId = newAttemptId();
    expect((await refund(acct.auth, invoice, 1000, attemptId)).status).toBe(200);
    const changed = await refund(acct.auth, invoice, 3000, attemptId);
    expect(changed.status).toBe(409);
    expect((await stripeRefunds(acct)).map((r) => r.amount)).toEqual([1000]);
  });

  it('counts a refund made in the Stripe Dashboard, learnt from its webhook', async () => {
    const { acct, invoice, payment } = await paidInvoice();
    const dashboard = await platform.refunds.create(
      { payment_intent: payment?.paymentIntentId ?? '', amount: 2000 },
      { stripeAccount: acct.id },
    );
    const event = await signedEvent({ type: 'refund.created', account: acct.id, data: { object: dashboard } });
    expect((await postEvent(event.payload, event.header)).status).toBe(200);
    expect(await statusOf(acct, invoice)).toMatchObject({ refundedMinor: 2000, refundableMinor: 3000 });
    expect((await refund(acct.auth, invoice, 3001)).status).toBe(400);
  });

  it('never moves a succeeded refund back to pending when its events arrive out of order', async () => {
    const { acct, invoice } = await paidInvoice();
    const made = await refund(acct.auth, invoice, 5000);
    const stripeRefund = (await stripeRefunds(acct))[0];
    expect(made.body.status?.state).toBe('refunded');
    const stale = await signedEvent({
      type: 'refund.updated',
      account: acct.id,
      data: { object: { ...stripeRefund, status: 'pending' } },
    });
    expect((await postEvent(stale.payload, stale.header)).status).toBe(200);
    expect(await statusOf(acct, invoice)).toMatchObject({
      state: 'refunded',
      refundedMinor: 5000,
      pendingRefundMinor: 0,
    });
  });
});

describe('refunds stay with the account that owns them', () => {
  it("answers 404 to one consultant's token with another's refund click, and changes nothing", async () => {
    const a = await paidInvoice();
    const b = await paidInvoice();
    const attemptId = newAttemptId();
    expect((await refund(b.acct.auth, b.invoice, 1000, attemptId)).status).toBe(200);
    const rowsBefore = await refundRowsOf(b.acct.id);

    const crossed = await refund(a.acct.auth, b.invoice, 1000, attemptId);

    expect(crossed.status).toBe(404);
    expect(await refundRowsOf(b.acct.id)).toEqual(rowsBefore);
    expect(await refundRowsOf(a.acct.id)).toEqual([]);
    expect(await stripeRefunds(a.acct)).toEqual([]);
    const audit = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE account_id = ? AND action LIKE 'refund.%'",
    )
      .bind(a.acct.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(0);
  });

  it("ignores a refund event of one account that names another account's refund row", async () => {
    const a = await paidInvoice();
    const b = await paidInvoice();
    expect((await refund(b.acct.auth, b.invoice, 1000)).status).toBe(200);
    const [bRow] = await refundRowsOf(b.acct.id);
    const forged = {
      id: 're_forged0000000000000000',
      object: 'refund',
      amount: 1000,
      currency: 'usd',
      status: 'failed',
      failure_reason: 'lost_or_stolen_card',
      payment_intent: a.payment?.paymentIntentId,
      metadata: { refund_id: String(bRow?.id) },
    };
    const event = await signedEvent({ type: 'refund.failed', account: a.acct.id, data: { object: forged } });
    expect((await postEvent(event.payload, event.header)).status).toBe(200);
    expect(await refundRowsOf(b.acct.id)).toEqual([bRow]);
    expect(await statusOf(b.acct, b.invoice)).toMatchObject({ refundedMinor: 1000, refundableMinor: 4000 });
  });
});
