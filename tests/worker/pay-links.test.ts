import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/src/index';
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

async function payLink(acct: Acct, invoice: ReturnType<typeof fakeInvoice>, details?: unknown) {
  const res = await SELF.fetch(`${BASE}/api/pay-links`, {
    method: 'POST',
    headers: { ...acct.auth, 'content-type': 'application/json' },
    body: JSON.stringify(details === undefined ? { invoice } : { invoice, details }),
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
    // The page is now the customer's receipt; Stripe emails its own to the invoice's customer.
    const receipt = await (await open(link.body.url)).text();
    expect(receipt).toContain('Payment received');
    expect(receipt).toMatch(/data-testid="receipt-amount">\$50\.00</);
    expect(receipt).toContain('Visa •••• 4242');
    expect(receipt).toMatch(/data-testid="receipt-reference">[A-Z0-9]{6,}</);
    expect(receipt).not.toContain('Enter your card');
    expect(intent?.receipt_email).toBe(invoice.customer.email);
  });

  it("sends on the pay page, in the production configuration, the CSP of Stripe's documented host list", async () => {
    const acct = await connectedStripeAccount();
    const link = await payLink(acct, fakeInvoice());
    // Production [vars]: Stripe's own Stripe.js URL and no CSP overrides (README "Deploying for real").
    const { STRIPE_CSP_SCRIPT_SRC: _s, STRIPE_CSP_FRAME_SRC: _f, STRIPE_CSP_CONNECT_SRC: _c, ...rest } = env;
    const production = { ...rest, STRIPE_JS_URL: 'https://js.stripe.com/v3/' };
    const page = await app.request(link.body.url.replace(env.PUBLIC_URL, BASE), {}, production);
    expect(page.status).toBe(200);
    const directives = Object.fromEntries(
      (page.headers.get('content-security-policy') ?? '')
        .split('; ')
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['script-src']).toMatch(/^https:\/\/js\.stripe\.com https:\/\/\*\.js\.stripe\.com 'nonce-[^']+'$/);
    expect(directives['frame-src']).toBe('https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com');
    expect(directives['connect-src']).toBe("'self' https://api.stripe.com");
    expect(await page.text()).toContain('<script src="https://js.stripe.com/v3/">');
  });

  it('shows the business, the invoice date and its lines sent with the link', async () => {
    const acct = await connectedStripeAccount('Rosa Beauty Studio');
    const invoice = fakeInvoice(3606);
    const details = {
      date: '2025-03-05',
      lines: [
        { description: 'TimeWise Miracle Set 3D', quantity: 1, amountMinor: 2000 },
        { description: 'Lip Gloss <Pink>', quantity: 2, amountMinor: 1331 },
      ],
    };
    const link = await payLink(acct, invoice, details);
    expect(link.status).toBe(200);
    const html = await (await open(link.body.url)).text();
    expect(html).toContain('Rosa Beauty Studio');
    expect(html).toContain(`data-testid="pay-invoice-number">${invoice.number}<`);
    expect(html).toContain('March 5, 2025');
    expect(html).toContain('TimeWise Miracle Set 3D');
    expect(html).toContain('Lip Gloss &lt;Pink&gt;');
    expect(html).toContain('$13.31');
  });

  it.each([
    ['an impossible date', { date: '2025-02-30', lines: [] }],
    ['a date in the site format', { date: '03/05/2025', lines: [] }],
    ['an empty line', { date: '2025-03-05', lines: [{ description: '', quantity: 1, amountMinor: 100 }] }],
    ['a zero quantity', { date: '2025-03-05', lines: [{ description: 'Mascara', quantity: 0, amountMinor: 100 }] }],
    ['a fractional amount', { date: '2025-03-05', lines: [{ description: 'Mascara', quantity: 1, amountMinor: 1.5 }] }],
    [
      'a description too long',
      { date: '2025-03-05', lines: [{ description: 'x'.repeat(121), quantity: 1, amountMinor: 1 }] },
    ],
    [
      'too many lines',
      {
        date: '2025-03-05',
        lines: Array.from({ length: 51 }, () => ({ description: 'Mascara', quantity: 1, amountMinor: 1 })),
      },
    ],
    ['an unknown field', { date: '2025-03-05', lines: [], note: 'hi' }],
  ])('refuses invoice details with %s (400) and writes nothing', async (_what, details) => {
    const acct = await connectedStripeAccount();
    const invoice = fakeInvoice();
    const res = await payLink(acct, invoice, details);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    const counts = await env.DB.prepare(
      'SELECT (SELECT COUNT(*) FROM links WHERE account_id = ?1) AS links, (SELECT COUNT(*) FROM invoices WHERE account_id = ?1) AS invoices',
    )
      .bind(acct.id)
      .first<{ links: number; invoices: number }>();
    expect(counts).toEqual({ links: 0, invoices: 0 });
    expect(await intents(acct)).toHaveLength(0);
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
