import { Hono } from '../hono';
import { selectAccount } from '../db/queries/accounts';
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
    const [[customer], [account], setupIntent] = await Promise.all([
      selectCustomerById(c.var.db, link.accountId, link.customerId),
      selectAccount(c.var.db, link.accountId),
      (await c.var.stripe()).setupIntents.retrieve(link.stripeObjectId, {}, { stripeAccount: link.accountId }),
    ]);
    if (!setupIntent.client_secret) return c.html(notFoundPage(NOT_FOUND), 404);
    const business = account?.businessName ?? null;
    return elementResponse(c, {
      mode: 'setup',
      business,
      title: `Card for ${customer?.name ?? 'your customer'}`,
      intro:
        'Enter the card the customer wants kept on file. Stripe keeps it for charges on later invoices; it replaces any card saved before.',
      summary: null,
      // Stripe expects the cardholder's agreement before charging a saved card without them
      // (off-session): https://docs.stripe.com/payments/save-and-reuse#compliance
      consent: `By saving this card, you agree that ${business ?? 'this business'} may charge it later for your invoices without asking for the card again. The card stays on file until it is replaced or you ask ${business ?? 'the business'} to remove it.`,
      afterSuccess: 'close',
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
