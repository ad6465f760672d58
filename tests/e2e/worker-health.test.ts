import { expect, it } from 'vitest';
import { VERSION } from '../../shared/version';
import { describeEachBrowser } from './harness/each-browser';

describeEachBrowser('the extension on the invoice page', (t) => {
  it('shows an injected control that reached the worker through the background', async () => {
    const page = await t.browser().newPage();
    await page.goto(`${t.world.siteUrl}/invoices/new`);
    const text = await page.waitForText(
      'stripe-bridge-health',
      new RegExp(`reachable.*${VERSION.replace(/\./g, '\\.')}`),
      20_000,
    );
    expect(text).toContain(VERSION);
    await page.screenshot(t.artifact('invoice-with-health.png'));
  });

  it("writes the injected controls in the site's own font, not the browser's default serif", async () => {
    const page = await t.browser().newPage();
    await page.goto(`${t.world.siteUrl}/invoices/new`);
    await page.waitForText('stripe-bridge-health', /reachable/, 20_000);
    const siteFont = await page.fontCss('body');
    expect(siteFont).toMatch(/sans-serif/);
    expect(await page.fontOf('stripe-bridge-health')).toBe(siteFont);
    expect(await page.fontOf('stripe-amount')).toBe(siteFont);
  });
});
