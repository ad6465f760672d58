import type Stripe from 'stripe';
import { stripeErrors } from './client';
import { redact } from '../on-error';
import type { RefundRow } from '../db/queries/refunds';
import { DISCONNECTED_SENTENCE, isAccessRevoked, isStripeUnavailable } from './errors';

export type RefundOutcome = {
  status: RefundRow['status'];
  stripeRefundId: string | null;
  failureReason: string | null;
};

export const REFUND_UNKNOWN_MESSAGE =
  "We could not hear back from Stripe about this refund. Don't refund again: it settles by itself within minutes, or click Refund again to check.";

const FAILURE_REASONS: Record<string, string> = {
  lost_or_stolen_card:
    "The refund failed: the customer's card was reported lost or stolen. Return the money to the customer another way.",
  expired_or_canceled_card:
    "The refund failed: the customer's card has expired or was canceled. Return the money to the customer another way.",
  insufficient_funds:
    'The refund failed because your Stripe balance did not cover it. Add funds in Stripe, then refund again.',
};

/** Stripe's refund, in the words the consultant sees on the Paid list. Only `succeeded` means refunded. */
export function outcomeOfRefund(refund: Stripe.Refund): RefundOutcome {
  const base = { stripeRefundId: refund.id };
  switch (refund.status) {
    case 'succeeded':
      return { ...base, status: 'succeeded', failureReason: null };
    case 'pending':
      return {
        ...base,
        status: 'pending',
        failureReason:
          refund.pending_reason === 'insufficient_funds'
            ? 'Refund pending: your Stripe balance does not cover it yet. Stripe sends it when funds arrive; the invoice is not changed until then.'
            : 'Stripe is processing this refund. The invoice is not changed until it completes.',
      };
    case 'requires_action':
      return {
        ...base,
        status: 'requires_action',
        failureReason:
          'Stripe needs more details from the customer to return the money. Check the payment in your Stripe Dashboard.',
      };
    case 'canceled':
      return {
        ...base,
        status: 'canceled',
        failureReason: 'This refund was canceled. Nothing was returned to the customer.',
      };
    default:
      return {
        ...base,
        status: 'failed',
        failureReason:
          FAILURE_REASONS[refund.failure_reason ?? ''] ??
          'The refund failed at the bank. Return the money to the customer another way, or contact Stripe support.',
      };
  }
}

/** One refund of part of a PaymentIntent on the connected account, with the key stored beforehand. */
export async function createRefund(
  stripe: Stripe,
  input: {
    stripeAccount: string;
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
    invoiceNumber: string;
    refundId: string;
    reason: RefundRow['reason'];
  },
): Promise<RefundOutcome> {
  try {
    // https://docs.stripe.com/api/refunds/create — by payment_intent, a partial amount allowed.
    const refund = await stripe.refunds.create(
      {
        payment_intent: input.paymentIntentId,
        amount: input.amountMinor,
        metadata: { invoice_number: input.invoiceNumber, refund_id: input.refundId },
        ...(input.reason ? { reason: input.reason } : {}),
      },
      { stripeAccount: input.stripeAccount, idempotencyKey: input.idempotencyKey },
    );
    return outcomeOfRefund(refund);
  } catch (error) {
    if (isAccessRevoked(error)) return { status: 'failed', stripeRefundId: null, failureReason: DISCONNECTED_SENTENCE };
    const inFlight =
      error instanceof stripeErrors().StripeInvalidRequestError && error.code === 'idempotency_key_in_use';
    if (isStripeUnavailable(error) || inFlight || error instanceof stripeErrors().StripeIdempotencyError)
      return { status: 'unknown', stripeRefundId: null, failureReason: REFUND_UNKNOWN_MESSAGE };
    if (error instanceof stripeErrors().StripeInvalidRequestError) {
      const reason =
        error.code === 'charge_already_refunded'
          ? 'Stripe says this card payment was already refunded in full. Nothing more was refunded.'
          : error.code === 'amount_too_large'
            ? 'Stripe says that is more than is left to refund on this card payment. Nothing was refunded.'
            : 'Stripe refused this refund. Nothing was refunded.';
      return { status: 'failed', stripeRefundId: null, failureReason: reason };
    }
    // Anything else: whether Stripe refunded is unknown; the same key or a webhook settles it.
    console.error(
      JSON.stringify({
        level: 'error',
        where: 'createRefund',
        name: error instanceof Error ? error.name : 'unknown',
        message: redact(error instanceof Error ? error.message : String(error)),
      }),
    );
    return { status: 'unknown', stripeRefundId: null, failureReason: REFUND_UNKNOWN_MESSAGE };
  }
}
