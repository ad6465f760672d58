import type Stripe from 'stripe';
import { stripeErrors } from './client';
import { redact } from '../on-error';
import type { PaymentUpdate } from '../db/queries/payments';
import type { StoredChargeParams } from '../db/schema';
import { DISCONNECTED_SENTENCE, isAccessRevoked, isStripeUnavailable } from './errors';
import { AUTHENTICATION_MESSAGE, declineReason, describeCardError, UNKNOWN_OUTCOME_MESSAGE } from './decline-messages';

/** Everything one PaymentIntent create sends; the stored part is kept on the attempt for retries. */
export interface ChargeInput extends StoredChargeParams {
  stripeAccount: string;
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  paymentId: string;
}

/** What became of one PaymentIntent create, as columns of the attempt. */
export type ChargeOutcome = PaymentUpdate & { status: NonNullable<PaymentUpdate['status']> };

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** Fee and net from the charge's balance transaction, when Stripe expanded it. */
function feeOf(pi: Stripe.PaymentIntent): { feeMinor: number | null; netMinor: number | null } {
  const charge = pi.latest_charge;
  if (!charge || typeof charge === 'string') return { feeMinor: null, netMinor: null };
  const bt = charge.balance_transaction;
  if (!bt || typeof bt === 'string') return { feeMinor: null, netMinor: null };
  return { feeMinor: bt.fee, netMinor: bt.net };
}

export function outcomeOfIntent(pi: Stripe.PaymentIntent): ChargeOutcome {
  const base = { paymentIntentId: pi.id, chargeId: idOf(pi.latest_charge), ...feeOf(pi) };
  switch (pi.status) {
    case 'succeeded':
      return { ...base, status: 'succeeded', failureCode: null, failureMessage: null };
    case 'processing':
      return { ...base, status: 'unknown', failureMessage: UNKNOWN_OUTCOME_MESSAGE };
    case 'requires_action':
    case 'requires_confirmation':
      return {
        ...base,
        status: 'requires_action',
        failureCode: 'authentication_required',
        failureMessage: AUTHENTICATION_MESSAGE,
      };
    case 'canceled':
      return {
        ...base,
        status: 'canceled',
        failureCode: 'canceled',
        failureMessage: 'This charge was canceled. Nothing was charged.',
      };
    default: {
      const err = pi.last_payment_error;
      if (err?.code === 'authentication_required')
        return {
          ...base,
          status: 'requires_action',
          failureCode: 'authentication_required',
          failureMessage: AUTHENTICATION_MESSAGE,
        };
      return {
        ...base,
        status: 'failed',
        failureCode: declineReason(err?.decline_code, err?.code),
        failureMessage: "The card was declined by the customer's bank. Nothing was charged.",
      };
    }
  }
}

/**
 * One PaymentIntent create, confirmed off-session against the stored card. The Idempotency-Key
 * was written to D1 before this call, so a retry (ours or the SDK's) can never make a second one.
 */
export async function createCharge(stripe: Stripe, input: ChargeInput): Promise<ChargeOutcome> {
  try {
    const pi = await stripe.paymentIntents.create(
      {
        amount: input.amountMinor,
        currency: input.currency,
        customer: input.stripeCustomerId,
        payment_method: input.paymentMethodId,
        // https://docs.stripe.com/payments/save-and-reuse#charge-saved-payment-method —
        // the customer is not present; Stripe asks the bank to exempt the charge from 3-D Secure.
        off_session: true,
        confirm: true,
        // Cards only: with the Dashboard's methods Stripe would also want a return_url for redirects.
        allowed_payment_method_types: ['card'],
        ...(input.receiptEmail ? { receipt_email: input.receiptEmail } : {}),
        description: `Invoice ${input.invoiceNumber}`,
        metadata: {
          invoice_number: input.invoiceNumber,
          site_customer_id: input.siteCustomerId,
          payment_id: input.paymentId,
        },
        expand: ['latest_charge.balance_transaction'],
      },
      { stripeAccount: input.stripeAccount, idempotencyKey: input.idempotencyKey },
    );
    return outcomeOfIntent(pi);
  } catch (error) {
    if (error instanceof stripeErrors().StripeCardError) {
      const intent = error.payment_intent;
      const ids = { paymentIntentId: intent?.id ?? null, chargeId: idOf(intent?.latest_charge) };
      if (error.code === 'authentication_required')
        return {
          ...ids,
          status: 'requires_action',
          failureCode: 'authentication_required',
          failureMessage: AUTHENTICATION_MESSAGE,
        };
      const failure = describeCardError(error);
      return { ...ids, status: 'failed', failureCode: failure.failureCode, failureMessage: failure.message };
    }
    // Stripe refused our access to the account (deauthorized before its webhook reached us): no charge exists.
    if (isAccessRevoked(error))
      return { status: 'failed', failureCode: 'not_connected', failureMessage: DISCONNECTED_SENTENCE };
    // Unreachable, 5xx, or the same key still in flight: the charge may or may not exist.
    const inFlight =
      error instanceof stripeErrors().StripeInvalidRequestError && error.code === 'idempotency_key_in_use';
    if (isStripeUnavailable(error) || inFlight || error instanceof stripeErrors().StripeIdempotencyError)
      return { status: 'unknown', failureCode: 'stripe_unavailable', failureMessage: UNKNOWN_OUTCOME_MESSAGE };
    if (error instanceof stripeErrors().StripeInvalidRequestError) {
      const message =
        error.code === 'amount_too_small'
          ? 'The amount is below the smallest charge Stripe accepts (50¢). Nothing was charged.'
          : 'Stripe refused this charge. Nothing was charged. Check the card on file (Edit) and try again.';
      return { status: 'failed', failureCode: error.code ?? 'invalid_request', failureMessage: message };
    }
    // Anything else (a bug, a misconfigured key): we cannot say whether Stripe charged, so the
    // attempt stays unknown and settles by retry or webhook rather than sitting "pending" forever.
    console.error(
      JSON.stringify({
        level: 'error',
        where: 'createCharge',
        name: error instanceof Error ? error.name : 'unknown',
        message: redact(error instanceof Error ? error.message : String(error)),
      }),
    );
    return { status: 'unknown', failureCode: 'stripe_error', failureMessage: UNKNOWN_OUTCOME_MESSAGE };
  }
}
