import { beforeEach, expect, it } from 'vitest';
import type { E2EBrowser, E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { payOnElementPage, simulatorAccountId } from './harness/stripe-payments';

// Charging while creating an invoice, as the site's help page describes it: a new invoice, a line
// typed (the site totals it as it is typed), the Stripe amount, Continue, Confirm. The extension
// saves the invoice through the site's own form first, then charges, then records the payment.

/** Priya Natarajan: the stand-in's customer 502. One line of $52.00 + 8.25% tax = $56.29. */
const CUSTOMER = '502';
/** The first new-invoice form after a reset reserves this number. */
const NEW_NUMBER = '1055';

async function paymentIntents(simulatorUrl: string, account: string): Promise<{ status: string }[]> {
  const res = await fetch(`${simulatorUrl}/v1/payment_intents?limit=100`, {
    headers: { authorization: 'Bearer sk_test_e2echeck', 'stripe-account': account },
  });
  return ((await res.json()) as { data: { status: string }[] }).data;
}

/** Connects a new Stripe account and stores a 4242 card for the customer; answers the simulator's account id. */
async function connectWithCard(
  t: { browserName: string; world: { siteUrl: string; simulatorUrl: string | null } },
  browser: E2EBrowser,
  label: string,
) {
  const name = `${label} ${t.browserName} ${Date.now()}`;
  await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: name });
  const account = await simulatorAccountId(t.world.simulatorUrl ?? '', name);
  const page = await browser.newPage();
  await page.goto(`${t.world.siteUrl}/invoices/1042`);
  await page.click('stripe-card-add');
  await payOnElementPage(await browser.waitForPage(/\/card\//), '4242424242424242', /Card saved/);
  await page.waitForText('stripe-card-summary', /4242/, 20_000);
  await page.close();
  return account;
}

async function newInvoice(browser: E2EBrowser, siteUrl: string): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/invoices/new?customer=${CUSTOMER}`);
  await page.waitForText('stripe-card-summary', /Visa •••• 4242/, 20_000);
  return page;
}

/** Where the red warning is, whether it is announced and focused, and what the site's review lists. */
function reviewState(page: E2EPage) {
  return page.evaluate(() => {
    const host = document.querySelector('stripe-charge-review');
    const warning = host?.shadowRoot?.querySelector('[data-testid="stripe-warning"]');
    const confirm = document.querySelector('#confirmButton');
    return {
      aboveConfirm:
        !!host && !!confirm && (host.compareDocumentPosition(confirm) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      role: warning?.getAttribute('role') ?? null,
      focused: !!warning && host?.shadowRoot?.activeElement === warning,
      review: (document.querySelector('#reviewPayments') as HTMLElement | null)?.innerText ?? '',
    };
  });
}

describeEachBrowser('charging while creating an invoice', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('saves the new invoice, charges the card once, records the payment and shows the saved invoice paid', async () => {
    const browser = t.browser();
    const account = await connectWithCard(t, browser, 'New invoice');
    const page = await newInvoice(browser, t.world.siteUrl);
    await page.fillCss('input[name=line_product]', 'Satin Hands Pampering Set');
    await page.fillCss('input[name=line_qty]', '1');
    await page.fillCss('input[name=line_price]', '52.00');
    await page.waitForTextCss('#balanceDue', /\$56\.29/);
    await page.fill('stripe-amount', '56.29');
    await page.click('invoice-continue');
    await page.waitForText('stripe-warning', /Clicking Confirm will charge the customer's Credit\/Debit card/);
    const review = await reviewState(page);
    expect(review.review).toMatch(/Stripe — Visa •••• 4242\s+\$56\.29/);
    expect(review.review).not.toMatch(/No payments entered/);
    expect(review).toMatchObject({ aboveConfirm: true, role: 'alert', focused: true });
    await page.screenshot(t.artifact('new-invoice-review.png'));

    await page.click('invoice-confirm');
    await page.waitForUrl(new RegExp(`/invoices/${NEW_NUMBER}$`), 30_000);
    const charged = await page.waitForText('stripe-charged', /Charged/, 20_000);
    expect(charged).toMatch(/^Charged \$56\.29 to Visa •••• 4242 on \d{2}\/\d{2}\/\d{4}\.$/);
    await page.waitForTextCss('#balanceDue', /\$0\.00/, 20_000);
    expect(await page.textCss('#paymentHistory')).toMatch(/Other Credit Card\s+\$56\.29/);
    expect((await paymentIntents(t.world.simulatorUrl ?? '', account)).map((pi) => pi.status)).toEqual(['succeeded']);
    const paid = await browser.newPage();
    await paid.goto(`${t.world.siteUrl}/invoices/paid`);
    expect(await paid.count(`invoice-row-${NEW_NUMBER}`)).toBe(1);
  });

  it("charges nothing when the site refuses to save the invoice, and shows the site's reason", async () => {
    const browser = t.browser();
    const account = await connectWithCard(t, browser, 'Refused save');
    const page = await newInvoice(browser, t.world.siteUrl);
    // A price and quantity but no product: the site totals the line, then refuses to save it.
    await page.fillCss('input[name=line_qty]', '1');
    await page.fillCss('input[name=line_price]', '52.00');
    await page.waitForTextCss('#balanceDue', /\$56\.29/);
    await page.fill('stripe-amount', '56.29');
    await page.click('invoice-continue');
    await page.waitForText('stripe-warning', /Clicking Confirm will charge/);
    await page.click('invoice-confirm');
    const error = await page.waitForText('stripe-charge-error', /needs a product/, 30_000);
    expect(error).toMatch(/Nothing was charged/);
    expect(page.url()).toMatch(/\/invoices\/new/);
    expect(await paymentIntents(t.world.simulatorUrl ?? '', account)).toEqual([]);
    expect((await fetch(`${t.world.siteUrl}/invoices/${NEW_NUMBER}`)).status).toBe(404);
  });

  it('charges a new invoice with the keyboard alone; the warning has the focus after Continue', async () => {
    const browser = t.browser();
    const account = await connectWithCard(t, browser, 'Keyboard');
    const page = await newInvoice(browser, t.world.siteUrl);
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 80; presses += 1) {
        if ((await page.focused()) === name) return;
        await page.press('Tab');
      }
      throw new Error(`Tab never reached ${name}; focus is on ${await page.focused()}`);
    };
    await tabTo('line_product');
    await page.typeText('Satin Hands Pampering Set');
    await page.press('Tab');
    await page.typeText('1');
    await page.press('Tab');
    await page.typeText('52.00');
    await page.waitForTextCss('#balanceDue', /\$56\.29/);
    await tabTo('stripe-amount');
    await page.typeText('56.29');
    await tabTo('invoice-continue');
    await page.press('Enter');
    await page.waitForText('stripe-warning', /Clicking Confirm will charge/);
    expect(await page.focused()).toBe('stripe-warning');
    await tabTo('invoice-confirm');
    await page.press('Enter');
    await page.waitForUrl(new RegExp(`/invoices/${NEW_NUMBER}$`), 30_000);
    await page.waitForText('stripe-charged', /Charged \$56\.29 to Visa •••• 4242/, 20_000);
    expect((await paymentIntents(t.world.simulatorUrl ?? '', account)).map((pi) => pi.status)).toEqual(['succeeded']);
  });
});
