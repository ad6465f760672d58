import { Hono } from 'hono';
import { randomSecret } from '../crypto';
import { findLiveLink } from '../db/queries/links';
import type { AppEnv } from '../env';
import { html, page } from '../pages/html';
import { elementPage, elementPageCsp, notFoundPage } from '../pages/element-page';
import { createStripe } from '../stripe/client';
import { formatMinor } from '../../../shared/money';

const NOT_FOUND = 'This payment link is unknown or has expired. Ask your consultant for a new one.';

/**
 * Customer-facing payment pages. An authentication link re-opens the same PaymentIntent the
 * consultant's charge created, so the customer completes 3-D Secure for it; whether it is paid is
 * decided by the webhook, never by this page's redirect.
 */
export const payPage = new Hono<AppEnv>().get('/pay/:token', async (c) => {
  const link = await findLiveLink(c.var.db, c.req.param('token'), ['authenticate', 'pay'], Date.now());
  if (!link?.stripeObjectId) return c.html(notFoundPage(NOT_FOUND), 404);
  const intent = await createStripe(c.env).paymentIntents.retrieve(link.stripeObjectId, {}, { stripeAccount: link.accountId });
  const amount = formatMinor(intent.amount, intent.currency);
  if (intent.status === 'succeeded' || intent.status === 'processing') {
    return c.html(page('Payment complete', html`<h1 class="ok" data-testid="pay-complete">This payment of ${amount} is complete</h1><p>Thank you. You can close this page.</p>`));
  }
  if (intent.status === 'canceled' || !intent.client_secret) return c.html(notFoundPage('This payment was canceled. Ask your consultant for a new link.'), 410);
  const nonce = randomSecret('', 16);
  c.header('Content-Security-Policy', elementPageCsp(c.env.STRIPE_JS_URL, nonce));
  c.header('Cache-Control', 'no-store');
  return c.html(
    elementPage({
      mode: 'payment',
      title: `Confirm your payment of ${amount}`,
      intro: `${intent.description ?? 'Your invoice'}: your bank asks you to confirm this payment. Enter your card and follow your bank's steps.`,
      submitLabel: `Pay ${amount}`,
      doneMessage: 'Thank you — your payment was accepted. You can close this page.',
      publishableKey: c.env.STRIPE_PUBLISHABLE_KEY,
      stripeAccount: link.accountId,
      clientSecret: intent.client_secret,
      stripeJsUrl: c.env.STRIPE_JS_URL,
      completeUrl: null,
      nonce,
    }),
  );
});
