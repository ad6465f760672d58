import { expect, it } from 'vitest';
import { describeEachBrowser } from './harness/each-browser';

describeEachBrowser('a page whose layout the extension does not know', (t) => {
  it('gets no Stripe field, only the line saying Stripe controls are off, when the balance cell is renamed', async () => {
    const page = await t.browser().newPage();
    // The same invoice with the site's layout as this version knows it: the Stripe field is there.
    await page.goto(`${t.world.siteUrl}/invoices/1042`);
    // (waits for the field to exist: an input's text is empty)
    await page.waitForText('stripe-amount', /^/, 20_000);
    expect(await page.count('stripe-amount')).toBe(1);

    await page.goto(`${t.world.siteUrl}/invoices/1042?layout=renamed-balance`);
    const line = await page.waitForText('stripe-controls-off', /Stripe controls are off on this page/, 20_000);
    expect(line).toContain("Copy the page's structure for support");
    expect(await page.count('stripe-amount')).toBe(0);
    expect(await page.count('stripe-bridge-health')).toBe(0);
    expect(await page.count('stripe-card-add')).toBe(0);
    await page.screenshot(t.artifact('invoice-unknown-layout.png'));
  });
});
