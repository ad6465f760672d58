import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { api, BASE, fakeInvoice, newAttemptId, secondBrowser, type FakeInvoice } from './factories';
import { workerStripeRequests } from './setup/stripe-sim';
import { connectedStripeAccount, platform, saveTestCard, sim, simControl } from './stripe-world';

type Acct = Awaited<ReturnType<typeof connectedStripeAccount>>;
type ChargeBody = { payment?: PaymentSummary };

const charge = (auth: Record<string, string>, invoice: FakeInvoice, amountMinor: number, attemptId = newAttemptId()) =>
  api<ChargeBody>(auth, 'POST', '/charges', { attemptId, invoice, amountMinor });

const intentsOf = async (acct: Acct) =>
  (await platform.paymentIntents.list({ limit: 100 }, { stripeAccount: acct.id })).data;

async function historyOf(acct: Acct, invoice: FakeInvoice) {
  return (
    await api<{ payments: PaymentSummary[] }>(
      acct.auth,
      'GET',
      `/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`,
    )
  ).body.payments;
}

async function openPayLink(acct: Acct, invoice: FakeInvoice) {
  const link = await api<{ url: string }>(acct.auth, 'POST', '/pay-links', { invoice });
  expect(link.status).toBe(200);
  const page = await SELF.fetch(link.body.url.replace(env.PUBLIC_URL, BASE));
  return { url: link.body.url, page };
}

describe('one charge per invoice, whoever confirms', () => {
  it('takes one payment when twenty Confirms from two browsers arrive at once, and tells the others why', async () => {
    const acct = await connectedStripeAccount();
    const other = await secondBrowser(acct.id);
    const invoice = fakeInvoice({ totalMinor: 1000 });
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => charge(i % 2 === 0 ? acct.auth : other.auth, invoice, 1000)),
    );

    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const refused of replies.filter((r) => r.status !== 200)) {
      expect([400, 409]).toContain(refused.status);
      expect(refused.body.error?.message).toMatch(/being processed right now|has already taken \$10\.00/);
    }
    expect(await intentsOf(acct)).toHaveLength(1);
    expect(await historyOf(acct, invoice)).toMatchObject([{ status: 'succeeded', amountMinor: 1000 }]);
  });

  it('never lets D1 hold two open charges for one invoice, even written directly', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await simControl('/_sim/faults', { mode: 'error_500', count: 3, path: '/v1/payment_intents' });
    expect((await charge(acct.auth, invoice, 5000)).body.payment?.status).toBe('unknown');
    const copy = env.DB.prepare(
      "INSERT INTO payments (id, account_id, invoice_id, source, amount_minor, currency, idempotency_key, status, refunded_minor, created_at) SELECT 'pay_copy', account_id, invoice_id, source, amount_minor, currency, 'qtsb-charge-copy', 'pending', 0, created_at FROM payments WHERE account_id = ?",
    ).bind(acct.id);
    await expect(copy.run()).rejects.toThrow(/UNIQUE constraint failed/);
  });

  it('refuses the same Confirm sent again with another amount, and charges nothing more', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 6000 });
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const attemptId = newAttemptId();
    expect((await charge(acct.auth, invoice, 1000, attemptId)).status).toBe(200);

    const changed = await charge(acct.auth, invoice, 5000, attemptId);
    expect(changed.status).toBe(409);
    expect(changed.body.error?.message).toMatch(/already used to charge \$10\.00/);
    const otherInvoice = await charge(acct.auth, fakeInvoice({ customer: invoice.customer }), 1000, attemptId);
    expect(otherInvoice.status).toBe(409);
    expect((await intentsOf(acct)).map((pi) => pi.amount)).toEqual([1000]);
  });

  it('refuses a charge below Stripe’s minimum before calling Stripe', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const before = workerStripeRequests.length;
    const tiny = await charge(acct.auth, invoice, 1);
    expect(tiny.status).toBe(400);
    expect(tiny.body.error?.message).toMatch(/less than \$0\.50/);
    expect(workerStripeRequests.slice(before)).toEqual([]);
  });
});

describe('a payment link and the card on file never collect the same balance', () => {
  it('refuses the card when the customer already paid the link (its webhook still on the way), and records the link payment', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 2500 });
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await openPayLink(acct, invoice);
    const [linkIntent] = await intentsOf(acct);
    await platform.paymentIntents.confirm(
      linkIntent?.id ?? '',
      { payment_method: 'pm_card_mastercard', return_url: `${BASE}/done` },
      { stripeAccount: acct.id },
    );

    const card = await charge(acct.auth, invoice, 2500);

    expect(card.status).toBe(200);
    expect(card.body.payment).toMatchObject({
      status: 'canceled',
      failureCode: 'paid_by_link',
      message: "The customer already paid $25.00 through this invoice's payment link. Nothing was charged to the card.",
    });
    const succeeded = (await intentsOf(acct)).filter((pi) => pi.status === 'succeeded');
    expect(succeeded.map((pi) => pi.id)).toEqual([linkIntent?.id]);
    const recorded = (await historyOf(acct, invoice)).filter((p) => p.status === 'succeeded');
    expect(recorded).toMatchObject([{ amountMinor: 2500, paymentIntentId: linkIntent?.id }]);
    await sim.deliverWebhooks();
    expect((await historyOf(acct, invoice)).filter((p) => p.status === 'succeeded')).toHaveLength(1);
  });

  it('cancels the link’s open PaymentIntent before charging the card, so the customer can no longer pay it', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 2500 });
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await openPayLink(acct, invoice);
    const [linkIntent] = await intentsOf(acct);
    expect((await charge(acct.auth, invoice, 2500)).status).toBe(200);
    const linkNow = await platform.paymentIntents.retrieve(linkIntent?.id ?? '', {}, { stripeAccount: acct.id });
    expect(linkNow.status).toBe('canceled');
    await expect(
      platform.paymentIntents.confirm(
        linkNow.id,
        { payment_method: 'pm_card_visa', return_url: `${BASE}/done` },
        { stripeAccount: acct.id },
      ),
    ).rejects.toThrow();
  });

  it('charges nothing when Stripe cannot say whether the link was paid', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 2500 });
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await openPayLink(acct, invoice);
    await simControl('/_sim/faults', { mode: 'error_500', count: 3, path: '/v1/payment_intents/' });
    const card = await charge(acct.auth, invoice, 2500);
    expect(card.status).toBe(200);
    expect(card.body.payment).toMatchObject({ status: 'failed', failureCode: 'pay_link_unchecked' });
    expect((await intentsOf(acct)).filter((pi) => pi.customer !== null)).toHaveLength(0);
  });

  it('shows the customer no way to pay while a card charge of the invoice waits for authentication', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 2500 });
    await saveTestCard(acct, invoice.customer, 'pm_card_authenticationRequired');
    expect((await charge(acct.auth, invoice, 2500)).body.payment?.status).toBe('requires_action');
    const before = (await intentsOf(acct)).length;
    const { page } = await openPayLink(acct, invoice);
    expect(await page.text()).toContain('A card payment for this invoice is being processed');
    expect(await intentsOf(acct)).toHaveLength(before);
  });
});
