import { Hono } from 'hono';
import { findLiveLink } from '../db/queries/links';
import { selectCustomerById } from '../db/queries/customers';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { elementResponse, notFoundPage } from '../pages/element-page';
import { saveCardFromLink } from '../stripe/save-card';

const NOT_FOUND =
  'This card link is unknown, was already used or has expired (after 30 minutes). Open the invoice and click Add card or Edit again.';

export const cardPage = new Hono<AppEnv>()
  .get('/card/:token', async (c) => {
    const link = await findLiveLink(c.var.db, c.req.param('token'), ['card'], Date.now());
    if (!link?.stripeObjectId || !link.customerId) return c.html(notFoundPage(NOT_FOUND), 404);
    const [[customer], setupIntent] = await Promise.all([
      selectCustomerById(c.var.db, link.accountId, link.customerId),
      (await c.var.stripe()).setupIntents.retrieve(link.stripeObjectId, {}, { stripeAccount: link.accountId }),
    ]);
    if (!setupIntent.client_secret) return c.html(notFoundPage(NOT_FOUND), 404);
    return elementResponse(c, {
      mode: 'setup',
      title: `Card for ${customer?.name ?? 'your customer'}`,
      intro:
        'Enter the card the customer wants kept on file. Stripe keeps it for charges on later invoices; it replaces any card saved before.',
      submitLabel: 'Save card',
      doneMessage: 'Card saved. You can close this window.',
      stripeAccount: link.accountId,
      clientSecret: setupIntent.client_secret,
      completeUrl: `/card/${c.req.param('token')}/complete`,
    });
  })
  .post('/card/:token/complete', async (c) => {
    const db = c.var.db;
    const now = Date.now();
    // A used link is fine here: the setup_intent.succeeded webhook may have saved the card first,
    // and saving the same card again only confirms it.
    const link = await findLiveLink(db, c.req.param('token'), ['card'], now, { includeUsed: true });
    if (!link?.customerId) throw new AppError(404, 'not_found', NOT_FOUND);
    const [customer] = await selectCustomerById(db, link.accountId, link.customerId);
    if (!customer) throw new AppError(404, 'not_found', NOT_FOUND);
    const target = {
      accountId: link.accountId,
      tokenHash: link.tokenHash,
      setupIntentId: link.stripeObjectId,
      customerId: customer.id,
      stripeCustomerId: customer.stripeCustomerId,
      currentPaymentMethodId: customer.paymentMethodId,
    };
    const { card, statements } = await saveCardFromLink(db, await c.var.stripe(), target, now);
    const [first, ...rest] = statements;
    if (first) await db.batch([first, ...rest]);
    return c.json({ card: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear } });
  });
