import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { BASE } from './factories';
import { ASYNC_CAPTURE_SECONDS } from '../sandbox/stripe/charges.ts';
import {
  advanceSimClock,
  completeThreeDSecure,
  connectedStripeAccount,
  platform,
  saveTestCard,
  sim,
  simControl,
} from './stripe-world';

let n = 0;
function fakeInvoice(
  overrides: Partial<{
    number: string;
    totalMinor: number;
    balanceDueMinor: number;
    kind: 'normal_sale' | 'return_exchange';
    email: string | null;
  }> = {},
) {
  n += 1;
  return {
    number: overrides.number ?? `10${n}${Date.now() % 100000}`,
    kind: overrides.kind ?? ('normal_sale' as const),
    totalMinor: overrides.totalMinor ?? 5000,
    balanceDueMinor: overrides.balanceDueMinor ?? overrides.totalMinor ?? 5000,
    currency: 'usd',
    customer: {
      id: `c${n}`,
      name: `Customer ${n}`,
      email: overrides.email === undefined ? `customer${n}@example.com` : overrides.email,
    },
  };
}

async function charge(
  auth: Record<string, string>,
  invoice: ReturnType<typeof fakeInvoice>,
  amountMinor: number,
  attemptId = `attempt_${crypto.randomUUID()}`,
) {
  const res = await SELF.fetch(`${BASE}/api/charges`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ attemptId, invoice, amountMinor }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { payment?: PaymentSummary; error?: { code: string; message: string } },
  };
}

async function paymentsOf(auth: Record<string, string>, invoice: ReturnType<typeof fakeInvoice>) {
  const history = await SELF.fetch(`${BASE}/api/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`, {
    headers: auth,
  });
  return ((await history.json()) as { payments: PaymentSummary[] }).payments;
}

async function intentsOf(accountId: string) {
  return (await platform.paymentIntents.list({ limit: 100 }, { stripeAccount: accountId })).data;
}

