import { env, SELF } from 'cloudflare:test';
import { app } from '../../worker/src/index';
import { describe, expect, it } from 'vitest';
import type { CardSummary } from '../../shared/api';
import { BASE } from './factories';
import { connectedStripeAccount, platform, saveTestCard, sim } from './stripe-world';

let n = 0;
const fakeCustomer = () => ({ id: `card-c${++n}`, name: `Card Customer ${n}`, email: `card${n}@example.com` });

async function cardOnFile(auth: Record<string, string>, customerId: string): Promise<CardSummary | null> {
  const res = await SELF.fetch(`${BASE}/api/invoices/1/payments?customer=${customerId}`, { headers: auth });
  return ((await res.json()) as { card: CardSummary | null }).card;
}

describe('the card on file', () => {
  it('shows the saved card, and Edit replaces it and detaches the old one at Stripe', async () => {
    const acct = await connectedStripeAccount();
    const customer = fakeCustomer();
    await saveTestCard(acct, customer, 'pm_card_visa');
    expect(await cardOnFile(acct.auth, customer.id)).toMatchObject({ brand: 'visa', last4: '4242' });
    await saveTestCard(acct, customer, 'pm_card_mastercard');
    expect(await cardOnFile(acct.auth, customer.id)).toMatchObject({ brand: 'mastercard', last4: '4444' });
    const [stripeCustomer] = (await platform.customers.list({ limit: 10 }, { stripeAccount: acct.id })).data;
    const attached = await platform.customers.listPaymentMethods(
      stripeCustomer?.id ?? '',
      {},
      { stripeAccount: acct.id },
    );
    expect(attached.data.map((pm) => pm.card?.last4)).toEqual(['4444']);
    expect(stripeCustomer?.invoice_settings.default_payment_method).toBe(attached.data[0]?.id);
  });

  it('creates one Stripe customer per site customer, with the name and email the page shows', async () => {
    const acct = await connectedStripeAccount();
    const customer = fakeCustomer();
    await saveTestCard(acct, customer, 'pm_card_visa');
    await saveTestCard(acct, customer, 'pm_card_visa');
    const list = (await platform.customers.list({ limit: 10 }, { stripeAccount: acct.id })).data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: customer.name,
      email: customer.email,
      metadata: { site_customer_id: customer.id },
    });
  });

  it('still saves the card from the webhook when the card page closed before it could report', async () => {
    const acct = await connectedStripeAccount();
    const customer = fakeCustomer();
    await saveTestCard(acct, customer, 'pm_card_visa', { pageReports: false });
    expect(await cardOnFile(acct.auth, customer.id)).toBeNull();
    await sim.deliverWebhooks();
    expect(await cardOnFile(acct.auth, customer.id)).toMatchObject({ brand: 'visa', last4: '4242' });
  });

  it('uses a card link once: the page is gone after the card is saved', async () => {
    const acct = await connectedStripeAccount();
    const { token } = await saveTestCard(acct, fakeCustomer(), 'pm_card_visa');
    expect((await SELF.fetch(`${BASE}/card/${token}`)).status).toBe(404);
  });

  it('answers the page report after the webhook already saved the card (3-D Secure pages report late)', async () => {
    const acct = await connectedStripeAccount();
    const customer = fakeCustomer();
    const { token } = await saveTestCard(acct, customer, 'pm_card_authenticationRequiredOnSetup', {
      pageReports: false,
    });
    await sim.deliverWebhooks();
    const late = await SELF.fetch(`${BASE}/card/${token}/complete`, { method: 'POST' });
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ card: { last4: '3155' } });
    expect(await cardOnFile(acct.auth, customer.id)).toMatchObject({ last4: '3155' });
  });

  it('answers unknown card and payment links with 404 pages', async () => {
    for (const path of ['/card/nope', '/pay/nope', `/pay/${'x'.repeat(43)}`]) {
      const res = await SELF.fetch(`${BASE}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('not valid');
    }
  });

  it('serves the card page with Stripe.js and a CSP that allows only Stripe and its own script', async () => {
    const acct = await connectedStripeAccount();
    const res = await SELF.fetch(`${BASE}/api/card-links`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: fakeCustomer() }),
    });
    const { url } = (await res.json()) as { url: string };
    const page = await SELF.fetch(url.replace(/^https?:\/\/[^/]+/, BASE));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src http:\/\/127\.0\.0\.1:12113 'nonce-/);
    const html = await page.text();
    expect(html).toContain('<script src="http://127.0.0.1:12113/v3/">');
    expect(html).not.toMatch(/sk_test_/);
  });

  it("names the consultant's business and asks the cardholder's agreement to later charges", async () => {
    const acct = await connectedStripeAccount('Dana Skin Care');
    const res = await SELF.fetch(`${BASE}/api/card-links`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: fakeCustomer() }),
    });
    const { url } = (await res.json()) as { url: string };
    const html = await (await SELF.fetch(url.replace(/^https?:\/\/[^/]+/, BASE))).text();
    expect(html).toContain('data-testid="page-business">Dana Skin Care<');
    expect(html).toMatch(
      /data-testid="card-consent">By saving this card, you agree that Dana Skin Care may charge it later/,
    );
  });

  it("sends, in the production configuration, the CSP of Stripe's documented host list", async () => {
    const acct = await connectedStripeAccount();
    const res = await SELF.fetch(`${BASE}/api/card-links`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: fakeCustomer() }),
    });
    const { url } = (await res.json()) as { url: string };
    // Production [vars]: Stripe's own Stripe.js URL and no CSP overrides (README "Deploying for real").
    const { STRIPE_CSP_SCRIPT_SRC: _s, STRIPE_CSP_FRAME_SRC: _f, STRIPE_CSP_CONNECT_SRC: _c, ...rest } = env;
    const production = { ...rest, STRIPE_JS_URL: 'https://js.stripe.com/v3/' };
    const page = await app.request(url.replace(/^https?:\/\/[^/]+/, BASE), {}, production);
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

  it('asks Stripe for cards only, so the Payment Element offers no bank debit the card on file could not be', async () => {
    const acct = await connectedStripeAccount();
    const res = await SELF.fetch(`${BASE}/api/card-links`, {
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: fakeCustomer() }),
    });
    expect(res.status).toBe(200);
    const [setupIntent] = (await platform.setupIntents.list({}, { stripeAccount: acct.id })).data;
    expect([setupIntent?.payment_method_types, setupIntent?.allowed_payment_method_types]).toEqual([
      ['card'],
      ['card'],
    ]);
  });

  it('rejects a malformed card-link request with a 400 and creates nothing at Stripe', async () => {
    const acct = await connectedStripeAccount();
    for (const customer of [{}, { id: '', name: 'x', email: null }, { id: 'a', name: 'b', email: 'not-an-email' }]) {
      const res = await SELF.fetch(`${BASE}/api/card-links`, {
        method: 'POST',
        headers: { ...acct.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ customer }),
      });
      expect(res.status).toBe(400);
    }
    expect((await platform.customers.list({}, { stripeAccount: acct.id })).data).toHaveLength(0);
  });
});
