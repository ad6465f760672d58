import { beforeEach, expect, it } from 'vitest';
import type { E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { payOnElementPage } from './harness/stripe-payments';

// Payment links in real browsers: the consultant gets the invoice's link, the email the site really
// sends carries the default gateway's link, the customer pays on the worker's page in another tab,
// and the invoice shows the payment on the site once reopened.

const UNPAID = '1042';
const PROPAY_LINK = /\/propay\/pay\?invoice=1042/;

async function setStripeDefault(settings: E2EPage, wanted: boolean): Promise<void> {
  const isDefault = /Stripe is your default/.test(await settings.waitForText('stripe-default-gateway-state', /./));
  if (isDefault === wanted) return;
  await settings.click('stripe-default-gateway');
  await settings.waitForText(
    'stripe-default-gateway-state',
    wanted ? /Stripe is your default payment gateway/ : /other gateway stays the default/,
    20_000,
  );
}

/** The newest email in the site's outbox, as the customer receives it. */
async function lastSentEmail(page: E2EPage, siteUrl: string): Promise<string> {
  await page.goto(`${siteUrl}/outbox`);
  await page.clickCss('#outbox tbody a');
  return page.waitForTextCss('#sentBody', /\S/);
}

describeEachBrowser('Stripe payment links', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('the email really sent carries the Stripe link, even after the consultant edits it, and the customer pays it', async () => {
    const browser = t.browser();
    const settings = await connectStripeAccount(browser, t.world.siteUrl, {
      newAccountName: `Pay links ${t.browserName} ${Date.now()}`,
    });

    const invoice = await browser.newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/${UNPAID}`);
    await invoice.click('stripe-pay-link');
    const url = (await invoice.waitForText('stripe-pay-link-url', /\/pay\//, 20_000)).trim();
    await invoice.screenshot(t.artifact('pay-link.png'));

    await setStripeDefault(settings, true);
    const email = await browser.newPage();
    await email.goto(`${t.world.siteUrl}/invoices/${UNPAID}/email`);
    expect(await email.waitForTextCss('#paymentLink', /\/pay\//, 20_000)).toBe(url);
    // The consultant rewrites the message and pastes the site's ProPay link back in before sending.
    const propay = `${t.world.siteUrl}/propay/pay?invoice=${UNPAID}`;
    await email.fillCss('#emailBody', `Hi Priya,\nHere is your invoice. Pay online: ${propay}\nLove, Mary`);
    await email.clickCss('#sendEmail');
    await email.waitForTextCss('.notice', /Invoice emailed/, 20_000);
    const sent = await lastSentEmail(email, t.world.siteUrl);
    expect(sent).toContain(`Pay online: ${url}`);
    expect(sent).not.toMatch(PROPAY_LINK);

    const customer = await browser.newPage();
    await customer.goto(url);
    await payOnElementPage(customer, '4242424242424242', /./);

    // Paid is decided by the webhook: reopen until the worker has heard it. Then the invoice records
    // the payment through the site's own Confirm, which reloads it; the payment is in the site's
    // history once that reload is done.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await invoice.goto(`${t.world.siteUrl}/invoices/${UNPAID}`);
      const history = await invoice.waitForText('stripe-status', /\S/, 20_000);
      if (/Charged/.test(history)) break;
    }
    await invoice.waitForTextCss('#paymentHistory', /Other Credit Card[\s\S]*Stripe/, 30_000);
    await invoice.waitForTextCss('#balanceDue', /\$0\.00/, 30_000);
  });

  it('with ProPay still the default, the email sent keeps the ProPay link and no Stripe link', async () => {
    const browser = t.browser();
    const settings = await connectStripeAccount(browser, t.world.siteUrl, {
      newAccountName: `ProPay default ${t.browserName} ${Date.now()}`,
    });
    await setStripeDefault(settings, false);
    const email = await browser.newPage();
    await email.goto(`${t.world.siteUrl}/invoices/${UNPAID}/email`);
    await email.clickCss('#sendEmail');
    await email.waitForTextCss('.notice', /Invoice emailed/, 20_000);
    const sent = await lastSentEmail(email, t.world.siteUrl);
    expect(sent).toMatch(PROPAY_LINK);
    expect(sent).not.toMatch(/\/pay\/[A-Za-z0-9_-]{20,}/);
  });
});