describe('charging the card on file', () => {
  it('charges once, names the invoice, sends the receipt to the customer, and stores the fee charge.updated brings', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 12_345 });
    const saved = await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    expect(saved.status).toBe(200);
    expect(saved.body.card).toMatchObject({ brand: 'visa', last4: '4242' });

    const { status, body } = await charge(acct.auth, invoice, 12_345);
    expect(status).toBe(200);
    expect(body.payment).toMatchObject({
      status: 'succeeded',
      amountMinor: 12_345,
      card: { brand: 'visa', last4: '4242' },
    });
    // automatic_async capture: Stripe knows the fee only later, and says so with charge.updated.
    expect(body.payment?.feeMinor).toBeNull();
    await advanceSimClock(ASYNC_CAPTURE_SECONDS * 1000);
    await sim.deliverWebhooks();
    const fee = Math.round(12_345 * 0.029) + 30;
    expect(await paymentsOf(acct.auth, invoice)).toMatchObject([
      { status: 'succeeded', feeMinor: fee, netMinor: 12_345 - fee },
    ]);

    const [pi] = await intentsOf(acct.id);
    expect(pi).toMatchObject({
      amount: 12_345,
      currency: 'usd',
      receipt_email: invoice.customer.email,
      description: `Invoice ${invoice.number}`,
      status: 'succeeded',
    });
    expect(pi?.metadata).toMatchObject({ invoice_number: invoice.number, site_customer_id: invoice.customer.id });
  });

  it('makes exactly one PaymentIntent when the same Confirm arrives twice', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const attemptId = `attempt_${crypto.randomUUID()}`;
    const [a, b] = await Promise.all([
      charge(acct.auth, invoice, 5000, attemptId),
      charge(acct.auth, invoice, 5000, attemptId),
    ]);
    const again = await charge(acct.auth, invoice, 5000, attemptId);
    for (const r of [a, b, again]) expect([200, 202]).toContain(r.status);
    expect(again.body.payment?.status).toBe('succeeded');
    expect(await intentsOf(acct.id)).toHaveLength(1);
  });

  it('settles a charge whose response was lost by asking Stripe again with the same key: one PaymentIntent', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    // Stripe commits the charge but every response (and the SDK's retries) is lost on the way back.
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/payment_intents' });
    const attemptId = `attempt_${crypto.randomUUID()}`;
    const lost = await charge(acct.auth, invoice, 5000, attemptId);
    expect(lost.status).toBe(200);
    expect(lost.body.payment).toMatchObject({
      status: 'unknown',
      message: expect.stringMatching(/Do not charge again/),
    });
    // A new Confirm while the outcome is unknown asks Stripe about the earlier one first, and stops.
    const other = await charge(acct.auth, invoice, 5000);
    expect(other.status).toBe(409);
    expect(other.body.error?.message).toMatch(/earlier charge of \$50\.00 on this invoice went through after all/);
    const retried = await charge(acct.auth, invoice, 5000, attemptId);
    expect(retried.status).toBe(200);
    expect(retried.body.payment?.status).toBe('succeeded');
    expect(await intentsOf(acct.id)).toHaveLength(1);
  });

  it('keeps the attempt unknown while Stripe answers 500, then settles it from the webhook', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/payment_intents' });
    const lost = await charge(acct.auth, invoice, 5000);
    expect(lost.body.payment?.status).toBe('unknown');
    await advanceSimClock(ASYNC_CAPTURE_SECONDS * 1000);
    await sim.deliverWebhooks();
    expect(await paymentsOf(acct.auth, invoice)).toMatchObject([
      { status: 'succeeded', amountMinor: 5000, feeMinor: 175 },
    ]);
    expect(await intentsOf(acct.id)).toHaveLength(1);
  });

  it('settles an unknown attempt that never reached Stripe, whose card was replaced meanwhile, as not charged', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await simControl('/_sim/faults', { mode: 'error_500', count: 3, path: '/v1/payment_intents' });
    const attemptId = `attempt_${crypto.randomUUID()}`;
    expect((await charge(acct.auth, invoice, 5000, attemptId)).body.payment?.status).toBe('unknown');
    // Edit replaces the card and detaches the old one; the retry still sends the attempt's own
    // parameters (no idempotency_error), and Stripe refuses the detached card: nothing is charged.
    await saveTestCard(acct, invoice.customer, 'pm_card_mastercard');
    const retried = await charge(acct.auth, invoice, 5000, attemptId);
    expect(retried.status).toBe(200);
    expect(retried.body.payment).toMatchObject({ status: 'failed', card: { last4: '4242' } });
    const fresh = await charge(acct.auth, invoice, 5000);
    expect(fresh.status).toBe(200);
    expect(fresh.body.payment?.card).toMatchObject({ last4: '4444' });
    expect((await intentsOf(acct.id)).filter((pi) => pi.status === 'succeeded')).toHaveLength(1);
  });

  it('refuses a second charge on an invoice Stripe has already been paid in full', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 4000 });
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    expect((await charge(acct.auth, invoice, 4000)).status).toBe(200);
    const second = await charge(acct.auth, invoice, 4000);
    expect(second.status).toBe(400);
    expect(second.body.error?.code).toBe('amount_too_large');
    expect(await intentsOf(acct.id)).toHaveLength(1);
  });

  it('refuses more than the balance due, and a customer without a card, without calling Stripe', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice({ totalMinor: 3000, balanceDueMinor: 1000 });
    const tooMuch = await charge(acct.auth, invoice, 1001);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error?.message).toContain('$10.00');
    const noCard = await charge(acct.auth, invoice, 1000);
    expect(noCard.status).toBe(400);
    expect(noCard.body.error?.message).toContain('Add card');
    expect(await intentsOf(acct.id)).toHaveLength(0);
  });

  it.each([
    'pm_card_visa_chargeDeclined',
    'pm_card_visa_chargeDeclinedInsufficientFunds',
    'pm_card_visa_chargeDeclinedLostCard',
    'pm_card_chargeDeclinedExpiredCard',
    'pm_card_chargeDeclinedIncorrectCvc',
  ])('never keeps a card the bank declines while saving it (%s), so Confirm cannot charge it', async (pm) => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await expect(saveTestCard(acct, invoice.customer, pm)).rejects.toThrow();
    const { status, body } = await charge(acct.auth, invoice, 5000);
    expect(status).toBe(400);
    expect(body.error?.message).toContain('Add card');
    expect(await intentsOf(acct.id)).toHaveLength(0);
  });

  it('explains a card that was saved but is declined when charged, and keeps the attempt', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    expect((await saveTestCard(acct, invoice.customer, 'pm_card_chargeCustomerFail')).status).toBe(200);
    const { status, body } = await charge(acct.auth, invoice, 5000);
    expect(status).toBe(200);
    expect(body.payment).toMatchObject({
      status: 'failed',
      failureCode: 'generic_decline',
      card: { last4: '0341' },
      message: expect.stringMatching(/declined by the customer's bank/),
    });
    const history = await SELF.fetch(
      `${BASE}/api/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`,
      { headers: acct.auth },
    );
    expect(((await history.json()) as { payments: PaymentSummary[] }).payments).toMatchObject([
      { status: 'failed', message: body.payment?.message },
    ]);
  });

  it('charges off-session a card that needed 3-D Secure only when it was saved', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    expect((await saveTestCard(acct, invoice.customer, 'pm_card_authenticationRequiredOnSetup')).status).toBe(200);
    const { status, body } = await charge(acct.auth, invoice, 5000);
    expect(status).toBe(200);
    expect(body.payment?.status).toBe('succeeded');
  });

  it('sends the customer to authenticate when the bank requires it, and the webhook marks it paid', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_authenticationRequired');
    const attemptId = `attempt_${crypto.randomUUID()}`;
    const { status, body } = await charge(acct.auth, invoice, 5000, attemptId);
    expect(status).toBe(200);
    expect(body.payment?.status).toBe('requires_action');
    expect(body.payment?.authenticationUrl).toMatch(new RegExp(`^${env.PUBLIC_URL}/pay/[A-Za-z0-9_-]{43}$`));
    // The same Confirm asked again (a retry after a timeout) still hands back the customer's link.
    const again = await charge(acct.auth, invoice, 5000, attemptId);
    expect(again.status).toBe(200);
    expect(again.body.payment?.authenticationUrl).toBe(body.payment?.authenticationUrl);
    const page = await SELF.fetch(body.payment?.authenticationUrl?.replace(env.PUBLIC_URL, BASE) ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(env.STRIPE_JS_URL);

    // The customer completes 3-D Secure on-session for the same PaymentIntent.
    const piId = body.payment?.paymentIntentId ?? '';
    const before = await platform.paymentIntents.retrieve(piId, {}, { stripeAccount: acct.id });
    const onSession = await platform.paymentIntents.confirm(
      piId,
      { payment_method: before.last_payment_error?.payment_method?.id ?? '', return_url: 'http://worker.test/done' },
      { stripeAccount: acct.id },
    );
    expect(onSession.status).toBe('requires_action');
    await completeThreeDSecure(piId, onSession.client_secret ?? '', 'complete');
    await sim.deliverWebhooks();
    const history = await SELF.fetch(
      `${BASE}/api/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`,
      { headers: acct.auth },
    );
    const { payments } = (await history.json()) as { payments: PaymentSummary[] };
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'succeeded', paymentIntentId: piId, recordedOnSite: false });
    expect(await intentsOf(acct.id)).toHaveLength(1);
  });
});

describe('charging after Stripe revoked access', () => {
  it('fails the attempt in words, charges nothing, and marks the account disconnected before the webhook arrives', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const revoke = await sim.fetch(
      new Request('http://sim/oauth/deauthorize', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ client_id: env.STRIPE_CONNECT_CLIENT_ID, stripe_user_id: acct.id }).toString(),
      }),
    );
    expect(revoke.status).toBe(200);
    const { status, body } = await charge(acct.auth, invoice, 5000);
    expect(status).toBe(200);
    expect(body.payment).toMatchObject({
      status: 'failed',
      failureCode: 'not_connected',
      message: 'Stripe disconnected — reconnect in Stripe Settings. Nothing was charged or refunded.',
    });
    expect((await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth })).status).toBe(401);
  });
});
