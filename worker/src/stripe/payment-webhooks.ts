import type Stripe from 'stripe';
import { audit } from '../db/queries/audit';
import type { Db } from '../env';
import { invoiceIdOf } from '../db/queries/invoices';
import { markAttemptSucceeded, noteFailedAuthentication, settleOpenAttempt } from '../db/queries/payment-events';
import { insertLinkPayment, type LinkPaymentFacts } from '../db/queries/payments';
import type { Statements } from '../db/run-batch';
import { AUTHENTICATION_MESSAGE, declineReason } from './decline-messages';
import { isAccessRevoked } from './errors';

/**
 * The charge with its balance transaction; null once the account is disconnected, so the payment is
 * still recorded (without fee and card) instead of the event failing for days.
 */
async function retrieveCharge(stripe: Stripe, chargeId: string, account: string): Promise<Stripe.Charge | null> {
  try {
    return await stripe.charges.retrieve(chargeId, { expand: ['balance_transaction'] }, { stripeAccount: account });
  } catch (error) {
    if (isAccessRevoked(error)) return null;
    throw error;
  }
}

/**
 * Settles an attempt from `payment_intent.succeeded`: the customer authenticated, or a charge whose
 * outcome we did not hear settled after all. The fee comes from the charge's balance transaction.
 */
export async function paymentSucceeded(event: Stripe.Event, db: Db, now: number, stripe: Stripe): Promise<Statements> {
  const intent = event.data.object as Stripe.PaymentIntent;
  if (!event.account) return [];
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  let fee: { feeMinor: number | null; netMinor: number | null } = { feeMinor: null, netMinor: null };
  let card: { cardBrand: string | null; cardLast4: string | null } = { cardBrand: null, cardLast4: null };
  const charge = chargeId ? await retrieveCharge(stripe, chargeId, event.account) : null;
  if (charge) {
    // Null until an automatic_async capture completes: charge.updated brings it then (charge-webhooks.ts).
    const bt = charge.balance_transaction;
    if (bt && typeof bt !== 'string') fee = { feeMinor: bt.fee, netMinor: bt.net };
    const details = charge.payment_method_details?.card;
    if (details) card = { cardBrand: details.brand ?? null, cardLast4: details.last4 ?? null };
  }
  if (intent.metadata?.source === 'payment_link')
    return paymentLinkPaid(event.account, intent, { ...fee, ...card }, db, now);
  const paymentId = intent.metadata?.payment_id;
  if (!paymentId) return [];
  return [
    markAttemptSucceeded(db, event.account, paymentId, { paymentIntentId: intent.id, chargeId, ...fee }, now),
    audit(
      db,
      {
        accountId: event.account,
        action: 'charge.succeeded',
        subject: intent.metadata?.payment_id ?? null,
        detail: { paymentIntent: intent.id, via: 'webhook' },
      },
      now,
    ),
  ];
}

/** A failed attempt: an unsettled charge becomes failed; a customer's failed 3-D Secure keeps the link usable. */
export function paymentFailed(event: Stripe.Event, db: Db, now: number): Statements {
  const intent = event.data.object as Stripe.PaymentIntent;
  const paymentId = intent.metadata?.payment_id;
  if (!paymentId || !event.account) return [];
  const error = intent.last_payment_error;
  // The bank wants the customer: the attempt waits for them (authentication link), it was not declined.
  if (error?.code === 'authentication_required' || error?.decline_code === 'authentication_required') {
    const waiting = {
      status: 'requires_action' as const,
      paymentIntentId: intent.id,
      failureCode: 'authentication_required',
      failureMessage: AUTHENTICATION_MESSAGE,
    };
    return [settleOpenAttempt(db, event.account, paymentId, waiting, now)];
  }
  const declined = {
    status: 'failed' as const,
    paymentIntentId: intent.id,
    failureCode: declineReason(error?.decline_code, error?.code),
    failureMessage: "The card was declined by the customer's bank. Nothing was charged.",
  };
  return [
    settleOpenAttempt(db, event.account, paymentId, declined, now),
    noteFailedAuthentication(
      db,
      event.account,
      paymentId,
      "The customer's bank did not confirm the payment. They can open the same link and try again.",
      now,
    ),
  ];
}

/** A customer paid through the invoice's payment link: recorded once per PaymentIntent. */
function paymentLinkPaid(
  accountId: string,
  intent: Stripe.PaymentIntent,
  facts: LinkPaymentFacts,
  db: Db,
  now: number,
): Statements {
  const number = intent.metadata?.invoice_number;
  if (!number) return [];
  return [
    insertLinkPayment(db, accountId, invoiceIdOf(accountId, number), intent, now, facts),
    audit(
      db,
      {
        accountId,
        action: 'pay_link.paid',
        subject: intent.id,
        detail: { invoice: number, paymentIntent: intent.id, amountMinor: intent.amount },
      },
      now,
    ),
  ];
}
