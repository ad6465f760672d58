import { beforeEach, expect, it } from 'vitest';
import { launchBrowser, type E2EBrowser, type E2EPage } from './harness/browsers';
import { connectStripeAccount } from './harness/connect-account';
import { describeEachBrowser } from './harness/each-browser';
import { payOnElementPage, simulatorAccountId } from './harness/stripe-payments';

// One consultant, two computers: both signed in to the same Stripe account, both confirm the same
// invoice at the same moment. The worker (D1) lets exactly one charge through; the other browser
// says why it did not charge.

const INVOICE = '1042';

async function readyToConfirm(browser: E2EBrowser, siteUrl: string): Promise<E2EPage> {
  const invoice = await browser.newPage();
  await invoice.goto(`${siteUrl}/invoices/${INVOICE}`);
  await invoice.waitForText('stripe-card-summary', /4242/, 20_000);
  const due = (await invoice.textCss('#balanceDue')).replace(/[$,]/g, '').trim();
  await invoice.fill('stripe-amount', due);
  await invoice.click('invoice-continue');
  await invoice.waitForText('stripe-warning', /Clicking Confirm will charge/);
  return invoice;
}

async function succeededIntents(simulatorUrl: string, account: string): Promise<number> {
  const res = await fetch(`${simulatorUrl}/v1/payment_intents?limit=100`, {
    headers: { authorization: 'Bearer sk_test_e2echeck', 'stripe-account': account },
  });
  const body = (await res.json()) as { data: { status: string }[] };
  return body.data.filter((pi) => pi.status === 'succeeded').length;
}

describeEachBrowser('two browsers of one consultant confirm the same invoice', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it('charges the card once, and the other browser says why it did not charge', async () => {
    const name = `Two computers ${t.browserName} ${Date.now()}`;
    const first = t.browser();
    await connectStripeAccount(first, t.world.siteUrl, { newAccountName: name });
    const simulatorUrl = t.world.simulatorUrl ?? '';
    const account = await simulatorAccountId(simulatorUrl, name);
    const second = await launchBrowser(t.browserName, t.world.extensionDirs);
    try {
      await connectStripeAccount(second, t.world.siteUrl, { accountId: account });
      const adding = await first.newPage();
      await adding.goto(`${t.world.siteUrl}/invoices/${INVOICE}`);
      await adding.click('stripe-card-add');
      await payOnElementPage(await first.waitForPage(/\/card\//), '4242424242424242', /Card saved/);
      await adding.close();

      const pages = [await readyToConfirm(first, t.world.siteUrl), await readyToConfirm(second, t.world.siteUrl)];
      await Promise.all(pages.map((page) => page.click('invoice-confirm')));

      const outcomes = await Promise.all(
        pages.map((page) =>
          Promise.race([
            page.waitForText('stripe-status', /Paid/, 30_000).then(() => 'charged'),
            page.waitForText(
              'stripe-charge-error',
              /another browser or computer|already taken|went through after all/,
              30_000,
            ),
          ]),
        ),
      );
      expect(outcomes.filter((o) => o === 'charged')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'charged')).toMatch(/Nothing (more )?was charged|at most \$0\.00/);
      expect(await succeededIntents(simulatorUrl, account)).toBe(1);
    } finally {
      await second.close();
    }
  });
});
