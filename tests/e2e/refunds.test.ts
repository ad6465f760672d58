import { beforeEach, expect, it } from 'vitest';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { chargeWholeBalance, setAvailableBalance, simulatorAccountId } from './harness/stripe-payments';

// Refunds from the Paid Invoices list in real browsers. Each test connects a new Stripe account, so
// the only Stripe payment on the list is the one the test made.

const NORMAL_SALE = '1042';

describeEachBrowser('refunding from the Paid Invoices list', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('green arrow refunds the Stripe payment; the invoice moves to the Unpaid list with a red arrow', async () => {
    const browser = t.browser();
    const name = `Refunds ${t.browserName} ${Date.now()}`;
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: name });
    const charged = await chargeWholeBalance(browser, t.world.siteUrl, NORMAL_SALE);
    const simulatorUrl = t.world.simulatorUrl;
    if (!simulatorUrl) throw new Error('these tests need the Stripe simulator');
    await setAvailableBalance(simulatorUrl, await simulatorAccountId(simulatorUrl, name), 100_000);

    const paid = await browser.newPage();
    await paid.goto(`${t.world.siteUrl}/invoices/paid`);
    await paid.waitForText('stripe-refund', /↩/, 20_000);
    // One green arrow: the Stripe-paid Normal Sale; the Return/Exchange row says why it has none.
    expect(await paid.count('stripe-refund')).toBe(1);
    expect(await paid.count('stripe-refund-unavailable')).toBe(1);

    await paid.click('stripe-refund');
    await paid.fill('stripe-refund-amount', '9999');
    await paid.click('stripe-refund-confirm');
    expect(await paid.waitForText('stripe-refund-message', /At most \$/)).toContain(`$${charged}`);

    await paid.fill('stripe-refund-amount', charged);
    await paid.click('stripe-refund-confirm');
    await expect.poll(() => paid.count(`invoice-row-${NORMAL_SALE}`).catch(() => 1), { timeout: 30_000 }).toBe(0);
    await paid.screenshot(t.artifact('refund-paid-list.png'));

    const unpaid = await browser.newPage();
    await unpaid.goto(`${t.world.siteUrl}/invoices/unpaid`);
    expect(await unpaid.count(`invoice-row-${NORMAL_SALE}`)).toBe(1);
    await unpaid.waitForText('stripe-refunded', /↩/, 20_000);
    await unpaid.screenshot(t.artifact('refund-unpaid-list.png'));

    const invoice = await browser.newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/${NORMAL_SALE}`);
    expect((await invoice.textCss('#balanceDue')).replace(/[$,]/g, '')).toBe(charged);
    expect(await invoice.textCss('#paymentHistory')).toMatch(/Stripe[\s\S]*Reversed/);
  });
});
