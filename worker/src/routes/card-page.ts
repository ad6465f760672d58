import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type Stripe from 'stripe';
import { audit } from '../db/queries/audit';
import { setCard } from '../db/queries/customers';
import { findLiveLink, markLinkUsed } from '../db/queries/links';
import { customers } from '../db/schema';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { randomSecret } from '../crypto';
import { elementPage, elementPageCsp, notFoundPage } from '../pages/element-page';
import { createStripe } from '../stripe/client';

const NOT_FOUND = 'This card link is unknown, was already used or has expired (after 30 minutes). Open the invoice and click Add card or Edit again.';

function cardOfMethod(pm: Stripe.PaymentMethod) {
  if (!pm.card) return null;
  return { paymentMethodId: pm.id, brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
}

export const cardPage = new Hono<AppEnv>()
  .get('/card/:token', async (c) => {
    const link = await findLiveLink(c.var.db, c.req.param('token'), ['card'], Date.now());
    if (!link?.stripeObjectId || !link.customerId) return c.html(notFoundPage(NOT_FOUND), 404);
    const [[customer], setupIntent] = await Promise.all([
      c.var.db.select().from(customers).where(eq(customers.id, link.customerId)).limit(1),
      createStripe(c.env).setupIntents.retrieve(link.stripeObjectId, {}, { stripeAccount: link.accountId }),
    ]);
    if (!setupIntent.client_secret) return c.html(notFoundPage(NOT_FOUND), 404);
    const nonce = randomSecret('', 16);
    c.header('Content-Security-Policy', elementPageCsp(c.env.STRIPE_JS_URL, nonce));
    c.header('Cache-Control', 'no-store');
    return c.html(
      elementPage({
        mode: 'setup',
        title: `Card for ${customer?.name ?? 'your customer'}`,
        intro: 'Enter the card the customer wants kept on file. Stripe keeps it for charges on later invoices; it replaces any card saved before.',
        submitLabel: 'Save card',
        doneMessage: 'Card saved. You can close this window.',
        publishableKey: c.env.STRIPE_PUBLISHABLE_KEY,
        stripeAccount: link.accountId,
        clientSecret: setupIntent.client_secret,
        stripeJsUrl: c.env.STRIPE_JS_URL,
        completeUrl: `/card/${c.req.param('token')}/complete`,
        nonce,
      }),
    );
  })
  .post('/card/:token/complete', async (c) => {
    const token = c.req.param('token');
    const db = c.var.db;
    const now = Date.now();
    const link = await findLiveLink(db, token, ['card'], now);
    if (!link?.stripeObjectId || !link.customerId) throw new AppError(404, 'not_found', NOT_FOUND);
    const stripe = createStripe(c.env);
    const opts = { stripeAccount: link.accountId };
    const setupIntent = await stripe.setupIntents.retrieve(link.stripeObjectId, { expand: ['payment_method'] }, opts);
    const pm = setupIntent.payment_method;
    if (setupIntent.status !== 'succeeded' || !pm || typeof pm === 'string') throw new AppError(409, 'conflict', 'Stripe has not accepted this card yet. Finish entering it, then try again.');
    const card = cardOfMethod(pm);
    if (!card) throw new AppError(400, 'validation_failed', 'Only cards can be saved here.');
    const [customer] = await db.select().from(customers).where(eq(customers.id, link.customerId)).limit(1);
    if (!customer) throw new AppError(404, 'not_found', NOT_FOUND);
    await stripe.customers.update(customer.stripeCustomerId, { invoice_settings: { default_payment_method: card.paymentMethodId } }, opts);
    // The new card replaces the old one: detach it so it can never be charged by mistake.
    if (customer.paymentMethodId && customer.paymentMethodId !== card.paymentMethodId) {
      await stripe.paymentMethods.detach(customer.paymentMethodId, {}, opts).catch(() => undefined);
    }
    await db.batch([setCard(db, customer.id, card, now), markLinkUsed(db, link.tokenHash, now), audit(db, { accountId: link.accountId, action: 'card.saved', subject: customer.id, detail: { brand: card.brand, last4: card.last4 } }, now)]);
    return c.json({ card: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear } });
  });
