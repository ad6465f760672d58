import axe from 'axe-core';
import { beforeEach, expect, it } from 'vitest';
import type { E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { payOnElementPage } from './harness/stripe-payments';

// axe-core over every page the extension touches and every page the worker serves, in real
// browsers with the built extension: WCAG 2.0–2.2 A and AA rules. On the back office's pages only
// the extension's own elements count: they all live in (open) shadow roots, so a finding counts
// when its node is inside one; the stand-in site's own markup is the real site's business, not ours.
// The worker's pages and Stripe Settings are ours from top to bottom, except Stripe's card-field
// frames (`iframes: false`), which Stripe answers for.

/** axe-core's own script, as it ships it for injection into a page. */
const AXE_SOURCE = axe.source;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

type Scope = 'extension-in-site' | 'whole-page';

interface AxeNode {
  target: (string | string[])[];
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe in the page and returns one line per offending node, scoped as said above. */
async function audit(page: E2EPage, name: string, scope: Scope): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(`${AXE_SOURCE};0`);
  const json = await page.evaluate<string>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, iframes: false,
       resultTypes: ['violations'] }).then((result) => JSON.stringify(result.violations))`,
  );
  const violations = JSON.parse(json) as AxeViolation[];
  const ours = (node: AxeNode) =>
    scope === 'whole-page' || node.target.some((part) => Array.isArray(part)) || /^<stripe-/.test(node.html);
  return violations.flatMap((violation) =>
    violation.nodes
      .filter(ours)
      .map(
        (node) =>
          `${name}: ${violation.id} (${violation.impact}) ${violation.help} — ${JSON.stringify(node.target)} ${node.html.slice(0, 160)}`,
      ),
  );
}

describeEachBrowser('accessibility (axe-core)', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('finds no WCAG A/AA violation in the extension on the site, in Stripe Settings or on the worker pages', async () => {
    const browser = t.browser();
    const site = t.world.siteUrl;
    const findings: string[] = [];
    const check = async (page: E2EPage, name: string, scope: Scope) =>
      findings.push(...(await audit(page, name, scope)));

    // Stripe Settings, connected, with Advanced open.
    const settings = await connectStripeAccount(browser, site, {
      newAccountName: `Accessibility ${t.browserName} ${Date.now()}`,
    });
    await settings.click('stripe-advanced-toggle');
    await settings.waitForText('stripe-account-id', /acct_/);
    await check(settings, 'Stripe Settings', 'whole-page');

    const account = await browser.newPage();
    await account.goto(`${site}/account`);
    await account.waitForText('stripe-settings', /Stripe Settings/, 20_000);
    await check(account, 'Account tab', 'extension-in-site');
    await account.screenshot(t.artifact('account-tab-stripe-card.png'));

    // A saved invoice: the Stripe field, then the worker's card page, then the review step.
    const invoice = await browser.newPage();
    await invoice.goto(`${site}/invoices/1042`);
    await invoice.waitForText('stripe-card-add', /./, 20_000);
    await check(invoice, 'invoice 1042', 'extension-in-site');
    await invoice.click('stripe-card-add');
    const cardPage = await browser.waitForPage(/\/card\//);
    await cardPage.waitForText('card-submit', /./, 20_000);
    await check(cardPage, 'worker card page', 'whole-page');
    await payOnElementPage(cardPage, '4242424242424242', /Card saved/);
    await invoice.waitForText('stripe-card-summary', /4242/, 20_000);
    const due = (await invoice.textCss('#balanceDue')).replace(/[$,]/g, '').trim();
    await invoice.fill('stripe-amount', due);
    await invoice.click('invoice-continue');
    await invoice.waitForText('stripe-warning', /Clicking Confirm will charge/);
    await check(invoice, 'invoice 1042, review step', 'extension-in-site');
    await invoice.click('invoice-confirm');
    await invoice.waitForText('stripe-status', /Paid/, 30_000);
    await check(invoice, 'invoice 1042, paid', 'extension-in-site');

    const newInvoice = await browser.newPage();
    await newInvoice.goto(`${site}/invoices/new`);
    await newInvoice.waitForText('stripe-amount', /^/, 20_000);
    await check(newInvoice, 'new invoice', 'extension-in-site');

    const lists = await browser.newPage();
    await lists.goto(`${site}/invoices/paid`);
    // The green arrow is a drawn icon with a spoken name, so it is waited for, not its text.
    await expect.poll(() => lists.count('stripe-refund'), { timeout: 20_000 }).toBeGreaterThan(0);
    await check(lists, 'Paid Invoices', 'extension-in-site');
    await lists.click('stripe-refund');
    await lists.waitForText('stripe-refund-confirm', /Refund/, 10_000);
    await check(lists, 'Paid Invoices, refund dialog open', 'extension-in-site');
    await lists.press('Escape');
    await lists.goto(`${site}/invoices/unpaid`);
    await lists.waitForText('invoice-row-1044', /1044/, 20_000);
    await check(lists, 'Unpaid Invoices', 'extension-in-site');

    // A payment link, the customer's pay page, and the Email Invoice page that carries the link.
    const linked = await browser.newPage();
    await linked.goto(`${site}/invoices/1044`);
    await linked.click('stripe-pay-link');
    const url = (await linked.waitForText('stripe-pay-link-url', /\/pay\//, 20_000)).trim();
    await check(linked, 'invoice 1044 with its payment link', 'extension-in-site');
    const payPage = await browser.newPage();
    await payPage.goto(url);
    await payPage.waitForText('card-submit', /./, 20_000);
    await check(payPage, 'worker pay page', 'whole-page');
    const email = await browser.newPage();
    await email.goto(`${site}/invoices/1044/email`);
    await email.waitForTextCss('#paymentLink', /./, 20_000);
    await check(email, 'Email Invoice', 'extension-in-site');

    // The worker's Connect pages: the landing page and a refusal (a forged state).
    const connectPage = await browser.newPage();
    await connectPage.goto(`${t.world.workerUrl}/connect/done`);
    await check(connectPage, 'worker /connect/done', 'whole-page');
    await connectPage.goto(`${t.world.workerUrl}/connect/callback?state=forged-state-forged-state&code=ac_x`);
    await check(connectPage, 'worker /connect/callback refused', 'whole-page');

    // A page of unknown layout: the one line saying Stripe controls are off.
    const unknown = await browser.newPage();
    await unknown.goto(`${site}/invoices/1042?layout=renamed-balance`);
    await unknown.waitForText('stripe-controls-off', /Stripe controls are off/, 20_000);
    await check(unknown, 'invoice of unknown layout', 'extension-in-site');

    // After Disconnect: the reconnect banner.
    await settings.click('stripe-disconnect');
    await settings.waitForText('stripe-account-status', /Disconnected/, 20_000);
    await check(settings, 'Stripe Settings, disconnected', 'whole-page');
    const banner = await browser.newPage();
    await banner.goto(`${site}/invoices/1044`);
    await banner.waitForText('stripe-reconnect', /Stripe disconnected/, 20_000);
    await check(banner, 'invoice with the reconnect banner', 'extension-in-site');

    expect(findings, findings.join('\n')).toEqual([]);
  });
});
