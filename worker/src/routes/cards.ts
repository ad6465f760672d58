import { Hono } from '../hono';
import { cardLinkRequest } from '../../../shared/api-requests';
import type { ApiEnv } from '../auth';
import { audit } from '../db/queries/audit';
import { newLink } from '../db/queries/links';
import { ensureCustomer } from '../stripe/customers';
import { validate } from '../validate';

/** A one-time link to the card page, where the Payment Element saves a card for off-session use. */
export const cards = new Hono<ApiEnv>().post('/card-links', validate('json', cardLinkRequest), async (c) => {
  const { db, account, tokenId } = c.var;
  const stripe = await c.var.stripe();
  const now = Date.now();
  const customer = await ensureCustomer(db, stripe, account.id, c.req.valid('json').customer, now);
  // https://docs.stripe.com/api/setup_intents/create#create_setup_intent-usage — off_session asks
  // the bank, during this one on-session setup, to allow later charges without the customer.
  const setupIntent = await stripe.setupIntents.create(
    // Cards only: the Payment Element offers nothing else, and a bank debit could never be charged off-session here.
    {
      customer: customer.stripeCustomerId,
      usage: 'off_session',
      allowed_payment_method_types: ['card'],
      metadata: { site_customer_id: customer.siteCustomerId },
    },
    { stripeAccount: account.id },
  );
  const link = await newLink(
    db,
    c.env.PUBLIC_URL,
    { purpose: 'card', accountId: account.id, customerId: customer.id, stripeObjectId: setupIntent.id },
    now,
  );
  await db.batch([
    link.insert,
    audit(db, { accountId: account.id, tokenId, action: 'card.link_created', subject: customer.id }, now),
  ]);
  return c.json({ url: link.url, expiresAt: link.expiresAt });
});
