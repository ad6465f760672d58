import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { BASE } from './factories';
import { connectedStripeAccount, platform, saveTestCard, sim } from './stripe-world';

let n = 0;
function fakeInvoice(balanceDueMinor = 5000) {
  n += 1;
  return {
    number: `30${n}${Date.now() % 10000}`,
    kind: 'normal_sale' as const,
    totalMinor: 5000,
    balanceDueMinor,
    currency: 'usd',
    customer: { id: `p${n}`, name: `Link Customer ${n}`, email: `link${n}@example.com` },
  };
}

type Acct = Awaited<ReturnType<typeof connectedStripeAccount>>;

async function payLink(acct: Acct, invoice: ReturnType<typeof fakeInvoice>) {
  const res = await SELF.fetch(`${BASE}/api/pay-links`, {
    method: 'POST',
    headers: { ...acct.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ invoice }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { url: string; amountMinor: number; error?: { code: string } },
  };
}

const open = (url: string) => SELF.fetch(url.replace(env.PUBLIC_URL, BASE));
const intents = async (acct: Acct) =>
  (await platform.paymentIntents.list({ limit: 100 }, { stripeAccount: acct.id })).data;

async function history(acct: Acct, invoice: ReturnType<typeof fakeInvoice>) {
  const res = await SELF.fetch(`${BASE}/api/invoices/${invoice.number}/payments?customer=${invoice.customer.id}`, {
    headers: acct.auth,
  });
  return ((await res.json()) as { payments: PaymentSummary[] }).payments;
}

describe('payment links', () => {
  it('opens a page for the balance due with a fresh PaymentIntent that no stored card pre-fills, and reuses it', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const link = await payLink(acct, invoice);
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(new RegExp(`^${env.PUBLIC_URL}/pay/[A-Za-z0-9_-]{43}$`));
    const page = await open(link.body.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pay $50.00');
    expect((await open(link.body.url)).status).toBe(200);
    const [intent, ...more] = await intents(acct);
    expect(more).toHaveLength(0);
    expect(intent).toMatchObject({
      amount: 5000,
      customer: null,
      payment_method: null,
      status: 'requires_payment_method',
      metadata: { invoice_number: invoice.number },
    });
  });

  it('records the payment from the webhook, not the redirect, and then shows the invoice paid', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    const link = await payLink(acct, invoice);
    await open(link.body.url);
    const [intent] = await intents(acct);
    // The customer pays on the page (what Stripe.js does with the card typed into the Payment Element).
    await platform.paymentIntents.confirm(
      intent?.id ?? '',
      { payment_method: 'pm_card_visa', return_url: 'http://worker.test/done' },
      { stripeAccount: acct.id },
    );
    expect(await history(acct, invoice)).toHaveLength(0);
    await sim.deliverWebhooks();
    // payment_intent.succeeded records the payment; the fee follows with charge.updated (automatic_async capture).
    expect(await history(acct, invoice)).toMatchObject([
      {
        status: 'succeeded',
        amountMinor: 5000,
        card: { brand: 'visa', last4: '4242' },
        feeMinor: 175,
        netMinor: 4825,
        recordedOnSite: false,
      },
    ]);
    const again = await open(link.body.url);
    expect(await again.text()).toContain('is complete');
  });

  it('asks only for what is still due after a charge made since the link was sent', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    const link = await payLink(acct, invoice);
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const charge = await SELF.fetch(`${BASE}/api/charges`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ attemptId: `attempt_${crypto.randomUUID()}`, invoice, amountMinor: 2000 }),
    });
    expect(charge.status).toBe(200);
    expect(await (await open(link.body.url)).text()).toContain('Pay $30.00');
  });

  it('closes the open payment link when the card on file pays the invoice, so the customer cannot pay twice', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    const link = await payLink(acct, invoice);
    await open(link.body.url);
    const [open_] = await intents(acct);
    await saveTestCard(acct, invoice.customer, 'pm_card_visa');
    const charge = await SELF.fetch(`${BASE}/api/charges`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ attemptId: `attempt_${crypto.randomUUID()}`, invoice, amountMinor: 5000 }),
    });
    expect(charge.status).toBe(200);
    const linkIntent = await platform.paymentIntents.retrieve(open_?.id ?? '', {}, { stripeAccount: acct.id });
    expect(linkIntent.status).toBe('canceled');
    await expect(
      platform.paymentIntents.confirm(
        linkIntent.id,
        { payment_method: 'pm_card_visa', return_url: 'http://worker.test/done' },
        { stripeAccount: acct.id },
      ),
    ).rejects.toThrow();
    expect(await (await open(link.body.url)).text()).toContain('is paid');
  });

  it('keeps one link per invoice and refreshes its amount', async () => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    const first = await payLink(acct, invoice);
    await open(first.body.url);
    const second = await payLink(acct, { ...invoice, balanceDueMinor: 1500 });
    expect(second.body.url).toBe(first.body.url);
    expect(await (await open(second.body.url)).text()).toContain('Pay $15.00');
    const all = await intents(acct);
    expect(all.map((i) => i.amount)).toEqual([1500]);
  });

  it('refuses a link for an invoice with nothing due', async () => {
    const acct = await connectedStripeAccount();
    const res = await payLink(acct, fakeInvoice(0));
    expect(res.status).toBe(400);
    expect(await intents(acct)).toHaveLength(0);
  });
});
