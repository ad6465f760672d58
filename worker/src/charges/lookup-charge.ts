import type Stripe from 'stripe';
import type { PaymentRow } from '../db/queries/payments';
import { outcomeOfIntent, type ChargeOutcome } from '../stripe/create-charge';
import { isStripeUnavailable } from '../stripe/errors';
import { UNKNOWN_OUTCOME_MESSAGE } from '../stripe/decline-messages';

/**
 * Stripe forgets an idempotency key after 24 hours; re-sending an attempt older than this could
 * make a second charge. Such attempts are settled by lookup instead.
 */
export const KEY_LIFETIME_MS = 23 * 60 * 60_000;

const NEVER_SENT_MESSAGE = 'This charge never reached Stripe. Nothing was charged.';

/**
 * Finds the attempt's PaymentIntent by our id in its metadata, among the customer's PaymentIntents
 * created around the attempt; none means Stripe never made it. Never creates anything.
 */
export async function lookupCharge(stripe: Stripe, stripeAccount: string, payment: PaymentRow): Promise<ChargeOutcome> {
  const customer = payment.requestParams?.stripeCustomerId;
  if (!customer) return { status: 'failed', failureCode: 'never_sent', failureMessage: NEVER_SENT_MESSAGE };
  try {
    const since = Math.floor(payment.createdAt / 1000) - 3600;
    for await (const intent of stripe.paymentIntents.list(
      { customer, created: { gte: since }, limit: 100 },
      { stripeAccount },
    )) {
      if (intent.metadata?.payment_id === payment.id) return outcomeOfIntent(intent);
    }
    return { status: 'failed', failureCode: 'never_sent', failureMessage: NEVER_SENT_MESSAGE };
  } catch (error) {
    if (isStripeUnavailable(error))
      return { status: 'unknown', failureCode: 'stripe_unavailable', failureMessage: UNKNOWN_OUTCOME_MESSAGE };
    throw error;
  }
}
