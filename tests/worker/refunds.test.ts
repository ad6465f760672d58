import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { InvoiceStripeStatus, RefundSummary } from '../../shared/api';
import { BASE } from './factories';
import { connectedStripeAccount, platform, saveTestCard, sim, simControl } from './stripe-world';

let n = 0;
type Acct = Awaited<ReturnType<typeof connectedStripeAccount>>;

/** A connected account whose card on file paid an invoice through the worker. */
async function paidInvoice(
  opts: { amountMinor?: number; kind?: 'normal_sale' | 'return_exchange'; card?: string; availableMinor?: number } = {},
) {
  const acct = await connectedStripeAccount();
  if (opts.availableMinor !== undefined)
    await simControl('/_sim/balance', {
      account: acct.id,
      currency: 'usd',
      available: opts.availableMinor,
      pending: 0,
    });
  n += 1;
  const amountMinor = opts.amountMinor ?? 5000;
  const invoice = {
    number: `20${n}${Date.now() % 10000}`,
    kind: opts.kind ?? 'normal_sale',
    totalMinor: amountMinor,
    balanceDueMinor: amountMinor,
    currency: 'usd',
    customer: { id: `r${n}`, name: `Refund Customer ${n}`, email: null },
  };
  await saveTestCard(acct, invoice.customer, opts.card ?? 'pm_card_visa');
  const res = await SELF.fetch(`${BASE}/api/charges`, {
    method: 'POST',
    headers: { ...acct.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ attemptId: `attempt_${crypto.randomUUID()}`, invoice, amountMinor }),
  });
  expect(res.status).toBe(200);
  return { acct, invoice };
}

async function refund(
  acct: Acct,
  invoiceNumber: string,
  amountMinor: number,
  opts: { kind?: string; attemptId?: string; reason?: string } = {},
) {
  const res = await SELF.fetch(`${BASE}/api/refunds`, {
    method: 'POST',
    headers: { ...acct.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      attemptId: opts.attemptId ?? `refund_${crypto.randomUUID()}`,
      invoiceNumber,
      kind: opts.kind ?? 'normal_sale',
      amountMinor,
      ...(opts.reason === undefined ? {} : { reason: opts.reason }),
    }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      refunds?: RefundSummary[];
      status?: InvoiceStripeStatus;
      error?: { code: string; message: string };
    },
  };
}

async function statusOf(acct: Acct, numbers: string[]) {
  const res = await SELF.fetch(`${BASE}/api/invoices/status?numbers=${numbers.join(',')}`, { headers: acct.auth });
  return { status: res.status, body: (await res.json()) as { invoices: InvoiceStripeStatus[] } };
}

const stripeRefunds = async (acct: Acct) =>
  (await platform.refunds.list({ limit: 100 }, { stripeAccount: acct.id })).data;

