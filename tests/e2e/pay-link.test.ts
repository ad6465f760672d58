import { beforeEach, expect, it } from 'vitest';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { payOnElementPage } from './harness/stripe-payments';

// Payment links in real browsers: the consultant gets the invoice's link, the customer pays on the
// worker's page in another tab, and the invoice shows the payment on the site once reopened.

const UNPAID = '1044';

describeEachBrowser('Stripe payment links', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('the customer pays the link with a new card and the reopened invoice shows it paid', async () => {
    const browser = t.browser();
    const settings = await connectStripeAccount(browser, t.world.siteUrl, {
      newAccountName: `Pay links ${t.browserName} ${Date.now()}`,
    });

    const invoice = await browser.newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/${UNPAID}`);
    await invoice.click('stripe-pay-link');
    const url = await invoice.waitForText('stripe-pay-link-url', /\/pay\//, 20_000);
    await invoice.screenshot(t.artifact('pay-link.png'));

    // Stripe as the default gateway: the emailed invoice links to Stripe, not ProPay.
    if (!/Stripe is your default/.test(await settings.waitForText('stripe-default-gateway-state', /./))) {
      await settings.click('stripe-default-gateway');
      await settings.waitForText('stripe-default-gateway-state', /Stripe is your default payment gateway/, 20_000);
    }
    const email = await browser.newPage();
    await email.goto(`${t.world.siteUrl}/invoices/${UNPAID}/email`);
    expect(await email.waitForTextCss('#paymentLink', /\/pay\//, 20_000)).toBe(url.trim());
    expect(await email.textCss('#emailBody')).not.toMatch(/propay/);

    const customer = await browser.newPage();
    await customer.goto(url.trim());
    await payOnElementPage(customer, '4242424242424242', /./);

    await invoice.goto(`${t.world.siteUrl}/invoices/${UNPAID}`);
    await invoice.waitForTextCss('#balanceDue', /\$0\.00/, 30_000);
    expect(await invoice.textCss('#paymentHistory')).toMatch(/Other Credit Card[\s\S]*Stripe/);
  });
});
