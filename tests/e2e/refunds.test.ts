import { beforeEach, expect, it } from 'vitest';
import { formatMinor } from '../../shared/money';
import type { E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { chargeWholeBalance, setAvailableBalance, simulatorAccountId } from './harness/stripe-payments';

// Refunds from the invoice lists in real browsers. Each test connects a new Stripe account, so the
// only Stripe payment on the lists is the one the test made.

const NORMAL_SALE = '1042';
const CARD = 'Visa •••• 4242';
const usd = (cents: number) => formatMinor(cents, 'usd');

/** Presses Tab until the element with the test id has focus, as a keyboard user would reach it. */
async function tabTo(page: E2EPage, testId: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if ((await page.focused()) === testId) return;
    await page.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

describeEachBrowser('refunding from the invoice lists', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('refunds part from the Paid list by keyboard alone, then the rest from the Unpaid list', async () => {
    const browser = t.browser();
    const name = `Refunds ${t.browserName} ${Date.now()}`;
    await connectStripeAccount(browser, t.world.siteUrl, { newAccountName: name });
    const charged = await chargeWholeBalance(browser, t.world.siteUrl, NORMAL_SALE);
    const chargedCents = Math.round(Number(charged) * 100);
    const simulatorUrl = t.world.simulatorUrl;
    if (!simulatorUrl) throw new Error('these tests need the Stripe simulator');
    await setAvailableBalance(simulatorUrl, await simulatorAccountId(simulatorUrl, name), 100_000);

    const paid = await browser.newPage();
    await paid.goto(`${t.world.siteUrl}/invoices/paid`);
    await expect.poll(() => paid.count('stripe-refund'), { timeout: 20_000 }).toBe(1);
    // The Return/Exchange row says why it has no arrow.
    expect(await paid.count('stripe-refund-unavailable')).toBe(1);

    // Keyboard only: Enter opens the dialog with focus on the amount, Escape closes it and gives focus back.
    await tabTo(paid, 'stripe-refund');
    await paid.press('Enter');
    await expect.poll(() => paid.focused()).toBe('stripe-refund-amount');
    expect(await paid.textOf('stripe-refund-dialog')).toContain(`Amount to refund (up to ${usd(chargedCents)})`);
    await paid.press('Escape');
    await expect.poll(() => paid.count('stripe-refund-dialog')).toBe(0);
    expect(await paid.focused()).toBe('stripe-refund');

    await paid.press('Enter');
    await expect.poll(() => paid.focused()).toBe('stripe-refund-amount');
    // The whole amount is selected on opening: typing replaces it. Too much is refused in the dialog.
    for (const key of ['9', '9', '9', '9', 'Enter']) await paid.press(key);
    expect(await paid.waitForText('stripe-refund-problem', /At most/)).toContain(usd(chargedCents));
    expect(await paid.focused()).toBe('stripe-refund-amount');
    await paid.fill('stripe-refund-amount', '10');
    const left = chargedCents - 1000;
    expect(await paid.waitForText('stripe-refund-afterwards', /\$10\.00 due/)).toBe(
      `Afterwards invoice ${NORMAL_SALE} shows ${usd(left)} paid and $10.00 due, in Unpaid Invoices.`,
    );
    expect(await paid.textOf('stripe-refund-confirm')).toBe(`Refund $10.00 to ${CARD}`);
    await paid.press('Enter');
    expect(await paid.waitForText('stripe-refund-message', /Refunded/, 30_000)).toBe(
      `Refunded $10.00 to ${CARD}. Invoice ${NORMAL_SALE} now shows ${usd(left)} paid and $10.00 due, in Unpaid Invoices.`,
    );
    expect(await paid.count('stripe-refund-dialog')).toBe(0);
    expect(await paid.focused()).toBe('stripe-refund');
    await paid.screenshot(t.artifact('refund-partial-paid-list.png'));

    // The invoice is now on the Unpaid list, and what is left can still be refunded there.
    const unpaid = await browser.newPage();
    await unpaid.goto(`${t.world.siteUrl}/invoices/unpaid`);
    await expect.poll(() => unpaid.count('stripe-refund'), { timeout: 20_000 }).toBe(1);
    expect(await unpaid.count('stripe-refunded')).toBe(1);
    // Both markers are targets of at least 24 × 24 px (WCAG 2.2 target size).
    for (const marker of ['stripe-refund', 'stripe-refunded']) {
      const size = await unpaid.sizeOf(marker);
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24);
    }
    await unpaid.click('stripe-refunded');
    expect(await unpaid.waitForText('stripe-refunded-details', /Refunded/)).toMatch(
      new RegExp(`^Refunded \\$10\\.00 of \\$${charged.replace('.', '\\.')} on \\d{2}/\\d{2}/\\d{4} to ${CARD}$`),
    );

    await unpaid.click('stripe-refund');
    expect(await unpaid.textOf('stripe-refund-dialog')).toContain(`Amount to refund (up to ${usd(left)})`);
    await unpaid.selectOption('stripe-refund-reason', 'requested_by_customer');
    expect(await unpaid.textOf('stripe-refund-afterwards')).toBe(
      `Afterwards invoice ${NORMAL_SALE} shows $0.00 paid and ${usd(chargedCents)} due, in Unpaid Invoices.`,
    );
    await unpaid.screenshot(t.artifact('refund-dialog.png'));
    await unpaid.click('stripe-refund-confirm');
    expect(await unpaid.waitForText('stripe-refund-message', /Refunded/, 30_000)).toBe(
      `Refunded ${usd(left)} to ${CARD}. Invoice ${NORMAL_SALE} now shows $0.00 paid and ${usd(chargedCents)} due, in Unpaid Invoices.`,
    );
    // Nothing is left to refund: no green arrow, and focus on the red marker.
    expect(await unpaid.count('stripe-refund')).toBe(0);
    expect(await unpaid.focused()).toBe('stripe-refunded');
    await unpaid.screenshot(t.artifact('refund-rest-unpaid-list.png'));

    const invoice = await browser.newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/${NORMAL_SALE}`);
    expect((await invoice.textCss('#balanceDue')).replace(/[$,]/g, '')).toBe(charged);
    expect(await invoice.textCss('#paymentHistory')).toMatch(/Stripe[\s\S]*Reversed/);
    await unpaid.reload();
    await expect.poll(() => unpaid.count('stripe-refunded'), { timeout: 20_000 }).toBe(1);
    expect(await unpaid.count('stripe-refund')).toBe(0);
  });
});
