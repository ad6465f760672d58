import { expect, it } from 'vitest';
import { describeEachBrowser } from './harness/each-browser';

describeEachBrowser('the extension on the invoice page', (t) => {
  it('shows the Stripe field and no line about the worker while the worker answers', async () => {
    const page = await t.browser().newPage();
    await page.goto(`${t.world.siteUrl}/invoices/new`);
    // (waits for the field to exist: an input's text is empty)
    await page.waitForText('stripe-amount', /^/, 20_000);
    // A line appears only when the worker does not answer (both cases: tests/extension/worker-health.test.ts).
    await page.reload();
    await page.waitForText('stripe-amount', /^/, 20_000);
    expect(await page.count('stripe-bridge-health')).toBe(0);
    await page.screenshot(t.artifact('invoice-with-stripe-field.png'));
  });

  it("writes the injected controls in the site's own font, not the browser's default serif", async () => {
    const page = await t.browser().newPage();
    await page.goto(`${t.world.siteUrl}/invoices/new`);
    await page.waitForText('stripe-amount', /^/, 20_000);
    const siteFont = await page.fontCss('body');
    expect(siteFont).toMatch(/sans-serif/);
    expect(await page.fontOf('stripe-amount')).toBe(siteFont);
  });
});
