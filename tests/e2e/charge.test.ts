import { beforeEach, expect, it } from 'vitest';
import type { E2EBrowser, E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';

// Charging from the invoice page in real browsers: the built extension, the stand-in site, the
// worker under wrangler dev and the Stripe simulator. Each test connects a new Stripe account, so no
// card or payment of another test (or the other browser) is in the way.

/** Unpaid seed invoices (see tests/sandbox/backoffice/README.md). */
const UNPAID = '1042';

async function saveCard(browser: E2EBrowser, number: string, opts: { threeDs?: boolean } = {}): Promise<void> {
  const card = await browser.waitForPage(/\/card\//);
  await card.fill('card-number', number);
  await card.fill('card-expiry', '12 / 34');
  await card.fill('card-cvc', '123');
  await card.fill('card-postal', '12345');
  await card.click('card-submit');
  if (opts.threeDs) await card.click('threeds-complete');
  await finished(card, /Card saved/);
}

/** The worker's card and pay pages close themselves 1.5 s after success, so a gone page is a finished one. */
async function finished(page: E2EPage, done: RegExp): Promise<void> {
  await page.waitForText('card-done', done, 15_000).catch(async (error: unknown) => {
    const problem = await page.textOf('card-error', 1_000).then(
      (text) => text || String(error),
      () => null, // the page is gone: it closed itself after success
    );
    if (problem !== null) throw new Error(`card page did not finish: ${problem}`);
  });
}

async function openInvoice(browser: E2EBrowser, siteUrl: string, number: string): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/invoices/${number}`);
  return page;
}

async function balanceDue(page: E2EPage): Promise<string> {
  return (await page.textCss('#balanceDue')).replace(/[$,]/g, '').trim();
}

describeEachBrowser('charging an invoice with Stripe', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('adds a card, warns in red, charges on Confirm and the site lists the invoice as paid; Edit replaces the card', async () => {
    const browser = t.browser();
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: `Charge ${t.browserName}` });
    const invoice = await openInvoice(browser, t.world.siteUrl, UNPAID);
    await invoice.click('stripe-card-add');
    await saveCard(browser, '4242424242424242');
    expect(await invoice.waitForText('stripe-card-summary', /Visa •••• 4242 exp 12\/34/, 20_000)).toBeTruthy();

    const due = await balanceDue(invoice);
    await invoice.fill('stripe-amount', '12.345');
    await invoice.waitForText('stripe-amount-note', /two decimals/);
    await invoice.fill('stripe-amount', due);
    await invoice.click('invoice-continue');
    const warning = await invoice.waitForText(
      'stripe-warning',
      /Clicking Confirm will charge the customer's Credit\/Debit card/,
    );
    expect(warning).toContain('4242');
    expect(warning).toContain(`$${Number(due).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    await invoice.screenshot(t.artifact('charge-warning.png'));

    await invoice.click('invoice-confirm');
    const history = await invoice.waitForText('stripe-status', /Paid/, 30_000);
    expect(history).toMatch(/4242/);
    const recorded = await invoice.textCss('#paymentHistory');
    expect(recorded).toMatch(/Other Credit Card[\s\S]*Stripe — Visa •••• 4242 \(ref [A-Za-z0-9]{8}\)/);
    expect(recorded).not.toMatch(/pi_/);
    expect(await balanceDue(invoice)).toBe('0.00');

    const paid = await browser.newPage();
    await paid.goto(`${t.world.siteUrl}/invoices/paid`);
    expect(await paid.count(`invoice-row-${UNPAID}`)).toBe(1);

    await invoice.click('stripe-card-edit');
    await saveCard(browser, '5555555555554444');
    await invoice.waitForText('stripe-card-summary', /Mastercard •••• 4444/, 20_000);
  });

  it("holds Confirm and shows the bank's refusal in words when the card is declined", async () => {
    const browser = t.browser();
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: `Declined ${t.browserName}` });
    const invoice = await openInvoice(browser, t.world.siteUrl, UNPAID);
    await invoice.click('stripe-card-add');
    await saveCard(browser, '4000000000000341');
    await invoice.waitForText('stripe-card-summary', /•••• 0341/, 20_000);
    await invoice.fill('stripe-amount', '20.00');
    await invoice.click('invoice-continue');
    await invoice.click('invoice-confirm');
    const error = await invoice.waitForText('stripe-charge-error', /declined/i, 30_000);
    expect(error).not.toMatch(/card_declined|Error:/);
    expect(invoice.url()).toMatch(new RegExp(`/invoices/${UNPAID}$`));
    expect(await invoice.textCss('#paymentHistory')).not.toMatch(/Other Credit Card/);
    await invoice.reload();
    await invoice.waitForText('stripe-status', /Declined/, 20_000);
  });

  it('waits for the customer to authenticate, and records the payment when the invoice is reopened', async () => {
    const browser = t.browser();
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: `3DS ${t.browserName}` });
    const invoice = await openInvoice(browser, t.world.siteUrl, UNPAID);
    await invoice.click('stripe-card-add');
    await saveCard(browser, '4000002760003184', { threeDs: true });
    await invoice.waitForText('stripe-card-summary', /•••• 3184/, 20_000);
    await invoice.fill('stripe-amount', '30.00');
    await invoice.click('invoice-continue');
    await invoice.click('invoice-confirm');
    await invoice.waitForText('stripe-waiting', /Waiting for the customer to authenticate/, 30_000);
    const link = (await invoice.textOf('stripe-auth-link')).trim();
    expect(link).toMatch(/\/pay\//);

    const customer = await browser.newPage();
    await customer.goto(link);
    await customer.fill('card-number', '4000002760003184');
    await customer.fill('card-expiry', '12 / 34');
    await customer.fill('card-cvc', '123');
    await customer.fill('card-postal', '12345');
    await customer.click('card-submit');
    await customer.click('threeds-complete');
    await finished(customer, /.+/);

    // Paid is decided by the webhook; reopen until the worker has heard it, then the extension
    // writes the payment into the site through its own Continue → Confirm.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await invoice.goto(`${t.world.siteUrl}/invoices/${UNPAID}`);
      const text = await invoice.waitForText('stripe-status', /Paid|Waiting/, 20_000);
      if (/Paid/.test(text)) break;
    }
    await invoice.waitForText('stripe-status', /Paid/, 5_000);
    const payments = await invoice.waitForTextCss('#paymentHistory', /Stripe .*\(ref /, 20_000);
    expect(payments).toMatch(/Other Credit Card[\s\S]*\$30\.00[\s\S]*Stripe — Visa •••• 3184 \(ref [A-Za-z0-9]{8}\)/);
  });
});
