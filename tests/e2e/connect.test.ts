import { beforeEach, expect, it } from 'vitest';
import { JANE_DOE_CONSULTING, JANES_BEAUTY_STUDIO, MK_MY_SHOP, SANDBOX_LOGIN } from '../sandbox/stripe/seed';
import type { E2EPage } from './harness/browsers';
import { describeEachBrowser, type BrowserTestContext } from './harness/each-browser';

const SETTINGS_PAGE = /^(chrome|moz)-extension:\/\/[^/]+\/options\.html/;
const AUTHORIZE_PAGE = /\/oauth\/authorize\?/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Account tab → the injected Stripe card → Stripe Settings, as the consultant gets there. */
async function openStripeSettings(t: BrowserTestContext): Promise<E2EPage> {
  const account = await t.browser().newPage();
  await account.goto(`${t.world.siteUrl}/account`);
  await account.click('stripe-settings');
  const settings = await t.browser().waitForPage(SETTINGS_PAGE);
  await settings.waitForText('stripe-account-status', /./);
  return settings;
}

/** Connect → Stripe's (the simulator's) sign-in and account picker, up to the account's radio. */
async function pickOnStripe(t: BrowserTestContext, settings: E2EPage, accountId: string): Promise<E2EPage> {
  await settings.click('stripe-connect');
  const stripe = await t.browser().waitForPage(AUTHORIZE_PAGE);
  await stripe.fill('oauth-email', SANDBOX_LOGIN.email);
  await stripe.fill('oauth-password', SANDBOX_LOGIN.password);
  await stripe.click('oauth-signin');
  await stripe.click(`oauth-account-${accountId}`);
  return stripe;
}

async function connect(t: BrowserTestContext, account: { id: string; businessName: string }): Promise<E2EPage> {
  const settings = await openStripeSettings(t);
  const stripe = await pickOnStripe(t, settings, account.id);
  await stripe.click('oauth-connect');
  await settings.waitForText(
    'stripe-account-status',
    new RegExp(`Connected to ${escape(account.businessName)} · Test mode`),
    20_000,
  );
  return settings;
}

describeEachBrowser('connecting Stripe', (t) => {
  beforeEach(async () => {
    await fetch(`${t.world.siteUrl}/_site/reset`, { method: 'POST' });
  });

  it("goes from the Account tab to Stripe and back to Stripe Settings connected with the account's name", async () => {
    const settings = await openStripeSettings(t);
    expect(await settings.textOf('stripe-account-status')).toMatch(/Not connected/);
    expect(await settings.textOf('stripe-myshop-advice')).toMatch(/MK My Shop.*online Shop orders only/);
    const stripe = await pickOnStripe(t, settings, JANES_BEAUTY_STUDIO.id);
    await stripe.click('oauth-connect');

    await settings.waitForText('stripe-account-status', /Connected to Jane's Beauty Studio · Test mode/, 20_000);
    expect(await settings.count('stripe-disconnect')).toBe(1);
    expect(await settings.count('stripe-connect')).toBe(0);
    await settings.screenshot(t.artifact('stripe-settings-connected.png'));
    // The acct_ id is for support: not on the consultant's screen, under Advanced.
    expect(await settings.textOf('stripe-account-status')).not.toMatch(/acct_/);
    await settings.click('stripe-advanced-toggle');
    await settings.waitForText('stripe-account-id', /acct_1SbxJaneBeautyStu/);

    // The Account tab's card says so too.
    const account = await t.browser().newPage();
    await account.goto(`${t.world.siteUrl}/account`);
    await account.waitForText('stripe-settings', /Stripe Settings/);
  });

  it('leaves nothing connected when Stripe refuses the My Shop account, with the advice in view', async () => {
    const settings = await openStripeSettings(t);
    const stripe = await pickOnStripe(t, settings, MK_MY_SHOP.id);
    await stripe.click('oauth-connect');
    await stripe.waitForText('oauth-refused', /can.t be connected/);

    expect(await settings.textOf('stripe-account-status')).toMatch(/Not connected/);
    expect(await settings.textOf('stripe-myshop-advice')).toMatch(
      /Do not connect the Stripe account you use for your MK My Shop/,
    );
    expect(await settings.count('stripe-connect')).toBe(1);
  });

  it('says in words that the consultant chose not to connect when they deny on Stripe', async () => {
    const settings = await openStripeSettings(t);
    const stripe = await pickOnStripe(t, settings, JANES_BEAUTY_STUDIO.id);
    await stripe.click('oauth-deny');
    await settings.waitForText(
      'stripe-connect-error',
      new RegExp(escape('You chose not to connect a Stripe account. Nothing was changed.')),
      20_000,
    );
    expect(await settings.textOf('stripe-account-status')).toMatch(/Not connected/);
  });

  it('shows the reconnect banner on the invoice page after Disconnect', async () => {
    const settings = await connect(t, JANE_DOE_CONSULTING);
    await settings.click('stripe-disconnect');
    await settings.waitForText('stripe-account-status', /Disconnected\..*Jane Doe Consulting/, 20_000);
    expect(await settings.count('stripe-connect')).toBe(1);

    const invoice = await t.browser().newPage();
    await invoice.goto(`${t.world.siteUrl}/invoices/1042`);
    await invoice.waitForText('stripe-reconnect', /Stripe disconnected — reconnect in Stripe Settings/, 20_000);
  });

  it('keeps the default-gateway choice across a browser restart', async () => {
    const settings = await connect(t, JANES_BEAUTY_STUDIO);
    // The choice lives with the Stripe account at the worker, which the other browser's run shares.
    if (/Stripe is your default/.test(await settings.waitForText('stripe-default-gateway-state', /./))) {
      await settings.click('stripe-default-gateway');
      await settings.waitForText('stripe-default-gateway-state', /other gateway stays the default/, 20_000);
    }
    await settings.click('stripe-default-gateway');
    await settings.waitForText('stripe-default-gateway-state', /Stripe is your default payment gateway/, 20_000);

    await t.browser().restart();
    const again = await openStripeSettings(t);
    await again.waitForText('stripe-account-status', /Connected to Jane's Beauty Studio/);
    await again.waitForText('stripe-default-gateway-state', /Stripe is your default payment gateway/);
  });
});
