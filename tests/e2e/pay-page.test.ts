import { beforeEach, expect, it } from 'vitest';
import type { E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { payOnElementPage, simulatorAccountId } from './harness/stripe-payments';
import { E2E_SECRET_KEY } from './harness/world';

// The customer's side of the worker's pages in real browsers: the pay page names the business and
// the invoice, fits a small phone, and turns into a receipt; the card page asks the cardholder's
// agreement to later charges and shows a decline once.

const INVOICE = '1042'; // Priya Natarajan: Satin Hands Pampering Set and a lip gloss, 03/05/2025

/** Waits until Stripe's Payment Element has drawn its card fields (in its own frame). */
async function cardFieldsShown(page: E2EPage): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await page.textsEverywhere('card-number')).length === 0) {
    if (Date.now() > deadline) throw new Error('the Payment Element never showed its card fields');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function texts(page: E2EPage, testId: string, expected: RegExp): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await page.textsEverywhere(testId)).map((text) => text.trim()).filter(Boolean);
    if (found.some((text) => expected.test(text)) || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeEachBrowser("the customer's pay and card pages", (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('the pay page shows the business, invoice date and lines, fits a 320 px phone, then a receipt; Stripe has the receipt email', async () => {
    const browser = t.browser();
    // One account per browser in a run (the simulator starts empty each run); the name shows in README's screenshots.
    const business = `Mary's Beauty Studio (${t.browserName})`;
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: business });
    const invoice = await browser.newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/${INVOICE}`);
    await invoice.click('stripe-pay-link');
    const url = (await invoice.waitForText('stripe-pay-link-url', /\/pay\//, 20_000)).trim();

    const customer = await browser.newPage();
    await customer.setViewport(320, 640);
    await customer.goto(url);
    await cardFieldsShown(customer);
    expect(await customer.textOf('page-business')).toBe(business);
    expect(await customer.textOf('pay-invoice-number')).toBe(INVOICE);
    expect(await customer.textOf('pay-invoice-date')).toBe('March 5, 2025');
    const lines = await customer.textOf('pay-invoice-lines');
    expect(lines).toMatch(/Satin Hands Pampering Set\s+1\s+\$36\.00/);
    expect(lines).toMatch(/Lip Gloss - Pink Parfait\s+1\s+\$18\.00/);
    const phone = await customer.widths();
    expect(phone.viewport).toBe(320);
    expect(phone.document).toBeLessThanOrEqual(phone.viewport);
    expect(await customer.overflowingFrames()).toBe(0);

    await customer.setViewport(390, 844);
    const wider = await customer.widths();
    expect(wider.viewport).toBe(390);
    expect(wider.document).toBeLessThanOrEqual(wider.viewport);
    expect(await customer.overflowingFrames()).toBe(0);
    await customer.screenshot(t.artifact('pay-page-390.png'));
    await customer.setViewport(1280, 800);
    await customer.screenshot(t.artifact('pay-page-1280.png'));
    await customer.setViewport(390, 844);

    await payOnElementPage(customer, '4242424242424242', /./);
    const receipt = await customer.waitForText('pay-receipt', /Visa •••• 4242/, 30_000);
    expect(receipt).toMatch(/Amount paid\s+\$58\.46/);
    expect(receipt).toMatch(/Reference\s+\S+/);
    expect(await customer.textCss('h1')).toMatch(/Payment received/);
    expect(await customer.count('card-submit')).toBe(0);
    await customer.screenshot(t.artifact('pay-receipt-390.png'));

    // Stripe emails its receipt to the invoice's customer: the PaymentIntent carries her address.
    const simulatorUrl = t.world.simulatorUrl ?? '';
    const account = await simulatorAccountId(simulatorUrl, business);
    const listed = (await (
      await fetch(`${simulatorUrl}/v1/payment_intents?limit=10`, {
        headers: { authorization: `Bearer ${E2E_SECRET_KEY}`, 'stripe-account': account },
      })
    ).json()) as { data: { status: string; receipt_email: string | null; metadata: Record<string, string> }[] };
    const paid = listed.data.filter((pi) => pi.metadata['invoice_number'] === INVOICE && pi.status === 'succeeded');
    expect(paid.map((pi) => pi.receipt_email)).toEqual(['priya.n@example.net']);
  });

  it('the card page names the business, asks agreement to later charges and shows a decline once', async () => {
    const browser = t.browser();
    const business = `Dana's Skin Care ${t.browserName} ${Date.now()}`;
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: business });
    const invoice = await browser.newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/${INVOICE}`);
    await invoice.click('stripe-card-add');
    const card = await browser.waitForPage(/\/card\//);
    await cardFieldsShown(card);
    expect(await card.textOf('page-business')).toBe(business);
    expect(await card.textOf('card-consent')).toMatch(
      new RegExp(`agree that ${business.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} may charge it later`),
    );
    await card.fill('card-number', '4000000000000002');
    await card.fill('card-expiry', '12 / 34');
    await card.fill('card-cvc', '123');
    await card.fill('card-postal', '12345');
    await card.click('card-submit');
    await texts(card, 'card-error', /declined/);
    // The page has finished with the decline once Save card is offered again.
    await card.waitForTextCss('#submit:not([disabled])', /Save card/, 20_000);
    expect(await texts(card, 'card-error', /declined/)).toEqual(['Your card was declined.']);
  });
});