describe('refunds', () => {
  it('refunds the whole payment once: the arrow turns red and nothing more can be refunded', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    const first = await refund(acct, invoice.number, 5000);
    expect(first.status).toBe(200);
    expect(first.body.status).toMatchObject({
      state: 'refunded',
      chargedMinor: 5000,
      refundedMinor: 5000,
      refundableMinor: 0,
    });
    const again = await refund(acct, invoice.number, 1);
    expect(again.status).toBe(400);
    expect(again.body.error?.code).toBe('amount_too_large');
    expect(await stripeRefunds(acct)).toHaveLength(1);
  });

  it('never refunds more than was charged on the card for the invoice, across partial refunds', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    expect((await refund(acct, invoice.number, 2000)).body.status).toMatchObject({
      state: 'partially_refunded',
      refundableMinor: 3000,
    });
    // The list names the card and the day of the refund, from the status route as from the refund's answer.
    const [listed] = (await statusOf(acct, [invoice.number])).body.invoices;
    expect(listed).toMatchObject({ card: { brand: 'visa', last4: '4242' }, refundedMinor: 2000 });
    expect(Date.now() - (listed?.lastRefundAt ?? 0)).toBeLessThan(60_000);
    const tooMuch = await refund(acct, invoice.number, 3001);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error?.message).toContain('$30.00');
    expect((await refund(acct, invoice.number, 3000)).body.status).toMatchObject({
      state: 'refunded',
      refundedMinor: 5000,
    });
    expect((await stripeRefunds(acct)).reduce((s, r) => s + r.amount, 0)).toBe(5000);
  });

  it("passes the consultant's reason to Stripe's refund, and again on a retry of the same click", async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    const attemptId = `refund_${crypto.randomUUID()}`;
    const first = await refund(acct, invoice.number, 1000, { reason: 'duplicate', attemptId });
    expect(first.status).toBe(200);
    expect(first.body.status).toMatchObject({ state: 'partially_refunded', refundableMinor: 4000 });
    expect((await refund(acct, invoice.number, 1000, { reason: 'duplicate', attemptId })).status).toBe(200);
    const withoutReason = await refund(acct, invoice.number, 500);
    expect(withoutReason.status).toBe(200);
    const made = await stripeRefunds(acct);
    expect(made.map((r) => [r.amount, r.reason])).toEqual([
      [500, null],
      [1000, 'duplicate'],
    ]);
  });

  it('refuses a reason Stripe does not know with a 400, and refunds nothing', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    for (const reason of ['changed_mind', '', 'DUPLICATE']) {
      const res = await refund(acct, invoice.number, 1000, { reason });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
      expect(res.body.error?.message).toMatch(/^reason: /);
    }
    expect(await stripeRefunds(acct)).toHaveLength(0);
    const [status] = (await statusOf(acct, [invoice.number])).body.invoices;
    expect(status).toMatchObject({ refundedMinor: 0, refundableMinor: 5000 });
  });

  it('refuses Return/Exchange invoices, whatever the page claims', async () => {
    const { acct, invoice } = await paidInvoice({ kind: 'return_exchange', availableMinor: 100_000 });
    for (const kind of ['return_exchange', 'normal_sale']) {
      const res = await refund(acct, invoice.number, 100, { kind });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'refund_not_allowed',
        message: 'Return/Exchange invoices cannot be refunded to Stripe; only Normal Sale invoices can.',
      });
    }
    expect(await stripeRefunds(acct)).toHaveLength(0);
  });

  it('makes one Stripe refund when the same click arrives twice', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    const attemptId = `refund_${crypto.randomUUID()}`;
    const a = await refund(acct, invoice.number, 5000, { attemptId });
    const b = await refund(acct, invoice.number, 5000, { attemptId });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await stripeRefunds(acct)).toHaveLength(1);
  });

  it('keeps a refund pending while the Stripe balance cannot cover it, and completes it when funds arrive', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 0 });
    const pending = await refund(acct, invoice.number, 5000);
    expect(pending.status).toBe(200);
    expect(pending.body.refunds?.[0]).toMatchObject({
      status: 'pending',
      message: expect.stringMatching(/your Stripe balance does not cover it yet/),
    });
    expect(pending.body.status).toMatchObject({ state: 'refund_pending', refundedMinor: 0, refundableMinor: 0 });
    await simControl('/_sim/balance', { account: acct.id, currency: 'usd', available: 100_000, pending: 0 });
    await sim.deliverWebhooks();
    expect((await statusOf(acct, [invoice.number])).body.invoices[0]).toMatchObject({
      state: 'refunded',
      refundedMinor: 5000,
    });
  });

  it('gives the amount back to the refundable total when a refund fails after succeeding', async () => {
    const { acct, invoice } = await paidInvoice({ card: 'pm_card_refundFail', availableMinor: 100_000 });
    expect((await refund(acct, invoice.number, 5000)).body.status?.state).toBe('refunded');
    await sim.clock.advance(120);
    await sim.deliverWebhooks();
    expect((await statusOf(acct, [invoice.number])).body.invoices[0]).toMatchObject({
      state: 'paid',
      refundedMinor: 0,
      refundableMinor: 5000,
    });
  });

  it('settles a refund whose response was lost by asking again with the same key', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/refunds' });
    const attemptId = `refund_${crypto.randomUUID()}`;
    const lost = await refund(acct, invoice.number, 5000, { attemptId });
    expect(lost.status).toBe(200);
    expect(lost.body.refunds?.[0]?.status).toBe('unknown');
    expect((await refund(acct, invoice.number, 1)).status).toBe(400); // the lost refund still counts
    const retried = await refund(acct, invoice.number, 5000, { attemptId });
    expect(retried.status).toBe(200);
    expect(await stripeRefunds(acct)).toHaveLength(1);
  });
});

describe('Paid list status', () => {
  it('answers 500 invoices in one request', async () => {
    const { acct, invoice } = await paidInvoice({ availableMinor: 100_000 });
    const numbers = [invoice.number, ...Array.from({ length: 499 }, (_, i) => `9${i}`)];
    const { status, body } = await statusOf(acct, numbers);
    expect(status).toBe(200);
    expect(body.invoices).toHaveLength(500);
    expect(body.invoices[0]).toMatchObject({
      number: invoice.number,
      state: 'paid',
      chargedMinor: 5000,
      refundableMinor: 5000,
    });
    expect(body.invoices.slice(1).every((i) => i.state === 'none')).toBe(true);
  });

  it("never shows another account's invoices", async () => {
    const { invoice } = await paidInvoice();
    const other = await connectedStripeAccount();
    const { body } = await statusOf(other, [invoice.number]);
    expect(body.invoices[0]).toMatchObject({
      number: invoice.number,
      state: 'none',
      chargedMinor: 0,
      refundableMinor: 0,
      unrecordedPaymentIds: [],
    });
    // The refund route agrees: the other account cannot refund what it does not own.
    const crossed = await refund(other, invoice.number, 100);
    expect(crossed.status).toBe(404);
  });
});
