import { SANDBOX_LOGIN } from '../../sandbox/stripe/seed';
import type { E2EBrowser, E2EPage } from './browsers';

/**
 * Connects a Stripe account the way a consultant does: the site's Account tab → Stripe Settings →
 * Connect → the simulator's sign-in and account picker → back through the worker to the extension.
 * `newAccountName` creates a fresh account at the picker, so a test starts with no customers, cards
 * or payments left by another test (the worker's data outlives a browser).
 */
export async function connectStripeAccount(
  browser: E2EBrowser,
  siteUrl: string,
  choice: { newAccountName: string } | { accountId: string },
): Promise<E2EPage> {
  const account = await browser.newPage();
  await account.goto(`${siteUrl}/account`);
  await account.click('stripe-settings');
  const settings = await browser.waitForPage(/options\.html/);
  await settings.click('stripe-connect');
  const stripe = await browser.waitForPage(/\/oauth\/authorize/);
  await stripe.fill('oauth-email', SANDBOX_LOGIN.email);
  await stripe.fill('oauth-password', SANDBOX_LOGIN.password);
  await stripe.click('oauth-signin');
  if ('newAccountName' in choice) {
    await stripe.click('oauth-create-account');
    await stripe.fill('oauth-new-account-name', choice.newAccountName);
  } else {
    await stripe.click(`oauth-account-${choice.accountId}`);
  }
  await stripe.click('oauth-connect');
  await settings.waitForText('stripe-account-status', /Connected/, 20_000);
  return settings;
}
