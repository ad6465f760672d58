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
/** Stripe's test card that asks for 3-D Secure on every charge. */
const THREE_DS_CARD = '4000002760003184';

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
  card = '4242424242424242',
) {
  const name = `${label} ${t.browserName} ${Date.now()}`;
  await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: name });
  const account = await simulatorAccountId(t.world.simulatorUrl ?? '', name);
  const page = await browser.newPage();
  await page.goto(`${t.world.siteUrl}/invoices/1042`);
  await page.click('stripe-card-add');
  const cardPage = await browser.waitForPage(/\/card\//);
  if (card === THREE_DS_CARD) {
    // Saving this card asks for the bank's 3-D Secure once; charging it later asks again.
    await cardPage.fill('card-number', card);
    await cardPage.fill('card-expiry', '12 / 34');
    await cardPage.fill('card-cvc', '123');
    await cardPage.fill('card-postal', '12345');
    await cardPage.click('card-submit');
    await cardPage.click('threeds-complete');
  } else await payOnElementPage(cardPage, card, /Card saved/);
  await page.waitForText('stripe-card-summary', new RegExp(card.slice(-4)), 20_000);
  await page.close();
  return account;
}

async function newInvoice(browser: E2EBrowser, siteUrl: string, last4 = '4242'): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/invoices/new?customer=${CUSTOMER}`);
  await page.waitForText('stripe-card-summary', new RegExp(`Visa •••• ${last4}`), 20_000);
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

  it("leaves the consultant on the saved invoice with the customer's authentication link when the bank asks for 3-D Secure", async () => {
    const browser = t.browser();
    const account = await connectWithCard(t, browser, '3DS new invoice', THREE_DS_CARD);
    const page = await newInvoice(browser, t.world.siteUrl, '3184');
    await page.fillCss('input[name=line_product]', 'Satin Hands Pampering Set');
    await page.fillCss('input[name=line_qty]', '1');
    await page.fillCss('input[name=line_price]', '52.00');
    await page.waitForTextCss('#balanceDue', /\$56\.29/);
    await page.fill('stripe-amount', '56.29');
    await page.click('invoice-continue');
    await page.waitForText('stripe-warning', /Clicking Confirm will charge/);
    await page.click('invoice-confirm');
    await page.waitForUrl(new RegExp(`/invoices/${NEW_NUMBER}$`), 30_000);
    expect(await page.waitForText('stripe-history-note', /authenticate/, 20_000)).toMatch(/The invoice was saved/);
    expect(await page.waitForText('stripe-waiting', /Waiting for the customer to authenticate \$56\.29/)).toBeTruthy();
    expect(await page.textOf('stripe-auth-link')).toMatch(/\/pay\//);
    expect(await page.textCss('#balanceDue')).toBe('$56.29');
    // Stripe leaves an off-session PaymentIntent that needs the customer in requires_payment_method.
    expect((await paymentIntents(t.world.simulatorUrl ?? '', account)).map((pi) => pi.status)).toEqual([
      'requires_payment_method',
    ]);
  });
});
