import type { E2EBrowser, E2EPage } from './browsers';

// Steps the refund and payment-link suites share: the card page (Payment Element on the worker),
// charging an invoice with the card on file, and the simulator's balance of a connected account.

/** Types a test card into the worker's Payment Element page (card or pay page) and submits it. */
export async function payOnElementPage(page: E2EPage, cardNumber: string, done: RegExp): Promise<void> {
  await page.fill('card-number', cardNumber);
  await page.fill('card-expiry', '12 / 34');
  await page.fill('card-cvc', '123');
  await page.fill('card-postal', '12345');
  await page.click('card-submit');
  // The worker's pages close themselves after success, so a page that is gone has finished.
  await page.waitForText('card-done', done, 20_000).catch(async (error: unknown) => {
    const problem = await page.textOf('card-error', 1_000).then(
      (text) => text || String(error),
      () => null,
    );
    if (problem !== null) throw new Error(`the card page did not finish: ${problem}`);
  });
}

/** Adds a 4242 card for the invoice's customer and charges the whole balance on Confirm; returns the amount ("58.46"). */
export async function chargeWholeBalance(browser: E2EBrowser, siteUrl: string, number: string): Promise<string> {
  const invoice = await browser.newPage();
  await invoice.goto(`${siteUrl}/invoices/${number}`);
  await invoice.click('stripe-card-add');
  await payOnElementPage(await browser.waitForPage(/\/card\//), '4242424242424242', /Card saved/);
  await invoice.waitForText('stripe-card-summary', /4242/, 20_000);
  const due = (await invoice.textCss('#balanceDue')).replace(/[$,]/g, '').trim();
  await invoice.fill('stripe-amount', due);
  await invoice.click('invoice-continue');
  await invoice.waitForText('stripe-warning', /Clicking Confirm will charge/);
  await invoice.click('invoice-confirm');
  // The site's own script shows $0.00 as soon as the payment is typed in; the saved invoice says it was charged.
  await invoice.waitForText('stripe-charged', /Charged/, 30_000);
  await invoice.waitForTextCss('#balanceDue', /\$0\.00/, 30_000);
  await invoice.close();
  return due;
}

/** The simulator's id of the account the consultant created at the Stripe sign-in under `name`. */
export async function simulatorAccountId(simulatorUrl: string, name: string): Promise<string> {
  const body = (await (await fetch(`${simulatorUrl}/_sim/accounts`)).json()) as {
    accounts: { id: string; business_name: string | null }[];
  };
  const account = body.accounts.find((a) => a.business_name === name);
  if (!account) throw new Error(`no simulator account named ${name}`);
  return account.id;
}

/** Puts money in the account's Stripe balance, which must cover a refund (Stripe takes no fee for one). */
export async function setAvailableBalance(
  simulatorUrl: string,
  account: string,
  availableMinor: number,
): Promise<void> {
  const response = await fetch(`${simulatorUrl}/_sim/balance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, currency: 'usd', available: availableMinor, pending: 0 }),
  });
  if (!response.ok) throw new Error(`setting the balance failed: ${response.status} ${await response.text()}`);
}
