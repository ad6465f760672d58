import type Stripe from 'stripe';
import { isAccessRevoked } from './errors';
import { audit } from '../db/queries/audit';
import { setCard, type CardOnFile } from '../db/queries/customers';
import { markLinkUsed, type CardTarget } from '../db/queries/links';
import type { Db } from '../env';
import { AppError } from '../errors';
import type { Statements } from '../db/run-batch';

function cardOfMethod(pm: Stripe.PaymentMethod): CardOnFile | null {
  if (!pm.card) return null;
  return {
    paymentMethodId: pm.id,
    brand: pm.card.brand,
    last4: pm.card.last4,
    expMonth: pm.card.exp_month,
    expYear: pm.card.exp_year,
  };
}

/**
 * Makes the card a confirmed card-link SetupIntent collected the customer's default, replacing and
 * detaching the old one. Called by the card page when Stripe.js reports success, and by the
 * `setup_intent.succeeded` webhook in case the page was closed before it could report.
 */
export async function saveCardFromLink(
  db: Db,
  stripe: Stripe,
  link: CardTarget,
  now: number,
): Promise<{ card: CardOnFile; statements: Statements }> {
  if (!link.setupIntentId) throw new AppError(404, 'not_found', 'This card link is not valid.');
  const opts = { stripeAccount: link.accountId };
  const setupIntent = await stripe.setupIntents.retrieve(link.setupIntentId, { expand: ['payment_method'] }, opts);
  const pm = setupIntent.payment_method;
  if (setupIntent.status !== 'succeeded' || !pm || typeof pm === 'string')
    throw new AppError(409, 'conflict', 'Stripe has not accepted this card yet. Finish entering it, then try again.');
  const card = cardOfMethod(pm);
  if (!card) throw new AppError(400, 'validation_failed', 'Only cards can be saved here.');
  if (link.currentPaymentMethodId === card.paymentMethodId)
    return { card, statements: [markLinkUsed(db, link.tokenHash, now)] };
  await stripe.customers.update(
    link.stripeCustomerId,
    { invoice_settings: { default_payment_method: card.paymentMethodId } },
    opts,
  );
  // The new card replaces the old one: detach it so it can never be charged by mistake.
  if (link.currentPaymentMethodId)
    await stripe.paymentMethods.detach(link.currentPaymentMethodId, {}, opts).catch(() => undefined);
  return {
    card,
    statements: [
      setCard(db, link.customerId, card, now),
      markLinkUsed(db, link.tokenHash, now),
      audit(
        db,
        {
          accountId: link.accountId,
          action: 'card.saved',
          subject: link.customerId,
          detail: { brand: card.brand, last4: card.last4 },
        },
        now,
      ),
    ],
  };
}

/**
 * The webhook's side of saveCardFromLink: once Stripe refuses our access (the account was
 * deauthorized since), there is nothing left to save, and retrying for days would not change that.
 */
export async function saveCardStatements(db: Db, stripe: Stripe, link: CardTarget, now: number): Promise<Statements> {
  try {
    return (await saveCardFromLink(db, stripe, link, now)).statements;
  } catch (error) {
    if (isAccessRevoked(error)) return [];
    throw error;
  }
}
