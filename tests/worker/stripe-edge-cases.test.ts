import { env, SELF } from 'cloudflare:test';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { app } from '../../worker/src/index';
import { describeCardError } from '../../worker/src/stripe/decline-messages';
import { BASE } from './factories';
import { connectedStripeAccount, platform, saveTestCard, sim, simControl } from './stripe-world';

let n = 0;
function fakeInvoice() {
  n += 1;
  const number = `77${n}${Date.now() % 100000}`;
  return {
    number,
    kind: 'normal_sale' as const,
    totalMinor: 5000,
    balanceDueMinor: 5000,
    currency: 'usd',
    customer: { id: `edge${n}`, name: `Customer ${n}`, email: `edge${n}@example.com` },
  };
}

async function charge(auth: Record<string, string>, invoice: ReturnType<typeof fakeInvoice>, amountMinor: number) {
  const res = await SELF.fetch(`${BASE}/api/charges`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ attemptId: `attempt_${crypto.randomUUID()}`, invoice, amountMinor }),
  });
  return (await res.json()) as { payment?: PaymentSummary };
}

async function paymentsOf(auth: Record<string, string>, invoice: ReturnType<typeof fakeInvoice>) {
  const res = await SELF.fetch(`${BASE}/api/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`, {
    headers: auth,
  });
  return ((await res.json()) as { payments: PaymentSummary[] }).payments;
}

async function failedDeliveries() {
  const body = (await (await sim.fetch(new Request('http://sim/_sim/deliveries'))).json()) as {
    deliveries: { type: string; attempts: { status: number | null }[] }[];
  };
  return body.deliveries.filter((d) => d.attempts.some((a) => a.status !== 200)).map((d) => d.type);
}

describe('what real Stripe does that the happy path never shows', () => {
  it('stores a real failure code when Stripe sends an empty decline_code', () => {
    const error = new Stripe.errors.StripeCardError({
      type: 'card_error',
      code: 'card_declined',
      decline_code: '',
      message: 'Your card was declined.',
    });
    expect(describeCardError(error).failureCode).toBe('card_declined');
  });

  it('waits for the customer when the webhook says the bank wants authentication, instead of calling it declined', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_authenticationRequired');
    // Stripe answers authentication_required, but the answer is lost: only the webhook tells.
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/payment_intents' });
    expect((await charge(acct.auth, invoice, 5000)).payment?.status).toBe('unknown');
    await sim.deliverWebhooks();
    expect(await paymentsOf(acct.auth, invoice)).toMatchObject([{ status: 'requires_action' }]);
  });

  it('records a payment whose webhook arrives after the account was deauthorized, and answers 200', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    await sim.deliverWebhooks();
    await simControl('/_sim/faults', { mode: 'drop_after_commit', count: 3, path: '/v1/payment_intents' });
    expect((await charge(acct.auth, invoice, 5000)).payment?.status).toBe('unknown');
    await platform.oauth.deauthorize({ client_id: env.STRIPE_CONNECT_CLIENT_ID, stripe_user_id: acct.id });
    await sim.deliverWebhooks();
    expect(await failedDeliveries()).toEqual([]);
    const row = await env.DB.prepare('SELECT status FROM payments WHERE account_id = ?')
      .bind(acct.id)
      .first<{ status: string }>();
    expect(row?.status).toBe('succeeded');
  });

  it('does not take Stripe’s invalid_client for an unknown client id as "already disconnected"', async () => {
    const acct = await connectedStripeAccount();
    const misconfigured = { ...env, STRIPE_CONNECT_CLIENT_ID: 'ca_notregisteredanywhere' };
    const res = await app.request(`${BASE}/api/disconnect`, { method: 'POST', headers: acct.auth }, misconfigured);
    expect(res.status).toBe(502);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('stripe_error');
    expect(body.error.message).toMatch(/client ID/);
    expect(body.error.message).not.toMatch(/could not be reached/);
    expect((await SELF.fetch(`${BASE}/api/account`, { headers: acct.auth })).status).toBe(200);
  });
});
