import type Stripe from 'stripe';
import type { RefundRow } from '../db/queries/refunds';
import { KEY_LIFETIME_MS } from '../charges/lookup-charge';
import { createRefund, outcomeOfRefund, type RefundOutcome } from '../stripe/create-refund';
import { isStripeUnavailable } from '../stripe/errors';
import { REFUND_UNKNOWN_MESSAGE } from '../stripe/create-refund';

const REFUND_NEVER_SENT =
  'This refund never reached Stripe. Nothing was refunded; click the green arrow to refund again.';

/** Finds our refund by its id in the metadata of the PaymentIntent's refunds; never creates one. */
async function lookupRefund(
  stripe: Stripe,
  stripeAccount: string,
  row: RefundRow,
  paymentIntentId: string,
): Promise<RefundOutcome> {
  try {
    for await (const refund of stripe.refunds.list(
      { payment_intent: paymentIntentId, limit: 100 },
      { stripeAccount },
    )) {
      if (refund.metadata?.refund_id === row.id) return outcomeOfRefund(refund);
    }
    return { status: 'failed', stripeRefundId: null, failureReason: REFUND_NEVER_SENT };
  } catch (error) {
    if (isStripeUnavailable(error))
      return { status: 'unknown', stripeRefundId: null, failureReason: REFUND_UNKNOWN_MESSAGE };
    throw error;
  }
}

/**
 * Asks Stripe about one refund whose create was never answered: re-sent with its own key while
 * Stripe still remembers the key, looked up after that, so it is never made twice.
 */
export function driveRefund(
  stripe: Stripe,
  stripeAccount: string,
  row: RefundRow,
  paymentIntentId: string,
  invoiceNumber: string,
  now = Date.now(),
): Promise<RefundOutcome> {
  if (now - row.createdAt >= KEY_LIFETIME_MS) return lookupRefund(stripe, stripeAccount, row, paymentIntentId);
  return createRefund(stripe, {
    stripeAccount,
    paymentIntentId,
    amountMinor: row.amountMinor,
    idempotencyKey: row.idempotencyKey,
    invoiceNumber,
    refundId: row.id,
    reason: row.reason,
  });
}
